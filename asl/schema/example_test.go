package schema_test

import (
	"fmt"
	"strings"

	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Completion inside a retrier: locate the object under the cursor, then
// offer the fields that are valid there and not yet written.
func ExampleSuggest() {
	f := syntax.Parse([]byte(`{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
	  "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}]}}}`))
	retrier := schema.NodeAt(f.Root, []string{"States", "A", "Retry", "0"})
	loc := schema.LocateNode(f.Root, retrier)
	var present []string
	for _, m := range retrier.Members {
		present = append(present, m.Key)
	}
	for _, field := range schema.Suggest(loc.Object, loc.QueryLanguage, present) {
		fmt.Println(field.Snippet)
	}
	// Output:
	// "IntervalSeconds": ${1:1}
	// "BackoffRate": ${1:2.0}
	// "MaxDelaySeconds": $1
	// "JitterStrategy": "${1|FULL,NONE|}"
	// "Comment": "$1"
}

// Hover on a key: the field's doc plus its type, default and range.
func ExampleLocate() {
	path := []string{"States", "Fetch", "Retry", "0", "BackoffRate"}
	get := func(p []string) (string, bool) {
		if strings.Join(p, "/") == "States/Fetch/Type" {
			return "Task", true
		}
		return "", false
	}
	loc := schema.Locate(path, get)
	fmt.Println(loc.Parent.Name, loc.StateType, loc.QueryLanguage)
	fmt.Println(strings.SplitN(loc.Field.Describe(), "\n\n", 3)[2])
	// Output:
	// Retrier Task JSONPath
	// Type: number · default `2.0` · at least 1
}

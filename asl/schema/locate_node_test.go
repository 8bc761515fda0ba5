package schema

import (
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/google/go-cmp/cmp"

	"github.com/aslkit/aslkit/asl/syntax"
)

// LocateNode on a parsed document: the node under a marker is found with
// syntax.PathAt, then located in the schema.
func TestLocateNode(t *testing.T) {
	const doc = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Each",
  "States": {
    "Each": {
      "Type": "Map",
      "ItemProcessor": {
        "ProcessorConfig": { "Mode": "<|mode|>INLINE" },
        "StartAt": "Call",
        "States": {
          "Call": {
            "Type": "Task",
            "QueryLanguage": "JSONata",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Arguments": { "Payload": "<|arg|>{% $states.input %}" },
            "Retry": [ { "ErrorEquals": ["<|err|>States.ALL"], "BackoffRate": <|rate|>2 } ],
            "End": true
          }
        }
      },
      "End": true
    }
  }
}`
	tests := []struct {
		marker string
		want   []string // path, field, state type, language, free
	}{
		{"mode", []string{"States/Each/ItemProcessor/ProcessorConfig/Mode", "Mode", "Map", "JSONata", "false"}},
		{"arg", []string{"States/Each/ItemProcessor/States/Call/Arguments/Payload", "", "Task", "JSONata", "true"}},
		{"err", []string{"States/Each/ItemProcessor/States/Call/Retry/0/ErrorEquals/0", "ErrorEquals", "Task", "JSONata", "false"}},
		{"rate", []string{"States/Each/ItemProcessor/States/Call/Retry/0/BackoffRate", "BackoffRate", "Task", "JSONata", "false"}},
	}
	for _, tt := range tests {
		text, marks := testkit.StripMarkers(t, doc)
		offset, ok := marks[tt.marker]
		if !ok {
			offset = -1
		}
		f := syntax.Parse([]byte(text))
		chain, _ := syntax.PathAt(f.Root, offset)
		if len(chain) == 0 {
			t.Fatalf("%s: no node at offset %d", tt.marker, offset)
		}
		n := chain[len(chain)-1]
		loc := LocateNode(f.Root, n)
		field := ""
		if loc.Field != nil {
			field = loc.Field.Name
		}
		free := "false"
		if loc.Free {
			free = "true"
		}
		got := []string{strings.Join(PathOf(n), "/"), field, loc.StateType, loc.QueryLanguage, free}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.marker, diff)
		}
		if NodeAt(f.Root, PathOf(n)) != n {
			t.Errorf("%s: NodeAt(PathOf(n)) is not n", tt.marker)
		}
	}
}

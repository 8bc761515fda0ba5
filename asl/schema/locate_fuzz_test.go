package schema

import (
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/syntax"
)

// FuzzLocate: any path into any document locates without panicking, and
// a located object schema is one the package knows.
func FuzzLocate(f *testing.F) {
	f.Add(`{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Not":{"And":[{}]}}]}}}`, "States/A/Choices/0/Not/And/0/Variable")
	f.Add(`{"QueryLanguage":"JSONata","States":{"M":{"Type":"Map","ItemProcessor":{"States":{"B":{"Type":"Task"}}}}}}`, "States/M/ItemProcessor/States/B/Retry/0/ErrorEquals/3")
	f.Add(`[]`, "0/1/2")
	f.Fuzz(func(t *testing.T, doc, path string) {
		root := syntax.Parse([]byte(doc)).Root
		var p []string
		if path != "" {
			p = strings.Split(path, "/")
		}
		loc := Locate(p, NodeGetter(root))
		if loc.QueryLanguage != "JSONPath" && loc.QueryLanguage != "JSONata" {
			t.Fatalf("query language %q", loc.QueryLanguage)
		}
		if n := NodeAt(root, p); n != nil {
			LocateNode(root, n)
		}
	})
}

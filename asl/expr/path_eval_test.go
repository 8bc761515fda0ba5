package expr

import (
	"testing"

	"github.com/ohler55/ojg/jp"
	"github.com/ohler55/ojg/oj"
)

// TestJSONPathEvaluates runs the re-rooted paths through ojg, the engine the
// simulator uses, on small documents with known AWS results.
func TestJSONPathEvaluates(t *testing.T) {
	tests := []struct{ doc, path, want string }{
		// Recorded on AWS (test_escape_sequence_parsing): bracket names keep
		// their backslashes.
		{`{"Test\\\"\"Name\"": "Value\"\\"}`, `$['Test\""Name"']`, `["Value\"\\"]`},
		{`{"a":[1,2,3,4]}`, "$.a[0,1]", "[1,2]"},
		{`{"a":[1,2,3,4]}`, "$.a[(@.length-1)]", "[4]"},
		{`{"a":[1,2,3,4]}`, "$.a[-2:]", "[3,4]"},
		{`{"a":[{"x":null},{"y":1}]}`, "$.a[?(@.x)]", `[{"x":null}]`},
		{`{"a":[{"p":5},{"p":20}]}`, "$.a[?(@.p < 10)].p", "[5]"},
		{`{"a":[{"k":"FooBar","v":1},{"k":"x","v":2}]}`, "$.a[?(@.k == FooBar)].v", "[1]"},
		{`{"a":[{"t":"ABC"},{"t":"x"}]}`, "$.a[?(@.t =~ /ab.*/i)].t", `["ABC"]`},
		{`{"a":[{"t":"b"},{"t":"z"}]}`, "$.a[?(@.t nin ['a','b'])].t", `["z"]`},
		{`{"store":{"book":[{"price":1},{"price":2}]}}`, "$..price", "[1,2]"},
		{`{"my-field":3,"store.book":4}`, "$['my-field']", "[3]"},
		{`{"my-field":3,"store.book":4}`, `$.store\.book`, "[4]"},
		{`{"Execution":{"Input":{"x":1}}}`, "$$.Execution.Input.x", "[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, errs := ParsePath(tt.path)
			if errs != nil {
				t.Fatal(errs)
			}
			x, err := jp.ParseString(p.JSONPath())
			if err != nil {
				t.Fatalf("ojg rejects %s: %v", p.JSONPath(), err)
			}
			doc, err := oj.ParseString(tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := oj.JSON(x.Get(doc), &oj.Options{Sort: true}); got != tt.want {
				t.Errorf("%s on %s = %s, want %s", p.JSONPath(), tt.doc, got, tt.want)
			}
		})
	}
}

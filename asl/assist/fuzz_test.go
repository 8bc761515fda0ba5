package assist

import (
	"testing"

	"github.com/aslkit/aslkit/asl/check"
)

// FuzzAssist runs every feature at an offset of an arbitrary document,
// JSON or YAML, through the inner functions (no recover), so a panic
// fails the fuzzer; fix edits must stay inside the document.
func FuzzAssist(f *testing.F) {
	seeds := []string{
		`{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"x.$": "States.Format('{}', $.a)"}, "Next": "B"}, "B": {"Type": "Pass", "End": true}}}`,
		`{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $sum($states.input.x) %}", "End": true}}}`,
		"StartAt: A\nStates:\n  A:\n    Type: Task\n    Retry:\n      - ErrorEquals:\n          - \n    Next: \n",
		`{"States": {"A": {"Type": "Choice", "Choices": [{"Next": "`,
		`{"States": {"A": {"Type": "Map", "ItemProcessor": {"StartAt": "", "States": {"B": {"Catch": [{"Next": "B"}]}}}}}}`,
	}
	for _, s := range seeds {
		for _, off := range []int{0, len(s) / 3, len(s) / 2, len(s) - 5, len(s)} {
			f.Add(s, off, false)
			f.Add(s, off, true)
		}
	}
	input := map[string]any{"a": map[string]any{"b": []any{int64(1)}}, "x": "y"}
	f.Fuzz(func(t *testing.T, text string, offset int, yaml bool) {
		name := "m.asl.json"
		if yaml {
			name = "m.asl.yaml"
		}
		def := parseDoc(name, []byte(text))
		offset = min(max(offset, 0), len(text))
		for _, snippets := range []bool{false, true} {
			for _, c := range complete(def, offset, Options{Snippets: snippets, Input: input, HasInput: true}) {
				for _, e := range append([]Edit{c.Edit}, c.Extra...) {
					if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.End < e.Span.Start {
						t.Fatalf("candidate %q edit %v outside the document", c.Label, e.Span)
					}
				}
			}
		}
		hover(def, offset, Options{Input: input, HasInput: true})
		signature(def, offset)
		if len(text) < 2000 {
			for _, d := range check.Run(def, check.Options{}) {
				for _, fx := range fixesFor(def, Diagnostic{Code: d.Code, Span: d.Span, Message: d.Message}) {
					for _, e := range fx.Edits {
						if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.End < e.Span.Start {
							t.Fatalf("fix %q edit %v outside the document", fx.Title, e.Span)
						}
					}
				}
			}
		}
	})
}

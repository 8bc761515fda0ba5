package check

import (
	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// isJSONataField reports the state fields whose strings (at any depth) are
// evaluated when they are framed as {% ... %} in JSONata states.
func isJSONataField(key string) bool {
	switch key {
	case "Arguments", "Output", "Assign", "Items", "ItemSelector", "TimeoutSeconds",
		"HeartbeatSeconds", "Seconds", "Timestamp", "MaxConcurrency", "ToleratedFailureCount",
		"ToleratedFailurePercentage", "Error", "Cause", "Credentials", "ItemReader",
		"ItemBatcher", "ResultWriter":
		return true
	}
	return false
}

// In JSONata states, an expression string starts with {% and ends with %}.
var _ = register(&Rule{
	Code:     CodeJSONataFraming,
	Name:     "jsonata-framing",
	Severity: Error,
	Doc: "A string in a JSONata field almost frames an expression but not quite: it opens with {% and " +
		"does not close, closes with %} and does not open, or has whitespace outside the delimiters. AWS " +
		"rejects such a definition. Write \"{% expression %}\" exactly.",
	Run: func(p *Pass) {
		plain := substitutionFree(p)
		for _, s := range p.Def.All {
			if s.QueryLanguage != model.JSONata || !hasObjectBody(s) {
				continue
			}
			for _, m := range s.Node.Members {
				if isJSONataField(m.Key) {
					checkFraming(p, plain, m.Value, m.Key)
				}
			}
			for _, c := range s.Catch {
				checkFraming(p, plain, c.Node.Value("Output"), "Output")
				checkFraming(p, plain, c.Node.Value("Assign"), "Assign")
			}
			for _, r := range s.Choices {
				for _, f := range []string{"Condition", "Output", "Assign"} {
					checkFraming(p, plain, r.Node.Value(f), f)
				}
			}
		}
	},
})

// checkFraming checks every string under n.
func checkFraming(p *Pass, plain bool, n *syntax.Node, field string) {
	if n == nil || isPlaceholderIn(plain, n) {
		return
	}
	switch n.Kind {
	case syntax.String:
		if !skipExprIn(plain, n) {
			if errs := expr.CheckJSONataFraming(n.Str); len(errs) > 0 {
				reportExprErrors(p, n, errs, field+": ")
			}
		}
	case syntax.Object:
		for _, m := range n.Members {
			checkFraming(p, plain, m.Value, field)
		}
	case syntax.Array:
		for _, e := range n.Elems {
			checkFraming(p, plain, e, field)
		}
	}
}

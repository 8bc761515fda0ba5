package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// And and Or take a non-empty array of rules; Not takes one rule object.
var _ = register(&Rule{
	Code:     CodeChoiceBooleanShape,
	Name:     "choice-boolean-shape",
	Severity: Error,
	Doc: "\"And\" and \"Or\" take a non-empty array of Choice rules and \"Not\" takes a single rule object. " +
		"Write \"And\": [{...}, {...}] and \"Not\": {...}.",
	Run: func(p *Pass) {
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			for _, m := range r.Node.Members {
				v := m.Value
				if !isBooleanOperator(m.Key) || v == nil || isDeployPlaceholder(v) {
					continue
				}
				switch m.Key {
				case "And", "Or":
					switch {
					case v.Kind != syntax.Array:
						p.Report(headSpan(p, v), "\""+m.Key+"\" takes an array of Choice rules, not "+aKind(v.Kind)+"; write \""+m.Key+"\": [{...}, {...}]")
					case len(v.Elems) == 0 && !v.Unclosed:
						p.Report(v.Span, "\""+m.Key+"\" is empty; list at least one Choice rule")
					default:
						for _, e := range v.Elems {
							if e.Kind != syntax.Object && !isDeployPlaceholder(e) {
								p.Report(headSpan(p, e), "each element of \""+m.Key+"\" is a Choice rule object, not "+aKind(e.Kind))
							}
						}
					}
				case "Not":
					if v.Kind != syntax.Object {
						p.Report(headSpan(p, v), "\"Not\" takes one Choice rule object, not "+aKind(v.Kind)+"; write \"Not\": {\"Variable\": ..., ...}")
					}
				}
			}
		})
	},
})

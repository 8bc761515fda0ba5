package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Each comparison operator takes an operand of its own type.
var _ = register(&Rule{
	Code:     CodeChoiceOperandType,
	Name:     "choice-operand-type",
	Severity: Error,
	Doc: "A Choice comparison has an operand of the wrong JSON type: String* and Timestamp* take a string, " +
		"Numeric* a number, BooleanEquals and Is* a boolean, and every *Path operator a path string. " +
		"AWS rejects the definition; \"NumericEquals\": \"1\" must be \"NumericEquals\": 1.",
	Run: func(p *Pass) {
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			for _, m := range r.Node.Members {
				if m.Value == nil || !model.IsRuleOperator(m.Key) || isBooleanOperator(m.Key) || isDeployPlaceholder(m.Value) {
					continue
				}
				want, example := operandKind(m.Key)
				if m.Value.Kind != want {
					p.Report(headSpan(p, m.Value), "\""+m.Key+"\" takes "+aKind(want)+", not "+aKind(m.Value.Kind)+"; write for example \""+m.Key+"\": "+example)
				}
			}
		})
	},
})

// operandKind is the JSON type an operator's operand must have, with an example.
func operandKind(op string) (syntax.Kind, string) {
	switch {
	case strings.HasSuffix(op, "Path"):
		return syntax.String, `"$.field"`
	case strings.HasPrefix(op, "Numeric"):
		return syntax.Number, "10"
	case op == "BooleanEquals" || strings.HasPrefix(op, "Is"):
		return syntax.Bool, "true"
	case strings.HasPrefix(op, "Timestamp"):
		return syntax.String, `"2024-01-31T12:00:00Z"`
	}
	return syntax.String, `"text"`
}

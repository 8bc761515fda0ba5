package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// The value of every ".$" key is a path or an intrinsic call.
var _ = register(&Rule{
	Code:     CodeInvalidDollarValue,
	Name:     "invalid-dollar-value",
	Severity: Error,
	Doc: "A key ending in \".$\" (in Parameters, ResultSelector, ItemSelector, Assign, Credentials, ...) " +
		"must have a string value that is a path ($.x, $$.Execution.Id, $variable) or an intrinsic call " +
		"(States.Format(...)). To send the text as is, remove \".$\" from the key.",
	Run: func(p *Pass) {
		eachPayloadTemplate(p.Def, func(_ *model.State, field string, n *syntax.Node) {
			eachDollarKey(n, func(m *syntax.Member) {
				v := m.Value
				if v == nil || isDeployPlaceholder(v) {
					return
				}
				if v.Kind != syntax.String {
					p.Report(v.Span, "the value of \""+m.Key+"\" must be a string holding a path or an intrinsic call, not "+aKind(v.Kind)+"; remove \".$\" from the key to use the value as is")
					return
				}
				if skipExpr(v) || isIntrinsicText(v.Str) {
					return
				}
				_, errs := expr.ParseDollarValue(v.Str)
				reportExprErrors(p, v, errs, "")
			})
		})
	},
})

// Intrinsic calls have the right name, arity and argument types.
var _ = register(&Rule{
	Code:     CodeInvalidIntrinsicCall,
	Name:     "invalid-intrinsic-call",
	Severity: Error,
	Doc: "An intrinsic function call (States.Format, States.Array, ...) in a \".$\" value, ErrorPath or " +
		"CausePath is malformed: unknown function, wrong number of arguments, or a literal argument of the " +
		"wrong type. The error points at the argument.",
	Run: func(p *Pass) {
		eachPayloadTemplate(p.Def, func(_ *model.State, field string, n *syntax.Node) {
			eachDollarKey(n, func(m *syntax.Member) {
				if v := m.Value; !skipExpr(v) && isIntrinsicText(v.Str) {
					_, errs := expr.ParseDollarValue(v.Str)
					reportExprErrors(p, v, errs, "")
				}
			})
		})
		for _, s := range p.Def.All {
			if !usesJSONPath(s) || !hasObjectBody(s) {
				continue
			}
			for _, m := range s.Node.Members {
				if v, f := m.Value, m.Key; statePathFields[f] == pathOrIntrinsic && !skipExpr(v) && expr.IsIntrinsic(v.Str) {
					c, errs := expr.ParseIntrinsic(v.Str)
					if errs == nil {
						errs = expr.CheckCall(c)
					}
					reportExprErrors(p, v, errs, f+": ")
				}
			}
		}
	},
})

// isIntrinsicText reports whether a `.$` value is meant as a call rather
// than a path: it does not start with '$' and has a '(' (States.Format(,
// or a misspelt states.format().
func isIntrinsicText(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	return !strings.HasPrefix(t, "$") && strings.Contains(t, "(")
}

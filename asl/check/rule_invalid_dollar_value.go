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
	Run: func(p *Pass) { reportDollarFindings(p, false) },
})

// Intrinsic calls have the right name, arity and argument types.
var _ = register(&Rule{
	Code:     CodeInvalidIntrinsicCall,
	Name:     "invalid-intrinsic-call",
	Severity: Error,
	Doc: "An intrinsic function call (States.Format, States.Array, ...) in a \".$\" value, ErrorPath or " +
		"CausePath is malformed: unknown function, wrong number of arguments, or a literal argument of the " +
		"wrong type. The error points at the argument.",
	Run: func(p *Pass) { reportDollarFindings(p, true) },
})

// dollarFinding is one problem in a `.$` value, ErrorPath or CausePath.
type dollarFinding struct {
	node   *syntax.Node // the string (or ill-typed value) it is in
	errs   []expr.Error // nil for an ill-typed value
	prefix string       // field name prefix for the message
	key    string       // the `.$` key of an ill-typed value
	call   bool         // an intrinsic call problem (ASL120), else ASL119
}

func reportDollarFindings(p *Pass, calls bool) {
	for _, f := range memoized(p, memoDollar, func() []dollarFinding { return dollarFindings(p) }) {
		if f.call != calls {
			continue
		}
		if f.errs == nil {
			p.Report(headSpan(p, f.node), "the value of \""+f.key+"\" must be a string holding a path or an intrinsic call, not "+aKind(f.node.Kind)+"; remove \".$\" from the key to use the value as is")
			continue
		}
		reportExprErrors(p, f.node, f.errs, f.prefix)
	}
}

// dollarFindings walks every payload template once and parses each `.$`
// value, plus ErrorPath/CausePath intrinsics.
func dollarFindings(p *Pass) []dollarFinding {
	def := p.Def
	var out []dollarFinding
	plain := substitutionFree(p)
	eachPayloadTemplate(p, func(_ *model.State, field string, n *syntax.Node) {
		eachDollarKey(plain, n, func(m *syntax.Member) {
			v := m.Value
			if v == nil || isPlaceholderIn(plain, v) {
				return
			}
			if v.Kind != syntax.String {
				out = append(out, dollarFinding{node: v, key: m.Key})
				return
			}
			if skipExprIn(plain, v) {
				return
			}
			if errs := parseCached(p, parseAsDollar, v.Str).errs; len(errs) > 0 {
				out = append(out, dollarFinding{node: v, errs: errs, call: isIntrinsicText(v.Str)})
			}
		})
	})
	for _, s := range def.All {
		// ErrorPath and CausePath are the only such fields: the model's
		// field index rules out most states without a scan.
		if !usesJSONPath(s) || !hasObjectBody(s) || (s.FieldAt(model.FieldErrorPath) == nil && s.FieldAt(model.FieldCausePath) == nil) {
			continue
		}
		for _, m := range s.Node.Members {
			if v, f := m.Value, m.Key; statePathField(f) == pathOrIntrinsic && !skipExprIn(plain, v) && expr.IsIntrinsic(v.Str) {
				if errs := parseCached(p, parseAsCall, v.Str).errs; len(errs) > 0 {
					out = append(out, dollarFinding{node: v, errs: errs, prefix: f + ": ", call: true})
				}
			}
		}
	}
	return out
}

// isIntrinsicText reports whether a `.$` value is meant as a call rather
// than a path: it does not start with '$' and has a '(' (States.Format(,
// or a misspelt states.format().
func isIntrinsicText(s string) bool {
	t := strings.TrimLeft(s, " \t\r\n")
	return !strings.HasPrefix(t, "$") && strings.Contains(t, "(")
}

package check

import (
	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// ResultPath is a Reference Path into the state input: no $$, no variables.
var _ = register(&Rule{
	Code:     CodeInvalidResultPath,
	Name:     "invalid-result-path",
	Severity: Error,
	Doc: "A ResultPath (of a state or a catcher) is not a valid Reference Path into the state's input. It " +
		"must start with $, select exactly one node (no *, .., filters, slices or unions) and cannot " +
		"address the Context object ($$) or a variable ($name). Use \"Assign\" to set variables.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if !usesJSONPath(s) || !hasObjectBody(s) {
				continue
			}
			checkResultPath(p, s.ValueAt(model.FieldResultPath))
			for _, c := range s.Catch {
				checkResultPath(p, c.Node.Value("ResultPath"))
			}
		}
	},
})

func checkResultPath(p *Pass, v *syntax.Node) {
	if skipExpr(v) {
		return
	}
	parsed := parseCached(p, parseAsReference, v.Str)
	errs := parsed.errs
	if errs == nil && parsed.isPath {
		switch parsed.root {
		case expr.RootContext:
			errs = []expr.Error{{Span: parsed.rootSpan, Message: "cannot write into the Context object ($$); write into the input with $.field"}}
		case expr.RootVariable:
			errs = []expr.Error{{Span: parsed.rootSpan, Message: "cannot write into a variable; use \"Assign\": {\"" + parsed.variable + "\": ...} to set variables, or write into the input with $.field"}}
		}
	}
	reportExprErrors(p, v, errs, "ResultPath: ")
}

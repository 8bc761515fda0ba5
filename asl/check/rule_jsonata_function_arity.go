package check

import (
	"strconv"

	"github.com/aslkit/aslkit/asl/jsonata"
)

// A built-in called with too few or too many arguments.
var _ = register(&Rule{
	Code:     CodeJSONataFunctionArity,
	Name:     "jsonata-function-arity",
	Severity: Warning,
	Doc: "A JSONata built-in function is called with fewer arguments than it needs or more than it " +
		"takes (x ~> $f(a) counts x as the first argument; arguments a function can take from the " +
		"context are optional). AWS accepts the definition, but the call fails at run time with " +
		"States.QueryEvaluationError (T0410: argument does not match function signature).",
	Run: func(p *Pass) {
		text := p.Def.File.Text
		for _, e := range jsonataExprs(p) {
			for _, c := range e.facts.calls {
				if c.partial {
					continue
				}
				fi, ok := jsonata.LookupFunction(c.name)
				if !ok || fi.Unavailable != "" {
					continue
				}
				if c.args >= fi.MinArgs && (fi.MaxArgs < 0 || c.args <= fi.MaxArgs) {
					continue
				}
				p.Report(e.span(text, c.start, c.end), e.field+": $"+c.name+fi.Params+" takes "+arityText(fi.MinArgs, fi.MaxArgs)+", not "+strconv.Itoa(c.args))
			}
		}
	},
})

// arityText says how many arguments a function takes: "2 arguments",
// "1 to 3 arguments", "at least 1 argument".
func arityText(lo, hi int) string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return strconv.Itoa(n) + " arguments"
	}
	switch {
	case hi < 0:
		return "at least " + plural(lo)
	case lo == hi:
		return plural(lo)
	case lo == 0:
		return "at most " + plural(hi)
	}
	return strconv.Itoa(lo) + " to " + plural(hi)
}

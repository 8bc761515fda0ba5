package check

import (
	"github.com/aslkit/aslkit/asl/jsonata"
)

// $foo(...) where foo is no function Step Functions' JSONata has.
var _ = register(&Rule{
	Code:     CodeJSONataUnknownFunction,
	Name:     "jsonata-unknown-function",
	Severity: Warning,
	Doc: "A JSONata expression calls $name(...) where name is neither a JSONata 2.0.6 built-in, nor one " +
		"of the functions Step Functions adds ($partition, $range, $hash, $random, $uuid, $parse), nor " +
		"bound in the expression ($f := function(...){...}). Functions Step Functions removes ($eval) " +
		"are reported too. AWS accepts the definition, but the call fails at run time with " +
		"States.QueryEvaluationError (T1006: Attempted to invoke a non-function). Check the spelling.",
	Run: func(p *Pass) {
		text := p.Def.File.Text
		var assigned map[string]bool
		for _, e := range jsonataExprs(p) {
			for _, c := range e.facts.calls {
				if why := jsonata.RemovedInStepFunctions[c.name]; why != "" {
					p.Report(e.span(text, c.start, c.end), e.field+": "+why)
					continue
				}
				if _, ok := jsonata.LookupFunction(c.name); ok {
					continue
				}
				if assigned == nil {
					assigned = variablesOf(p).assignedAnywhere()
				}
				if assigned[c.name] {
					continue // a workflow variable: ASL312 and the run decide
				}
				msg := e.field + ": $" + c.name + " is not a JSONata function"
				if near := nearestName(c.name, jsonataFunctionNames()); near != "" {
					msg += "; did you mean $" + near + "?"
				} else {
					msg += " (nor a Step Functions addition); calling it fails at run time with T1006"
				}
				p.Report(e.span(text, c.start, c.end), msg)
			}
		}
	},
})

// jsonataFunctionNames lists the functions a Step Functions expression may call.
func jsonataFunctionNames() []string {
	var out []string
	for _, f := range jsonata.Functions() {
		if f.Unavailable == "" {
			out = append(out, f.Name)
		}
	}
	return out
}

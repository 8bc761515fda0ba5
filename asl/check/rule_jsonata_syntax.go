package check

// A {% %} expression that JSONata cannot parse.
var _ = register(&Rule{
	Code:     CodeJSONataSyntax,
	Name:     "jsonata-syntax",
	Severity: Error,
	Doc: "A {% %} string in a field that evaluates JSONata is not a valid JSONata expression: an " +
		"unclosed parenthesis, an operator without an operand, JSONPath syntax such as [?(@.x)] inside " +
		"the delimiters, ... The message quotes the JSONata error code (S0201, S0202, ...) and points at " +
		"the offending token. AWS rejects the definition. Fix the expression, or remove {% %} to use the " +
		"text literally. The JSONata 2.1 operators ?? and ?: are a warning: Step Functions documents " +
		"JSONata 2.0.6, which does not have them.",
	Run: func(p *Pass) {
		text := p.Def.File.Text
		for _, e := range jsonataExprs(p) {
			if e.err == nil {
				continue
			}
			start, end := e.err.Start, e.err.Position
			if start < 0 {
				start = end - len(e.err.Token)
			}
			if end < start {
				end = start
			}
			p.Report(e.span(text, start, end), e.field+": "+e.err.Error())
		}
		for _, e := range jsonataExprs(p) {
			for _, op := range e.facts.newOps {
				p.ReportSeverity(Warning, e.span(text, op.start, op.end), e.field+": "+op.name+" is a JSONata 2.1 operator; Step Functions runs JSONata 2.0.6, which cannot parse it: write "+newOpAdvice[op.name])
			}
		}
	},
})

// newOpAdvice says how to write a JSONata 2.1 operator in 2.0.6.
var newOpAdvice = map[string]string{
	"??": "$exists(a) ? a : b instead of a ?? b",
	"?:": "a ? a : b instead of a ?: b",
}

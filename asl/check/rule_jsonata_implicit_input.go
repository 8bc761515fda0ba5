package check

// "{% $.total %}", "{% total %}", "{% $$ %}": the expression has no input.
var _ = register(&Rule{
	Code:     CodeJSONataImplicitInput,
	Name:     "jsonata-implicit-input",
	Severity: Warning,
	Doc: "Step Functions evaluates a JSONata expression without an input document: at the top level of " +
		"an expression `$`, `$$` and bare field names (`{% $.total %}`, `{% total %}`) read nothing, so " +
		"the expression yields undefined and the state fails with States.QueryEvaluationError. Inside a " +
		"path step, a filter or a transform `$` and field names are the current item and fine " +
		"(`{% $states.input.items[price > 10] %}`). Read the state input as $states.input.",
	Run: func(p *Pass) {
		text := p.Def.File.Text
		for _, e := range jsonataExprs(p) {
			for _, r := range e.facts.implicit {
				var msg string
				switch r.name {
				case "$", "$$":
					msg = r.name + " is the input of the expression, and a JSONata expression in Step Functions has none: use $states.input"
				default:
					msg = "\"" + r.name + "\" reads a field of the expression's input, and a JSONata expression in Step Functions has none: write $states.input." + r.name + " (or $" + r.name + " for a variable)"
				}
				p.Report(e.span(text, r.start, r.end), e.field+": "+msg)
			}
		}
	},
})

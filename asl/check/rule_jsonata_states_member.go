package check

// $states.result, $states.errorOutput where they do not exist, and
// misspelt $states members.
var _ = register(&Rule{
	Code:     CodeJSONataStatesMember,
	Name:     "jsonata-states-member",
	Severity: Error,
	Doc: "$states has four members: input and context everywhere, result only in the Output and Assign " +
		"of a Task, Parallel or Map state (after the work is done), and errorOutput only in a Catcher's " +
		"Output and Assign. AWS rejects a definition that reads $states.result or $states.errorOutput " +
		"anywhere else (an error). Any other member is undefined at run time: a warning, with the likely " +
		"spelling; so are unknown members of $states.context and $states.context.Map outside a Map's " +
		"ItemSelector.",
	Run: func(p *Pass) {
		text := p.Def.File.Text
		// spans are computed only for what is reported: mapping an
		// offset through the string's escapes is not free
		for _, e := range jsonataExprs(p) {
			for _, m := range e.facts.states {
				switch m.name {
				case "input", "context":
				case "result":
					if !e.result {
						p.Report(e.span(text, m.start, m.end), e.field+": $states.result does not exist here: it is the result of the work, "+
							"available only in the Output and Assign of a Task, Parallel or Map state"+resultAdvice(e))
					}
				case "errorOutput":
					if !e.errorOutput {
						p.Report(e.span(text, m.start, m.end), e.field+": $states.errorOutput does not exist here: it is available only in a Catcher's Output and Assign")
					}
				default:
					msg := e.field + ": $states has no member \"" + m.name + "\" (it has input, context, result and errorOutput)"
					if near := nearestName(m.name, []string{"input", "context", "result", "errorOutput"}); near != "" {
						msg += "; did you mean $states." + near + "?"
					}
					p.ReportSeverity(Warning, e.span(text, m.start, m.end), msg)
				}
			}
			for _, m := range e.facts.context {
				switch m.name {
				case "Execution", "State", "StateMachine", "Task":
				case "Map":
					if !e.mapItem {
						p.ReportSeverity(Warning, e.span(text, m.start, m.end), e.field+": $states.context.Map is undefined here: it describes the current item only in a Map state's ItemSelector")
					}
				default:
					msg := e.field + ": the Context object has no member \"" + m.name + "\" (it has Execution, State, StateMachine, Task and, in ItemSelector, Map)"
					if near := nearestName(m.name, []string{"Execution", "State", "StateMachine", "Task", "Map"}); near != "" {
						msg += "; did you mean $states.context." + near + "?"
					}
					p.ReportSeverity(Warning, e.span(text, m.start, m.end), msg)
				}
			}
		}
	},
})

// resultAdvice explains the usual mistake behind a misplaced $states.result.
func resultAdvice(e *jsonataExpr) string {
	if e.errorOutput {
		return "; a Catcher sees the error as $states.errorOutput"
	}
	return ""
}

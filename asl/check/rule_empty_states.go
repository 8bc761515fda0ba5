package check

import "github.com/aslkit/aslkit/asl/syntax"

// Every scope has at least one state.
var _ = register(&Rule{
	Code:     CodeEmptyStates,
	Name:     "empty-states",
	Severity: Error,
	Doc:      "A \"States\" object has no states, so StartAt cannot name one. Add at least one state.",
	Run: func(p *Pass) {
		for _, m := range scopesOf(p) {
			if n := m.StatesNode; n != nil && n.Kind == syntax.Object && len(n.Members) == 0 && !n.Unclosed {
				p.Report(headSpan(p, n), "\"States\" of "+describeScope(m)+" is empty; add at least one state")
			}
		}
	},
})

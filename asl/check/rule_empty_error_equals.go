package check

import (
	"github.com/aslkit/aslkit/asl/syntax"
)

// ErrorEquals lists at least one error name.
var _ = register(&Rule{
	Code:     CodeEmptyErrorEquals,
	Name:     "empty-error-equals",
	Severity: Error,
	Doc: "A retrier or catcher has an empty \"ErrorEquals\", so it matches nothing and AWS rejects it. " +
		"List the error names to match, or \"States.ALL\".",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			for _, r := range s.Retry {
				emptyErrorEquals(p, r.Node, "retrier")
			}
			for _, c := range s.Catch {
				emptyErrorEquals(p, c.Node, "catcher")
			}
		}
	},
})

func emptyErrorEquals(p *Pass, n *syntax.Node, what string) {
	if ee := n.Value("ErrorEquals"); ee != nil && ee.Kind == syntax.Array && len(ee.Elems) == 0 && !ee.Unclosed {
		p.Report(headSpan(p, ee), "\"ErrorEquals\" of this "+what+" is empty; list error names such as \"States.TaskFailed\", or \"States.ALL\" to match any error")
	}
}

package check

import (
	"strconv"

	"github.com/aslkit/aslkit/asl/syntax"
)

// States.ALL is alone in its ErrorEquals, and only in the last retrier or
// catcher: anything after it could never match.
var _ = register(&Rule{
	Code:     CodeStatesAllPosition,
	Name:     "states-all-position",
	Severity: Error,
	Doc: "\"States.ALL\" must be the only name in its ErrorEquals, and its retrier or catcher must be the last " +
		"one: it matches every error, so nothing after it could ever run. Move it to the end, on its own.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			for i, r := range s.Retry {
				checkStatesAll(p, r.ErrorEquals, i, len(s.Retry), "retrier")
			}
			for i, c := range s.Catch {
				checkStatesAll(p, c.ErrorEquals, i, len(s.Catch), "catcher")
			}
		}
	},
})

func checkStatesAll(p *Pass, names []*syntax.Node, index, count int, what string) {
	for _, n := range names {
		if !n.IsString() || n.Str != errStatesAll {
			continue
		}
		if len(names) > 1 {
			p.Report(n.Span, "\"States.ALL\" must be the only name in its ErrorEquals; it already matches every error, so remove the other names or move them to an earlier "+what)
		}
		if index < count-1 {
			p.Report(n.Span, "the "+what+" with \"States.ALL\" must be the last one; the "+plural(count-1-index, what)+" after it can never match")
		}
		return
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// errStatesAll is the wildcard error name.
const errStatesAll = "States.ALL"

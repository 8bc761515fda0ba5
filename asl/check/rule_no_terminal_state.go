package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// From every reachable state some path leads to an end (Succeed, Fail or
// "End": true); otherwise the execution loops until it times out.
var _ = register(&Rule{
	Code:     CodeNoTerminalState,
	Name:     "no-terminal-state",
	Severity: Warning,
	Doc: "A scope with no terminal state at all (error: it can never finish), or a loop that, once entered, " +
		"has no way out (warning). Once the execution enters this state, no path leads to a Succeed, a Fail or a state with " +
		"\"End\": true: it loops until the execution times out (a year for Standard workflows). Add a Choice " +
		"that leaves the loop, or a catcher.",
	Run: func(p *Pass) {
		for _, m := range scopesOf(p) {
			g := graphOf(p, m)
			if g == nil || !hasTrap(m, g) {
				continue
			}
			// Report where the execution enters the trap: the trapped states
			// with a predecessor outside it (or StartAt).
			entry := map[*model.State]bool{}
			if !g.finishes(m.StartAt.Target) {
				entry[m.StartAt.Target] = true
			}
			for _, s := range m.States {
				if !g.reached(s) || !g.finishes(s) {
					continue
				}
				s.EachRef(func(_ model.EdgeKind, r *model.Ref) {
					if r.Target != nil && !g.finishes(r.Target) {
						entry[r.Target] = true
					}
				})
			}
			if len(entry) == 0 {
				continue
			}
			if !g.finishes(m.StartAt.Target) && !hasTerminal(m) {
				p.ReportSeverity(Error, m.StartAt.Node.Span, describeScopeTitle(m)+" has no terminal state: no Succeed, no Fail and no \"End\": true, so it can never finish; end the last state with \"End\": true")
				continue
			}
			// Report where the loop starts, seen from each entry.
			seen := map[*model.State]bool{}
			for _, s := range m.States {
				if !entry[s] || m.Lookup(s.Name) != s {
					continue
				}
				at := loopStart(s, g)
				if !seen[at] {
					seen[at] = true
					p.Report(at.NameSpan(), trapMessage(at))
				}
			}
		}
	},
})

// hasTrap reports whether some reachable state of m cannot finish: the
// states that lead into a trap are trapped themselves, so without one
// there is nothing to report.
func hasTrap(m *model.StateMachine, g *scopeGraph) bool {
	for _, s := range m.States {
		if g.reached(s) && !g.finishes(s) {
			return true
		}
	}
	return false
}

func trapMessage(s *model.State) string {
	return "once in state \"" + s.Name + "\", no path leads to a Succeed, a Fail or \"End\": true, so the execution loops until it times out; add a way out of the loop"
}

// hasTerminal reports whether any state of the scope ends it.
func hasTerminal(m *model.StateMachine) bool {
	for _, s := range m.States {
		if s.IsTerminal() {
			return true
		}
	}
	return false
}

func describeScopeTitle(m *model.StateMachine) string {
	d := describeScope(m)
	return strings.ToUpper(d[:1]) + d[1:]
}

// loopStart walks from a trapped entry state, breadth first through trapped
// states, to the first state that lies on a cycle: that is the loop the
// execution cannot leave.
func loopStart(from *model.State, g *scopeGraph) *model.State {
	visited := map[*model.State]bool{from: true}
	queue := []*model.State{from}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if onCycle(s, g) {
			return s
		}
		for _, e := range s.Edges() {
			if e.To != nil && !g.finishes(e.To) && !visited[e.To] {
				visited[e.To] = true
				queue = append(queue, e.To)
			}
		}
	}
	return from
}

// onCycle reports whether s can reach itself through trapped states.
func onCycle(s *model.State, g *scopeGraph) bool {
	visited := map[*model.State]bool{}
	stack := []*model.State{s}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range c.Edges() {
			if e.To == s {
				return true
			}
			if e.To != nil && !g.finishes(e.To) && !visited[e.To] {
				visited[e.To] = true
				stack = append(stack, e.To)
			}
		}
	}
	return false
}

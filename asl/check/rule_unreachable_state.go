package check

import "github.com/aslkit/aslkit/asl/model"

// Every state is reachable from its scope's StartAt.
var _ = register(&Rule{
	Code:     CodeUnreachableState,
	Name:     "unreachable-state",
	Severity: Warning,
	Doc: "No transition (StartAt, Next, Default, a Choice rule or a catcher) leads to this state within its " +
		"scope, so it never runs. AWS rejects such definitions; remove the state or add a transition to it.",
	Run: func(p *Pass) {
		for _, m := range scopesOf(p) {
			g := graphOf(p, m)
			if g == nil {
				continue // the unknown StartAt is the real problem
			}
			if allReached(m, g) {
				continue
			}
			excused, unknowable := typoTargets(m)
			if unknowable {
				continue // a transition to a ${placeholder} may lead anywhere
			}
			for _, s := range m.States {
				if g.reached(s) || m.Lookup(s.Name) != s || excused[s.Name] {
					continue // duplicates are reported as such; a typo's intended target once
				}
				p.Report(s.NameSpan(), "state \""+s.Name+"\" cannot be reached: no StartAt, Next, Default, Choice rule or catcher in "+
					describeScope(m)+" leads to it; remove it or add a transition to it")
			}
		}
	},
})

// allReached reports whether every state of m is reached: the usual case,
// with no transition to look at.
func allReached(m *model.StateMachine, g *scopeGraph) bool {
	for _, s := range m.States {
		if !g.reached(s) {
			return false
		}
	}
	return true
}

// typoTargets returns the states that the scope's unresolved transitions
// most likely meant (the typo is reported, not the state it orphans), and
// whether some transition is a deploy-time placeholder.
func typoTargets(m *model.StateMachine) (map[string]bool, bool) {
	var excused map[string]bool
	var names []string // listed only when some transition is unresolved
	unknowable := false
	visit := func(_ model.EdgeKind, r *model.Ref) {
		if r.Target != nil {
			return
		}
		if isDeployPlaceholder(r.Node) {
			unknowable = true
			return
		}
		if names == nil {
			names = stateNamesOf(m)
		}
		if near := nearestName(r.Name, names); near != "" {
			if excused == nil {
				excused = map[string]bool{}
			}
			excused[near] = true
		}
	}
	for _, s := range m.States {
		s.EachRef(visit)
	}
	return excused, unknowable
}

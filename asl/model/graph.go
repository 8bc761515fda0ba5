package model

// EdgeKind says which field a transition comes from.
type EdgeKind uint8

const (
	EdgeNext EdgeKind = iota
	EdgeDefault
	EdgeChoice
	EdgeCatch
)

// Edge is one transition out of a state. To is nil when the name is unknown
// in the state's scope.
type Edge struct {
	Kind EdgeKind
	Ref  *Ref
	To   *State
}

// Edges lists a state's outgoing transitions in source order of kind:
// Next, Choices, Default, Catch.
func (s *State) Edges() []Edge {
	var out []Edge
	s.EachRef(func(k EdgeKind, r *Ref) {
		if out == nil {
			out = make([]Edge, 0, len(s.Choices)+len(s.Catch)+2)
		}
		out = append(out, Edge{Kind: k, Ref: r, To: r.Target})
	})
	return out
}

// EachRef calls fn with each transition of s in the order of Edges (Next,
// Choice rules, Default, catchers) without building a slice; the graph
// walks of checks and completion use it on every keystroke.
func (s *State) EachRef(fn func(kind EdgeKind, r *Ref)) {
	if s.Next != nil {
		fn(EdgeNext, s.Next)
	}
	for _, c := range s.Choices {
		if c.Next != nil {
			fn(EdgeChoice, c.Next)
		}
	}
	if s.Default != nil {
		fn(EdgeDefault, s.Default)
	}
	for _, c := range s.Catch {
		if c.Next != nil {
			fn(EdgeCatch, c.Next)
		}
	}
}

// Reachable returns the states of scope m reachable from its StartAt.
func (m *StateMachine) Reachable() map[*State]bool {
	seen := make(map[*State]bool, len(m.States))
	if m.StartAt == nil || m.StartAt.Target == nil {
		return seen
	}
	stack := []*State{m.StartAt.Target}
	seen[m.StartAt.Target] = true
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s.EachRef(func(_ EdgeKind, r *Ref) {
			if r.Target != nil && !seen[r.Target] {
				seen[r.Target] = true
				stack = append(stack, r.Target)
			}
		})
	}
	return seen
}

// CanTerminate returns the states of scope m from which some terminal state
// (Succeed, Fail, End: true) is reachable. A state outside the set is stuck
// in a loop with no way out. Unknown targets count as a way out, so a typo
// is reported once, as an unknown target, not again as a loop.
func (m *StateMachine) CanTerminate() map[*State]bool {
	preds := make(map[*State][]*State, len(m.States))
	var work []*State
	ok := make(map[*State]bool, len(m.States))
	for _, s := range m.States {
		exits := s.IsTerminal() || s.Type == "" // untyped states are reported elsewhere
		s.EachRef(func(_ EdgeKind, r *Ref) {
			if r.Target == nil {
				exits = true
			} else {
				preds[r.Target] = append(preds[r.Target], s)
			}
		})
		if exits && !ok[s] {
			ok[s] = true
			work = append(work, s)
		}
	}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range preds[s] {
			if !ok[p] {
				ok[p] = true
				work = append(work, p)
			}
		}
	}
	return ok
}

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
	n := len(s.Choices) + len(s.Catch) + 2
	out := make([]Edge, 0, n)
	add := func(k EdgeKind, r *Ref) {
		if r != nil {
			out = append(out, Edge{Kind: k, Ref: r, To: r.Target})
		}
	}
	add(EdgeNext, s.Next)
	for _, c := range s.Choices {
		add(EdgeChoice, c.Next)
	}
	add(EdgeDefault, s.Default)
	for _, c := range s.Catch {
		add(EdgeCatch, c.Next)
	}
	if len(out) == 0 {
		return nil
	}
	return out
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
		s.eachRef(func(r *Ref) {
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
		s.eachRef(func(r *Ref) {
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

// eachRef calls fn with each transition of s in the order of Edges,
// without building the slice.
func (s *State) eachRef(fn func(*Ref)) {
	if s.Next != nil {
		fn(s.Next)
	}
	for _, c := range s.Choices {
		if c.Next != nil {
			fn(c.Next)
		}
	}
	if s.Default != nil {
		fn(s.Default)
	}
	for _, c := range s.Catch {
		if c.Next != nil {
			fn(c.Next)
		}
	}
}

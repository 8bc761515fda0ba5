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

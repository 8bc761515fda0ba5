package assist

import "github.com/aslkit/aslkit/asl/model"

// eachRef calls fn for every transition of s (Next, Choice rules,
// Default, Catch) without allocating, in model.Edges order.
func eachRef(s *model.State, fn func(kind model.EdgeKind, r *model.Ref)) {
	if s.Next != nil {
		fn(model.EdgeNext, s.Next)
	}
	for _, c := range s.Choices {
		if c.Next != nil {
			fn(model.EdgeChoice, c.Next)
		}
	}
	if s.Default != nil {
		fn(model.EdgeDefault, s.Default)
	}
	for _, c := range s.Catch {
		if c.Next != nil {
			fn(model.EdgeCatch, c.Next)
		}
	}
}

func edgeLabel(k model.EdgeKind) string {
	switch k {
	case model.EdgeDefault:
		return "Default"
	case model.EdgeChoice:
		return "Choice"
	case model.EdgeCatch:
		return "Catch"
	}
	return "Next"
}

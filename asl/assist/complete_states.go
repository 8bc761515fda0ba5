package assist

import (
	"slices"

	"github.com/aslkit/aslkit/asl/model"
)

// completeStateNames offers the states of the right scope for StartAt,
// Next and Default (of a state, a Choice rule or a catcher); states no
// transition targets yet come first.
func completeStateNames(c *cursor, out *[]Candidate) {
	if c.place != placeValue {
		return
	}
	loc := c.memberLocation()
	if loc.Field == nil || loc.Free {
		return
	}
	var scope *model.StateMachine
	switch loc.Field.Name {
	case "StartAt":
		for _, m := range c.def.Machine.Scopes() {
			if m.Node == c.obj {
				scope = m
			}
		}
	case "Next", "Default":
		if c.state != nil {
			scope = c.state.Scope
		}
	}
	if scope == nil {
		return
	}
	// A big scope offers thousands of names after every keystroke: index
	// by position in the scope rather than hash names.
	targeted := make([]bool, len(scope.States))
	if scope.StartAt != nil && scope.StartAt.Target != nil && scope.StartAt.Target.Scope == scope {
		targeted[scope.StartAt.Target.Index] = true
	}
	for _, s := range scope.States {
		s.EachRef(func(_ model.EdgeKind, r *model.Ref) {
			if r.Node != c.node && r.Target != nil && r.Target.Scope == scope {
				targeted[r.Target.Index] = true
			}
		})
	}
	first := len(*out)
	*out = slices.Grow(*out, len(scope.States))
	states := make([]*model.State, 0, len(scope.States))
	for _, s := range scope.States {
		if scope.Lookup(s.Name) != s {
			continue // a repeated name: the first state has it
		}
		cand := c.stringCandidate(s.Name, KindState, s.Name)
		cand.Detail = s.Type
		switch {
		case s == c.state:
			cand.SortText = "8"
		case !targeted[s.Index]:
			cand.SortText = "1"
		default:
			cand.SortText = "4"
		}
		*out = append(*out, cand)
		states = append(states, s)
	}
	// Summaries cost more than the rest of an item: give them to the
	// best-ranked states only, so huge scopes stay fast.
	budget := maxStateDocs
	for _, rank := range []string{"1", "4", "8"} {
		for i, s := range states {
			if budget > 0 && (*out)[first+i].SortText == rank {
				(*out)[first+i].Doc = stateSummary(s)
				budget--
			}
		}
	}
}

// maxStateDocs bounds how many state candidates carry a summary.
const maxStateDocs = 100

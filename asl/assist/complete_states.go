package assist

import (
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
	targeted := make(map[string]bool, len(scope.States))
	if scope.StartAt != nil {
		targeted[scope.StartAt.Name] = true
	}
	for _, s := range scope.States {
		s.EachRef(func(_ model.EdgeKind, r *model.Ref) {
			if r.Node != c.node {
				targeted[r.Name] = true
			}
		})
	}
	seen := make(map[string]bool, len(scope.States))
	first := len(*out)
	var states []*model.State
	for _, s := range scope.States {
		if seen[s.Name] {
			continue
		}
		seen[s.Name] = true
		cand := c.stringCandidate(s.Name, KindState, s.Name)
		cand.Detail = s.Type
		switch {
		case s == c.state:
			cand.SortText = "8"
		case !targeted[s.Name]:
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

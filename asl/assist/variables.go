package assist

import (
	"slices"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/syntax"
)

// variable is a workflow variable and the state that assigns it.
type variable struct {
	name, state string
}

// variablesBefore lists the variables assigned by states that can run
// before s: its predecessors in its scope and, for nested scopes, those of
// the owning Parallel or Map state. With s nil it lists every variable.
func variablesBefore(def *model.Definition, s *model.State) []variable {
	seen := map[string]bool{}
	var out []variable
	add := func(st *model.State) {
		for _, n := range assignNodes(st) {
			for _, m := range n.Members {
				name, _ := schema.StripDollar(m.Key)
				if name != "" && !seen[name] {
					seen[name] = true
					out = append(out, variable{name, st.Name})
				}
			}
		}
	}
	if s == nil {
		for _, st := range def.All {
			add(st)
		}
	}
	for cur := s; cur != nil; {
		for _, p := range predecessors(cur) {
			add(p)
		}
		if cur.Scope == nil || cur.Scope.Owner == nil {
			break
		}
		cur = cur.Scope.Owner
	}
	slices.SortStableFunc(out, func(a, b variable) int { return strings.Compare(a.name, b.name) })
	return out
}

// predecessors are the states of s's scope from which s can be reached
// (s itself only when it is in a loop).
func predecessors(s *model.State) []*model.State {
	preds := map[*model.State][]*model.State{}
	for _, st := range s.Scope.States {
		st.EachRef(func(_ model.EdgeKind, r *model.Ref) {
			if r.Target != nil {
				preds[r.Target] = append(preds[r.Target], st)
			}
		})
	}
	seen := map[*model.State]bool{}
	var out []*model.State
	stack := []*model.State{s}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range preds[x] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
				stack = append(stack, p)
			}
		}
	}
	return out
}

// assignNodes are the Assign objects of a state, its Choice rules and
// its catchers.
func assignNodes(s *model.State) []*syntax.Node {
	var out []*syntax.Node
	add := func(n *syntax.Node) {
		if a := n.Value("Assign"); a != nil && a.Kind == syntax.Object {
			out = append(out, a)
		}
	}
	add(s.Node)
	for _, r := range s.Choices {
		add(r.Node)
	}
	for _, c := range s.Catch {
		add(c.Node)
	}
	return out
}

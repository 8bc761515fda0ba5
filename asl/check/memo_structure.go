package check

import (
	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
)

// scopeGraph holds the graph facts of one scope with a resolved StartAt,
// indexed by the state's position in the scope. (A duplicate name's second
// state is never a transition target, so it is never reached.)
type scopeGraph struct {
	index map[*model.State]int
	reach []bool // reachable from StartAt
	ok    []bool // some path leads to an end (see analyseScope)
}

func (g *scopeGraph) reached(s *model.State) bool {
	i, found := g.index[s]
	return found && g.reach[i]
}

func (g *scopeGraph) finishes(s *model.State) bool {
	i, found := g.index[s]
	return found && g.ok[i]
}

// graphOf returns the graph facts of scope m, or nil when its StartAt does
// not resolve (start-at-unknown reports that). Computed once per Run.
func graphOf(p *Pass, m *model.StateMachine) *scopeGraph {
	return memoized(p, memoGraph, func() map[*model.StateMachine]*scopeGraph {
		scopes := scopesOf(p)
		out := make(map[*model.StateMachine]*scopeGraph, len(scopes))
		for _, sc := range scopes {
			if sc.StartAt != nil && sc.StartAt.Target != nil {
				out[sc] = analyseScope(sc)
			}
		}
		return out
	})[m]
}

// eachRef calls fn with every transition of s (Next, Choice rules, Default,
// catchers) without allocating.
func eachRef(s *model.State, fn func(r *model.Ref)) {
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

// analyseScope computes reachability from StartAt and, backwards from the
// ways out, which states can finish. A way out is a terminal state, an
// untyped state (reported elsewhere), a transition to an unknown name (the
// typo is reported, not a loop) or a state missing its transition
// (no-transition reports it).
func analyseScope(m *model.StateMachine) *scopeGraph {
	n := len(m.States)
	g := &scopeGraph{index: make(map[*model.State]int, n), reach: make([]bool, n), ok: make([]bool, n)}
	for i, s := range m.States {
		g.index[s] = i
	}
	// Successor and predecessor lists in two flat arrays (CSR form).
	start := make([]int, n+1)
	for i, s := range m.States {
		eachRef(s, func(r *model.Ref) {
			if r.Target != nil {
				start[i+1]++
			}
		})
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	succ := make([]int, start[n])
	predStart := make([]int, n+1)
	fill := append([]int(nil), start[:n]...)
	var exits []int
	for i, s := range m.States {
		exit := s.IsTerminal() || s.Type == "" || (needsTransition(s.Type) && s.Next == nil && hasObjectBody(s))
		eachRef(s, func(r *model.Ref) {
			if r.Target == nil {
				exit = true
				return
			}
			t := g.index[r.Target]
			succ[fill[i]] = t
			fill[i]++
			predStart[t+1]++
		})
		if exit {
			exits = append(exits, i)
		}
	}
	for i := 0; i < n; i++ {
		predStart[i+1] += predStart[i]
	}
	pred := make([]int, start[n])
	pfill := append([]int(nil), predStart[:n]...)
	for i := 0; i < n; i++ {
		for _, t := range succ[start[i]:start[i+1]] {
			pred[pfill[t]] = i
			pfill[t]++
		}
	}
	// Forward: reachable from StartAt.
	stack := []int{g.index[m.StartAt.Target]}
	g.reach[stack[0]] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, t := range succ[start[i]:start[i+1]] {
			if !g.reach[t] {
				g.reach[t] = true
				stack = append(stack, t)
			}
		}
	}
	// Backward: can finish.
	stack = stack[:0]
	for _, i := range exits {
		g.ok[i] = true
		stack = append(stack, i)
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range pred[predStart[i]:predStart[i+1]] {
			if !g.ok[p] {
				g.ok[p] = true
				stack = append(stack, p)
			}
		}
	}
	return g
}

// scopesOf lists every scope of the definition (top level first), once per Run.
func scopesOf(p *Pass) []*model.StateMachine {
	return memoized(p, memoScopes, p.Def.Machine.Scopes)
}

// parsedExpr is the result of parsing one expression string.
type parsedExpr struct {
	path *expr.Path
	errs []expr.Error
}

// exprCache remembers parse results per kind and text within one Run: the
// same paths ("$", "$.Payload", ...) recur all over a definition, and the
// result depends on the text alone.
type exprCache [4]map[string]parsedExpr

// Expression kinds, the index of their map in exprCache.
const (
	parseAsPath = iota
	parseAsReference
	parseAsDollar
	parseAsCall
)

// parseCached parses s as kind, through the cache of p's Run.
func parseCached(p *Pass, kind byte, s string) parsedExpr {
	c := memoized(p, memoExprs, func() *exprCache { return new(exprCache) })
	m := c[kind]
	if m == nil {
		m = map[string]parsedExpr{}
		c[kind] = m
	}
	r, ok := m[s]
	if ok {
		return r
	}
	switch kind {
	case parseAsPath:
		r.path, r.errs = expr.ParsePath(s)
	case parseAsReference:
		r.path, r.errs = expr.ParseReferencePath(s)
	case parseAsDollar:
		var e expr.Expr
		e, r.errs = expr.ParseDollarValue(s)
		r.path, _ = e.(*expr.Path)
	case parseAsCall:
		c, errs := expr.ParseIntrinsic(s)
		if errs == nil {
			errs = expr.CheckCall(c)
		}
		r.errs = errs
	}
	m[s] = r
	return r
}

package check

import (
	"sync"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
)

// defMemo remembers one value computed from the most recent definition, so
// that two rules of one check.Run needing the same analysis (a graph
// traversal, a walk of the payload templates) compute it once. Definitions
// are immutable once built; the mutex only keeps concurrent Runs apart (a
// miss just recomputes).
type defMemo[T any] struct {
	mu  sync.Mutex
	def *model.Definition
	val T
}

func (m *defMemo[T]) get(def *model.Definition, compute func(*model.Definition) T) T {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.def != def {
		m.def, m.val = def, compute(def)
	}
	return m.val
}

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

var graphMemo defMemo[map[*model.StateMachine]*scopeGraph]

// graphOf returns the graph facts of scope m, or nil when its StartAt does
// not resolve (start-at-unknown reports that).
func graphOf(def *model.Definition, m *model.StateMachine) *scopeGraph {
	return graphMemo.get(def, func(def *model.Definition) map[*model.StateMachine]*scopeGraph {
		out := map[*model.StateMachine]*scopeGraph{}
		for _, sc := range scopesOf(def) {
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

var scopesMemo defMemo[[]*model.StateMachine]

// scopesOf lists every scope of the definition (top level first), once per Run.
func scopesOf(def *model.Definition) []*model.StateMachine {
	return scopesMemo.get(def, func(def *model.Definition) []*model.StateMachine { return def.Machine.Scopes() })
}

// parsedExpr is the result of parsing one expression string.
type parsedExpr struct {
	path *expr.Path
	errs []expr.Error
}

// exprCache remembers parse results per (kind, text) within one Run: the
// same paths ("$", "$.Payload", ...) recur all over a definition, and the
// result depends on the text alone.
type exprCache struct {
	mu sync.Mutex
	m  map[string]parsedExpr
}

var exprMemo defMemo[*exprCache]

// Expression kinds, the first byte of a cache key.
const (
	parseAsPath      = 'p'
	parseAsReference = 'r'
	parseAsDollar    = 'd'
	parseAsCall      = 'c'
)

// parseCached parses s as kind, through the cache of def's Run.
func parseCached(def *model.Definition, kind byte, s string) parsedExpr {
	c := exprMemo.get(def, func(*model.Definition) *exprCache { return &exprCache{m: map[string]parsedExpr{}} })
	key := string(kind) + s
	c.mu.Lock()
	r, ok := c.m[key]
	c.mu.Unlock()
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
	c.mu.Lock()
	c.m[key] = r
	c.mu.Unlock()
	return r
}

package check

import (
	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
)

// scopeGraph holds the graph facts of one scope with a resolved StartAt,
// indexed by the state's position in the scope (model.State.Index). (A
// duplicate name's second state is never a transition target, so it is
// never reached.)
type scopeGraph struct {
	scope *model.StateMachine
	reach []bool // reachable from StartAt
	ok    []bool // some path leads to an end (see analyseScope)
}

func (g *scopeGraph) reached(s *model.State) bool {
	return s.Scope == g.scope && g.reach[s.Index]
}

func (g *scopeGraph) finishes(s *model.State) bool {
	return s.Scope == g.scope && g.ok[s.Index]
}

// graphOf returns the graph facts of scope m, or nil when its StartAt does
// not resolve (start-at-unknown reports that). Computed once per Run.
func graphOf(p *Pass, m *model.StateMachine) *scopeGraph {
	return memoized(p, memoGraph, func() map[*model.StateMachine]*scopeGraph {
		scopes := scopesOf(p)
		out := make(map[*model.StateMachine]*scopeGraph, len(scopes))
		// The graphs and their flags come from two slabs sized for every
		// scope, not two allocations per scope.
		states := 0
		for _, sc := range scopes {
			states += len(sc.States)
		}
		scratch := graphScratch{graphs: make([]scopeGraph, 0, len(scopes)), flags: make([]bool, 2*states)}
		for _, sc := range scopes {
			if sc.StartAt != nil && sc.StartAt.Target != nil {
				out[sc] = analyseScope(sc, &scratch)
			}
		}
		return out
	})[m]
}

// analyseScope computes reachability from StartAt and, backwards from the
// ways out, which states can finish. A way out is a terminal state, an
// untyped state (reported elsewhere), a transition to an unknown name (the
// typo is reported, not a loop) or a state missing its transition
// (no-transition reports it).
func analyseScope(m *model.StateMachine, sc *graphScratch) *scopeGraph {
	n := len(m.States)
	g := sc.newGraph(m, n)
	// Successor and predecessor lists in flat arrays (CSR form), in
	// scratch slices reused across scopes. One pass over the transitions
	// (in EachRef's order) lists the successors and finds the ways out.
	start := resized(&sc.start, n+1)
	succ, stack := emptyWithRoom(sc.succ, n+n/2), sc.stack[:0]
	for i, s := range m.States {
		start[i] = len(succ)
		exit := s.IsTerminal() || s.Type == "" || (needsTransition(s.Type) && s.Next == nil && hasObjectBody(s))
		var unresolved bool
		succ, unresolved = appendTarget(succ, s.Next)
		exit = exit || unresolved
		for _, c := range s.Choices {
			succ, unresolved = appendTarget(succ, c.Next)
			exit = exit || unresolved
		}
		succ, unresolved = appendTarget(succ, s.Default)
		exit = exit || unresolved
		for _, c := range s.Catch {
			succ, unresolved = appendTarget(succ, c.Next)
			exit = exit || unresolved
		}
		if exit {
			g.ok[i] = true
			stack = append(stack, i)
		}
	}
	start[n] = len(succ)
	predStart := resized(&sc.predStart, n+1)
	clear(predStart)
	for _, t := range succ {
		predStart[t+1]++
	}
	for i := 0; i < n; i++ {
		predStart[i+1] += predStart[i]
	}
	pfill := resized(&sc.pfill, n)
	copy(pfill, predStart[:n])
	pred := resized(&sc.pred, len(succ))
	for i := 0; i < n; i++ {
		for _, t := range succ[start[i]:start[i+1]] {
			pred[pfill[t]] = i
			pfill[t]++
		}
	}
	// Backward: can finish (the ways out are on the stack).
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
	// Forward: reachable from StartAt.
	stack = append(stack, m.StartAt.Target.Index)
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
	sc.succ, sc.stack = succ, stack
	return g
}

// graphScratch holds analyseScope's arrays, reused from scope to scope,
// and the slabs its graphs come from.
type graphScratch struct {
	start, succ, predStart, pfill, pred, stack []int
	graphs                                     []scopeGraph
	flags                                      []bool
}

// newGraph returns an empty graph of scope m with n states. A full slab is
// replaced, never grown: the graphs handed out must stay where they are.
func (sc *graphScratch) newGraph(m *model.StateMachine, n int) *scopeGraph {
	if len(sc.graphs) == cap(sc.graphs) {
		sc.graphs = make([]scopeGraph, 0, 16)
	}
	if len(sc.flags) < 2*n {
		sc.flags = make([]bool, max(2*n, 256))
	}
	flags := sc.flags[: 2*n : 2*n]
	sc.flags = sc.flags[2*n:]
	sc.graphs = append(sc.graphs, scopeGraph{scope: m, reach: flags[:n:n], ok: flags[n:]})
	return &sc.graphs[len(sc.graphs)-1]
}

// resized returns *buf with length n, growing it when needed (the values
// are left as they were).
func resized(buf *[]int, n int) []int {
	if cap(*buf) < n {
		*buf = make([]int, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// appendTarget appends the position of r's target to succ; unresolved is
// true for a transition to an unknown name. A nil r (no such field) adds
// nothing.
func appendTarget(succ []int, r *model.Ref) (out []int, unresolved bool) {
	if r == nil {
		return succ, false
	}
	if r.Target == nil {
		return succ, true
	}
	return append(succ, r.Target.Index), false
}

// scopesOf lists every scope of the definition (top level first), once per Run.
func scopesOf(p *Pass) []*model.StateMachine {
	return memoized(p, memoScopes, p.Def.Machine.Scopes)
}

// parsedExpr is the result of parsing one expression string: its errors
// and, when it is a path, the facts of its root (the rules need no more).
type parsedExpr struct {
	isPath   bool
	root     expr.RootKind
	rootSpan expr.Span
	variable string // the name of a RootVariable
	errs     []expr.Error
}

func (r *parsedExpr) setPath(p *expr.Path) {
	if p != nil {
		r.isPath, r.root, r.rootSpan, r.variable = true, p.Root, p.RootSpan, p.Variable
	}
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
	if kind != parseAsCall {
		if r, ok := plainPathResult(s); ok {
			return r
		}
	}
	c := memoized(p, memoExprs, func() *exprCache { return new(exprCache) })
	m := c[kind]
	if m == nil {
		m = make(map[string]parsedExpr, 64)
		c[kind] = m
	}
	r, ok := m[s]
	if ok {
		return r
	}
	switch kind {
	case parseAsPath:
		path, errs := expr.ParsePath(s)
		r.setPath(path)
		r.errs = errs
	case parseAsReference:
		path, errs := expr.ParseReferencePath(s)
		r.setPath(path)
		r.errs = errs
	case parseAsDollar:
		e, errs := expr.ParseDollarValue(s)
		if path, ok := e.(*expr.Path); ok {
			r.setPath(path)
		}
		r.errs = errs
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

// plainPathResult answers the most common paths without the parser: "$" or "$$"
// followed by .name steps of letters, digits and '_' are valid as a Path, a
// Reference Path and a .$ value alike, and read no variable.
func plainPathResult(s string) (parsedExpr, bool) {
	if len(s) == 0 || s[0] != '$' {
		return parsedExpr{}, false
	}
	r := parsedExpr{isPath: true, root: expr.RootInput, rootSpan: expr.Span{Start: 0, End: 1}}
	i := 1
	if i < len(s) && s[i] == '$' {
		r.root, r.rootSpan.End = expr.RootContext, 2
		i++
	}
	for i < len(s) {
		if s[i] != '.' {
			return parsedExpr{}, false
		}
		i++
		start := i
		for i < len(s) && isPlainNameByte(s[i]) {
			i++
		}
		if i == start {
			return parsedExpr{}, false
		}
	}
	return r, true
}

func isPlainNameByte(b byte) bool { return plainNameBytes[b] }

// plainNameBytes marks letters, digits and '_': one load per byte of a path.
var plainNameBytes = func() (t [256]bool) {
	for b := range t {
		t[b] = b == '_' || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
	}
	return t
}()

package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// varAssign is one key of an Assign object: the variable it sets.
type varAssign struct {
	state  *model.State
	name   string
	member *syntax.Member
	assign *syntax.Node // the Assign object
}

// varRead is one read of a workflow variable ($name) in a state.
type varRead struct {
	state *model.State
	name  string
	// span is where the read is (see at); a read in a JSONata expression
	// has expr and its offsets in the body instead, mapped to the
	// document only when the read is reported.
	span       source.Span
	expr       *jsonataExpr
	start, end int
	// assign is the Assign object the read is in (nil elsewhere) and
	// assignTo the key whose value holds the read.
	assign   *syntax.Node
	assignTo string
}

// varAnalysis is the data flow of the workflow variables of a definition,
// computed once per Run and shared by the variable rules (variables.md).
type varAnalysis struct {
	index   map[string]int
	assigns []varAssign
	reads   []varRead
	// firstIn is the first assignment of each name in each scope.
	firstIn map[*model.StateMachine]map[string]*varAssign
	// entry holds, by State.ID, for each reachable state of a scope whose
	// StartAt resolves, the variables some path may have assigned before
	// the state is entered (including the enclosing scopes' at the
	// Parallel/Map entry): 1 + the number of its set in entrySets, whose
	// sets are words long; 0 for the states not analysed.
	entry     []int32
	entrySets bitset
	words     int
}

// entrySet returns the entry set of s, or nil when s is not analysed.
func (va *varAnalysis) entrySet(s *model.State) bitset {
	if s.ID >= len(va.entry) || va.entry[s.ID] == 0 {
		return nil
	}
	k := int(va.entry[s.ID]-1) * va.words
	return va.entrySets[k : k+va.words : k+va.words]
}

// variablesOf returns the variable analysis, once per Run.
func variablesOf(p *Pass) *varAnalysis {
	return memoized(p, memoVariables, func() *varAnalysis { return analyseVariables(p) })
}

// assignedAnywhere is the set of every name some state assigns.
func (va *varAnalysis) assignedAnywhere() map[string]bool {
	out := make(map[string]bool, len(va.index))
	for n := range va.index {
		out[n] = true
	}
	return out
}

// visibleScopes lists the scopes whose variables a state of m can read: m
// and its enclosing scopes, up to a Distributed Map, whose child workflows
// see no outer variable (variables.md §5).
func visibleScopes(m *model.StateMachine) []*model.StateMachine {
	out := []*model.StateMachine{m}
	for m.Owner != nil && !isDistributedMap(m.Owner) {
		m = m.Owner.Scope
		out = append(out, m)
	}
	return out
}

// isDistributedMap reports whether s is a Map whose ItemProcessor runs in
// DISTRIBUTED mode.
func isDistributedMap(s *model.State) bool {
	if s.Type != model.TypeMap || !hasObjectBody(s) {
		return false
	}
	proc := s.ValueAt(model.FieldItemProcessor)
	if !isObjectNode(proc) {
		return false
	}
	cfg := proc.Value("ProcessorConfig")
	if !isObjectNode(cfg) {
		return false
	}
	mode := cfg.Value("Mode")
	return mode.IsString() && mode.Str == "DISTRIBUTED"
}

// assignObjects calls fn with each Assign object of s: the state's own
// (rule -1, catcher -1), each Choice rule's and each catcher's.
func assignObjects(s *model.State, fn func(n *syntax.Node, rule, catcher int)) {
	// Succeed and Fail cannot have Assign: the schema rules report it, and
	// it assigns nothing.
	if !hasObjectBody(s) || s.Type == model.TypeSucceed || s.Type == model.TypeFail {
		return
	}
	if v := s.ValueAt(model.FieldAssign); isObjectNode(v) {
		fn(v, -1, -1)
	}
	for i, r := range s.Choices {
		if v := r.Node.Value("Assign"); isObjectNode(v) {
			fn(v, i, -1)
		}
	}
	for i, c := range s.Catch {
		if v := c.Node.Value("Assign"); isObjectNode(v) {
			fn(v, -1, i)
		}
	}
}

// assignedName is the variable an Assign key sets: JSONPath keys may end
// in ".$". ok is false for placeholder keys.
func assignedName(s *model.State, key string) (name string, ok bool) {
	if hasPlaceholderSyntax(key) || expr.HasPlaceholder(key) {
		return "", false
	}
	if usesJSONPath(s) {
		key = strings.TrimSuffix(key, ".$")
	}
	return key, true
}

// assignSite is one Assign object of a state and the names it sets.
type assignSite struct {
	state         *model.State
	rule, catcher int // as assignObjects reports them
	names         []int
}

// stateAssigns is what one state assigns along each of its transitions.
type stateAssigns struct {
	own     bitset   // state-level Assign (Next, Default)
	rules   []bitset // per Choice rule
	catches []bitset // per catcher
}

// at is sets[i], or nil past the end.
func at(sets []bitset, i int) bitset {
	if i < len(sets) {
		return sets[i]
	}
	return nil
}

func analyseVariables(p *Pass) *varAnalysis {
	def := p.Def
	va := &varAnalysis{index: map[string]int{}, firstIn: map[*model.StateMachine]map[string]*varAssign{}}
	var sites []assignSite
	for _, s := range def.All {
		assignObjects(s, func(n *syntax.Node, rule, catcher int) {
			site := assignSite{state: s, rule: rule, catcher: catcher, names: make([]int, 0, len(n.Members))}
			for _, m := range n.Members {
				name, ok := assignedName(s, m.Key)
				if !ok {
					continue
				}
				i, seen := va.index[name]
				if !seen {
					i = len(va.index)
					va.index[name] = i
				}
				site.names = append(site.names, i)
				va.assigns = append(va.assigns, varAssign{state: s, name: name, member: m, assign: n})
			}
			sites = append(sites, site)
		})
	}
	for i := range va.assigns {
		a := &va.assigns[i]
		first := va.firstIn[a.state.Scope]
		if first == nil {
			first = map[string]*varAssign{}
			va.firstIn[a.state.Scope] = first
		}
		if first[a.name] == nil {
			first[a.name] = a
		}
	}
	va.reads = collectVariableReads(p, va.index)
	// Without assignments every read is reported without the flow.
	if len(va.index) > 0 && len(va.reads) > 0 {
		va.flow(p, sites)
	}
	return va
}

// flow computes entry sets scope by scope, outer scopes first, so that a
// nested scope starts from its owner's entry set. Within a scope states
// are numbered by State.Index and their sets live in one slab; only the
// states that read variables or own nested scopes keep their set
// afterwards. Per-state data lives in slices indexed by State.ID.
func (va *varAnalysis) flow(p *Pass, sites []assignSite) {
	words := (len(va.index) + 63) / 64
	all := p.Def.All
	va.words = words
	va.entry = make([]int32, len(all))
	per := make([]*stateAssigns, len(all))
	for _, site := range sites {
		sa := per[site.state.ID]
		if sa == nil {
			sa = &stateAssigns{rules: make([]bitset, len(site.state.Choices)), catches: make([]bitset, len(site.state.Catch))}
			per[site.state.ID] = sa
		}
		set := newBitset(words)
		for _, i := range site.names {
			set.add(i)
		}
		switch {
		case site.rule >= 0:
			sa.rules[site.rule] = set
		case site.catcher >= 0:
			sa.catches[site.catcher] = set
		default:
			sa.own = set
		}
	}
	// Only the states that read variables or own nested scopes keep
	// their set.
	keep := make([]bool, len(all))
	kept := 0
	for _, r := range va.reads {
		if !keep[r.state.ID] {
			keep[r.state.ID] = true
			kept++
		}
	}
	for _, s := range all {
		if !keep[s.ID] && (len(s.Branches) > 0 || s.Processor != nil) {
			keep[s.ID] = true
			kept++
		}
	}
	va.entrySets = make(bitset, 0, kept*words)
	none := &stateAssigns{}
	var sc flowScratch // reused from scope to scope
	for _, m := range scopesOf(p) {
		if m.StartAt == nil || m.StartAt.Target == nil {
			continue
		}
		var inherited bitset
		if m.Owner != nil && !isDistributedMap(m.Owner) {
			in := va.entrySet(m.Owner)
			if in == nil {
				continue // the owner is never entered
			}
			inherited = in
		}
		n := len(m.States)
		// pos is a state's number in this scope, or -1 for a state of
		// another scope.
		pos := func(s *model.State) int {
			if s.Index < n && m.States[s.Index] == s {
				return s.Index
			}
			return -1
		}
		start := pos(m.StartAt.Target)
		if start < 0 {
			continue
		}
		// The transitions of state i are edges[from[i]:from[i+1]], each
		// with what it assigns on the way.
		// Room for a scope's usual number of transitions up front: the
		// slices then grow at most once or twice over all the scopes.
		from, edges := emptyWithRoom(sc.from, n+1), emptyWithRoom(sc.edges, n+n/2)
		adds := append(sc.adds[:0], nil)
		for _, s := range m.States {
			from = append(from, int32(len(edges)))
			sa := per[s.ID]
			if sa == nil {
				sa = none
			}
			edge := func(r *model.Ref, add bitset) {
				if r == nil || r.Target == nil {
					return
				}
				if j := pos(r.Target); j >= 0 {
					e := flowEdge{to: int32(j)}
					if add != nil {
						e.add = int32(len(adds))
						adds = append(adds, add)
					}
					edges = append(edges, e)
				}
			}
			edge(s.Next, sa.own)
			edge(s.Default, sa.own)
			for k, r := range s.Choices {
				edge(r.Next, at(sa.rules, k))
			}
			for k, c := range s.Catch {
				edge(c.Next, at(sa.catches, k))
			}
		}
		from = append(from, int32(len(edges)))
		sc.from, sc.edges, sc.adds = from, edges, adds
		slab := sc.sets(n * words)
		set := func(i int) bitset { return slab[i*words : (i+1)*words] }
		reached := sc.bools(&sc.reached, n)
		dirty := sc.bools(&sc.dirty, n) // its set grew since it was last visited
		order, rank := sc.reversePostorder(start)
		reached[start], dirty[start] = true, true
		set(start).or(inherited)
		// Visiting in reverse postorder, a state comes after the states
		// that lead to it except along loops: one sweep settles a scope
		// without loops, and a sweep is repeated only while a loop edge
		// grew a set.
		for again := true; again; {
			again = false
			for _, i := range order {
				if !dirty[i] {
					continue
				}
				dirty[i] = false
				in := set(i)
				for _, e := range edges[from[i]:from[i+1]] {
					j := int(e.to)
					cur := set(j)
					grew := cur.orChanged(in)
					if cur.orChanged(adds[e.add]) {
						grew = true
					}
					if !reached[j] || grew {
						reached[j], dirty[j] = true, true
						if rank[j] <= rank[i] {
							again = true
						}
					}
				}
			}
		}
		for i, s := range m.States {
			if reached[i] && keep[s.ID] {
				va.entrySets = append(va.entrySets, set(i)...)
				va.entry[s.ID] = int32(len(va.entrySets) / words)
			}
		}
	}
}

// flowEdge is a transition to state number to of the scope, assigning
// flowScratch.adds[add] on the way (0: nothing).
type flowEdge struct{ to, add int32 }

// flowScratch holds a scope's graph while its sets are computed; the
// slices are reused by the next scope.
type flowScratch struct {
	// the transitions of state i are edges[from[i]:from[i+1]]
	from           []int32
	edges          []flowEdge
	adds           []bitset
	order, rank    []int
	stack          []dfsFrame
	reached, dirty []bool
	visited        []bool
	slab           bitset // the sets of a scope's states
}

// emptyWithRoom returns buf emptied, with room for n elements.
func emptyWithRoom[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, 0, n)
	}
	return buf[:0]
}

// sets reslices sc.slab to n empty words.
func (sc *flowScratch) sets(n int) bitset {
	if cap(sc.slab) < n {
		sc.slab = make(bitset, n)
	}
	sc.slab = sc.slab[:n]
	clear(sc.slab)
	return sc.slab
}

type dfsFrame struct{ state, next int }

// bools reslices *buf to n false values.
func (sc *flowScratch) bools(buf *[]bool, n int) []bool {
	*buf = append((*buf)[:0], make([]bool, n)...)
	return *buf
}

// reversePostorder returns the states reachable from start in reverse
// postorder of a depth-first walk, and each state's position in it.
func (sc *flowScratch) reversePostorder(start int) (order, rank []int) {
	n := len(sc.from) - 1
	visited := sc.bools(&sc.visited, n)
	order = emptyWithRoom(sc.order, n)
	stack := append(emptyWithRoom(sc.stack, n), dfsFrame{start, int(sc.from[start])})
	visited[start] = true
	for len(stack) > 0 {
		top := len(stack) - 1
		f := stack[top]
		if f.next < int(sc.from[f.state+1]) {
			stack[top].next++
			if j := int(sc.edges[f.next].to); !visited[j] {
				visited[j] = true
				stack = append(stack, dfsFrame{j, int(sc.from[j])})
			}
			continue
		}
		order = append(order, f.state)
		stack = stack[:top]
	}
	for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
		order[i], order[j] = order[j], order[i]
	}
	rank = append(sc.rank[:0], make([]int, n)...)
	for k, i := range order {
		rank[i] = k
	}
	sc.order, sc.rank, sc.stack = order, rank, stack
	return order, rank
}

// assignedBefore reports whether name may be assigned when s is entered;
// known is false when the state is not analysed (unreachable, or its scope
// has no valid StartAt).
func (va *varAnalysis) assignedBefore(s *model.State, name string) (assigned, known bool) {
	in := va.entrySet(s)
	if in == nil {
		return false, false
	}
	i, ok := va.index[name]
	return ok && in.has(i), true
}

// bitset is a set of variable indexes.
type bitset []uint64

func newBitset(words int) bitset { return make(bitset, words) }

func (b bitset) add(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0 }

func (b bitset) or(o bitset) {
	for i := range b {
		if i < len(o) {
			b[i] |= o[i]
		}
	}
}

// orChanged adds o to b and reports whether b grew.
func (b bitset) orChanged(o bitset) bool {
	changed := false
	for i := range b {
		if i < len(o) && o[i]&^b[i] != 0 {
			b[i] |= o[i]
			changed = true
		}
	}
	return changed
}

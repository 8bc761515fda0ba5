package model

import "github.com/aslkit/aslkit/asl/syntax"

// Build makes the typed model of a parsed file. It never fails.
func Build(f *syntax.File) *Definition {
	d := &Definition{File: f, QueryLanguage: JSONPath}
	if ql := f.Root.Value("QueryLanguage"); ql.IsString() && ql.Str == string(JSONata) {
		d.QueryLanguage = JSONata
	}
	var b builder
	d.Machine = b.scope(f.Root, nil, 0)
	b.buildStates(d, d.Machine)
	// All is filled once the count is known: one allocation, no regrowth.
	d.All = make([]*State, 0, b.statesBuilt)
	d.All = appendDepthFirst(d.All, d.Machine)
	d.ByName = make(map[string][]*State, len(d.All))
	// Most definitions name every state differently, and one assignment a
	// state finds that out: each group is then a one-element window on All
	// (capacity capped, so an append copies), with no allocation per name.
	for i, s := range d.All {
		d.ByName[s.Name] = d.All[i : i+1 : i+1]
	}
	if len(d.ByName) < len(d.All) {
		clear(d.ByName)
		groupByName(d)
	}
	// The scopes are the top level and those of the states, in the order
	// of All.
	d.Machine.finish(d.ByName)
	for _, s := range d.All {
		for _, br := range s.Branches {
			br.finish(d.ByName)
		}
		if s.Processor != nil {
			s.Processor.finish(d.ByName)
		}
	}
	return d
}

// groupByName fills d.ByName when some names are used more than once, and
// marks the scopes that hold a duplicate or need a map of their own.
func groupByName(d *Definition) {
	for i, s := range d.All {
		group, ok := d.ByName[s.Name]
		if !ok {
			d.ByName[s.Name] = d.All[i : i+1 : i+1]
			continue
		}
		group = append(group, s)
		d.ByName[s.Name] = group
		if len(group) > maxGroupScan+1 {
			s.Scope.dupNames = true // not worth finding out
		} else {
			for _, g := range group[:len(group)-1] {
				if g.Scope == s.Scope {
					s.Scope.dupNames = true
				}
			}
		}
		// Scopes sharing a much-repeated name get a map of their own, so
		// that Lookup never scans a long group.
		if len(group) == maxGroupScan+1 {
			for _, g := range group {
				g.Scope.needsMap = true
			}
		} else if len(group) > maxGroupScan {
			s.Scope.needsMap = true
		}
	}
}

// finish gives m the machine-wide groups by name (and a map of its own
// when it needs one), then resolves its references.
func (m *StateMachine) finish(byName map[string][]*State) {
	m.byAll = byName
	if m.needsMap {
		m.byName = make(map[string]*State, len(m.States))
		for _, s := range m.States {
			if _, dup := m.byName[s.Name]; !dup {
				m.byName[s.Name] = s
			}
		}
	}
	m.resolve()
}

// appendDepthFirst appends the states of m to all depth-first in source
// order (a state, then the states of its branches or processor) and numbers
// them by their position.
func appendDepthFirst(all []*State, m *StateMachine) []*State {
	for _, s := range m.States {
		s.ID = len(all)
		all = append(all, s)
		for _, br := range s.Branches {
			all = appendDepthFirst(all, br)
		}
		if s.Processor != nil {
			all = appendDepthFirst(all, s.Processor)
		}
	}
	return all
}

// maxGroupScan is the longest group of same-named states that Lookup scans.
const maxGroupScan = 8

// builder hands out model values from slabs: a big definition has
// thousands of states, references and small lists, and one allocation per
// value would dominate the cost of building (and of collecting) the model.
type builder struct {
	machines    slab[StateMachine]
	machinePtrs slab[*StateMachine]
	refs        slab[Ref]
	rules       slab[ChoiceRule]
	rulePtrs    slab[*ChoiceRule]
	retriers    slab[Retrier]
	retrierPtrs slab[*Retrier]
	catchers    slab[Catcher]
	catcherPtrs slab[*Catcher]
	// nested are the scopes met while building the states of the scopes
	// before, whose states come next.
	nested      []*StateMachine
	statesBuilt int
}

func (b *builder) ref(n *syntax.Node) *Ref {
	if !n.IsString() {
		return nil
	}
	r := b.refs.one()
	r.Name, r.Node = n.Str, n
	return r
}

// scope makes the scope of node, without its states.
func (b *builder) scope(node *syntax.Node, owner *State, index int) *StateMachine {
	m := b.machines.one()
	m.Node, m.Owner, m.Index = node, owner, index
	var startAt *syntax.Node
	startAtSeen, statesSeen := false, false
	if node != nil && node.Kind == syntax.Object {
		for _, mem := range node.Members {
			switch {
			case mem.Key == "StartAt" && !startAtSeen:
				startAt, startAtSeen = mem.Value, true
			case mem.Key == "States" && !statesSeen:
				m.StatesNode, statesSeen = mem.Value, true
			}
		}
	}
	m.StartAt = b.ref(startAt)
	return m
}

// statesOf returns the members of m's States object.
func statesOf(m *StateMachine) []*syntax.Member {
	if m.StatesNode == nil || m.StatesNode.Kind != syntax.Object {
		return nil
	}
	return m.StatesNode.Members
}

// buildStates builds the states of top, then those of the scopes nested in
// them, level by level: each level's states take one allocation of the
// right size.
func (b *builder) buildStates(d *Definition, top *StateMachine) {
	level, next := []*StateMachine{top}, []*StateMachine(nil)
	for len(level) > 0 {
		count := 0
		for _, m := range level {
			count += len(statesOf(m))
		}
		states, pointers := make([]State, count), make([]*State, count)
		b.nested = next[:0]
		for _, m := range level {
			if m.StatesNode == nil || m.StatesNode.Kind != syntax.Object {
				continue // no States: m.States stays nil
			}
			members := m.StatesNode.Members
			n := len(members)
			m.States, pointers = pointers[:n:n], pointers[n:] // not nil, even when empty
			for i, mem := range members {
				s := &states[i]
				m.States[i] = s
				b.state(d, m, mem, s, i)
			}
			states = states[n:]
		}
		// The two lists take turns, so that the levels need no more.
		level, next = b.nested, level
	}
}

// state fills s (zeroed memory) from its member. The members are indexed in one pass over
// the object; like Node.Value, the first of duplicate keys counts.
func (b *builder) state(d *Definition, scope *StateMachine, mem *syntax.Member, s *State, index int) {
	// s is fresh zeroed memory: setting the fields one by one spares the
	// copy of a whole State (and its write barriers while the GC runs).
	s.Name, s.Member, s.Node, s.Scope, s.Index = mem.Key, mem, mem.Value, scope, index
	b.statesBuilt++
	var own builtFields
	if s.Node != nil && s.Node.Kind == syntax.Object {
		own = s.fields.read(s.Node.Members)
		s.resource = own[fieldResource]
	}
	if typ := own[fieldType]; typ.IsString() {
		s.Type = typ.Str
	}
	s.QueryLanguage = d.QueryLanguage
	if ql := own[fieldQueryLanguage]; ql.IsString() && (ql.Str == string(JSONata) || ql.Str == string(JSONPath)) {
		s.QueryLanguage = QueryLanguage(ql.Str)
	}
	s.Next = b.ref(own[fieldNext])
	if e := own[fieldEnd]; e != nil && e.Kind == syntax.Bool {
		s.End = e.Bool
	}
	if s.Type == TypeChoice {
		s.Default = b.ref(own[fieldDefault])
		if rules := elems(own[fieldChoices]); len(rules) > 0 {
			s.Choices = b.rulePtrs.take(len(rules))
			for i, rule := range rules {
				s.Choices[i] = b.buildRule(rule, 0)
			}
		}
	}
	if rs := elems(own[fieldRetry]); len(rs) > 0 {
		retriers := b.retriers.take(len(rs))
		s.Retry = b.retrierPtrs.take(len(rs))
		for i, r := range rs {
			retriers[i].Node, retriers[i].ErrorEquals = r, elems(r.Value("ErrorEquals"))
			s.Retry[i] = &retriers[i]
		}
	}
	if cs := elems(own[fieldCatch]); len(cs) > 0 {
		catchers := b.catchers.take(len(cs))
		s.Catch = b.catcherPtrs.take(len(cs))
		for i, c := range cs {
			cc := &catchers[i]
			cc.Node, cc.ErrorEquals, cc.Next = c, elems(c.Value("ErrorEquals")), b.ref(c.Value("Next"))
			s.Catch[i] = cc
		}
	}
	switch s.Type {
	case TypeParallel:
		branches := elems(own[fieldBranches])
		if n := countObjects(branches); n > 0 {
			s.Branches = b.machinePtrs.take(n)[:0]
			for i, br := range branches {
				if br.Kind == syntax.Object {
					s.Branches = append(s.Branches, b.scope(br, s, i))
					b.nested = append(b.nested, s.Branches[len(s.Branches)-1])
				}
			}
		}
	case TypeMap:
		p := own[fieldItemProcessor]
		if p == nil || p.Kind != syntax.Object {
			p = own[fieldIterator]
		}
		if p != nil && p.Kind == syntax.Object {
			s.Processor = b.scope(p, s, 0)
			b.nested = append(b.nested, s.Processor)
		}
	}
}

// IsRuleOperator reports whether key is a JSONPath Choice operator (And/Or/Not
// included). A switch, not a map: it runs for every key of every rule.
func IsRuleOperator(key string) bool {
	switch key {
	case "And", "Or", "Not", "BooleanEquals", "BooleanEqualsPath", "IsBoolean", "IsNull", "IsNumeric",
		"IsPresent", "IsString", "IsTimestamp", "NumericEquals", "NumericEqualsPath", "NumericGreaterThan",
		"NumericGreaterThanPath", "NumericGreaterThanEquals", "NumericGreaterThanEqualsPath", "NumericLessThan",
		"NumericLessThanPath", "NumericLessThanEquals", "NumericLessThanEqualsPath", "StringEquals",
		"StringEqualsPath", "StringGreaterThan", "StringGreaterThanPath", "StringGreaterThanEquals",
		"StringGreaterThanEqualsPath", "StringLessThan", "StringLessThanPath", "StringLessThanEquals",
		"StringLessThanEqualsPath", "StringMatches", "TimestampEquals", "TimestampEqualsPath",
		"TimestampGreaterThan", "TimestampGreaterThanPath", "TimestampGreaterThanEquals",
		"TimestampGreaterThanEqualsPath", "TimestampLessThan", "TimestampLessThanPath", "TimestampLessThanEquals",
		"TimestampLessThanEqualsPath":
		return true
	}
	return false
}

func (b *builder) buildRule(n *syntax.Node, depth int) *ChoiceRule {
	r := b.rules.one()
	r.Node, r.Depth = n, depth
	var next, not, and, or *syntax.Node
	var seen uint8
	count := 0
	if n.Kind == syntax.Object {
		for _, m := range n.Members {
			switch m.Key {
			case "Next":
				if seen&1 == 0 {
					seen |= 1
					next = m.Value
				}
				continue
			case "Not":
				if seen&2 == 0 {
					seen |= 2
					not = m.Value
				}
			case "And":
				if seen&4 == 0 {
					seen |= 4
					and = m.Value
				}
			case "Or":
				if seen&8 == 0 {
					seen |= 8
					or = m.Value
				}
			}
			if IsRuleOperator(m.Key) {
				count++
				r.Operator = m.Key
			}
		}
	}
	r.Next = b.ref(next)
	if count != 1 {
		r.Operator = ""
	}
	nested := countObjects(elems(and)) + countObjects(elems(or))
	if not != nil && not.Kind == syntax.Object {
		nested++
	}
	if nested == 0 {
		return r
	}
	r.Nested = b.rulePtrs.take(nested)[:0]
	if not != nil && not.Kind == syntax.Object {
		r.Nested = append(r.Nested, b.buildRule(not, depth+1))
	}
	for _, list := range [2]*syntax.Node{and, or} {
		for _, e := range elems(list) {
			if e.Kind == syntax.Object {
				r.Nested = append(r.Nested, b.buildRule(e, depth+1))
			}
		}
	}
	return r
}

func (m *StateMachine) resolve() {
	// A transition usually goes to one of the next few states in source
	// order: in a scope without duplicate names, comparing their names
	// spares most lookups.
	resolve := func(i int, r *Ref) {
		if r == nil {
			return
		}
		if !m.dupNames {
			for j := i; j < i+4 && j < len(m.States); j++ {
				if m.States[j].Name == r.Name {
					r.Target = m.States[j]
					return
				}
			}
		}
		r.Target = m.Lookup(r.Name)
	}
	resolve(0, m.StartAt)
	for i, s := range m.States {
		resolve(i+1, s.Next)
		resolve(i+1, s.Default)
		for _, c := range s.Choices {
			resolve(i+1, c.Next)
		}
		for _, c := range s.Catch {
			resolve(i+1, c.Next)
		}
	}
}

// countObjects counts the objects among nodes.
func countObjects(nodes []*syntax.Node) int {
	n := 0
	for _, e := range nodes {
		if e.Kind == syntax.Object {
			n++
		}
	}
	return n
}

func elems(n *syntax.Node) []*syntax.Node {
	if n == nil || n.Kind != syntax.Array {
		return nil
	}
	return n.Elems
}

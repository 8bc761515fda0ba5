package model

import "github.com/aslkit/aslkit/asl/syntax"

// Build makes the typed model of a parsed file. It never fails.
func Build(f *syntax.File) *Definition {
	d := &Definition{File: f, ByName: map[string][]*State{}, QueryLanguage: JSONPath}
	if ql := f.Root.Value("QueryLanguage"); ql.IsString() && ql.Str == string(JSONata) {
		d.QueryLanguage = JSONata
	}
	d.Machine = d.buildScope(f.Root, nil, 0)
	return d
}

func (d *Definition) buildScope(node *syntax.Node, owner *State, index int) *StateMachine {
	m := &StateMachine{Node: node, Owner: owner, Index: index, byName: map[string]*State{}}
	m.StartAt = stringRef(node.Value("StartAt"))
	m.StatesNode = node.Value("States")
	if m.StatesNode != nil && m.StatesNode.Kind == syntax.Object {
		for _, mem := range m.StatesNode.Members {
			s := d.buildState(m, mem)
			m.States = append(m.States, s)
			if _, dup := m.byName[s.Name]; !dup {
				m.byName[s.Name] = s
			}
		}
	}
	m.resolve()
	return m
}

func (d *Definition) buildState(scope *StateMachine, mem *syntax.Member) *State {
	s := &State{Name: mem.Key, Member: mem, Node: mem.Value, Scope: scope, QueryLanguage: d.QueryLanguage}
	d.All = append(d.All, s)
	d.ByName[s.Name] = append(d.ByName[s.Name], s)
	if t := s.Value("Type"); t.IsString() {
		s.Type = t.Str
	}
	if ql := s.Value("QueryLanguage"); ql.IsString() && (ql.Str == string(JSONata) || ql.Str == string(JSONPath)) {
		s.QueryLanguage = QueryLanguage(ql.Str)
	}
	s.Next = stringRef(s.Value("Next"))
	if e := s.Value("End"); e != nil && e.Kind == syntax.Bool {
		s.End = e.Bool
	}
	if s.Type == TypeChoice {
		s.Default = stringRef(s.Value("Default"))
		for _, rule := range elems(s.Value("Choices")) {
			s.Choices = append(s.Choices, buildRule(rule, 0))
		}
	}
	for _, r := range elems(s.Value("Retry")) {
		s.Retry = append(s.Retry, &Retrier{Node: r, ErrorEquals: elems(r.Value("ErrorEquals"))})
	}
	for _, c := range elems(s.Value("Catch")) {
		s.Catch = append(s.Catch, &Catcher{Node: c, ErrorEquals: elems(c.Value("ErrorEquals")), Next: stringRef(c.Value("Next"))})
	}
	switch s.Type {
	case TypeParallel:
		for i, b := range elems(s.Value("Branches")) {
			if b.Kind == syntax.Object {
				s.Branches = append(s.Branches, d.buildScope(b, s, i))
			}
		}
	case TypeMap:
		p := s.Value("ItemProcessor")
		if p == nil || p.Kind != syntax.Object {
			p = s.Value("Iterator")
		}
		if p != nil && p.Kind == syntax.Object {
			s.Processor = d.buildScope(p, s, 0)
		}
	}
	return s
}

// Comparison and boolean operators that make a JSONPath Choice rule.
var ruleOperators = map[string]bool{
	"And": true, "Or": true, "Not": true,
	"BooleanEquals": true, "BooleanEqualsPath": true,
	"IsBoolean": true, "IsNull": true, "IsNumeric": true, "IsPresent": true, "IsString": true, "IsTimestamp": true,
	"NumericEquals": true, "NumericEqualsPath": true, "NumericGreaterThan": true, "NumericGreaterThanPath": true,
	"NumericGreaterThanEquals": true, "NumericGreaterThanEqualsPath": true, "NumericLessThan": true, "NumericLessThanPath": true,
	"NumericLessThanEquals": true, "NumericLessThanEqualsPath": true,
	"StringEquals": true, "StringEqualsPath": true, "StringGreaterThan": true, "StringGreaterThanPath": true,
	"StringGreaterThanEquals": true, "StringGreaterThanEqualsPath": true, "StringLessThan": true, "StringLessThanPath": true,
	"StringLessThanEquals": true, "StringLessThanEqualsPath": true, "StringMatches": true,
	"TimestampEquals": true, "TimestampEqualsPath": true, "TimestampGreaterThan": true, "TimestampGreaterThanPath": true,
	"TimestampGreaterThanEquals": true, "TimestampGreaterThanEqualsPath": true, "TimestampLessThan": true, "TimestampLessThanPath": true,
	"TimestampLessThanEquals": true, "TimestampLessThanEqualsPath": true,
}

// IsRuleOperator reports whether key is a JSONPath Choice operator (And/Or/Not included).
func IsRuleOperator(key string) bool { return ruleOperators[key] }

func buildRule(n *syntax.Node, depth int) *ChoiceRule {
	r := &ChoiceRule{Node: n, Depth: depth, Next: stringRef(n.Value("Next"))}
	count := 0
	for _, m := range n.Members {
		if ruleOperators[m.Key] {
			count++
			r.Operator = m.Key
		}
	}
	if count != 1 {
		r.Operator = ""
	}
	switch v := n.Value("Not"); {
	case v != nil && v.Kind == syntax.Object:
		r.Nested = append(r.Nested, buildRule(v, depth+1))
	}
	for _, key := range []string{"And", "Or"} {
		for _, e := range elems(n.Value(key)) {
			if e.Kind == syntax.Object {
				r.Nested = append(r.Nested, buildRule(e, depth+1))
			}
		}
	}
	return r
}

func (m *StateMachine) resolve() {
	resolve := func(r *Ref) {
		if r != nil {
			r.Target = m.byName[r.Name]
		}
	}
	resolve(m.StartAt)
	for _, s := range m.States {
		resolve(s.Next)
		resolve(s.Default)
		for _, c := range s.Choices {
			resolve(c.Next)
		}
		for _, c := range s.Catch {
			resolve(c.Next)
		}
	}
}

func stringRef(n *syntax.Node) *Ref {
	if !n.IsString() {
		return nil
	}
	return &Ref{Name: n.Str, Node: n}
}

func elems(n *syntax.Node) []*syntax.Node {
	if n == nil || n.Kind != syntax.Array {
		return nil
	}
	return n.Elems
}

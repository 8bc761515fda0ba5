// Package model is the typed view of an ASL document: the state machine,
// its scopes (top level, Parallel branches, Map processors) and states, each
// field keeping the syntax node it came from so every check and every
// simulator event can point at source. Building a model never fails; missing
// or ill-typed fields are simply absent and the checks report them.
package model

import (
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// QueryLanguage is JSONPath or JSONata.
type QueryLanguage string

const (
	JSONPath QueryLanguage = "JSONPath"
	JSONata  QueryLanguage = "JSONata"
)

// State types.
const (
	TypeTask     = "Task"
	TypePass     = "Pass"
	TypeChoice   = "Choice"
	TypeWait     = "Wait"
	TypeSucceed  = "Succeed"
	TypeFail     = "Fail"
	TypeParallel = "Parallel"
	TypeMap      = "Map"
)

// Definition is a whole document: the parsed file and its top-level machine.
type Definition struct {
	File *syntax.File
	// Machine is the top-level scope. Never nil, even for a document that is
	// not an object (its Node is then the root anyway and States is empty).
	Machine *StateMachine
	// All is every state of every scope, depth-first in source order.
	All []*State
	// ByName groups every state of every scope by name; more than one entry
	// means a machine-wide duplicate.
	ByName map[string][]*State
	// QueryLanguage is the top-level language (JSONPath when unset).
	QueryLanguage QueryLanguage
}

// StateMachine is one scope: an object with StartAt and States.
type StateMachine struct {
	// Node is the object holding StartAt/States (the root, a branch, or a
	// Map's ItemProcessor/Iterator).
	Node *syntax.Node
	// Owner is the Parallel or Map state this scope belongs to; nil at top level.
	Owner *State
	// Index is the branch index for a Parallel branch, else 0.
	Index int
	// StartAt is the StartAt reference (nil when missing or not a string).
	StartAt *Ref
	// States are this scope's states in source order (duplicate names kept).
	States []*State
	// StatesNode is the "States" object (nil when missing).
	StatesNode *syntax.Node
	// byAll is the Definition's ByName; Lookup picks this scope's state
	// from the group. byName is this scope's own map, built only when a
	// name it holds is repeated too often across scopes to scan its group.
	byAll    map[string][]*State
	byName   map[string]*State
	needsMap bool
	dupNames bool // some name is used by two states of this scope
}

// State is one state.
type State struct {
	// The fields the checks read for every state come first, so that a
	// pass over all states touches few cache lines of each.

	// Type is the Type string as written ("" when missing or not a string).
	Type string
	// QueryLanguage is the effective language: the state's own, else the
	// top-level one (nested scopes inherit the top level, not their owner).
	QueryLanguage QueryLanguage
	// Node is the state's value (usually an object; checks report otherwise).
	Node   *syntax.Node
	fields fieldIndex
	// End is true when `"End": true`.
	End bool
	// resource is the Resource value (found by Build: Value returns it
	// without a lookup).
	resource *syntax.Node

	Name string
	// Member is the `"Name": {...}` member; Member.KeySpan is the name's span.
	Member *syntax.Member
	Scope  *StateMachine
	// ID is the state's position in Definition.All and Index its position
	// in Scope.States: analyses index slices by them instead of hashing
	// states into maps.
	ID, Index int
	// Next is the Next reference; Default is a Choice's Default.
	Next, Default *Ref
	// Choices are a Choice state's top-level rules.
	Choices []*ChoiceRule
	Retry   []*Retrier
	Catch   []*Catcher
	// Branches are a Parallel's branches.
	Branches []*StateMachine
	// Processor is a Map's ItemProcessor or Iterator.
	Processor *StateMachine
}

// Ref is a string naming a state (StartAt, Next, Default, a rule's or a
// catcher's Next). Target is resolved within the same scope; nil when the
// name is unknown there.
type Ref struct {
	Name   string
	Node   *syntax.Node // the string node; Node.Span includes the quotes
	Target *State
}

// Span is the span of the referencing string.
func (r *Ref) Span() source.Span { return r.Node.Span }

// ChoiceRule is a Choice rule: a top-level rule has Next; nested rules (in
// And/Or/Not) do not.
type ChoiceRule struct {
	Node   *syntax.Node
	Next   *Ref
	Nested []*ChoiceRule // the rules under And, Or or Not
	// Operator is the comparison or boolean operator key ("StringEquals",
	// "And", ...) when exactly one is present, else "".
	Operator string
	Depth    int // 0 for a top-level rule
}

// Retrier is one element of Retry.
type Retrier struct {
	Node        *syntax.Node
	ErrorEquals []*syntax.Node // the string nodes of ErrorEquals
}

// Catcher is one element of Catch.
type Catcher struct {
	Node        *syntax.Node
	ErrorEquals []*syntax.Node
	Next        *Ref
}

// Field returns the member named name of the state's object, or nil.
func (s *State) Field(name string) *syntax.Member {
	if slot := fieldSlot(name); slot >= 0 {
		return s.FieldAt(FieldKey(slot))
	}
	return s.Node.Get(name)
}

// FieldAt is Field for an indexed field named by its key: no hashing and
// no comparison of names. (Written to fit the compiler's inlining budget:
// the checks call it for every state.)
func (s *State) FieldAt(k FieldKey) *syntax.Member {
	if k < indexedFields {
		if p := s.fields[k/2] >> (k % 2 * 4) & 15; p == farField {
			return s.Node.Get(fieldNames[k])
		} else if p != 0 {
			return s.Node.Members[p-1]
		}
	}
	return nil
}

// ValueAt is Value for an indexed field named by its key.
func (s *State) ValueAt(k FieldKey) *syntax.Node {
	if k == FieldResource {
		return s.resource
	}
	if m := s.FieldAt(k); m != nil {
		return m.Value
	}
	return nil
}

// HasObjectBody reports whether the state's value is an object. Build
// knows it, so most answers come without touching the node.
func (s *State) HasObjectBody() bool {
	return s.fields.indexed() || (s.Node != nil && s.Node.Kind == syntax.Object)
}

// Value returns the value of the field named name, or nil.
func (s *State) Value(name string) *syntax.Node {
	if name == "Resource" {
		return s.resource
	}
	if m := s.Field(name); m != nil {
		return m.Value
	}
	return nil
}

// NameSpan is the span of the state's name (quotes included in JSON).
func (s *State) NameSpan() source.Span { return s.Member.KeySpan }

// Path names the state with the scopes above it, e.g. "Par/branch[1]/Fetch".
func (s *State) Path() string {
	p := s.Name
	for sc := s.Scope; sc != nil && sc.Owner != nil; sc = sc.Owner.Scope {
		switch sc.Owner.Type {
		case TypeParallel:
			p = sc.Owner.Name + "/branch[" + itoa(sc.Index) + "]/" + p
		default:
			p = sc.Owner.Name + "/" + p
		}
	}
	return p
}

// IsTerminal reports whether the state ends its scope (Succeed, Fail, or End: true).
func (s *State) IsTerminal() bool {
	return s.Type == TypeSucceed || s.Type == TypeFail || s.End
}

// Lookup finds a state of this scope by name (the first when duplicated).
func (m *StateMachine) Lookup(name string) *State {
	if m.byName != nil {
		return m.byName[name]
	}
	for _, s := range m.byAll[name] {
		if s.Scope == m {
			return s
		}
	}
	return nil
}

// Top returns the top-level scope above m.
func (m *StateMachine) Top() *StateMachine {
	for m.Owner != nil {
		m = m.Owner.Scope
	}
	return m
}

// Scopes returns m and every scope nested in it, depth-first.
func (m *StateMachine) Scopes() []*StateMachine {
	out := []*StateMachine{m}
	for _, s := range m.States {
		for _, b := range s.Branches {
			out = append(out, b.Scopes()...)
		}
		if s.Processor != nil {
			out = append(out, s.Processor.Scopes()...)
		}
	}
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// Package syntax turns ASL text (JSON, JSON5-ish, or YAML) into a tree of
// Nodes with a byte span on every node. Parsing never fails: a broken
// document still yields the best tree that can be recovered plus a list of
// syntax errors, because completion and hover run on documents that are
// being typed.
package syntax

import "github.com/aslkit/aslkit/asl/source"

// Kind is the JSON type of a node.
type Kind uint8

const (
	// Invalid marks a value the parser could not read (e.g. a bare word);
	// its span covers the offending text.
	Invalid Kind = iota
	Object
	Array
	String
	Number
	Bool
	Null
)

func (k Kind) String() string {
	switch k {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	case Number:
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	}
	return "invalid"
}

// Node is one JSON value. Only the fields for its Kind are set.
//
// The one-byte fields come first so that they share one word: a large
// document has tens of thousands of nodes, and every byte of a node is
// allocated, and scanned by the garbage collector, once per parse.
type Node struct {
	Kind Kind
	// Bool is the value of a Bool.
	Bool bool
	// Unclosed is set on an Object, Array or String whose closing token is
	// missing; its span then ends where the parser gave up.
	Unclosed bool
	// style records how a String was written (JSON quotes or a YAML style)
	// so that SourceOffset can map decoded bytes back to the text.
	style scalarStyle
	// Span covers the value's text, quotes and brackets included. For a YAML
	// block mapping or sequence it covers the entries.
	Span source.Span
	// Str is the decoded string (String), the literal text (Number, Bool,
	// Null) or the offending text (Invalid).
	Str string
	// Num is the numeric value of a Number (NaN-free; huge values saturate).
	Num float64
	// Members are an Object's properties in source order, duplicates kept.
	Members []*Member
	// Elems are an Array's elements.
	Elems []*Node
	// Tag is a YAML tag such as "!Sub" or "!GetAtt" ("" in JSON). A tagged
	// scalar is a CloudFormation intrinsic standing for a value we cannot
	// know; checks treat it like a ${placeholder}.
	Tag string
	// Parent is the enclosing Object or Array (nil for the root).
	Parent *Node
}

// Member is one "key": value pair of an Object.
type Member struct {
	Key     string
	KeySpan source.Span // the key's text, quotes included
	// Value is nil when the value is missing (e.g. `"Next": }` or a key
	// typed with no colon yet).
	Value *Node
	// Span covers the key through the end of the value (or the colon/key
	// when the value is missing).
	Span source.Span
	// ColonOffset is the byte offset of the ':' or -1 when missing.
	ColonOffset int
}

// Format is the surface syntax a File was parsed from.
type Format uint8

const (
	JSON Format = iota
	YAML
)

func (f Format) String() string {
	if f == YAML {
		return "yaml"
	}
	return "json"
}

// Severity of a syntax problem. Most are errors; JSON5 conveniences that AWS
// rejects (comments, trailing commas) are errors too, but the parser still
// reads past them so nothing else is lost.
type Severity uint8

const (
	SeverityError Severity = iota
	SeverityWarning
)

// Error is a syntax problem at a span.
type Error struct {
	Span     source.Span
	Code     string // stable code, e.g. "ASL001"
	Message  string
	Severity Severity
}

// File is the result of parsing one document.
type File struct {
	Text   []byte
	Format Format
	// Root is never nil: an empty or hopeless document yields an Invalid node.
	Root   *Node
	Errors []Error

	// dialect is the parser path that made the tree, and size counts its
	// nodes: Reparse follows only paths it knows and sizes its copy.
	dialect dialect
	size    treeSize
}

// dialect is the parser path a File came from.
type dialect uint8

const (
	dialectOther    dialect = iota // yaml.v3, or a File built by hand
	dialectJSON                    // ParseJSON
	dialectJSON5                   // ParseJSON with JSON5
	dialectYAMLFast                // ParseYAML's own block-style parser
)

// treeSize bounds the nodes, members and array elements of a tree.
type treeSize struct{ nodes, members, elems int }

// Get returns the first member named key, or nil. Nil-safe on non-objects.
func (n *Node) Get(key string) *Member {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, m := range n.Members {
		if m.Key == key {
			return m
		}
	}
	return nil
}

// Value returns the value of the first member named key, or nil.
func (n *Node) Value(key string) *Node {
	if m := n.Get(key); m != nil {
		return m.Value
	}
	return nil
}

// IsString reports whether the node is a string.
func (n *Node) IsString() bool { return n != nil && n.Kind == String }

// Interface converts the node to plain Go values as encoding/json would
// decode them (map[string]any, []any, string, float64, bool, nil). Numbers
// that are integral and fit in int64 become int64 so that large ids survive;
// later duplicate keys win, as in AWS. Invalid nodes become nil.
func (n *Node) Interface() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Object:
		m := make(map[string]any, len(n.Members))
		for _, mem := range n.Members {
			m[mem.Key] = mem.Value.Interface()
		}
		return m
	case Array:
		a := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			a[i] = e.Interface()
		}
		return a
	case String:
		return n.Str
	case Number:
		if i := int64(n.Num); float64(i) == n.Num && !hasFraction(n.Str) {
			return i
		}
		return n.Num
	case Bool:
		return n.Bool
	}
	return nil
}

func hasFraction(lit string) bool {
	for i := 0; i < len(lit); i++ {
		switch lit[i] {
		case '.', 'e', 'E':
			return true
		}
	}
	return false
}

// Walk calls fn for n and every node below it in source order; fn returning
// false skips the node's children.
func Walk(n *Node, fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, m := range n.Members {
		Walk(m.Value, fn)
	}
	for _, e := range n.Elems {
		Walk(e, fn)
	}
}

// PathAt returns the chain of nodes from the root down to the innermost node
// whose span contains offset, plus the innermost member whose key or value
// holds the offset (for a scalar value: the member it is the value of). Used
// by completion and hover.
func PathAt(root *Node, offset int) (chain []*Node, member *Member) {
	n := root
	for n != nil && n.Span.Contains(offset) {
		chain = append(chain, n)
		var next *Node
		switch n.Kind {
		case Object:
			member = nil
			for _, m := range n.Members {
				if m.Span.Contains(offset) || m.KeySpan.Contains(offset) {
					member = m
					if m.Value != nil && m.Value.Span.Contains(offset) {
						next = m.Value
					}
					break
				}
			}
		case Array:
			member = nil
			for _, e := range n.Elems {
				if e.Span.Contains(offset) {
					next = e
					break
				}
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return chain, member
}

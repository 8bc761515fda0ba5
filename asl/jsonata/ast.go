package jsonata

// Node is one node of a processed JSONata syntax tree (the shape jsonata-js's
// post-parse stage produces: paths are flattened into Steps, predicates into
// Stages). Every node has a byte span [Start, End) in the expression text.
type Node struct {
	// Type is one of: path, binary, unary, name, string, number, value,
	// wildcard, descendant, parent, condition, block, bind, regex, function,
	// partial, variable, lambda, apply, sort, transform, placeholder, error.
	Type string
	// Value is the operator (binary/unary/apply/bind; for condition "?",
	// or "??"/"?:" for the JSONata 2.1 coalescing and default operators,
	// which Step Functions' JSONata 2.0.6 may lack), the name (name,
	// variable), or the literal value (string, number, value).
	Value any
	Start int
	End   int
	// Position is jsonata-js's position for the node's token (just after it).
	Position int

	LHS, RHS    *Node
	Expression  *Node      // unary minus operand
	Expressions []*Node    // array constructor items, block expressions
	Pairs       [][2]*Node // object constructor
	Steps       []*Node    // path steps
	Group       *GroupBy   // group-by on a step or path
	Predicate   []*Stage   // filters on a non-path expression
	Stages      []*Stage   // filters / index bindings on a path step
	Terms       []SortTerm
	Procedure   *Node
	Arguments   []*Node
	Params      []string // lambda parameter names (without $)
	Signature   *Signature
	Body        *Node
	Condition   *Node
	Then, Else  *Node
	Pattern     *Node
	Update      *Node
	Delete      *Node
	Err         *Error // error nodes from tolerant parsing

	Focus string
	Index string

	// x holds what only regex literals and parent (%) resolution need,
	// allocated for those few nodes, so the common node stays smaller.
	x *nodeExtra

	KeepArray          bool
	KeepSingletonArray bool
	ConsArray          bool
	Tuple              bool
	Thunk              bool
	HasFocus, HasIndex bool

	// raw parse fields
	tok      uint8 // token id code (tokIDs) while the node is a raw token
	coalesce bool
	elvis    bool
	simple   bool // path eligible for evalSimplePath
}

// nodeExtra is the rarely needed part of a Node.
type nodeExtra struct {
	regex         *jsRegex
	ancestor      *slot
	slot          *slot
	seekingParent []*slot
}

// extra returns n's nodeExtra, allocating it on first use.
func (n *Node) extra() *nodeExtra {
	if n.x == nil {
		n.x = &nodeExtra{}
	}
	return n.x
}

// seeking returns the parent slots n still seeks (nil for most nodes).
func (n *Node) seeking() []*slot {
	if n.x == nil {
		return nil
	}
	return n.x.seekingParent
}

// GroupBy is a `{key: value}` grouping attached to a step.
type GroupBy struct {
	Pairs    [][2]*Node
	Position int
	Start    int
	End      int
}

// Stage is a predicate filter (`[expr]`) or index binding (`#$i`) on a step.
type Stage struct {
	Type     string // filter | index
	Expr     *Node
	Value    string
	Position int
}

// SortTerm is one term of an order-by `^(...)`.
type SortTerm struct {
	Descending bool
	Expression *Node
}

type slot struct {
	label string
	level int
	index int
}

// Children returns the direct children of n in source order (best effort).
func (n *Node) Children() []*Node {
	var out []*Node
	n.EachChild(func(c *Node) { out = append(out, c) })
	return out
}

// Walk calls fn for n and every descendant (pre-order) until fn returns false
// for a node, in which case that node's children are skipped.
func Walk(n *Node, fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	n.EachChild(func(c *Node) { Walk(c, fn) })
}

// NodeAt returns the innermost node whose span contains offset (Start <=
// offset <= End, so a cursor just after a token finds it), and the chain
// of its ancestors from the root.
func NodeAt(root *Node, offset int) (*Node, []*Node) {
	var best *Node
	var path []*Node
	var visit func(n *Node, anc []*Node)
	visit = func(n *Node, anc []*Node) {
		if n == nil {
			return
		}
		if n.Start <= offset && offset <= n.End {
			if best == nil || n.End-n.Start <= best.End-best.Start {
				best = n
				path = append(append([]*Node(nil), anc...), n)
			}
		}
		anc = append(anc, n)
		n.EachChild(func(c *Node) { visit(c, anc) })
	}
	visit(root, nil)
	return best, path
}

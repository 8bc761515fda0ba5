package jsonata

// EachChild calls fn for each direct child of n in the order Children
// returns them, without building a slice: Walk runs it for every node of
// every parsed expression.
func (n *Node) EachChild(fn func(*Node)) {
	if n == nil {
		return
	}
	for _, c := range [...]*Node{n.LHS, n.Procedure, n.Condition, n.Then, n.Else, n.Pattern, n.Update, n.Delete, n.Expression} {
		if c != nil {
			fn(c)
		}
	}
	eachNonNil(n.Expressions, fn)
	eachNonNil(n.Steps, fn)
	eachPair(n.Pairs, fn)
	eachNonNil(n.Arguments, fn)
	if n.Body != nil {
		fn(n.Body)
	}
	if n.RHS != nil {
		fn(n.RHS)
	}
	for _, s := range n.Stages {
		if s.Expr != nil {
			fn(s.Expr)
		}
	}
	for _, s := range n.Predicate {
		if s.Expr != nil {
			fn(s.Expr)
		}
	}
	for _, t := range n.Terms {
		if t.Expression != nil {
			fn(t.Expression)
		}
	}
	if n.Group != nil {
		eachPair(n.Group.Pairs, fn)
	}
}

func eachNonNil(nodes []*Node, fn func(*Node)) {
	for _, c := range nodes {
		if c != nil {
			fn(c)
		}
	}
}

func eachPair(pairs [][2]*Node, fn func(*Node)) {
	for _, p := range pairs {
		if p[0] != nil {
			fn(p[0])
		}
		if p[1] != nil {
			fn(p[1])
		}
	}
}

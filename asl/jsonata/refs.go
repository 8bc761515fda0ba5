package jsonata

// Reference is a use of a variable or of the implicit input in an
// expression, with the byte span of the token.
type Reference struct {
	// Kind is "variable" (a free $name), "function" (a call of a free
	// $name that is a built-in), "context" ($ or a bare field name read from
	// the input document) or "root" ($$).
	Kind  string
	Name  string
	Start int
	End   int
}

// FreeVariables lists the variables an expression reads without binding
// them itself (by := or as lambda parameters), in source order. Calls of
// built-in functions are reported with Kind "function"; everything else
// (such as $states) with Kind "variable".
func FreeVariables(ast *Node) []Reference {
	var out []Reference
	type scope map[string]bool
	var scopes []scope
	bound := func(name string) bool {
		for i := len(scopes) - 1; i >= 0; i-- {
			if scopes[i][name] {
				return true
			}
		}
		return false
	}
	var visit func(n *Node, called bool)
	visit = func(n *Node, called bool) {
		if n == nil {
			return
		}
		switch n.Type {
		case "variable":
			name, _ := n.Value.(string)
			if name == "" || name == "$" || bound(name) {
				return
			}
			kind := "variable"
			if _, isBuiltin := builtins[name]; isBuiltin && called {
				kind = "function"
			}
			out = append(out, Reference{Kind: kind, Name: name, Start: n.Start, End: n.End})
			return
		case "block":
			scopes = append(scopes, scope{})
			for _, e := range n.Expressions {
				visit(e, false)
			}
			scopes = scopes[:len(scopes)-1]
			return
		case "bind":
			visit(n.RHS, false)
			if len(scopes) == 0 {
				scopes = append(scopes, scope{})
			}
			if name, ok := n.LHS.Value.(string); ok {
				scopes[len(scopes)-1][name] = true
			}
			return
		case "lambda":
			s := scope{}
			for _, p := range n.Params {
				s[p] = true
			}
			scopes = append(scopes, s)
			visit(n.Body, false)
			scopes = scopes[:len(scopes)-1]
			return
		case "function", "partial":
			for _, a := range n.Arguments {
				visit(a, false)
			}
			visit(n.Procedure, true)
			return
		case "path":
			for i, st := range n.Steps {
				visit(st, called && i == 0 && len(n.Steps) == 1)
				for _, s := range st.Stages {
					visit(s.Expr, false)
				}
			}
			visitGroupAndPredicates(n, func(c *Node) { visit(c, false) })
			return
		}
		n.EachChild(func(c *Node) { visit(c, false) })
	}
	visit(ast, false)
	return out
}

func visitGroupAndPredicates(n *Node, f func(*Node)) {
	for _, s := range n.Predicate {
		f(s.Expr)
	}
	if n.Group != nil {
		for _, p := range n.Group.Pairs {
			f(p[0])
			f(p[1])
		}
	}
}

// ContextReferences lists reads of the implicit input document at the top
// level of an expression: $, bare field names, wildcards and descendants
// evaluated against the input itself, plus every $$. Step Functions rejects
// these (the input is reached through $states); uses inside predicates,
// later path steps, grouping and sorting refer to the item at hand and are
// not reported.
func ContextReferences(ast *Node) []Reference {
	var out []Reference
	var visit func(n *Node, atRoot bool)
	visit = func(n *Node, atRoot bool) {
		if n == nil {
			return
		}
		switch n.Type {
		case "variable":
			switch n.Value {
			case "$":
				out = append(out, Reference{Kind: "root", Name: "$$", Start: n.Start, End: n.End})
			case "":
				if atRoot {
					out = append(out, Reference{Kind: "context", Name: "$", Start: n.Start, End: n.End})
				}
			}
		case "name", "wildcard", "descendant":
			if atRoot {
				name, _ := n.Value.(string)
				if name == "" {
					name = n.Type
				}
				out = append(out, Reference{Kind: "context", Name: name, Start: n.Start, End: n.End})
			}
		case "path":
			for i, st := range n.Steps {
				visit(st, atRoot && i == 0)
				for _, s := range st.Stages {
					visit(s.Expr, false)
				}
			}
			visitGroupAndPredicates(n, func(c *Node) { visit(c, false) })
			return
		case "transform":
			visit(n.Pattern, false)
			visit(n.Update, false)
			visit(n.Delete, false)
			return
		case "sort":
			for _, t := range n.Terms {
				visit(t.Expression, false)
			}
			return
		}
		for _, s := range n.Predicate {
			visit(s.Expr, false)
		}
		if n.Group != nil {
			for _, p := range n.Group.Pairs {
				visit(p[0], false)
				visit(p[1], false)
			}
		}
		n.EachChild(func(c *Node) {
			if !isPredicateOrGroup(n, c) {
				visit(c, atRoot)
			}
		})
	}
	visit(ast, true)
	return out
}

func isPredicateOrGroup(n, c *Node) bool {
	for _, s := range n.Predicate {
		if s.Expr == c {
			return true
		}
	}
	for _, s := range n.Stages {
		if s.Expr == c {
			return true
		}
	}
	if n.Group != nil {
		for _, p := range n.Group.Pairs {
			if p[0] == c || p[1] == c {
				return true
			}
		}
	}
	return false
}

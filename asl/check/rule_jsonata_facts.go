package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/jsonata"
)

// collectFacts walks a parsed expression once and lists the names the
// rules check: workflow variables read, functions called, $states members
// and reads of the input document, which a JSONata state does not have.
// mayBind is false when the expression's text has no binding token (see
// mayBindNames): the walk for bound names is then skipped.
func collectFacts(root *jsonata.Node, mayBind bool) exprFacts {
	fc := factCollector{}
	if mayBind {
		fc.bound(root)
	}
	fc.visit(root, false)
	return fc.facts
}

// mayBindNames reports whether an expression's text may bind a name: only
// ":=", a lambda ("function" or "λ") and the "@" and "#" operators do.
func mayBindNames(body string) bool {
	return strings.Contains(body, ":=") || strings.Contains(body, "function") || strings.Contains(body, "λ") ||
		strings.IndexByte(body, '@') >= 0 || strings.IndexByte(body, '#') >= 0
}

type factCollector struct {
	facts exprFacts
	// local holds the names bound anywhere in the expression ($x := ...,
	// lambda parameters, #$i and @$v bindings). Scoping is ignored: a name
	// bound somewhere is not reported anywhere, which can only hide findings.
	local map[string]bool
}

func (fc *factCollector) bind(name string) {
	if fc.local == nil {
		fc.local = map[string]bool{}
	}
	fc.local[name] = true
}

func (fc *factCollector) bound(root *jsonata.Node) {
	jsonata.Walk(root, func(n *jsonata.Node) bool {
		switch n.Type {
		case "bind":
			if n.LHS != nil && n.LHS.Type == "variable" {
				if name, ok := n.LHS.Value.(string); ok {
					fc.bind(name)
				}
			}
		case "lambda":
			for _, p := range n.Params {
				fc.bind(p)
			}
		}
		if n.Focus != "" {
			fc.bind(n.Focus)
		}
		if n.Index != "" {
			fc.bind(n.Index)
		}
		for _, st := range n.Stages {
			if st.Type == "index" && st.Value != "" {
				fc.bind(st.Value)
			}
		}
		return true
	})
}

// visit records facts under n. hasInput is false where the context item
// is the expression's input, which Step Functions does not provide: at the
// top level and in everything not inside a path step, predicate or
// transform (jsonata.md §5).
func (fc *factCollector) visit(n *jsonata.Node, hasInput bool) {
	if n == nil {
		return
	}
	switch n.Type {
	case "path":
		if len(n.Steps) >= 2 && isVariable(n.Steps[0], "states") && n.Steps[1].Type == "name" {
			if member, ok := n.Steps[1].Value.(string); ok {
				fc.facts.states = append(fc.facts.states, exprRef{name: member, start: n.Steps[1].Start, end: n.Steps[1].Position})
				if member == "context" && len(n.Steps) >= 3 && n.Steps[2].Type == "name" {
					if sub, ok := n.Steps[2].Value.(string); ok {
						fc.facts.context = append(fc.facts.context, exprRef{name: sub, start: n.Steps[2].Start, end: n.Steps[2].Position})
					}
				}
			}
		}
		for i, st := range n.Steps {
			fc.visit(st, hasInput || i > 0)
		}
		fc.visitFilters(n)
		return
	case "name":
		if !hasInput {
			if name, ok := n.Value.(string); ok {
				fc.facts.implicit = append(fc.facts.implicit, exprRef{name: name, start: n.Start, end: n.Position})
			}
		}
		fc.visitFilters(n)
		return
	case "variable":
		name, _ := n.Value.(string)
		switch {
		case name == "$":
			fc.facts.implicit = append(fc.facts.implicit, exprRef{name: "$$", start: n.Start, end: n.End})
		case name == "":
			if !hasInput {
				fc.facts.implicit = append(fc.facts.implicit, exprRef{name: "$", start: n.Start, end: n.End})
			}
		case name == "states" || fc.local[name]:
		default:
			ref := exprRef{name: name, start: n.Start, end: n.End}
			if _, builtin := jsonata.LookupFunction(name); builtin {
				fc.facts.builtinRefs = append(fc.facts.builtinRefs, ref)
			} else {
				fc.facts.vars = append(fc.facts.vars, ref)
			}
		}
		fc.visitFilters(n)
		return
	case "function", "partial":
		fc.call(n, hasInput, 0)
		return
	case "apply":
		fc.visit(n.LHS, hasInput)
		if n.RHS != nil && n.RHS.Type == "function" {
			// x ~> $f(a) calls $f(x, a).
			fc.call(n.RHS, hasInput, 1)
		} else {
			fc.visit(n.RHS, hasInput)
		}
		return
	case "bind":
		fc.visit(n.RHS, hasInput)
		return
	case "condition":
		if op, _ := n.Value.(string); op == "??" || op == "?:" {
			fc.facts.newOps = append(fc.facts.newOps, exprRef{name: op, start: n.Position - len(op), end: n.Position})
		}
	case "lambda":
		fc.visit(n.Body, hasInput)
		return
	}
	// Most of these are nil: testing here spares a call each.
	for _, c := range [...]*jsonata.Node{n.LHS, n.RHS, n.Procedure, n.Condition, n.Then, n.Else, n.Expression, n.Body} {
		if c != nil {
			fc.visit(c, hasInput)
		}
	}
	for _, c := range n.Expressions {
		fc.visit(c, hasInput)
	}
	for _, p := range n.Pairs {
		fc.visit(p[0], hasInput)
		fc.visit(p[1], hasInput)
	}
	for _, c := range n.Arguments {
		fc.visit(c, hasInput)
	}
	// A transform's parts apply to the object it is given.
	for _, c := range [...]*jsonata.Node{n.Pattern, n.Update, n.Delete} {
		if c != nil {
			fc.visit(c, true)
		}
	}
	fc.visitFilters(n)
}

// visitFilters visits predicates, group-by and order-by terms, which see
// the items being filtered as their context.
func (fc *factCollector) visitFilters(n *jsonata.Node) {
	for _, s := range n.Stages {
		fc.visit(s.Expr, true)
	}
	for _, s := range n.Predicate {
		fc.visit(s.Expr, true)
	}
	for _, t := range n.Terms {
		fc.visit(t.Expression, true)
	}
	if n.Group != nil {
		for _, p := range n.Group.Pairs {
			fc.visit(p[0], true)
			fc.visit(p[1], true)
		}
	}
}

// call records a call of a named function and visits its arguments; extra
// counts an argument supplied by ~>.
func (fc *factCollector) call(n *jsonata.Node, hasInput bool, extra int) {
	proc := n.Procedure
	name := ""
	if proc != nil {
		name, _ = proc.Value.(string)
	}
	if proc != nil && proc.Type == "variable" && name != "" && name != "$" && name != "states" && !fc.local[name] {
		fc.facts.calls = append(fc.facts.calls, exprCall{
			exprRef: exprRef{name: name, start: proc.Start, end: proc.End},
			args:    len(n.Arguments) + extra,
			partial: n.Type == "partial",
		})
	} else {
		fc.visit(proc, hasInput)
	}
	for _, a := range n.Arguments {
		fc.visit(a, hasInput)
	}
	fc.visitFilters(n)
}

func isVariable(n *jsonata.Node, name string) bool {
	if n == nil || n.Type != "variable" {
		return false
	}
	v, _ := n.Value.(string)
	return v == name
}

// simpleFacts handles the most common bodies without the parser: a number,
// or a dotted path of plain names rooted at a variable ("$states.input.id",
// "$order.total"). ok is false for anything else.
func simpleFacts(body string) (f exprFacts, ok bool) {
	start, end := 0, len(body)
	for start < end && isBlank(body[start]) {
		start++
	}
	for end > start && isBlank(body[end-1]) {
		end--
	}
	if start == end {
		return f, false
	}
	s := body[start:end]
	if isPlainNumber(s) {
		return f, true
	}
	if s[0] != '$' {
		return f, false
	}
	// Split "$root.step.step" into names; each must be a plain identifier.
	var names []exprRef
	pos := start + 1
	for {
		j := pos
		for j < end && isIdentByte(body[j], j == pos) {
			j++
		}
		if j == pos || jsonataWords[body[pos:j]] {
			return f, false
		}
		names = append(names, exprRef{name: body[pos:j], start: pos, end: j})
		if j == end {
			break
		}
		if body[j] != '.' {
			return f, false
		}
		pos = j + 1
	}
	root := names[0]
	switch root.name {
	case "states":
		if len(names) > 1 {
			f.states = []exprRef{names[1]}
		}
		if len(names) > 2 && names[1].name == "context" {
			f.context = []exprRef{names[2]}
		}
	default:
		if _, builtin := jsonata.LookupFunction(root.name); builtin {
			return f, false
		}
		f.vars = []exprRef{{name: root.name, start: root.start - 1, end: root.end}}
	}
	return f, true
}

// jsonataWords are names the parser treats as operators or literals.
var jsonataWords = map[string]bool{"and": true, "or": true, "in": true, "true": true, "false": true, "null": true, "function": true}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isIdentByte(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

// isPlainNumber reports whether s is digits with at most one inner dot and
// no leading zero.
func isPlainNumber(s string) bool {
	if len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return true
}

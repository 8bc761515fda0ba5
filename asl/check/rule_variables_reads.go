package check

import (
	"bytes"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// at is the span of the read in text.
func (r *varRead) at(text []byte) source.Span {
	if r.expr != nil {
		return r.expr.span(text, r.start, r.end)
	}
	return r.span
}

// collectVariableReads lists every $name read of the definition: in the
// JSONata expressions, and in the JSONPath states' paths, `.$` values
// (intrinsic arguments included) and Choice rule operands.
func collectVariableReads(p *Pass, assigned map[string]int) []varRead {
	def := p.Def
	text := def.File.Text
	exprs := jsonataExprs(p)
	// Room for every read of the expressions: a large definition has
	// hundreds, and growing the slice step by step copies them all.
	reads := 0
	for _, e := range exprs {
		reads += len(e.facts.vars) + len(e.facts.builtinRefs)
	}
	out := make([]varRead, 0, reads+reads/4)
	for _, e := range exprs {
		for _, v := range e.facts.vars {
			out = append(out, varRead{state: e.state, name: v.name, expr: e, start: v.start, end: v.end, assign: e.assign, assignTo: e.assignTo})
		}
		for _, v := range e.facts.builtinRefs {
			if _, ok := assigned[v.name]; ok {
				out = append(out, varRead{state: e.state, name: v.name, expr: e, start: v.start, end: v.end, assign: e.assign, assignTo: e.assignTo})
			}
		}
	}
	r := pathReads{p: p, out: &out, plain: substitutionFree(p)}
	// JSONPath states whose text has no "$name" cannot read a variable.
	candidates := make([]bool, len(def.All)) // by State.ID
	anyCandidate := false
	for _, s := range def.All {
		if usesJSONPath(s) && hasObjectBody(s) && s.Node.Span.End <= len(text) && mayReadVariableBytes(text[s.Node.Span.Start:s.Node.Span.End]) {
			candidates[s.ID] = true
			anyCandidate = true
		}
	}
	for _, s := range def.All {
		if !candidates[s.ID] {
			continue
		}
		for _, m := range s.Node.Members {
			switch statePathField(m.Key) {
			case plainPath:
				r.path(s, m.Value, parseAsPath)
			case referencePath:
				r.path(s, m.Value, parseAsReference)
			case pathOrIntrinsic:
				r.dollar(s, m.Value, nil, "")
			}
		}
		if hasNestedReferencePaths(s) {
			for _, np := range nestedReferencePaths {
				obj := s.ValueAt(np.object)
				if np.sub != "" {
					obj = obj.Value(np.sub)
				}
				if isObjectNode(obj) {
					r.path(s, obj.Value(np.field), parseAsReference)
				}
			}
		}
		for _, c := range s.Choices {
			r.rule(s, c)
		}
	}
	if !anyCandidate {
		return out
	}
	eachPayloadTemplate(p, func(s *model.State, field string, n *syntax.Node) {
		if !candidates[s.ID] {
			return
		}
		if field != "Assign" || !isObjectNode(n) {
			eachDollarKey(r.plain, n, func(m *syntax.Member) { r.dollar(s, m.Value, nil, "") })
			return
		}
		for _, top := range n.Members {
			name, _ := assignedName(s, top.Key)
			if strings.HasSuffix(top.Key, ".$") {
				r.dollar(s, top.Value, n, name)
				continue
			}
			eachDollarKey(r.plain, top.Value, func(m *syntax.Member) { r.dollar(s, m.Value, n, name) })
		}
	})
	return out
}

type pathReads struct {
	p     *Pass
	out   *[]varRead
	plain bool // substitutionFree
}

// path records the variable root of a path-valued field.
func (r pathReads) path(s *model.State, v *syntax.Node, kind byte) {
	if v == nil || !mayReadVariable(v.Str) || skipExprIn(r.plain, v) {
		return
	}
	if pe := parseCached(r.p, kind, v.Str); pe.isPath && pe.root == expr.RootVariable {
		r.variable(s, v, pe.variable, pe.rootSpan, nil, "")
	}
}

// dollar records the variables of a `.$` value: a path or an intrinsic call.
func (r pathReads) dollar(s *model.State, v *syntax.Node, assign *syntax.Node, assignTo string) {
	if v == nil || !mayReadVariable(v.Str) || skipExprIn(r.plain, v) {
		return
	}
	e, _ := expr.ParseDollarValue(v.Str)
	switch x := e.(type) {
	case *expr.Path:
		r.fromPath(s, v, x, assign, assignTo)
	case *expr.Call:
		r.fromCall(s, v, x, assign, assignTo, 0)
	}
}

func (r pathReads) fromCall(s *model.State, v *syntax.Node, c *expr.Call, assign *syntax.Node, assignTo string, depth int) {
	if c == nil || depth > 50 {
		return
	}
	for _, a := range c.Args {
		switch a.Kind {
		case expr.ArgPath:
			r.fromPath(s, v, a.Path, assign, assignTo)
		case expr.ArgCall:
			r.fromCall(s, v, a.Call, assign, assignTo, depth+1)
		}
	}
}

func (r pathReads) fromPath(s *model.State, v *syntax.Node, p *expr.Path, assign *syntax.Node, assignTo string) {
	if p != nil && p.Root == expr.RootVariable {
		r.variable(s, v, p.Variable, p.RootSpan, assign, assignTo)
	}
}

// variable records a read of name; rootSpan covers "$name" in v's string.
func (r pathReads) variable(s *model.State, v *syntax.Node, name string, rootSpan expr.Span, assign *syntax.Node, assignTo string) {
	if name == "" {
		return
	}
	text := r.p.Def.File.Text
	sp := source.Span{Start: v.SourceOffset(text, rootSpan.Start), End: v.SourceOffset(text, rootSpan.End)}
	if sp.End <= sp.Start {
		sp = widenEmpty(sp, v)
	}
	*r.out = append(*r.out, varRead{state: s, name: name, span: sp, assign: assign, assignTo: assignTo})
}

// rule records the Variable and ...Path operands of a Choice rule and its
// nested rules.
func (r pathReads) rule(s *model.State, c *model.ChoiceRule) {
	if c == nil || !isObjectNode(c.Node) {
		return
	}
	for _, m := range c.Node.Members {
		if m.Key == "Variable" || (strings.HasSuffix(m.Key, "Path") && model.IsRuleOperator(m.Key)) {
			r.path(s, m.Value, parseAsReference)
		}
	}
	for _, n := range c.Nested {
		r.rule(s, n)
	}
}

// mayReadVariableBytes is mayReadVariable over raw document text. Escapes
// are not decoded: a "$" written as \u0024 is not seen, and such a read
// merely goes unreported.
func mayReadVariableBytes(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '$')
		if i < 0 || i+1 >= len(b) {
			return false
		}
		if !notVariableStart(b[i+1]) {
			return true
		}
		b = b[i+1:]
	}
}

// notVariableStart: the byte after "$" cannot start a variable name.
func notVariableStart(c byte) bool {
	return c == '.' || c == '$' || c == '[' || c == ' ' || c == ',' || c == ')' || c == '\'' || c == '"'
}

// mayReadVariable is a quick test before parsing: a variable root is a "$"
// followed by a name character ("$x", not "$.x", "$$" or "$[0]").
func mayReadVariable(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		if !notVariableStart(s[i+1]) {
			return true
		}
	}
	return false
}

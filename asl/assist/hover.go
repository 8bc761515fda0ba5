package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Hover returns the hover text at offset, or nil.
func Hover(def *model.Definition, offset int, opts Options) (h *HoverInfo) {
	if def == nil || def.File == nil || def.File.Root == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			h = nil
		}
	}()
	return hover(def, offset, opts)
}

// hover is Hover without the recover, so fuzzing sees panics.
func hover(def *model.Definition, offset int, opts Options) (h *HoverInfo) {
	root := def.File.Root
	chain, member := syntax.PathAt(root, offset)
	if len(chain) == 0 {
		return nil
	}
	inner := chain[len(chain)-1]
	if inner.Kind == syntax.Object && member != nil && member.KeySpan.Contains(offset) && offset < member.KeySpan.End {
		return hoverKey(def, inner, member)
	}
	if inner.Kind == syntax.Object || inner.Kind == syntax.Array || inner.Parent == nil {
		return nil
	}
	if inner.IsString() {
		if sc := stringAt(root, def.File.Text, offset); sc != nil {
			if h := hoverExpr(def, sc, opts); h != nil {
				return h
			}
		}
	}
	return hoverValue(def, inner)
}

// hoverKey documents a field, or summarises a state on its name.
func hoverKey(def *model.Definition, obj *syntax.Node, m *syntax.Member) *HoverInfo {
	root := def.File.Root
	if loc := schema.LocateNode(root, obj); loc.Object != nil && loc.Object.Kind == schema.KindStates {
		for _, s := range def.All {
			if s.Member == m {
				return &HoverInfo{Markdown: stateSummary(s), Span: m.KeySpan}
			}
		}
		return nil
	}
	loc := schema.LocateMember(root, obj, m)
	if loc.Field == nil {
		return hoverTemplateKey(def, obj, m)
	}
	md := loc.Field.Describe()
	if loc.Parent != nil && loc.Parent.Name != "" {
		md += "\n\n*" + loc.Parent.Name + "*"
	}
	return &HoverInfo{Markdown: md, Span: m.KeySpan}
}

// hoverTemplateKey documents a key of a payload template: a request
// field of the Task's integration, and what a ".$" suffix means.
func hoverTemplateKey(def *model.Definition, obj *syntax.Node, m *syntax.Member) *HoverInfo {
	name, dynamic := schema.StripDollar(m.Key)
	var parts []string
	s := stateAt(def, obj.Span.Start+1)
	ql := def.QueryLanguage
	if s != nil {
		ql = s.QueryLanguage
	}
	if s != nil && s.Type == model.TypeTask && obj.Parent == s.Node && (s.Value("Parameters") == obj || s.Value("Arguments") == obj) {
		if r := s.Value("Resource"); r.IsString() {
			service := integrationOf(r.Str)
			for _, p := range integrationParams[service] {
				if p.name == name {
					text := "`" + service + "` request field"
					if p.required {
						text += " (required)"
					}
					parts = append(parts, text+".")
				}
			}
		}
	}
	if dynamic && ql != model.JSONata {
		parts = append(parts, "The `.$` suffix makes the value a path (`$.x`, `$$.Execution.Id`, `$variable`) or an intrinsic call, evaluated at run time; the field is sent as `"+name+"`.")
	}
	if len(parts) == 0 {
		return nil
	}
	return &HoverInfo{Markdown: "**" + name + "**\n\n" + strings.Join(parts, " "), Span: m.KeySpan}
}

// hoverValue documents a literal value: a state type, an enum value, an
// error name, or the state a transition names.
func hoverValue(def *model.Definition, n *syntax.Node) *HoverInfo {
	if !n.IsString() {
		return nil
	}
	p := n.Parent
	if p.Kind == syntax.Array {
		if loc := schema.LocateNode(def.File.Root, p); loc.Field != nil && loc.Field.Name == "ErrorEquals" {
			if doc := schema.ErrorDoc(n.Str); doc != "" {
				return &HoverInfo{Markdown: "**" + n.Str + "**\n\n" + doc, Span: n.Span}
			}
		}
		return nil
	}
	var m *syntax.Member
	for _, x := range p.Members {
		if x.Value == n {
			m = x
		}
	}
	if m == nil {
		return nil
	}
	loc := schema.LocateMember(def.File.Root, p, m)
	if loc.Field == nil || loc.Free {
		return nil
	}
	switch loc.Field.Name {
	case "StartAt", "Next", "Default":
		if r, _ := refAt(def, n.Span); r != nil && r.Target != nil {
			return &HoverInfo{Markdown: stateSummary(r.Target), Span: n.Span}
		}
		return nil
	case "Resource":
		if doc := describeResource(n.Str); doc != "" {
			return &HoverInfo{Markdown: "`" + n.Str + "`\n\n" + doc, Span: n.Span}
		}
		return nil
	case "Error":
		if doc := schema.ErrorDoc(n.Str); doc != "" {
			return &HoverInfo{Markdown: "**" + n.Str + "**\n\n" + doc, Span: n.Span}
		}
	}
	if doc := schema.EnumDoc(loc.Field.Name, n.Str); doc != "" {
		return &HoverInfo{Markdown: doc, Span: n.Span}
	}
	return nil
}

// stateSummary describes a state: its type, where it goes next, its comment.
func stateSummary(s *model.State) string {
	var b strings.Builder
	b.WriteString("**" + s.Name + "** (" + orUnknown(s.Type) + " state)")
	if s.Scope != nil && s.Scope.Owner != nil {
		b.WriteString(" in " + s.Scope.Owner.Name)
	}
	var next []string
	s.EachRef(func(k model.EdgeKind, r *model.Ref) {
		next = append(next, edgeLabel(k)+" → "+r.Name)
	})
	switch {
	case s.End:
		next = append(next, "End")
	case s.Type == model.TypeSucceed || s.Type == model.TypeFail:
		next = append(next, "ends its scope")
	}
	if len(next) > 0 {
		b.WriteString("\n\n" + strings.Join(next, " · "))
	}
	if c := s.Value("Comment"); c.IsString() && c.Str != "" {
		b.WriteString("\n\n" + c.Str)
	}
	if r := s.Value("Resource"); r.IsString() {
		b.WriteString("\n\nResource: `" + r.Str + "`")
	}
	return b.String()
}

func orUnknown(t string) string {
	if t == "" {
		return "untyped"
	}
	return t
}

// hoverExpr documents the part of an expression string at the cursor: an
// intrinsic, a JSONata function or $states, a Context field, or a path's
// value in the sample input.
func hoverExpr(def *model.Definition, sc *strCtx, opts Options) *HoverInfo {
	if sc.kind == exprJSONata {
		return hoverJSONata(def, sc, opts)
	}
	var e expr.Expr
	if sc.kind == exprPath {
		p, _ := expr.ParsePath(sc.s)
		e = p
	} else {
		e, _ = expr.ParseDollarValue(sc.s)
	}
	switch x := e.(type) {
	case *expr.Call:
		return hoverCall(def, sc, x, opts)
	case *expr.Path:
		return hoverPath(def, sc, x, opts)
	}
	return nil
}

func hoverCall(def *model.Definition, sc *strCtx, c *expr.Call, opts Options) *HoverInfo {
	if c == nil {
		return nil
	}
	if c.NameSpan.Start <= sc.i && sc.i < c.NameSpan.End {
		if f, ok := expr.LookupFunction(c.Name); ok {
			return &HoverInfo{Markdown: "```\n" + f.Signature + "\n```\n" + f.Doc, Span: sc.span(c.NameSpan.Start, c.NameSpan.End)}
		}
		return nil
	}
	for _, a := range c.Args {
		switch {
		case a.Kind == expr.ArgCall && a.Span.Start <= sc.i && sc.i <= a.Span.End:
			return hoverCall(def, sc, a.Call, opts)
		case a.Kind == expr.ArgPath && a.Span.Start <= sc.i && sc.i <= a.Span.End:
			return hoverPath(def, sc, a.Path, opts)
		}
	}
	return nil
}

func hoverPath(def *model.Definition, sc *strCtx, p *expr.Path, opts Options) *HoverInfo {
	if p == nil || sc.i < p.Span.Start || sc.i > p.Span.End {
		return nil
	}
	sp := sc.span(p.Span.Start, p.Span.End)
	switch p.Root {
	case expr.RootContext:
		names := p.FieldNames()
		if doc := contextDoc(names); doc != "" {
			return &HoverInfo{Markdown: "`$$." + strings.Join(names, ".") + "` (Context object)\n\n" + doc, Span: sp}
		}
	case expr.RootVariable:
		if sc.i <= p.VariableSpan.End {
			return hoverVariable(def, p.Variable, sc.span(p.RootSpan.Start, p.VariableSpan.End))
		}
	case expr.RootInput:
		if !opts.HasInput {
			return nil
		}
		if v, ok := evalPath(p, opts.Input); ok {
			return &HoverInfo{Markdown: "`" + p.Text + "` in the sample input (" + typeName(v) + "):\n```json\n" + preview(v) + "\n```", Span: sp}
		}
		return &HoverInfo{Markdown: "`" + p.Text + "` selects nothing in the sample input", Span: sp}
	}
	return nil
}

// hoverJSONata documents the function or $states field under the cursor.
func hoverJSONata(def *model.Definition, sc *strCtx, opts Options) *HoverInfo {
	body, off, ok := expr.JSONataBody(sc.s)
	if !ok {
		return nil
	}
	ast, _ := jsonata.ParseTolerant(body)
	if ast == nil {
		return nil
	}
	n, chain := jsonata.NodeAt(ast, sc.i-off)
	if n != nil && n.Type == "name" {
		return hoverJSONataPath(sc, chain, off, opts)
	}
	if n == nil || n.Type != "variable" {
		return nil
	}
	name, _ := n.Value.(string)
	sp := sc.span(n.Start+off, n.End+off)
	if name == "states" {
		return &HoverInfo{Markdown: "**$states**\n\nThe reserved variable of JSONata states: `input`, `result` (Task, Parallel, Map), `errorOutput` (in Catch) and `context` (the Context object).", Span: sp}
	}
	if f, ok := jsonata.LookupFunction(name); ok && isCalled(chain, n) {
		md := "```\n$" + f.Name + f.Params + "\n```\n" + f.Doc
		if f.Unavailable != "" {
			md += "\n\nNot available in Step Functions: " + f.Unavailable
		}
		return &HoverInfo{Markdown: md, Span: sp}
	}
	return hoverVariable(def, name, sp)
}

// isCalled reports whether variable node v is the procedure of a call.
func isCalled(chain []*jsonata.Node, v *jsonata.Node) bool {
	for _, a := range chain {
		if a.Type == "function" && a.Procedure == v {
			return true
		}
	}
	return false
}

// hoverJSONataPath shows the value of $states.input.a.b in the sample input.
func hoverJSONataPath(sc *strCtx, chain []*jsonata.Node, off int, opts Options) *HoverInfo {
	if !opts.HasInput || len(chain) < 2 {
		return nil
	}
	name := chain[len(chain)-1]
	path := chain[len(chain)-2]
	if path.Type != "path" || len(path.Steps) < 3 {
		return nil
	}
	root, _ := path.Steps[0].Value.(string)
	if path.Steps[0].Type != "variable" || root != "states" || path.Steps[1].Value != "input" {
		return nil
	}
	var names []string
	for _, st := range path.Steps[2:] {
		s, ok := st.Value.(string)
		if st.Type != "name" || !ok || len(st.Stages) > 0 {
			return nil
		}
		names = append(names, s)
		if st == name {
			break
		}
	}
	text := "$states.input." + strings.Join(names, ".")
	sp := sc.span(path.Steps[0].Start+off, name.End+off)
	if v, ok := sampleAt(opts.Input, names); ok {
		return &HoverInfo{Markdown: "`" + text + "` in the sample input (" + typeName(v) + "):\n```json\n" + preview(v) + "\n```", Span: sp}
	}
	return &HoverInfo{Markdown: "`" + text + "` is not in the sample input", Span: sp}
}

// hoverVariable says where a workflow variable is assigned.
func hoverVariable(def *model.Definition, name string, sp source.Span) *HoverInfo {
	var where []string
	for _, s := range def.All {
		for _, a := range assignNodes(s) {
			for _, m := range a.Members {
				if base, _ := schema.StripDollar(m.Key); base == name {
					where = append(where, s.Name)
				}
			}
		}
	}
	if len(where) == 0 {
		return &HoverInfo{Markdown: "**$" + name + "**: no state assigns this variable", Span: sp}
	}
	return &HoverInfo{Markdown: "**$" + name + "** (variable)\n\nAssigned in " + strings.Join(uniq(where), ", "), Span: sp}
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

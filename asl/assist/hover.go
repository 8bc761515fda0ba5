package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
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
		return nil
	}
	md := loc.Field.Describe()
	if loc.Parent != nil && loc.Parent.Name != "" {
		md += "\n\n*" + loc.Parent.Name + "*"
	}
	return &HoverInfo{Markdown: md, Span: m.KeySpan}
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
		if t := refTarget(def, n); t != nil {
			return &HoverInfo{Markdown: stateSummary(t), Span: n.Span}
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

// refTarget finds the state a StartAt/Next/Default string names.
func refTarget(def *model.Definition, n *syntax.Node) *model.State {
	for _, m := range def.Machine.Scopes() {
		if m.StartAt != nil && m.StartAt.Node == n {
			return m.StartAt.Target
		}
	}
	var target *model.State
	for _, s := range def.All {
		eachRef(s, func(_ model.EdgeKind, r *model.Ref) {
			if r.Node == n {
				target = r.Target
			}
		})
		if target != nil {
			return target
		}
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
	eachRef(s, func(k model.EdgeKind, r *model.Ref) {
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
		return hoverJSONata(sc)
	}
	e, _ := expr.ParseDollarValue(sc.s)
	if sc.kind == exprPath {
		p, _ := expr.ParsePath(sc.s)
		e = p
	}
	switch x := e.(type) {
	case *expr.Call:
		return hoverCall(sc, x, opts)
	case *expr.Path:
		return hoverPath(sc, x, opts)
	}
	return nil
}

func hoverCall(sc *strCtx, c *expr.Call, opts Options) *HoverInfo {
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
			return hoverCall(sc, a.Call, opts)
		case a.Kind == expr.ArgPath && a.Span.Start <= sc.i && sc.i <= a.Span.End:
			return hoverPath(sc, a.Path, opts)
		}
	}
	return nil
}

func hoverPath(sc *strCtx, p *expr.Path, opts Options) *HoverInfo {
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
func hoverJSONata(sc *strCtx) *HoverInfo {
	body, off, ok := expr.JSONataBody(sc.s)
	if !ok {
		return nil
	}
	ast, _ := jsonata.ParseTolerant(body)
	if ast == nil {
		return nil
	}
	n, _ := jsonata.NodeAt(ast, sc.i-off)
	if n == nil || n.Type != "variable" {
		return nil
	}
	name, _ := n.Value.(string)
	sp := sc.span(n.Start+off, n.End+off)
	if name == "states" {
		return &HoverInfo{Markdown: "**$states**\n\nThe reserved variable of JSONata states: `input`, `result` (Task, Parallel, Map), `errorOutput` (in Catch) and `context` (the Context object).", Span: sp}
	}
	if f, ok := jsonata.LookupFunction(name); ok {
		md := "```\n$" + f.Name + f.Params + "\n```\n" + f.Doc
		if f.Unavailable != "" {
			md += "\n\nNot available in Step Functions: " + f.Unavailable
		}
		return &HoverInfo{Markdown: md, Span: sp}
	}
	return nil
}

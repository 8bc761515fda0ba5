package lsp

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
)

// occurrence is one place a state name appears: its declaration (the key
// under States) or a reference (StartAt, Next, Default, a Choice rule's or a
// Catcher's Next). State names are scoped: a reference only ever names a
// state of its own StateMachine (top level, a Parallel branch or a Map
// processor).
type occurrence struct {
	Span source.Span // the name as written, quotes included in JSON
	Decl bool
}

// nameAt is the state name under an offset and the scope it lives in.
type nameAt struct {
	Name  string
	Scope *model.StateMachine
	Span  source.Span
	Decl  bool
}

// scopeRefs lists every reference made inside one scope.
func scopeRefs(m *model.StateMachine) []*model.Ref {
	var refs []*model.Ref
	add := func(r *model.Ref) {
		if r != nil && r.Node != nil {
			refs = append(refs, r)
		}
	}
	add(m.StartAt)
	for _, s := range m.States {
		add(s.Next)
		add(s.Default)
		for _, c := range s.Choices {
			add(c.Next)
		}
		for _, c := range s.Catch {
			add(c.Next)
		}
	}
	return refs
}

// findName finds the state name (declaration or reference) at offset.
func findName(def *model.Definition, offset int) (nameAt, bool) {
	var best nameAt
	found := false
	for _, m := range def.Machine.Scopes() {
		for _, s := range m.States {
			if s.Member != nil && s.Member.KeySpan.Contains(offset) {
				// Inner scopes come later and are more specific.
				best, found = nameAt{Name: s.Name, Scope: m, Span: s.Member.KeySpan, Decl: true}, true
			}
		}
		for _, r := range scopeRefs(m) {
			if r.Span().Contains(offset) {
				best, found = nameAt{Name: r.Name, Scope: m, Span: r.Span()}, true
			}
		}
	}
	return best, found
}

// occurrences lists the declarations and references of name in scope, in
// source order.
func occurrences(scope *model.StateMachine, name string) []occurrence {
	var out []occurrence
	for _, s := range scope.States {
		if s.Name == name && s.Member != nil {
			out = append(out, occurrence{Span: s.Member.KeySpan, Decl: true})
		}
	}
	for _, r := range scopeRefs(scope) {
		if r.Name == name {
			out = append(out, occurrence{Span: r.Span()})
		}
	}
	sortOccurrences(out)
	return out
}

func sortOccurrences(o []occurrence) {
	for i := 1; i < len(o); i++ {
		for j := i; j > 0 && o[j].Span.Start < o[j-1].Span.Start; j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
}

// innerSpan strips the quotes of a quoted scalar (JSON or YAML).
func innerSpan(text []byte, sp source.Span) source.Span {
	if sp.Len() >= 2 {
		q := text[sp.Start]
		if (q == '"' || q == '\'') && text[sp.End-1] == q {
			return source.Span{Start: sp.Start + 1, End: sp.End - 1}
		}
	}
	return sp
}

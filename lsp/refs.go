package lsp

import (
	"slices"

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

// eachScopeRef calls fn with every reference made inside one scope:
// StartAt and each state's transitions (model.State.EachRef).
func eachScopeRef(m *model.StateMachine, fn func(r *model.Ref)) {
	if m.StartAt != nil && m.StartAt.Node != nil {
		fn(m.StartAt)
	}
	for _, s := range m.States {
		s.EachRef(func(_ model.EdgeKind, r *model.Ref) {
			if r.Node != nil {
				fn(r)
			}
		})
	}
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
		eachScopeRef(m, func(r *model.Ref) {
			if r.Span().Contains(offset) {
				best, found = nameAt{Name: r.Name, Scope: m, Span: r.Span()}, true
			}
		})
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
	eachScopeRef(scope, func(r *model.Ref) {
		if r.Name == name {
			out = append(out, occurrence{Span: r.Span()})
		}
	})
	slices.SortStableFunc(out, func(a, b occurrence) int { return a.Span.Start - b.Span.Start })
	return out
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

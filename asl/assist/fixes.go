package assist

import (
	"regexp"
	"strings"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// lambdaRetryErrors are the transient Lambda errors AWS recommends retrying.
var lambdaRetryErrors = []any{"Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"}

// DefaultTimeoutSeconds is the TimeoutSeconds the add-timeout fix writes.
const DefaultTimeoutSeconds = 300

// Messages of asl/check name the likely intended text this way.
var (
	didYouMean = regexp.MustCompile(`did you mean "([^"]+)"\?`)
	writeValue = regexp.MustCompile(`case-sensitive: write "([^"]+)"`)
)

// Fixes returns the quick fixes for one diagnostic of asl/check (none for
// codes it has no fix for). Edits are written for the document's format.
func Fixes(def *model.Definition, d Diagnostic) (fixes []Fix) {
	if def == nil || def.File == nil || def.File.Root == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			fixes = nil
		}
	}()
	return fixesFor(def, d)
}

// fixesFor is Fixes without the recover, so fuzzing sees panics.
func fixesFor(def *model.Definition, d Diagnostic) (fixes []Fix) {
	dc := newDoc(def.File)
	st := stateNamed(def, d.Span)
	suggestion := ""
	if m := didYouMean.FindStringSubmatch(d.Message); m != nil {
		suggestion = m[1]
	} else if m := writeValue.FindStringSubmatch(d.Message); m != nil {
		suggestion = m[1]
	}
	switch d.Code {
	case check.CodeNoTransition:
		if st != nil && st.Node.Kind == syntax.Object {
			if end := st.Field("End"); end != nil && end.Value != nil {
				fixes = append(fixes, Fix{Title: `Set "End": true`, Edits: []Edit{{Span: end.Value.Span, NewText: "true"}}, Preferred: true})
			} else {
				fixes = append(fixes, Fix{Title: `Add "End": true`, Edits: []Edit{dc.addMember(st.Node, "End", true)}, Preferred: true})
			}
		}
	case check.CodeNextAndEnd:
		if st != nil {
			fixes = append(fixes,
				Fix{Title: `Remove "End"`, Edits: []Edit{dc.removeMember(st.Node, st.Field("End"))}, Preferred: true},
				Fix{Title: `Remove "Next"`, Edits: []Edit{dc.removeMember(st.Node, st.Field("Next"))}})
		}
	case check.CodeSchemaTransitionPlacement:
		if o, m := memberAtKey(def, d.Span); m != nil {
			fixes = append(fixes, Fix{Title: "Remove \"" + m.Key + "\"", Edits: []Edit{dc.removeMember(o, m)}, Preferred: true})
		}
	case check.CodeNextUnknown, check.CodeStartAtUnknown:
		ref, scope := refAt(def, d.Span)
		if ref == nil || scope == nil {
			break
		}
		if suggestion != "" {
			fixes = append(fixes, Fix{Title: "Change to \"" + suggestion + "\"", Edits: []Edit{dc.replaceString(ref.Node, suggestion)}, Preferred: true})
		}
		if ref.Name != "" && scope.StatesNode != nil && scope.StatesNode.Kind == syntax.Object && len(def.ByName[ref.Name]) == 0 {
			fixes = append(fixes, Fix{Title: "Create state \"" + ref.Name + "\"", Edits: []Edit{dc.addMember(scope.StatesNode, ref.Name, obj{{"Type", "Pass"}, {"End", true}})}})
		}
	default:
		// Any other did-you-mean (unknown field, state Type, enum value
		// case, Choice operator, States.* error name): replace the key or
		// the string the diagnostic points at.
		if suggestion == "" {
			break
		}
		title := "Change to \"" + suggestion + "\""
		if _, m := memberAtKey(def, d.Span); m != nil {
			fixes = append(fixes, Fix{Title: title, Edits: []Edit{dc.replaceKey(m, suggestion)}, Preferred: true})
		} else if n := stringNodeAt(def, d.Span); n != nil {
			fixes = append(fixes, Fix{Title: title, Edits: []Edit{dc.replaceString(n, suggestion)}, Preferred: true})
		}
	case check.CodeLambdaNoRetry:
		if st == nil || st.Node.Kind != syntax.Object {
			break
		}
		retrier := obj{{"ErrorEquals", lambdaRetryErrors}, {"IntervalSeconds", 1}, {"MaxAttempts", 3}, {"BackoffRate", 2}, {"JitterStrategy", "FULL"}}
		if r := st.Value("Retry"); r != nil && r.Kind == syntax.Array {
			fixes = append(fixes, Fix{Title: "Add the recommended Lambda retrier", Edits: []Edit{dc.prependElem(r, retrier)}, Preferred: true})
		} else if r == nil {
			fixes = append(fixes, Fix{Title: "Add the recommended Lambda retrier", Edits: []Edit{dc.addMember(st.Node, "Retry", []any{retrier})}, Preferred: true})
		}
	case check.CodeTaskNoTimeout:
		if st != nil && st.Node.Kind == syntax.Object {
			fixes = append(fixes, Fix{Title: "Add \"TimeoutSeconds\"", Edits: []Edit{dc.addMember(st.Node, "TimeoutSeconds", DefaultTimeoutSeconds)}, Preferred: true})
		}
	}
	return fixes
}

// stateNamed finds the state a diagnostic is about: the one whose name
// the span covers, else the innermost state holding the span.
func stateNamed(def *model.Definition, sp source.Span) *model.State {
	for _, s := range def.All {
		if s.Member != nil && s.Member.KeySpan == sp {
			return s
		}
	}
	return stateAt(def, sp.Start)
}

// memberAtKey finds the member whose key is at sp, with its object.
func memberAtKey(def *model.Definition, sp source.Span) (*syntax.Node, *syntax.Member) {
	var obj *syntax.Node
	var found *syntax.Member
	syntax.Walk(def.File.Root, func(n *syntax.Node) bool {
		if found != nil || !n.Span.Contains(sp.Start) {
			return false
		}
		for _, m := range n.Members {
			if m.KeySpan == sp {
				obj, found = n, m
			}
		}
		return found == nil
	})
	return obj, found
}

// stringNodeAt finds the string node spanning sp.
func stringNodeAt(def *model.Definition, sp source.Span) *syntax.Node {
	chain, _ := syntax.PathAt(def.File.Root, sp.Start+1)
	for i := len(chain) - 1; i >= 0; i-- {
		if chain[i].IsString() && chain[i].Span == sp {
			return chain[i]
		}
	}
	return nil
}

// refAt finds the state reference at sp and the scope it must name a state
// of. Only states (and scopes) whose text holds sp can hold it: hover
// asks this on every state name in a Next, so the others are skipped by
// their span before their references are visited.
func refAt(def *model.Definition, sp source.Span) (*model.Ref, *model.StateMachine) {
	if m := def.Machine; m.StartAt != nil && m.StartAt.Span() == sp {
		return m.StartAt, m
	}
	for _, s := range def.All {
		if s.Node == nil || sp.Start < s.Node.Span.Start || sp.End > s.Node.Span.End {
			continue
		}
		var found *model.Ref
		s.EachRef(func(_ model.EdgeKind, r *model.Ref) {
			if found == nil && r.Span() == sp {
				found = r
			}
		})
		if found != nil {
			return found, s.Scope
		}
		for _, m := range ownedScopes(s) {
			if m.StartAt != nil && m.StartAt.Span() == sp {
				return m.StartAt, m
			}
		}
	}
	return nil, nil
}

// ownedScopes are the branches and the item processor of s.
func ownedScopes(s *model.State) []*model.StateMachine {
	if s.Processor != nil {
		return append(s.Branches[:len(s.Branches):len(s.Branches)], s.Processor)
	}
	return s.Branches
}

// prependElem inserts v as the first element of array a.
func (d doc) prependElem(a *syntax.Node, v any) Edit {
	unit := d.unit()
	if len(a.Elems) == 0 {
		ind := d.indentOf(a.Span.Start)
		return Edit{Span: source.Span{Start: a.Span.Start + 1, End: a.Span.Start + 1}, NewText: "\n" + ind + unit + renderJSON(v, ind+unit, unit) + "\n" + ind}
	}
	first := a.Elems[0]
	if d.yaml && !(a.Span.Start < len(d.text) && d.text[a.Span.Start] == '[') {
		// Block sequence: a new "- " item before the first one, at its column.
		dash := first.Span.Start
		for dash > 0 && d.text[dash-1] != '-' && d.text[dash-1] != '\n' {
			dash--
		}
		if dash > 0 && d.text[dash-1] == '-' {
			dash--
		}
		ind := spaces(d.column(dash))
		var b strings.Builder
		b.WriteString("- ")
		writeYAMLItem(&b, v, ind+"  ", unit)
		b.WriteString("\n" + ind)
		return Edit{Span: source.Span{Start: dash, End: dash}, NewText: b.String()}
	}
	ind := d.indentOf(first.Span.Start)
	return Edit{Span: source.Span{Start: first.Span.Start, End: first.Span.Start}, NewText: renderJSON(v, ind, unit) + ",\n" + ind}
}

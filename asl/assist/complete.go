package assist

import (
	"slices"
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// provider adds the candidates it knows for a cursor. Each lives in its
// own file (complete_*.go) and returns quickly when the cursor is not its
// business.
type provider func(c *cursor, out *[]Candidate)

var providers = []provider{
	completeFields,
	completeParameters,
	completeStateSnippets,
	completeEnumValues,
	completeStateNames,
	completeErrorNames,
	completeResources,
	completeExpressions,
}

// Complete returns the completion candidates at offset. It never panics
// and returns nil when nothing fits.
func Complete(def *model.Definition, offset int, opts Options) (out []Candidate) {
	if def == nil || def.File == nil || def.File.Root == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	return complete(def, offset, opts)
}

// complete is Complete without the recover, so fuzzing sees panics.
func complete(def *model.Definition, offset int, opts Options) (out []Candidate) {
	offset = min(max(offset, 0), len(def.File.Text))
	out = documentSkeleton(def.File.Text, def.File.Format == syntax.YAML, opts.Snippets)
	c := locate(def, offset, opts)
	if c.place == placeNone {
		return out
	}
	for _, p := range providers {
		p(c, &out)
	}
	return rankCandidates(out)
}

// rankCandidates appends each candidate's position to its SortText (a
// provider's own order stands among equal ranks; no rank is "5") and sorts
// by it. A scope of thousands of states makes thousands of candidates: the
// keys share one allocation, and the sort moves indexes, not candidates.
func rankCandidates(out []Candidate) []Candidate {
	var keys []byte
	bounds := make([]int, len(out)+1) // key i is keys[bounds[i]:bounds[i+1]]
	for i := range out {
		if out[i].SortText == "" {
			keys = append(keys, '5')
		} else {
			keys = append(keys, out[i].SortText...)
		}
		keys = strconv.AppendInt(keys, int64(1000+i), 10)
		bounds[i+1] = len(keys)
	}
	all := string(keys)
	order := make([]int, len(out))
	for i := range out {
		out[i].SortText = all[bounds[i]:bounds[i+1]]
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(out[a].SortText, out[b].SortText) })
	sorted := make([]Candidate, len(out))
	for i, j := range order {
		sorted[i] = out[j]
	}
	return sorted
}

// keyCandidate builds the candidate that writes key (with its value text
// when no colon is there yet) at the cursor's key position. value and
// plain are the JSON snippet and plain forms of the value; yamlValue and
// yamlPlain the YAML forms (they follow "key:").
func (c *cursor) keyCandidate(label string, kind Kind, key string, v valueText) Candidate {
	cand := Candidate{Label: label, Kind: kind, Snippet: c.opts.Snippets}
	hasColon := c.member != nil && c.member.ColonOffset >= 0
	var text string
	if c.doc.yaml {
		text = yamlKey(key)
		if !hasColon {
			if c.opts.Snippets {
				text += ":" + v.yamlSnippet(c)
			} else {
				text += ":" + v.yamlPlain
			}
		}
	} else {
		text = jsonString(key)
		if !hasColon {
			if c.opts.Snippets {
				text += ": " + v.jsonSnippetAt(c)
			} else {
				text += ": " + v.jsonPlain
			}
		}
		cand.FilterText = jsonString(key)
		if !hasColon {
			before, after := c.commasForKey()
			if after {
				text += ","
			}
			if before != nil {
				cand.Extra = append(cand.Extra, *before)
			}
		}
	}
	if c.opts.Snippets && !v.raw {
		// Keys are literal text inside a snippet.
		text = escapeKeyInSnippet(text, key)
	}
	cand.Edit = Edit{Span: c.replace, NewText: text}
	return cand
}

// escapeKeyInSnippet escapes snippet metacharacters in the key part only
// (the value part already is a snippet).
func escapeKeyInSnippet(text, key string) string {
	if !strings.ContainsAny(key, `$}\`) {
		return text
	}
	return strings.Replace(text, key, escapeSnippet(key), 1)
}

// commasForKey says which commas a new JSON member at the cursor needs:
// an edit adding one after the previous member, and whether one must
// follow the new member.
func (c *cursor) commasForKey() (before *Edit, after bool) {
	var prev, next source.Span
	hasPrev, hasNext := false, false
	for _, m := range c.obj.Members {
		if m == c.member {
			continue
		}
		if m.Span.End <= c.replace.Start {
			prev, hasPrev = m.Span, true
		} else if m.KeySpan.Start >= c.replace.End && !hasNext {
			next, hasNext = m.KeySpan, true
		}
	}
	return c.commasBetween(prev, hasPrev, next, hasNext)
}

// commasBetween says which commas the text at the cursor needs between
// the previous sibling (ending at prev.End) and the next one (starting at
// next.Start), when there are any.
func (c *cursor) commasBetween(prev source.Span, hasPrev bool, next source.Span, hasNext bool) (before *Edit, after bool) {
	t := c.doc.text
	if hasPrev && !strings.Contains(string(t[prev.End:c.replace.Start]), ",") {
		before = &Edit{Span: source.Span{Start: prev.End, End: prev.End}, NewText: ","}
	}
	if hasNext && !strings.Contains(string(t[c.replace.End:next.Start]), ",") {
		after = true
	}
	return before, after
}

// commasForElem is commasForKey for a new array element.
func (c *cursor) commasForElem() (before *Edit, after bool) {
	t := c.doc.text
	if c.doc.yaml && !c.doc.isFlow(c.arr) && (len(t) <= c.arr.Span.Start || t[c.arr.Span.Start] != '[') {
		return nil, false
	}
	var prev, next source.Span
	hasPrev, hasNext := false, false
	for _, e := range c.arr.Elems {
		if e == c.node {
			continue
		}
		if e.Span.End <= c.replace.Start {
			prev, hasPrev = e.Span, true
		} else if e.Span.Start >= c.replace.End && !hasNext {
			next, hasNext = e.Span, true
		}
	}
	return c.commasBetween(prev, hasPrev, next, hasNext)
}

// stringCandidate builds the candidate that writes the string value s at
// the cursor's value or element position.
func (c *cursor) stringCandidate(label string, kind Kind, s string) Candidate {
	cand := Candidate{Label: label, Kind: kind}
	var text string
	if c.doc.yaml && (c.replace.Len() == 0 || c.doc.text[c.replace.Start] != '"') {
		text = c.doc.stringText(c.replace, s)
		if c.replace.Len() == 0 {
			text = yamlScalar(s)
		}
	} else {
		text = jsonString(s)
		cand.FilterText = text
	}
	if c.place == placeElem && c.node == nil {
		before, after := c.commasForElem()
		if after {
			text += ", "
		}
		if before != nil {
			cand.Extra = append(cand.Extra, *before)
		}
	}
	if c.place == placeValue && c.node == nil && !c.doc.yaml {
		text = c.valueSpacing() + text
	}
	cand.Edit = Edit{Span: c.replace, NewText: text}
	return cand
}

// valueSpacing is a space to put after a colon the cursor sits right after.
func (c *cursor) valueSpacing() string {
	if c.replace.Start > 0 && c.doc.text[c.replace.Start-1] == ':' {
		return " "
	}
	return ""
}

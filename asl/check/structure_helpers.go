package check

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// isDeployPlaceholder reports whether n stands for a value filled in at deploy
// time: a YAML-tagged node (!Sub, !GetAtt, ...), a string holding `${...}`,
// or a CloudFormation intrinsic object ({"Ref": ..} or {"Fn::...": ..}).
// Placeholders are assumed valid: most deployed definitions use them.
func isDeployPlaceholder(n *syntax.Node) bool {
	if n == nil {
		return false
	}
	if n.Tag != "" && n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!bool" && n.Tag != "!!float" && n.Tag != "!!null" && n.Tag != "!!map" && n.Tag != "!!seq" {
		return true
	}
	switch n.Kind {
	case syntax.String:
		return hasPlaceholderSyntax(n.Str)
	case syntax.Object:
		if len(n.Members) == 1 {
			return isIntrinsicKey(n.Members[0].Key)
		}
	}
	return false
}

// substitutionFree reports whether no value of the document can be a
// deploy-time substitution but a CloudFormation intrinsic object: a text
// without backslashes (so every string is its raw bytes, escapes being the
// only way to write a "$" or "{" that is not in the text) and without "${",
// "#{" or "{{" anywhere, which every substitution string (and every bare
// ${Name}, the only JSON node with a Tag) contains. YAML also needs no "!":
// its tags (!Sub, !Ref) start with one, and line folding joins lines with a
// space or newline, so it cannot make a "${" of its own. Once per Run: the
// walks then test placeholders without reading each node's Tag and string
// bytes, both mostly cache-cold.
func substitutionFree(p *Pass) bool {
	return memoized(p, memoSubstitutionFree, func() bool {
		f := p.Def.File
		if f.Format == syntax.YAML && bytes.IndexByte(f.Text, '!') >= 0 || !noBackslash(p) {
			return false
		}
		for t := f.Text; ; {
			i := bytes.IndexByte(t, '{')
			if i < 0 {
				return true
			}
			if i > 0 && (t[i-1] == '$' || t[i-1] == '#') || i+1 < len(t) && t[i+1] == '{' {
				return false
			}
			t = t[i+1:]
		}
	})
}

// isPlaceholderIn is isDeployPlaceholder where plain is substitutionFree.
func isPlaceholderIn(plain bool, n *syntax.Node) bool {
	if plain && (n == nil || n.Kind != syntax.Object || len(n.Members) != 1) {
		return false // small enough to inline: most nodes stop here
	}
	return isDeployPlaceholder(n)
}

// isIntrinsicKey reports the key of a CloudFormation intrinsic object.
func isIntrinsicKey(k string) bool { return k == "Ref" || strings.HasPrefix(k, "Fn::") }

// hasPlaceholderSyntax reports whether s contains a deploy-time substitution:
// `${...}` (CloudFormation !Sub, SAM DefinitionSubstitutions, Terraform,
// Serverless), `#{...}` (serverless-pseudo-parameters) or `{{...}}`.
func hasPlaceholderSyntax(s string) bool {
	for i := strings.IndexByte(s, '{'); i >= 0; {
		if (i > 0 && (s[i-1] == '$' || s[i-1] == '#')) || (i+1 < len(s) && s[i+1] == '{') {
			return true
		}
		j := strings.IndexByte(s[i+1:], '{')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isObjectNode reports whether n is a JSON object.
func isObjectNode(n *syntax.Node) bool { return n != nil && n.Kind == syntax.Object }

// framedAsJSONata reports whether s is framed as a JSONata expression.
func framedAsJSONata(s string) bool {
	return strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") && len(s) >= 4
}

// memberKeySpan is the span of a member's key, or of its node when absent.
func memberKeySpan(m *syntax.Member, fallback *syntax.Node) source.Span {
	if m != nil {
		return m.KeySpan
	}
	if fallback != nil {
		return fallback.Span
	}
	return source.Span{}
}

// spanOf is n's span, or the zero span for a missing node.
func spanOf(n *syntax.Node) source.Span {
	if n == nil {
		return source.Span{}
	}
	return n.Span
}

// charCount counts Unicode characters, the unit AWS limits names by.
func charCount(s string) int { return utf8.RuneCountInString(s) }

// stateNamesOf lists the distinct state names of a scope in source order.
func stateNamesOf(m *model.StateMachine) []string {
	seen := make(map[string]bool, len(m.States))
	out := make([]string, 0, len(m.States))
	for _, s := range m.States {
		if !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s.Name)
		}
	}
	return out
}

// nearestName returns the candidate nearest to name by edit distance when it is
// close enough to be a plausible typo, else "".
func nearestName(name string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(1, min(charCount(name)/3+1, 4))
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := levenshtein(lower, strings.ToLower(c))
		if strings.EqualFold(c, name) {
			d = 0
		}
		// A suggestion must keep something of the name: "B" is not a typo of "A".
		if d <= limit && d < charCount(name) && d < charCount(c) && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// levenshtein is the Levenshtein distance over runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		if a == b {
			return 0
		}
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// quotedNames renders names as `"A", "B" and "C"`, at most limit of them.
func quotedNames(names []string, limit int) string {
	names = append([]string(nil), names...)
	sort.Strings(names)
	more := 0
	if len(names) > limit {
		more = len(names) - limit
		names = names[:limit]
	}
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			if i == len(names)-1 && more == 0 {
				b.WriteString(" or ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(`"` + n + `"`)
	}
	if more > 0 {
		b.WriteString(", ...")
	}
	return b.String()
}

// describeScope names a scope for messages: "the top level", "branch 2 of
// Parallel "P"", "the processor of Map "M"".
func describeScope(m *model.StateMachine) string {
	if m.Owner == nil {
		return "the top level"
	}
	if m.Owner.Type == model.TypeParallel {
		return "branch " + strconv.Itoa(m.Index) + " of Parallel state \"" + m.Owner.Name + "\""
	}
	return "the item processor of Map state \"" + m.Owner.Name + "\""
}

// usesJSONPath reports whether the state's fields are JSONPath fields.
func usesJSONPath(s *model.State) bool { return s.QueryLanguage != model.JSONata }

// hasObjectBody reports whether the state's value is an object (other shapes
// are the schema rules' business).
func hasObjectBody(s *model.State) bool { return s.HasObjectBody() }

// aKind names a JSON type with its article: "an object", "a string".
func aKind(k syntax.Kind) string {
	switch k {
	case syntax.Object, syntax.Array, syntax.Invalid:
		return "an " + k.String()
	}
	return "a " + k.String()
}

// headSpan narrows the span of an object or array that runs over several
// lines to its opening bracket, so an editor underlines one character
// instead of the whole block; a one-line value keeps its span.
func headSpan(p *Pass, n *syntax.Node) source.Span {
	text := p.Def.File.Text
	if n.Span.Start < 0 || n.Span.End > len(text) || n.Span.End <= n.Span.Start {
		return n.Span
	}
	for _, c := range text[n.Span.Start:n.Span.End] {
		if c == '\n' {
			return source.Span{Start: n.Span.Start, End: n.Span.Start + 1}
		}
	}
	return n.Span
}

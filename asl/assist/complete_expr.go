package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/source"
)

// completeExpressions completes inside expression strings: JSONPath paths
// on the sample input, the Context object ($$), variables, intrinsic
// functions (in .$ values), and in {% %} strings JSONata functions,
// $states and its fields.
func completeExpressions(c *cursor, out *[]Candidate) {
	if c.node == nil || !c.node.IsString() {
		return
	}
	sc := stringAt(c.def.File.Root, c.doc.text, c.offset)
	if sc == nil {
		return
	}
	if sc.kind == exprJSONata {
		completeJSONata(c, sc, out)
		return
	}
	start := tokenBefore(sc.s, sc.i)
	tok := sc.s[start:sc.i]
	end := tokenEnd(sc.s, sc.i)
	switch {
	case strings.HasPrefix(tok, "$$"):
		completeContext(c, sc, strings.TrimPrefix(tok, "$$"), start+2, end, "$$", out)
	case tok == "$" || strings.HasPrefix(tok, "$."):
		completeSample(c, sc, tok[1:], end, out)
		if tok == "$" {
			completeVariables(c, sc.span(start, end), out)
		}
	case strings.HasPrefix(tok, "$") && !strings.Contains(tok, "."):
		completeVariables(c, sc.span(start, end), out)
	case sc.kind == exprDollar || sc.kind == exprErrCause:
		if callPosition(sc.s, start) {
			completeIntrinsics(c, sc.span(start, end), out)
		}
	}
}

// callPosition: a function name may start at i (the string's start or
// after "(" or ",").
func callPosition(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return j == 0 || s[j-1] == '(' || s[j-1] == ','
}

// addText appends cand with an edit writing literal text at sp (escaped
// for snippets when the client takes snippets).
func (c *cursor) addText(out *[]Candidate, cand Candidate, sp source.Span, text string) {
	if c.opts.Snippets {
		cand.Snippet = true
		text = escapeDollar(text)
	}
	cand.Edit = Edit{Span: sp, NewText: text}
	*out = append(*out, cand)
}

package assist

import (
	"sort"
	"strings"

	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// exprKind is the language of the string at the cursor.
type exprKind uint8

const (
	exprNone     exprKind = iota
	exprPath              // a JSONPath path field (InputPath, Variable, ...SecondsPath)
	exprDollar            // the value of a "key.$": a path or an intrinsic call
	exprErrCause          // Fail ErrorPath/CausePath: a path or an intrinsic
	exprJSONata           // a {% %} string
)

// strCtx is the string under the cursor and the cursor's index in it.
type strCtx struct {
	node *syntax.Node
	s    string // decoded
	i    int    // cursor index into s
	kind exprKind
	text []byte
}

// decodedIndex maps a document offset into n's decoded string: the last
// index whose source offset is at or before offset (0 when none is).
// SourceOffset never decreases with the index and costs a scan of the
// string, so a binary search keeps long JSONata strings fast.
func decodedIndex(text []byte, n *syntax.Node, offset int) int {
	i := sort.Search(len(n.Str)+1, func(i int) bool { return n.SourceOffset(text, i) > offset })
	return max(i-1, 0)
}

// span maps a decoded range back to the document.
func (sc *strCtx) span(start, end int) source.Span {
	return source.Span{Start: sc.node.SourceOffset(sc.text, start), End: sc.node.SourceOffset(sc.text, end)}
}

// stringAt returns the expression string holding offset (the value of a
// member, or nil).
func stringAt(root *syntax.Node, text []byte, offset int) *strCtx {
	chain, _ := syntax.PathAt(root, offset)
	if len(chain) == 0 {
		return nil
	}
	n := chain[len(chain)-1]
	if n.Kind != syntax.String || n.Parent == nil || offset == n.Span.Start {
		return nil
	}
	if !n.Unclosed && offset == n.Span.End && n.Span.End > n.Span.Start && (text[n.Span.End-1] == '"' || text[n.Span.End-1] == '\'') {
		return nil
	}
	sc := &strCtx{node: n, s: n.Str, text: text}
	sc.i = decodedIndex(text, n, offset)
	sc.kind = classify(root, n)
	if sc.kind == exprNone {
		return nil
	}
	return sc
}

// classify says which expression language the string node holds.
func classify(root, n *syntax.Node) exprKind {
	if strings.HasPrefix(n.Str, "{%") {
		return exprJSONata
	}
	p := n.Parent
	if p.Kind != syntax.Object {
		return exprNone
	}
	var key string
	for _, m := range p.Members {
		if m.Value == n {
			key = m.Key
		}
	}
	if strings.HasSuffix(key, ".$") {
		return exprDollar
	}
	loc := schema.LocateNode(root, n)
	if loc.Free || loc.Field == nil || loc.QueryLanguage == "JSONata" {
		return exprNone
	}
	switch {
	case key == "ErrorPath" || key == "CausePath":
		return exprErrCause
	case key == "Variable" || strings.HasSuffix(key, "Path"):
		return exprPath
	}
	return exprNone
}

// tokenBefore is the start of the path/name token ending at i.
func tokenBefore(s string, i int) int {
	j := i
	for j > 0 && isTokenByte(s[j-1]) {
		j--
	}
	return j
}

// tokenEnd extends i over name characters.
func tokenEnd(s string, i int) int {
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return i
}

func isTokenByte(b byte) bool { return isNameByte(b) || b == '.' || b == '$' || b == '@' }

func isNameByte(b byte) bool {
	return b == '_' || b >= 0x80 || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

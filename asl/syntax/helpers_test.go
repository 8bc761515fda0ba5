package syntax

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/source"
)

// dumpTree renders a compact outline of the tree with spans, one node per
// line, for golden files.
func dumpTree(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, indent string)
	walk = func(n *Node, indent string) {
		b.WriteString(describe(n))
		b.WriteByte('\n')
		for _, m := range n.Members {
			fmt.Fprintf(&b, "%s  %q%v", indent, m.Key, m.KeySpan)
			if m.ColonOffset < 0 {
				b.WriteString(" no-colon")
			}
			if m.Value == nil {
				b.WriteString(" <missing>\n")
				continue
			}
			b.WriteString(": ")
			walk(m.Value, indent+"  ")
		}
		for _, e := range n.Elems {
			b.WriteString(indent + "  - ")
			walk(e, indent+"  ")
		}
	}
	walk(n, "")
	return b.String()
}

func describe(n *Node) string {
	s := n.Kind.String() + n.Span.String()
	switch n.Kind {
	case String, Invalid:
		s += " " + strconv.Quote(n.Str)
	case Number:
		s += " " + n.Str + "=" + strconv.FormatFloat(n.Num, 'g', -1, 64)
	case Bool:
		s += " " + strconv.FormatBool(n.Bool)
	}
	if n.Tag != "" {
		s += " tag=" + n.Tag
	}
	if n.Unclosed {
		s += " unclosed"
	}
	return s
}

// renderErrors draws each error as `line:col: CODE message` and the source
// line with carets under the span.
func renderErrors(f *File) string {
	if len(f.Errors) == 0 {
		return "(none)\n"
	}
	m := source.NewMapper(f.Text)
	var b strings.Builder
	for _, e := range f.Errors {
		pos := m.BytePosition(e.Span.Start)
		fmt.Fprintf(&b, "%d:%d: %s %s\n%s\n", pos.Line+1, pos.Column+1, e.Code, e.Message, source.Snippet(m, e.Span))
	}
	return b.String()
}

// checkInvariants fails the test when the tree breaks what every consumer
// relies on: a root, spans inside the text, children inside parents,
// Parent pointers, error spans inside the text.
func checkInvariants(t testing.TB, f *File) {
	t.Helper()
	if f.Root == nil {
		t.Fatal("nil root")
	}
	if f.Root.Parent != nil {
		t.Errorf("root has a parent")
	}
	size := len(f.Text)
	inside := func(s, outer source.Span) bool {
		return outer.Start <= s.Start && s.Start <= s.End && s.End <= outer.End
	}
	all := source.Span{Start: 0, End: size}
	// A YAML alias is a copy of its anchor and keeps the anchor's spans
	// below its own, so nesting is only checked where no alias is involved.
	aliases := f.Format == YAML && bytes.ContainsAny(f.Text, "*")
	if aliases {
		inside = func(s, outer source.Span) bool { return s.Start <= s.End && all.Start <= s.Start && s.End <= all.End }
	}
	var walk func(n *Node)
	walk = func(n *Node) {
		if !inside(n.Span, all) {
			t.Fatalf("%s outside the text (len %d)", describe(n), size)
		}
		for _, m := range n.Members {
			if !inside(m.KeySpan, n.Span) || !inside(m.Span, n.Span) || !inside(m.KeySpan, m.Span) {
				t.Fatalf("member %q key %v span %v outside %s", m.Key, m.KeySpan, m.Span, describe(n))
			}
			if m.Value == nil {
				continue
			}
			if m.Value.Parent != n {
				t.Fatalf("member %q: wrong parent", m.Key)
			}
			if !inside(m.Value.Span, m.Span) {
				t.Fatalf("member %q value %s outside member span %v", m.Key, describe(m.Value), m.Span)
			}
			walk(m.Value)
		}
		for _, e := range n.Elems {
			if e.Parent != n {
				t.Fatalf("element %s: wrong parent", describe(e))
			}
			if !inside(e.Span, n.Span) {
				t.Fatalf("element %s outside %s", describe(e), describe(n))
			}
			walk(e)
		}
	}
	walk(f.Root)
	for _, e := range f.Errors {
		if !inside(e.Span, all) {
			t.Fatalf("error %s %q span %v outside the text (len %d)", e.Code, e.Message, e.Span, size)
		}
		if e.Code == "" || e.Message == "" {
			t.Fatalf("error without code or message: %+v", e)
		}
	}
}

package lsp

import (
	"bytes"
	"context"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Formatting re-indents a JSON document, keeping key order and every
// scalar exactly as written (escapes, number spelling). A document with
// syntax errors, or YAML, is left alone.
func (s *server) Formatting(ctx context.Context, params *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	snap, ok := s.snapshot(params.TextDocument.URI)
	if !ok {
		return []protocol.TextEdit{}, nil
	}
	f := snap.File()
	if f.Format != syntax.JSON || len(f.Errors) > 0 {
		return []protocol.TextEdit{}, nil
	}
	indent := "\t"
	if params.Options.InsertSpaces {
		size := int(params.Options.TabSize)
		if size <= 0 {
			size = 2
		}
		indent = strings.Repeat(" ", size)
	}
	out := formatJSON(f, indent)
	if bytes.Equal(out, snap.Text) {
		return []protocol.TextEdit{}, nil
	}
	whole := snap.rangeOf(source.Span{End: len(snap.Text)})
	return []protocol.TextEdit{{Range: whole, NewText: string(out)}}, nil
}

// formatJSON prints the tree with one member or element per line.
func formatJSON(f *syntax.File, indent string) []byte {
	var b bytes.Buffer
	var write func(n *syntax.Node, depth int)
	pad := func(depth int) {
		b.WriteByte('\n')
		for range depth {
			b.WriteString(indent)
		}
	}
	write = func(n *syntax.Node, depth int) {
		switch n.Kind {
		case syntax.Object:
			if len(n.Members) == 0 {
				b.WriteString("{}")
				return
			}
			b.WriteByte('{')
			for i, m := range n.Members {
				if i > 0 {
					b.WriteByte(',')
				}
				pad(depth + 1)
				b.Write(f.Text[m.KeySpan.Start:m.KeySpan.End])
				b.WriteString(": ")
				if m.Value != nil {
					write(m.Value, depth+1)
				} else {
					b.WriteString("null")
				}
			}
			pad(depth)
			b.WriteByte('}')
		case syntax.Array:
			if len(n.Elems) == 0 {
				b.WriteString("[]")
				return
			}
			b.WriteByte('[')
			for i, e := range n.Elems {
				if i > 0 {
					b.WriteByte(',')
				}
				pad(depth + 1)
				write(e, depth+1)
			}
			pad(depth)
			b.WriteByte(']')
		default:
			b.Write(f.Text[n.Span.Start:n.Span.End])
		}
	}
	write(f.Root, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

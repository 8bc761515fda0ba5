package lsp

import (
	"context"

	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

func spanStart(sp source.Span) source.Span { return source.Span{Start: sp.Start, End: sp.Start} }

// FoldingRanges folds every object and array that spans lines, starting at
// its key's line when it is a member's value (so YAML folds under the key).
// In JSON the closing bracket's line stays visible.
func (s *server) FoldingRanges(ctx context.Context, params *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	snap, ok := s.snapshot(params.TextDocument.URI)
	if !ok {
		return []protocol.FoldingRange{}, nil
	}
	f := snap.File()
	out := []protocol.FoldingRange{}
	seen := map[int]bool{}
	add := func(startOffset int, n *syntax.Node) {
		if n == nil || (n.Kind != syntax.Object && n.Kind != syntax.Array) {
			return
		}
		start := snap.Mapper.Line(startOffset)
		end := snap.Mapper.Line(max(n.Span.End-1, n.Span.Start))
		if f.Format == syntax.JSON && !n.Unclosed {
			end-- // keep the line with the closing bracket
		}
		if end > start && !seen[start] {
			seen[start] = true
			out = append(out, protocol.FoldingRange{StartLine: uint32(start), EndLine: uint32(end)})
		}
	}
	add(f.Root.Span.Start, f.Root)
	syntax.Walk(f.Root, func(n *syntax.Node) bool {
		for _, m := range n.Members {
			add(m.KeySpan.Start, m.Value)
		}
		for _, e := range n.Elems {
			add(e.Span.Start, e)
		}
		return true
	})
	return out, nil
}

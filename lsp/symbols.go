package lsp

import (
	"context"
	"strconv"

	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/model"
)

// DocumentSymbol answers the outline: states as a tree, a Parallel's
// branches and a Map's processor nested under their state, each with its
// Type as the detail.
func (s *server) DocumentSymbol(ctx context.Context, params *protocol.DocumentSymbolParams) (protocol.DocumentSymbolResult, error) {
	snap, ok := s.aslSnapshot(params.TextDocument.URI)
	if !ok {
		return protocol.DocumentSymbolSlice{}, nil
	}
	syms := stateSymbols(snap, snap.Def().Machine)
	s.mu.Lock()
	hierarchical := s.caps.hierarchicalSymbols
	s.mu.Unlock()
	if !hierarchical {
		return flattenSymbols(snap, syms, ""), nil
	}
	return protocol.DocumentSymbolSlice(syms), nil
}

func stateSymbols(snap *Snapshot, m *model.StateMachine) []protocol.DocumentSymbol {
	out := []protocol.DocumentSymbol{}
	for _, st := range m.States {
		if st.Member == nil {
			continue
		}
		sym := protocol.DocumentSymbol{
			Name:           symbolName(st.Name),
			Kind:           symbolKind(st.Type),
			Range:          snap.rangeOf(st.Member.Span),
			SelectionRange: snap.rangeOf(st.Member.KeySpan),
		}
		if st.Type != "" {
			sym.Detail = ptr(st.Type)
		}
		for i, b := range st.Branches {
			sym.Children = append(sym.Children, protocol.DocumentSymbol{
				Name:           "Branch " + strconv.Itoa(i+1),
				Kind:           protocol.SymbolKindNamespace,
				Range:          snap.rangeOf(b.Node.Span),
				SelectionRange: snap.rangeOf(spanStart(b.Node.Span)),
				Children:       stateSymbols(snap, b),
			})
		}
		if p := st.Processor; p != nil {
			name := "ItemProcessor"
			if st.Value("ItemProcessor") != p.Node {
				name = "Iterator"
			}
			sym.Children = append(sym.Children, protocol.DocumentSymbol{
				Name:           name,
				Kind:           protocol.SymbolKindNamespace,
				Range:          snap.rangeOf(p.Node.Span),
				SelectionRange: snap.rangeOf(spanStart(p.Node.Span)),
				Children:       stateSymbols(snap, p),
			})
		}
		out = append(out, sym)
	}
	return out
}

// symbolName keeps names displayable: LSP rejects empty names.
func symbolName(n string) string {
	if n == "" {
		return `""`
	}
	return n
}

func symbolKind(typ string) protocol.SymbolKind {
	switch typ {
	case model.TypeTask:
		return protocol.SymbolKindFunction
	case model.TypePass:
		return protocol.SymbolKindVariable
	case model.TypeChoice:
		return protocol.SymbolKindOperator
	case model.TypeWait:
		return protocol.SymbolKindEvent
	case model.TypeSucceed, model.TypeFail:
		return protocol.SymbolKindConstant
	case model.TypeParallel:
		return protocol.SymbolKindStruct
	case model.TypeMap:
		return protocol.SymbolKindArray
	}
	return protocol.SymbolKindObject
}

// flattenSymbols is the outline for clients without hierarchical support.
func flattenSymbols(snap *Snapshot, syms []protocol.DocumentSymbol, container string) protocol.SymbolInformationSlice {
	out := protocol.SymbolInformationSlice{}
	for _, sym := range syms {
		si := protocol.SymbolInformation{Location: protocol.Location{URI: snap.URI, Range: sym.Range}}
		si.Name = sym.Name
		si.Kind = sym.Kind
		if container != "" {
			si.ContainerName = ptr(container)
		}
		out = append(out, si)
		out = append(out, flattenSymbols(snap, sym.Children, sym.Name)...)
	}
	return out
}

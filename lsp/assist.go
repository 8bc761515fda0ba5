package lsp

import (
	"context"
	"sort"

	"github.com/aslkit/aslkit/sim/dataflow"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/asl/assist"
	"github.com/aslkit/aslkit/asl/check"
)

// Completion, hover, signature help and quick fixes are pure functions in
// asl/assist; this file converts positions and results.

// assistOptions gives assist the client's snippet support and the sample
// input beside the definition (<stem>.input.json), when there is one.
func (s *server) assistOptions(snap *Snapshot) assist.Options {
	s.mu.Lock()
	opts := assist.Options{Snippets: s.caps.snippets}
	s.mu.Unlock()
	// Read on each request (a small file) so edits to it show at once.
	if _, data, ok := s.sampleInput(snap.URI); ok {
		if v, err := dataflow.DecodeJSON(data); err == nil {
			opts.Input, opts.HasInput = v, true
		}
	}
	return opts
}

// aslSnapshot is the latest snapshot of an open document that is a state
// machine.
func (s *server) aslSnapshot(u uri.URI) (*Snapshot, bool) {
	snap, ok := s.snapshot(u)
	if !ok || !snap.IsASL() {
		return nil, false
	}
	return snap, true
}

func (s *server) Completion(ctx context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	snap, ok := s.aslSnapshot(params.TextDocument.URI)
	if !ok {
		return list, nil
	}
	for _, c := range assist.Complete(snap.Def(), snap.offset(params.Position), s.assistOptions(snap)) {
		list.Items = append(list.Items, snap.completionItem(c))
	}
	return list, nil
}

func (snap *Snapshot) completionItem(c assist.Candidate) protocol.CompletionItem {
	item := protocol.CompletionItem{
		Label:    c.Label,
		Kind:     completionKind(c.Kind),
		TextEdit: &protocol.TextEdit{Range: snap.rangeOf(c.Edit.Span), NewText: c.Edit.NewText},
	}
	if c.Detail != "" {
		item.Detail = protocol.NewOptional(c.Detail)
	}
	if c.Doc != "" {
		item.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: c.Doc}
	}
	if c.FilterText != "" {
		item.FilterText = protocol.NewOptional(c.FilterText)
	}
	if c.SortText != "" {
		item.SortText = protocol.NewOptional(c.SortText)
	}
	if c.Snippet {
		item.InsertTextFormat = protocol.InsertTextFormatSnippet
	} else {
		item.InsertTextFormat = protocol.InsertTextFormatPlainText
	}
	// assist indents multi-line text absolutely; a client must not
	// re-indent it (VS Code would by default).
	item.InsertTextMode = protocol.InsertTextModeAsIs
	if c.Deprecated {
		item.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
	}
	for _, e := range c.Extra {
		item.AdditionalTextEdits = append(item.AdditionalTextEdits, protocol.TextEdit{Range: snap.rangeOf(e.Span), NewText: e.NewText})
	}
	return item
}

func completionKind(k assist.Kind) protocol.CompletionItemKind {
	switch k {
	case assist.KindField:
		return protocol.CompletionItemKindProperty
	case assist.KindValue:
		return protocol.CompletionItemKindValue
	case assist.KindState:
		return protocol.CompletionItemKindReference
	case assist.KindError:
		return protocol.CompletionItemKindConstant
	case assist.KindResource:
		return protocol.CompletionItemKindModule
	case assist.KindFunction:
		return protocol.CompletionItemKindFunction
	case assist.KindPath:
		return protocol.CompletionItemKindField
	case assist.KindVariable:
		return protocol.CompletionItemKindVariable
	case assist.KindSnippet:
		return protocol.CompletionItemKindSnippet
	}
	return protocol.CompletionItemKindText
}

func (s *server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	snap, ok := s.aslSnapshot(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	h := assist.Hover(snap.Def(), snap.offset(params.Position), s.assistOptions(snap))
	if h == nil || h.Markdown == "" {
		return nil, nil
	}
	r := snap.rangeOf(h.Span)
	return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: h.Markdown}, Range: &r}, nil
}

func (s *server) SignatureHelp(ctx context.Context, params *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	snap, ok := s.aslSnapshot(params.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	si := assist.Signature(snap.Def(), snap.offset(params.Position))
	if si == nil {
		return nil, nil
	}
	info := protocol.SignatureInformation{Label: si.Label}
	if si.Doc != "" {
		info.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: si.Doc}
	}
	for _, p := range si.Params {
		// Parameter labels are offsets into the label in UTF-16 units.
		pi := protocol.ParameterInformation{Label: protocol.ParameterInformationLabelTuple{utf16Len(si.Label[:p.Start]), utf16Len(si.Label[:p.End])}}
		if p.Doc != "" {
			pi.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: p.Doc}
		}
		info.Parameters = append(info.Parameters, pi)
	}
	help := &protocol.SignatureHelp{Signatures: []protocol.SignatureInformation{info}, ActiveSignature: ptr(uint32(0))}
	if si.Active >= 0 {
		help.ActiveParameter = protocol.NewNullable(uint32(si.Active))
	}
	return help, nil
}

func utf16Len(s string) uint32 {
	n := uint32(0)
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// CodeAction offers assist's quick fixes for the snapshot's diagnostics
// that touch the requested range.
func (s *server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	out := []protocol.CommandOrCodeAction{}
	snap, ok := s.aslSnapshot(params.TextDocument.URI)
	if !ok {
		return out, nil
	}
	if len(params.Context.Only) > 0 && !wantsQuickFix(params.Context.Only) {
		return out, nil
	}
	start, end := snap.offset(params.Range.Start), snap.offset(params.Range.End)
	var ds []check.Diagnostic
	for _, d := range snap.Diagnostics() {
		if d.Span.Start <= end && start <= d.Span.End {
			ds = append(ds, d)
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start })
	pds := snap.protocolDiagnosticsOf(ds)
	for i, d := range ds {
		for _, f := range assist.Fixes(snap.Def(), assist.Diagnostic{Code: d.Code, Span: d.Span, Message: d.Message}) {
			edits := []protocol.TextEdit{}
			for _, e := range f.Edits {
				edits = append(edits, protocol.TextEdit{Range: snap.rangeOf(e.Span), NewText: e.NewText})
			}
			action := &protocol.CodeAction{
				Title:       f.Title,
				Kind:        ptr(protocol.CodeActionKindQuickFix),
				Diagnostics: []protocol.Diagnostic{pds[i]},
				Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{snap.URI: edits}},
			}
			if f.Preferred {
				action.IsPreferred = ptr(true)
			}
			out = append(out, action)
		}
	}
	return out, nil
}

func wantsQuickFix(only []protocol.CodeActionKind) bool {
	for _, k := range only {
		if k == protocol.CodeActionKindQuickFix || k == "" {
			return true
		}
	}
	return false
}

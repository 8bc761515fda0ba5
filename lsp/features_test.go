package lsp

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aslkit/aslkit/internal/testkit"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"golang.org/x/tools/txtar"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/lsp/ext"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/features/*.txtar")

// TestFeatures runs every testdata/features/*.txtar through the in-process
// server. The first file is the document (its name picks the language);
// inline <|name|> markers are stripped before didOpen. Every section named
// "@marker.feature" (or "@feature" for whole-document features) is a
// golden answer:
//
//	@m.definition @m.references @m.highlight @m.prepareRename
//	@m.rename.NewName  (the document after the rename)
//	@m.complete  @m.complete.Label (the document after the item's edits)
//	@m.hover @m.signature @m.codeaction
//	@symbols @folding @format @diagnostics
//	@simulate  (asl.simulate with the archive's input.json and mocks.json
//	            sections; the event lines and the end of the run)
func TestFeatures(t *testing.T) {
	files, _ := filepath.Glob("testdata/features/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/features/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runBubble(t, func(t *testing.T) { runFeatureFile(t, file) })
		})
	}
}

func languageOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".asl.json"):
		return "asl"
	case strings.HasSuffix(name, ".asl.yaml"), strings.HasSuffix(name, ".asl.yml"):
		return "asl-yaml"
	case strings.HasSuffix(name, ".yaml"):
		return "yaml"
	}
	return "json"
}

func runFeatureFile(t *testing.T, file string) {
	a := testkit.LoadMarked(t, file)
	h := start(t, Options{})
	u := h.open(a.DocName, languageOf(a.DocName), a.Text)
	h.settle()
	snap, _ := h.serverSnapshot(u)
	markPos := func(name string) protocol.Position { return snap.position(a.Offset(t, name)) }
	a.CheckGoldens(t, *update, func(section string) string {
		return h.answer(t, u, snap, section, markPos, a.Archive)
	})
}

// answer runs one golden section's query and renders the result.
func (h *harness) answer(t *testing.T, u uri.URI, snap *Snapshot, section string, markPos func(string) protocol.Position, ar *txtar.Archive) string {
	ctx := h.ctx
	doc := protocol.TextDocumentIdentifier{URI: u}
	switch section {
	case "symbols":
		res, err := h.server.DocumentSymbol(ctx, &protocol.DocumentSymbolParams{TextDocument: doc})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		if syms, ok := res.(protocol.DocumentSymbolSlice); ok {
			renderSymbols(&b, syms, 0)
		} else {
			fmt.Fprintf(&b, "unexpected %T\n", res)
		}
		return b.String()
	case "folding":
		res, err := h.server.FoldingRanges(ctx, &protocol.FoldingRangeParams{TextDocument: doc})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		for _, r := range res {
			fmt.Fprintf(&b, "%d-%d\n", r.StartLine+1, r.EndLine+1)
		}
		return b.String()
	case "format":
		res, err := h.server.Formatting(ctx, &protocol.DocumentFormattingParams{TextDocument: doc, Options: protocol.FormattingOptions{TabSize: 2, InsertSpaces: true}})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		return applyEdits(t, snap, res)
	case "simulate":
		return h.simulateGolden(t, u, ar)
	case "diagnostics":
		p := h.lastDiagnostics(u)
		var b strings.Builder
		for _, d := range p.Diagnostics {
			code, _ := d.Code.(protocol.String)
			fmt.Fprintf(&b, "%s %s %s\n", severityName(d.Severity), code, messageText(d))
			b.WriteString(caretSnippet(snap, d.Range))
			for _, r := range d.RelatedInformation {
				fmt.Fprintf(&b, "  related: %s\n", r.Message)
				b.WriteString(indentLines(caretSnippet(snap, r.Location.Range), "  "))
			}
		}
		return b.String()
	}
	mark, feature, _ := strings.Cut(section, ".")
	p := markPos(mark)
	pp := tdpp(u, p)
	switch {
	case feature == "definition":
		res, err := h.server.Definition(ctx, &protocol.DefinitionParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		locs, _ := res.(protocol.LocationSlice)
		return renderLocations(snap, locs)
	case feature == "references":
		res, err := h.server.References(ctx, &protocol.ReferenceParams{TextDocumentPositionParams: pp, Context: protocol.ReferenceContext{IncludeDeclaration: true}})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		return renderLocations(snap, res)
	case feature == "highlight":
		res, err := h.server.DocumentHighlight(ctx, &protocol.DocumentHighlightParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		for _, hl := range res {
			kind := "read"
			if hl.Kind == protocol.DocumentHighlightKindWrite {
				kind = "write"
			}
			b.WriteString(kind + "\n")
			b.WriteString(caretSnippet(snap, hl.Range))
		}
		return b.String()
	case feature == "prepareRename":
		res, err := h.server.PrepareRename(ctx, &protocol.PrepareRenameParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		ph, ok := res.(*protocol.PrepareRenamePlaceholder)
		if !ok {
			return fmt.Sprintf("unexpected %T\n", res)
		}
		return "placeholder " + ph.Placeholder + "\n" + caretSnippet(snap, ph.Range)
	case feature == "complete" || strings.HasPrefix(feature, "complete."):
		res, err := h.server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		list, _ := res.(*protocol.CompletionList)
		if list == nil {
			return fmt.Sprintf("unexpected %T\n", res)
		}
		if label, ok := strings.CutPrefix(feature, "complete."); ok {
			for _, it := range list.Items {
				if it.Label == label {
					edits := append([]protocol.TextEdit{*it.TextEdit.(*protocol.TextEdit)}, it.AdditionalTextEdits...)
					return applyEdits(t, snap, edits)
				}
			}
			return "no item " + label + "\n"
		}
		var b strings.Builder
		for _, it := range list.Items {
			detail, _ := it.Detail.Get()
			fmt.Fprintf(&b, "%s\t%d\t%s\n", it.Label, it.Kind, detail)
		}
		return b.String()
	case feature == "hover":
		res, err := h.server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		if res == nil {
			return "no hover\n"
		}
		mc, _ := res.Contents.(*protocol.MarkupContent)
		if mc == nil || res.Range == nil {
			return fmt.Sprintf("unexpected %T without range\n", res.Contents)
		}
		return strings.TrimRight(mc.Value, "\n") + "\n" + caretSnippet(snap, *res.Range)
	case feature == "signature":
		res, err := h.server.SignatureHelp(ctx, &protocol.SignatureHelpParams{TextDocumentPositionParams: pp})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		if res == nil {
			return "no signature\n"
		}
		var b strings.Builder
		for _, si := range res.Signatures {
			b.WriteString(si.Label + "\n")
			if act, ok := res.ActiveParameter.Get(); ok && int(act) < len(si.Parameters) {
				if tup, ok := si.Parameters[act].Label.(protocol.ParameterInformationLabelTuple); ok {
					fmt.Fprintf(&b, "active parameter %d: %q\n", act, string(utf16Slice(si.Label, tup[0], tup[1])))
				}
			}
		}
		return b.String()
	case feature == "codeaction":
		res, err := h.server.CodeAction(ctx, &protocol.CodeActionParams{TextDocument: doc, Range: protocol.Range{Start: p, End: p}})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		var b strings.Builder
		for _, a := range res {
			ca, ok := a.(*protocol.CodeAction)
			if !ok {
				fmt.Fprintf(&b, "unexpected %T\n", a)
				continue
			}
			pref := ""
			if ca.IsPreferred != nil && *ca.IsPreferred {
				pref = " (preferred)"
			}
			fmt.Fprintf(&b, "## %s%s\n", ca.Title, pref)
			if ca.Edit != nil {
				b.WriteString(applyEdits(t, snap, ca.Edit.Changes[u]))
			}
		}
		return b.String()
	case strings.HasPrefix(feature, "rename."):
		newName := strings.TrimPrefix(feature, "rename.")
		res, err := h.server.Rename(ctx, &protocol.RenameParams{TextDocumentPositionParams: pp, NewName: newName})
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		return applyEdits(t, snap, res.Changes[u])
	}
	t.Fatalf("unknown golden section %q", section)
	return ""
}

// utf16Slice cuts s between two UTF-16 offsets.
func utf16Slice(s string, from, to uint32) string {
	n := uint32(0)
	start, end := len(s), len(s)
	for i, r := range s {
		if n == from && start == len(s) {
			start = i
		}
		if n == to {
			end = i
			break
		}
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	if start > end {
		return ""
	}
	return s[start:end]
}

func severityName(s protocol.DiagnosticSeverity) string {
	return [...]string{"?", "error", "warning", "info", "hint"}[min(int(s), 4)]
}

func renderSymbols(b *strings.Builder, syms []protocol.DocumentSymbol, depth int) {
	for _, s := range syms {
		detail := ""
		if s.Detail != nil {
			detail = " " + *s.Detail
		}
		fmt.Fprintf(b, "%s%s (kind %d)%s lines %d-%d\n", strings.Repeat("  ", depth), s.Name, s.Kind, detail, s.Range.Start.Line+1, s.Range.End.Line+1)
		renderSymbols(b, s.Children, depth+1)
	}
}

func renderLocations(snap *Snapshot, locs []protocol.Location) string {
	var b strings.Builder
	for _, l := range locs {
		b.WriteString(caretSnippet(snap, l.Range))
	}
	return b.String()
}

// caretSnippet draws a range as "line:col" plus the source line with
// carets under the range (to the line's end when it spans lines).
func caretSnippet(snap *Snapshot, r protocol.Range) string {
	start := snap.offset(r.Start)
	end := snap.offset(r.End)
	line := snap.Mapper.Line(start)
	ls := snap.Mapper.LineSpan(line)
	if end > ls.End || end < start {
		end = ls.End
	}
	src := string(snap.Text[ls.Start:ls.End])
	before := utf8.RuneCount(snap.Text[ls.Start:start])
	width := max(utf8.RuneCount(snap.Text[start:end]), 1)
	return fmt.Sprintf("%d:%d\n  %s\n  %s%s\n", r.Start.Line+1, r.Start.Character+1, src, strings.Repeat(" ", before), strings.Repeat("^", width))
}

func indentLines(s, prefix string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}

// applyEdits applies non-overlapping text edits to the snapshot's text.
func applyEdits(t *testing.T, snap *Snapshot, edits []protocol.TextEdit) string {
	type span struct {
		source.Span
		text string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{source.Span{Start: snap.offset(e.Range.Start), End: snap.offset(e.Range.End)}, e.NewText})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last {
			t.Fatalf("overlapping edits: %v", edits)
		}
		b.Write(snap.Text[last:s.Start])
		b.WriteString(s.text)
		last = s.End
	}
	b.Write(snap.Text[last:])
	return b.String()
}

// simulateGolden runs asl.simulate on the document with the archive's
// input.json (else {}) and mocks.json (opened as a document, so the server
// reads it from the session) and renders the streamed events.
func (h *harness) simulateGolden(t *testing.T, u uri.URI, ar *txtar.Archive) string {
	params := ext.SimulateParams{URI: string(u), Input: map[string]any{}}
	for _, f := range ar.Files {
		switch f.Name {
		case "input.json":
			var in any
			if err := json.Unmarshal(f.Data, &in); err != nil {
				t.Fatalf("input.json: %v", err)
			}
			params.Input = in
		case "mocks.json":
			params.MockConfigURI = string(h.open("mocks.json", "json", string(f.Data)))
		}
	}
	res, err := h.execute(ext.CommandSimulate, params)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	var r ext.SimulateResult
	if err := json.Unmarshal(res, &r); err != nil {
		t.Fatal(err)
	}
	h.settle()
	var b strings.Builder
	for _, ev := range h.simulationEvents(r.RunID) {
		line, _ := ev.Event[ext.EventText].(string)
		if rg, ok := ev.Event[ext.EventRange].(map[string]any); ok {
			start := rg["start"].(map[string]any)
			line += fmt.Sprintf("  @%v:%v", start["line"].(float64)+1, start["character"].(float64)+1)
		}
		b.WriteString(line + "\n")
	}
	d := h.simulationDone(r.RunID)
	out, _ := json.Marshal(d.Output)
	fmt.Fprintf(&b, "status %s, output %s, error %s, cause %s, transitions %d\n", d.Status, out, deref(d.Error), deref(d.Cause), d.Transitions)
	return b.String()
}

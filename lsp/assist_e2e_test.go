package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// End-to-end checks of the asl/assist wiring that the goldens do not
// cover: the client's snippetSupport decides the insert text format, the
// sample input comes from <stem>.input.json beside the definition, YAML
// documents complete with YAML edits, and quick fixes leave a document
// that parses as cleanly as before.

const e2eMachine = `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"id.$": "$.<|path|>order.id"},
      <|key|>
      "Next": "Done"
    },
    "Done": {"Type": "Succeed"}
  }
}`

// initWithSnippets initializes with or without completion snippet support.
func initWithSnippets(h *harness, snippets bool) {
	h.t.Helper()
	p := &protocol.InitializeParams{}
	p.Capabilities.TextDocument = &protocol.TextDocumentClientCapabilities{
		Completion: &protocol.CompletionClientCapabilities{CompletionItem: &protocol.ClientCompletionItemOptions{SnippetSupport: ptr(snippets)}},
	}
	if _, err := h.server.Initialize(h.ctx, p); err != nil {
		h.t.Fatalf("initialize: %v", err)
	}
	if err := h.server.Initialized(h.ctx, &protocol.InitializedParams{}); err != nil {
		h.t.Fatalf("initialized: %v", err)
	}
}

// completeAt asks for completion at marker and returns the items by label.
func completeAt(h *harness, u uri.URI, marks map[string]int, mark string) map[string]protocol.CompletionItem {
	h.t.Helper()
	synctestWait() // didOpen/didChange are processed by the server's goroutine
	snap, ok := h.serverSnapshot(u)
	if !ok {
		h.t.Fatalf("%s is not open on the server", u)
	}
	p := fromSourcePos(snap.Mapper.UTF16Position(marks[mark]))
	res, err := h.server.Completion(h.ctx, &protocol.CompletionParams{TextDocumentPositionParams: tdpp(u, p)})
	if err != nil {
		h.t.Fatalf("completion: %v", err)
	}
	list, ok := res.(*protocol.CompletionList)
	if !ok {
		h.t.Fatalf("completion returned %T", res)
	}
	items := map[string]protocol.CompletionItem{}
	for _, it := range list.Items {
		items[it.Label] = it
	}
	return items
}

func itemText(t *testing.T, it protocol.CompletionItem) string {
	te, ok := it.TextEdit.(*protocol.TextEdit)
	if !ok {
		t.Fatalf("item %q has text edit %T", it.Label, it.TextEdit)
	}
	return te.NewText
}

func TestAssistSnippetSupport(t *testing.T) {
	for _, snippets := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "snippets"}[snippets], func(t *testing.T) {
			runBubble(t, func(t *testing.T) {
				h := newHarness(t, Options{})
				initWithSnippets(h, snippets)
				text, marks := testkit.StripMarkers(t, e2eMachine)
				u := h.open("flow.asl.json", "asl", text)
				it, ok := completeAt(h, u, marks, "key")["TimeoutSeconds"]
				if !ok {
					t.Fatal("no TimeoutSeconds item")
				}
				newText := itemText(t, it)
				hasPlaceholder := strings.Contains(newText, "${")
				if it.InsertTextMode != protocol.InsertTextModeAsIs {
					t.Errorf("insertTextMode %v: multi-line edits are indented already and must be inserted as is", it.InsertTextMode)
				}
				if snippets != (it.InsertTextFormat == protocol.InsertTextFormatSnippet) || snippets != hasPlaceholder {
					t.Errorf("snippetSupport %v: format %v, text %q", snippets, it.InsertTextFormat, newText)
				}
				if !snippets {
					snap, _ := h.serverSnapshot(u)
					out := applyEdits(t, snap, append([]protocol.TextEdit{*it.TextEdit.(*protocol.TextEdit)}, it.AdditionalTextEdits...))
					if f := syntax.Parse([]byte(out)); len(f.Errors) != 0 {
						t.Errorf("plain insertion leaves syntax errors %v:\n%s", f.Errors, out)
					}
				}
			})
		})
	}
}

func TestAssistSampleInputBesideDefinition(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		text, marks := testkit.StripMarkers(t, e2eMachine)
		u := h.open("flow.asl.json", "asl", text)
		if _, ok := completeAt(h, u, marks, "path")["order"]; ok {
			t.Error("input fields offered before flow.input.json exists")
		}
		h.open("flow.input.json", "json", `{"order": {"id": "o-1"}, "customer": "ada"}`)
		items := completeAt(h, u, marks, "path")
		for _, want := range []string{"order", "customer"} {
			if _, ok := items[want]; !ok {
				t.Errorf("no %q from flow.input.json among %d items", want, len(items))
			}
		}
		snap, _ := h.serverSnapshot(u)
		p := fromSourcePos(snap.Mapper.UTF16Position(marks["path"] + 3))
		hv, err := h.server.Hover(h.ctx, &protocol.HoverParams{TextDocumentPositionParams: tdpp(u, p)})
		if err != nil || hv == nil {
			t.Fatalf("hover on the path: %v %v", hv, err)
		}
		if mc, _ := hv.Contents.(*protocol.MarkupContent); mc == nil || !strings.Contains(mc.Value, `"o-1"`) {
			t.Errorf("hover does not show the sample value: %+v", hv.Contents)
		}
	})
}

func TestAssistYAMLEdits(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		text, marks := testkit.StripMarkers(t, "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: <|next|>\n  B:\n    Type: Succeed\n")
		u := h.open("flow.asl.yaml", "asl-yaml", text)
		it, ok := completeAt(h, u, marks, "next")["B"]
		if !ok {
			t.Fatal("no state B offered for Next")
		}
		if got := itemText(t, it); got != "B" {
			t.Errorf("YAML value written as %q, want a plain scalar", got)
		}
	})
}

func TestAssistQuickFixParses(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		text := "StartAt: A\nStates:\n  A:\n    Type: Pass\n  B:\n    Type: Succeed\n"
		u := h.open("flow.asl.yaml", "asl-yaml", text)
		h.settle()
		res, err := h.server.CodeAction(h.ctx, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u},
			Range:        rng(2, 2, 2, 3),
			Context:      protocol.CodeActionContext{Diagnostics: h.lastDiagnostics(u).Diagnostics},
		})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		snap, _ := h.serverSnapshot(u)
		for _, a := range res {
			ca, ok := a.(*protocol.CodeAction)
			if !ok || ca.Edit == nil || ca.Title != `Add "End": true` {
				continue
			}
			found = true
			out := applyEdits(t, snap, ca.Edit.Changes[u])
			if !strings.Contains(out, "    Type: Pass\n    End: true\n") {
				t.Errorf("End not added under A:\n%s", out)
			}
			if f := syntax.ParseYAML([]byte(out)); len(f.Errors) != 0 {
				t.Errorf("fix leaves syntax errors %v", f.Errors)
			}
		}
		if !found {
			t.Errorf("no Add \"End\": true action among %d", len(res))
		}
	})
}

package lsp

import (
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// FuzzApplyChanges checks that an edit given in LSP positions (UTF-16
// columns, made from two rune-boundary byte offsets through the Mapper)
// splices exactly those bytes, for any text.
func FuzzApplyChanges(f *testing.F) {
	f.Add("{\n  \"a\": \"héllo 😀 wörld\"\r\n}\n", 3, 17, "x→y")
	f.Add("", 0, 0, "new")
	f.Add("😀😀\n😀", 4, 9, "")
	f.Add("a\r\nb\r\n", 1, 3, "\n")
	f.Fuzz(func(t *testing.T, text string, a, b int, repl string) {
		if !utf8.ValidString(text) {
			return
		}
		clampRune := func(i int) int {
			if i < 0 {
				i = -i
			}
			i %= len(text) + 1
			for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
				i--
			}
			// A position between \r and \n does not exist in LSP.
			if i > 0 && i < len(text) && text[i-1] == '\r' && text[i] == '\n' {
				i--
			}
			return i
		}
		a, b = clampRune(a), clampRune(b)
		if a > b {
			a, b = b, a
		}
		m := source.NewMapper([]byte(text))
		enc := encoding(uint(a+b) % 2) // both encodings
		r := protocol.Range{Start: enc.position(m, a), End: enc.position(m, b)}
		got, edit, single, err := applyChanges([]byte(text), m, enc, []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: r, Text: repl}})
		if err != nil {
			t.Fatal(err)
		}
		want := text[:a] + repl + text[b:]
		if string(got) != want {
			t.Fatalf("edit %v (bytes %d..%d) of %q with %q:\n got %q\nwant %q", r, a, b, text, repl, got, want)
		}
		if wantEdit := (syntax.Edit{Start: a, End: b, NewLen: len(repl)}); !single || edit != wantEdit {
			t.Fatalf("edit %v of %q: reported %+v (single %v), want %+v", r, text, edit, single, wantEdit)
		}
	})
}

// Several changes in one notification apply one after the other.
func TestApplyChangesInSequence(t *testing.T) {
	text := []byte("ab\ncd\n")
	got, _, single, err := applyChanges(text, nil, encodingUTF16, []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangePartial{Range: rng(0, 0, 0, 0), Text: "é\n"}, // "é\nab\ncd\n"
		&protocol.TextDocumentContentChangePartial{Range: rng(1, 1, 2, 1), Text: "-"},   // "é\na-d\n"
		&protocol.TextDocumentContentChangeWholeDocument{Text: "whole"},
		&protocol.TextDocumentContentChangePartial{Range: rng(0, 5, 0, 5), Text: "!"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "whole!" || single {
		t.Errorf("got %q (single edit %v)", got, single)
	}
	got, _, _, _ = applyChanges(text, nil, encodingUTF16, []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangePartial{Range: rng(0, 0, 0, 0), Text: "é\n"},
		&protocol.TextDocumentContentChangePartial{Range: rng(1, 1, 2, 1), Text: "-"},
	})
	if string(got) != "é\na-d\n" {
		t.Errorf("got %q", got)
	}
	if _, _, _, err := applyChanges(text, nil, encodingUTF16, []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangePartial{Range: rng(1, 0, 0, 0), Text: "x"},
	}); err == nil {
		t.Errorf("a range ending before its start was accepted")
	}
}

func TestSettingsMerge(t *testing.T) {
	base := settingsFromOptions(Options{}.withDefaults())
	for _, tc := range []struct {
		raw          string
		workflow     string
		disabled     []string
		debounceMs   int
		wantProblems int
	}{
		{raw: ``, workflow: "STANDARD", debounceMs: 75},
		{raw: `null`, workflow: "STANDARD", debounceMs: 75},
		{raw: `{"workflowType": "express"}`, workflow: "EXPRESS", debounceMs: 75},
		{raw: `{"asl": {"workflowType": "EXPRESS", "disabledCodes": ["ASL130"], "debounceMs": 5}}`, workflow: "EXPRESS", disabled: []string{"ASL130"}, debounceMs: 5},
		{raw: `{"disabledHints": ["ASL1"]}`, workflow: "STANDARD", disabled: []string{"ASL1"}, debounceMs: 75},
		{raw: `{"workflowType": "batch"}`, workflow: "STANDARD", debounceMs: 75, wantProblems: 1},
		{raw: `[1]`, workflow: "STANDARD", debounceMs: 75, wantProblems: 1},
	} {
		got, problems := base.merge([]byte(tc.raw))
		if string(got.WorkflowType) != tc.workflow || int(got.Debounce.Milliseconds()) != tc.debounceMs || len(problems) != tc.wantProblems || len(got.Disabled) != len(tc.disabled) {
			t.Errorf("merge(%s) = %+v, problems %v", tc.raw, got, problems)
		}
		for _, c := range tc.disabled {
			if !got.Disabled[c] {
				t.Errorf("merge(%s): %s not disabled", tc.raw, c)
			}
		}
	}
}

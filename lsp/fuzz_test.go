package lsp

import (
	"reflect"
	"testing"

	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/syntax"
)

// FuzzDocumentFeatures runs the server's own model-driven features on any
// text (JSON or YAML) at any offset: none may panic, every span must lie
// in the text, and formatting must keep the JSON value and parse cleanly.
func FuzzDocumentFeatures(f *testing.F) {
	f.Add(brokenMachine, 60, false)
	f.Add(passMachine, 40, false)
	f.Add("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: A\n", 30, true)
	f.Add(`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}],"End":true}}}`, 70, false)
	f.Add(`{"a": [1, 2.50e1, "\u00e9", {}, []], "b": {"c": null}}`, 3, false)
	f.Fuzz(func(t *testing.T, text string, offset int, yaml bool) {
		lang, name := "asl", "f.asl.json"
		if yaml {
			lang, name = "asl-yaml", "f.asl.yaml"
		}
		snap := newSnapshot(uri.File("/"+name), lang, 1, []byte(text), encodingUTF16, check.Options{})
		inText := func(what string, start, end int) {
			if start < 0 || end > len(text) || start > end {
				t.Fatalf("%s span [%d,%d) outside the text (%d bytes)", what, start, end, len(text))
			}
		}
		if offset < 0 {
			offset = -offset
		}
		offset %= len(text) + 1
		def := snap.Def()
		if n, ok := findName(def, offset); ok {
			inText("name", n.Span.Start, n.Span.End)
			for _, o := range occurrences(n.Scope, n.Name) {
				inText("occurrence", o.Span.Start, o.Span.End)
				in := innerSpan(snap.Text, o.Span)
				inText("inner", in.Start, in.End)
				_ = renameEdit(snap, o, "New: name")
			}
		}
		_ = stateSymbols(snap, def.Machine)
		_ = snap.protocolDiagnostics()
		file := snap.File()
		if file.Format == syntax.JSON && len(file.Errors) == 0 {
			out := formatJSON(file, "  ")
			again := syntax.Parse(out)
			if len(again.Errors) > 0 {
				t.Fatalf("formatted text has errors %v:\n%s", again.Errors, out)
			}
			if !reflect.DeepEqual(again.Root.Interface(), file.Root.Interface()) {
				t.Fatalf("formatting changed the value:\n%s\n->\n%s", text, out)
			}
		}
	})
}

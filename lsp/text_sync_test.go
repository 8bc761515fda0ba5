package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const brokenMachine = `{
  "StartAt": "Hello",
  "States": {
    "Hello": { "Type": "Pass", "Next": "Wrold" },
    "World": { "Type": "Succeed" }
  }
}
`

func codes(p *protocol.PublishDiagnosticsParams) []string {
	var out []string
	for _, d := range p.Diagnostics {
		if s, ok := d.Code.(protocol.String); ok {
			out = append(out, string(s))
		} else {
			out = append(out, "?")
		}
	}
	return out
}

func TestDiagnosticsAppearAndClear(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("hello.asl.json", "asl", brokenMachine)
		h.settle()
		p := h.lastDiagnostics(u)
		if len(p.Diagnostics) == 0 {
			t.Fatalf("want diagnostics for an unknown Next, got none")
		}
		var found bool
		for _, d := range p.Diagnostics {
			if src, _ := d.Source.Get(); src != "asl" {
				t.Errorf("diagnostic source = %q, want asl", src)
			}
			if strings.Contains(messageText(d), "Wrold") {
				found = true
				// "Wrold" with its quotes on line 3.
				if d.Range.Start.Line != 3 || d.Range.End.Line != 3 {
					t.Errorf("range = %v, want on line 3", d.Range)
				}
			}
		}
		if !found {
			t.Errorf("no diagnostic names Wrold: %v", p.Diagnostics)
		}
		if v, _ := p.Version.Get(); v != 1 {
			t.Errorf("version = %d, want 1", v)
		}

		// Fix the typo with an incremental edit: line 3, "Wrold" -> "World".
		line := strings.Split(brokenMachine, "\n")[3]
		col := uint32(strings.Index(line, "Wrold"))
		h.edit(u, rng(3, col, 3, col+5), "World")
		h.settle()
		p = h.lastDiagnostics(u)
		if len(p.Diagnostics) != 0 {
			t.Errorf("after the fix: %d diagnostics, want 0: %v", len(p.Diagnostics), codes(p))
		}
		if p.Diagnostics == nil {
			t.Errorf("an empty diagnostics list must be [] not null")
		}
		if v, _ := p.Version.Get(); v != 2 {
			t.Errorf("version = %d, want 2", v)
		}

		// Break it again and close: the close clears.
		h.edit(u, rng(3, col, 3, col+5), "Nope")
		h.settle()
		if n := len(h.lastDiagnostics(u).Diagnostics); n == 0 {
			t.Fatalf("want diagnostics again")
		}
		h.closeDoc(u)
		h.settle()
		if n := len(h.lastDiagnostics(u).Diagnostics); n != 0 {
			t.Errorf("after close: %d diagnostics, want 0", n)
		}
	})
}

func messageText(d protocol.Diagnostic) string {
	switch m := d.Message.(type) {
	case protocol.String:
		return string(m)
	case *protocol.MarkupContent:
		return m.Value
	}
	return ""
}

// Edits inside the debounce window publish once, for the last version.
func TestDiagnosticsOnlyForLatestVersion(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("m.asl.json", "asl", brokenMachine)
		h.settle()
		before := len(h.publishes(u))
		for range 5 {
			h.replaceAll(u, brokenMachine)
		}
		h.settle()
		ps := h.publishes(u)
		if got := len(ps) - before; got != 1 {
			t.Fatalf("5 quick edits gave %d publishes, want 1", got)
		}
		if v, _ := ps[len(ps)-1].Version.Get(); v != 6 {
			t.Errorf("published version %d, want 6", v)
		}
	})
}

// Incremental edits count columns in UTF-16 code units: an emoji is two.
func TestIncrementalEditsNonASCII(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		text := "{\n  \"Comment\": \"héllo 😀 wörld\",\n  \"StartAt\": \"A\",\n  \"States\": { \"A\": { \"Type\": \"Succeed\" } }\n}\n"
		u := h.open("u.asl.json", "asl", text)
		// Replace "wörld" (after the emoji) on line 1. UTF-16 columns:
		// `  "Comment": "` is 14, héllo 5, space 1, 😀 2, space 1 -> 23.
		h.edit(u, rng(1, 23, 1, 28), "world")
		// Delete the emoji (columns 20..22), then insert after é (column 16).
		h.edit(u, rng(1, 20, 1, 22), "")
		h.edit(u, rng(1, 16, 1, 16), "→")
		h.settle()
		snap, ok := h.serverSnapshot(u)
		if !ok {
			t.Fatal("document not open")
		}
		want := "{\n  \"Comment\": \"hé→llo  world\",\n  \"StartAt\": \"A\",\n  \"States\": { \"A\": { \"Type\": \"Succeed\" } }\n}\n"
		if string(snap.Text) != want {
			t.Errorf("text after edits:\n%q\nwant\n%q", snap.Text, want)
		}
		if n := len(h.lastDiagnostics(u).Diagnostics); n != 0 {
			t.Errorf("got %d diagnostics, want 0: %v", n, codes(h.lastDiagnostics(u)))
		}
	})
}

// serverSnapshot peeks at the server's latest snapshot (white box).
func (h *harness) serverSnapshot(u uri.URI) (*Snapshot, bool) {
	s := serverOf(h.serverConn)
	if s == nil {
		return nil, false
	}
	return s.snapshot(u)
}

// Plain JSON that is not a state machine gets an empty list, YAML works.
func TestLanguagesAndPlainJSON(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		pkg := h.open("package.json", "json", `{"name": "x", "version": 1,}`)
		yml := h.open("m.asl.yaml", "asl-yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n")
		plainASL := h.open("plain.json", "json", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}`)
		h.settle()
		if p := h.lastDiagnostics(pkg); len(p.Diagnostics) != 0 || p.Diagnostics == nil {
			t.Errorf("package.json: %v, want an empty non-nil list", codes(p))
		}
		if p := h.lastDiagnostics(yml); len(p.Diagnostics) == 0 {
			t.Errorf("YAML machine with unknown Next: no diagnostics")
		}
		if p := h.lastDiagnostics(plainASL); len(p.Diagnostics) == 0 {
			t.Errorf("plain .json state machine with unknown Next: no diagnostics")
		}
	})
}

func TestSettingsDisableCodes(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("m.asl.json", "asl", brokenMachine)
		h.settle()
		all := codes(h.lastDiagnostics(u))
		if len(all) == 0 {
			t.Fatal("no diagnostics")
		}
		settings := []byte(`{"asl": {"disabledCodes": ["` + strings.Join(all, `","`) + `"]}}`)
		if err := h.server.DidChangeConfiguration(h.ctx, &protocol.DidChangeConfigurationParams{Settings: settings}); err != nil {
			t.Fatal(err)
		}
		h.settle()
		if got := codes(h.lastDiagnostics(u)); len(got) != 0 {
			t.Errorf("after disabling %v: still %v", all, got)
		}
	})
}

// A client that offers utf-8 gets it: columns are bytes, in edits and in
// every range the server sends.
func TestUTF8PositionEncoding(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := newHarness(t, Options{})
		p := &protocol.InitializeParams{}
		p.Capabilities.General = &protocol.GeneralClientCapabilities{
			PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16},
		}
		res, err := h.server.Initialize(h.ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if res.Capabilities.PositionEncoding != protocol.PositionEncodingKindUTF8 {
			t.Fatalf("positionEncoding %q, want utf-8", res.Capabilities.PositionEncoding)
		}
		text := "{\"Comment\": \"😀\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"Bé\"}}}"
		u := h.open("u8.asl.json", "asl", text)
		h.settle()
		d := h.lastDiagnostics(u).Diagnostics
		if len(d) == 0 {
			t.Fatal("no diagnostics")
		}
		// The emoji before it is 4 bytes (2 UTF-16 units): columns are bytes.
		start := strings.Index(text, `"Bé"`)
		if got := d[0].Range.Start.Character; int(got) != start {
			t.Errorf("diagnostic starts at column %d, want byte column %d", got, start)
		}
		if got := d[0].Range.End.Character; int(got) != start+5 {
			t.Errorf("diagnostic ends at column %d, want byte column %d", got, start+5)
		}
		// Replace the 2-byte é by byte columns.
		h.edit(u, rng(0, uint32(start+2), 0, uint32(start+4)), "")
		synctestWait() // the server's goroutine applies didChange
		snap, _ := h.serverSnapshot(u)
		if want := strings.Replace(text, "Bé", "B", 1); string(snap.Text) != want {
			t.Errorf("after a byte-column edit:\n%s\nwant\n%s", snap.Text, want)
		}
	})
}

// A snapshot replaced by an edit or a settings change never publishes: the
// diagnostics computed for it are dropped (white box: publish is called
// directly, as a timer that fired just before the replacement would).
func TestStaleSnapshotDoesNotPublish(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		s := serverOf(h.serverConn)
		u := h.open("m.asl.json", "asl", brokenMachine)
		h.settle()
		opened, _ := h.serverSnapshot(u)
		h.replaceAll(u, brokenMachine)
		h.settle()
		edited, _ := h.serverSnapshot(u)
		if err := h.server.DidChangeConfiguration(h.ctx, &protocol.DidChangeConfigurationParams{Settings: []byte(`{"asl": {"workflowType": "express"}}`)}); err != nil {
			t.Fatal(err)
		}
		h.settle()
		latest, _ := h.serverSnapshot(u)
		before := len(h.publishes(u))
		// The latest one's publish, sent last on the same connection, marks
		// when the others would have arrived.
		s.publish(opened)
		s.publish(edited)
		s.publish(latest)
		h.settle()
		if got := len(h.publishes(u)) - before; got != 1 {
			t.Errorf("two stale snapshots and the latest gave %d publishes, want 1 (the latest's)", got)
		}
	})
}

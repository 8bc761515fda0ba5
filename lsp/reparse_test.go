package lsp

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"weak"

	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Doing the composed edit must give the text that doing both gives.
func TestComposeEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	edit := func(text []byte) (syntax.Edit, []byte) {
		start := rng.IntN(len(text) + 1)
		end := start + rng.IntN(min(4, len(text)-start)+1)
		insert := strings.Repeat("x", rng.IntN(4))
		return syntax.Edit{Start: start, End: end, NewLen: len(insert)}, slices.Concat(text[:start], []byte(insert), text[end:])
	}
	for range 10000 {
		text0 := []byte(strings.Repeat("abcdefghij", 1+rng.IntN(3)))
		a, text1 := edit(text0)
		b, text2 := edit(text1)
		c := composeEdits(a, b)
		got := slices.Concat(text0[:c.Start], text2[c.Start:c.Start+c.NewLen], text0[c.End:])
		if string(got) != string(text2) || c.Start < 0 || c.End > len(text0) || c.Start > c.End {
			t.Fatalf("%q: %+v then %+v composed to %+v: %q, want %q", text0, a, b, c, got, text2)
		}
	}
}

// Typing into a document, with the parse asked for after some keystrokes
// and not others (the server skips versions it has no time for), gives
// exactly the tree and diagnostics of a parse from scratch, and each
// snapshot holds no File older than its seed's.
func TestEditedSnapshotsParseLikeNew(t *testing.T) {
	for _, tc := range []struct{ name, lang, text, after string }{
		{"file:///a.asl.json", "asl", `{"Comment": "abc", "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}`, `"Comment": "a`},
		{"file:///a.asl.yaml", "asl-yaml", "Comment: abc\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Succeed\n", "Comment: a"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, 8))
			snap := newSnapshot(uri.URI(tc.name), tc.lang, 1, []byte(tc.text), encodingUTF16, check.Options{})
			at := strings.Index(tc.text, tc.after) + len(tc.after)
			parsed, reparsed := 0, 0
			fixing := false
			for i := range 200 {
				typed := string("qwertyZ 9"[rng.IntN(9)])
				e := syntax.Edit{Start: at, End: at, NewLen: 1}
				switch {
				case fixing || rng.IntN(5) == 0 && at > 0: // a backspace
					e, typed, fixing = syntax.Edit{Start: at - 1, End: at}, "", false
				case rng.IntN(10) == 0: // breaks the string open, until the next backspace
					typed, fixing = string(":#\"\\"[rng.IntN(4)]), true
				}
				text := slices.Concat(snap.Text[:e.Start], []byte(typed), snap.Text[e.End:])
				snap = editedSnapshot(snap, e, int32(i+2), text, check.Options{})
				at = e.Start + e.NewLen
				if rng.IntN(3) > 0 {
					continue // this version is never parsed
				}
				want := parseFor(tc.name, tc.lang, text)
				if d := treeDiff(snap.File().Root, want.Root); d != "" {
					t.Fatalf("after %q: %s", text, d)
				}
				if got, want := fmt.Sprint(snap.Diagnostics()), fmt.Sprint(checkText(tc.name, tc.lang, text)); got != want {
					t.Fatalf("after %q: diagnostics\n%s\nwant\n%s", text, got, want)
				}
				if snap.analysis.seed.Load() != nil {
					t.Fatalf("a parsed snapshot still holds its seed")
				}
				parsed++
				if snap.analysis.reparsed {
					reparsed++
				} else if testing.Verbose() {
					t.Logf("parsed from scratch: %q", text[:min(len(text), 60)])
				}
			}
			// Most keystrokes stay inside the string; the others (a quote,
			// a ': ') are parsed from scratch.
			t.Logf("%d of %d parses reparsed", reparsed, parsed)
			if reparsed*3 < parsed {
				t.Errorf("only %d of %d parses started from the previous tree", reparsed, parsed)
			}
		})
	}
}

// Snapshots made keystroke by keystroke keep no chain of older Files: a
// snapshot waiting for its parse holds its seed's File only, and a parsed
// one none but its own.
func TestEditedSnapshotsHoldNoOlderFiles(t *testing.T) {
	text := `{"Comment": "abc", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`
	at := strings.Index(text, `"Comment": "a`) + len(`"Comment": "a`)
	snap := newSnapshot(uri.URI("file:///a.asl.json"), "asl", 1, []byte(text), encodingUTF16, check.Options{})
	var files []weak.Pointer[syntax.File] // the File of each version parsed
	files = append(files, weak.Make(snap.File()))
	typeOne := func() {
		e := syntax.Edit{Start: at, End: at, NewLen: 1}
		snap = editedSnapshot(snap, e, snap.Version+1, slices.Concat(snap.Text[:at], []byte("x"), snap.Text[at:]), check.Options{})
		at++
	}
	live := func() (n int) {
		runtime.GC()
		runtime.GC()
		for _, f := range files {
			if f.Value() != nil {
				n++
			}
		}
		return n
	}
	typeOne() // version 2, parsed
	files = append(files, weak.Make(snap.File()))
	typeOne() // version 3, never parsed: its seed is version 2's File
	if n := live(); n != 1 || files[1].Value() == nil {
		t.Errorf("an unparsed snapshot keeps %d Files alive, want its seed's only", n)
	}
	typeOne() // version 4, parsed from version 2's File
	files = append(files, weak.Make(snap.File()))
	if !snap.analysis.reparsed {
		t.Fatal("version 4 was parsed from scratch")
	}
	if n := live(); n != 1 || files[2].Value() == nil {
		t.Errorf("a parsed snapshot keeps %d Files alive, want its own only", n)
	}
	runtime.KeepAlive(snap)
}

func checkText(name, lang string, text []byte) []check.Diagnostic {
	return newSnapshot(uri.URI(name), lang, 1, text, encodingUTF16, check.Options{}).Diagnostics()
}

// treeDiff compares kinds, spans, strings, keys and parents.
func treeDiff(got, want *syntax.Node) string {
	if (got == nil) != (want == nil) {
		return "nil vs not"
	}
	if got == nil {
		return ""
	}
	if got.Kind != want.Kind || got.Span != want.Span || got.Str != want.Str || len(got.Members) != len(want.Members) || len(got.Elems) != len(want.Elems) {
		return fmt.Sprintf("%v %v %q vs %v %v %q", got.Kind, got.Span, got.Str, want.Kind, want.Span, want.Str)
	}
	for i, m := range got.Members {
		w := want.Members[i]
		if m.Key != w.Key || m.KeySpan != w.KeySpan || m.Span != w.Span {
			return fmt.Sprintf("member %q %v vs %q %v", m.Key, m.Span, w.Key, w.Span)
		}
		if m.Value != nil && m.Value.Parent != got {
			return "wrong parent"
		}
		if d := treeDiff(m.Value, w.Value); d != "" {
			return m.Key + ": " + d
		}
	}
	for i, e := range got.Elems {
		if d := treeDiff(e, want.Elems[i]); d != "" {
			return d
		}
	}
	return ""
}

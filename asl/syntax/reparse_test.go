package syntax

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/source"
)

// TestReparseMatchesParse edits strings of every test document and corpus
// file at random (quotes, backslashes, colons, '#', line breaks, letters,
// digits, non-ASCII) and checks that whenever Reparse takes an edit, its
// File is exactly the one a parse from scratch gives.
func TestReparseMatchesParse(t *testing.T) {
	docs := reparseDocs(t)
	rng := rand.New(rand.NewPCG(1, 2))
	taken, tried := 0, 0
	for _, d := range docs {
		f := ParseAuto(d.name, d.data)
		tokens := editableTokens(f)
		if len(tokens) == 0 {
			continue
		}
		for range 40 {
			tok := tokens[rng.IntN(len(tokens))]
			e, insert := randomEditInside(rng, tok)
			newText := applyEdit(d.data, e, insert)
			tried++
			got, ok := Reparse(f, newText, e)
			if !ok {
				continue
			}
			taken++
			want := ParseAuto(d.name, newText)
			if diff := fileDiff(got, want); diff != "" {
				t.Fatalf("%s: edit %+v inserting %q: Reparse differs from Parse: %s", d.name, e, insert, diff)
			}
			checkInvariants(t, got)
		}
	}
	t.Logf("Reparse took %d of %d edits", taken, tried)
	// The edits are mostly plain letters inside strings: if Reparse takes
	// few of them, it has stopped doing its job.
	if taken*3 < tried {
		t.Errorf("Reparse took only %d of %d edits", taken, tried)
	}
}

// TestReparseChains applies keystrokes one after another, each to the
// previous Reparse result, as the server does while a user types.
func TestReparseChains(t *testing.T) {
	for _, tc := range []struct{ name, text, after, typed string }{
		{"a.json", `{"Comment": "abc", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, `"Comment": "a`, "hello world"},
		{"a.json", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, `{"Star`, "tAtXY"},
		{"a.json", `{"TimeoutSeconds": 36, "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, `: 3`, "00.5e1"},
		{"a.asl.yaml", "Comment: \"abc\"\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n", `Comment: "a`, "more text"},
		{"a.asl.yaml", "Comment: abc\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n", `Comment: a`, "1x2 y"},
		{"a.asl.yaml", "StartAt: First\nStates:\n  First:\n    Type: Pass\n    End: true\n", "  Fi", "rst of all"},
		{"a.asl.yaml", "StartAt: A\nStates:\n  \"AB\":\n    Type: Pass\n    End: true\n", `  "A`, "nother"},
	} {
		t.Run(tc.name+"/"+tc.typed, func(t *testing.T) {
			text := []byte(tc.text)
			f := ParseAuto(tc.name, text)
			at := strings.Index(tc.text, tc.after) + len(tc.after)
			for i, r := range tc.typed {
				e := Edit{Start: at, End: at, NewLen: len(string(r))}
				text = applyEdit(text, e, string(r))
				got, ok := Reparse(f, text, e)
				if !ok {
					t.Fatalf("keystroke %d (%q): Reparse declined", i, r)
				}
				if diff := fileDiff(got, ParseAuto(tc.name, text)); diff != "" {
					t.Fatalf("keystroke %d (%q): %s", i, r, diff)
				}
				f, at = got, at+e.NewLen
			}
		})
	}
}

// TestReparseDeclines lists edits that change more than one string's
// text, which only a full parse may read.
func TestReparseDeclines(t *testing.T) {
	for _, tc := range []struct {
		name, text, at, insert string
		del                    int
	}{
		{"quote", `{"A": "xy"}`, `"x`, `"`, 0},
		{"break", `{"A": "xy"}`, `"x`, "\n", 0},
		{"bad escape", `{"A": "xy"}`, `"x`, `\q`, 0},
		{"the quote itself", `{"A": "xy"}`, `"xy`, "", 1},
		{"number made a word", `{"A": 12}`, `1`, "x", 0},
		{"number with a leading zero", `{"A": 0.5}`, `0`, "", 1},
		{"duplicate key made", `{"A": 1, "AB": 2}`, `"A`, "B", 0},
		{"duplicate key removed", `{"AB": 1, "AB": 2}`, `"A`, "", 1},
		{"key with an error", `{"AB" 1}`, `"A`, "x", 0},
		{"yaml mapping", "A: xy\n", "A: x", ": ", 0},
		{"yaml comment", "A: xy\n", "A: x", " #", 0},
		{"yaml flow", "A: [xy, z]\n", "[x", "q", 0},
		{"yaml key made a duplicate", "AB: 1\nA: 2\n", "\nA", "B", 0},
		{"yaml key made a mapping", "AB: 1\n", "A", ": ", 0},
		{"yaml flow key", "X: {AB: 1}\n", "{A", "c", 0},
		{"yaml key made a document start", "A: 1\n-b: 2\n", "\n-", "-- ", 0},
		{"yaml key made a document start, spaces after", "A: 1\n-a- : 2\n", "\n-", "-", 1},
		{"yaml key made a document end", "A: 1\n.b: 2\n", "\n.", ".. ", 0},
		{"yaml first key made a document start", "-b: 2\nA: 1\n", "-", "-- ", 0},
		{"yaml key made a merge key", "<x<: 1\nB: 2\n", "<", "", 1},
		{"yaml quoted key made a merge key", "\"<x<\": 1\nB: 2\n", "\"<", "", 1},
		{"yaml value made a merge key", "A: <x<\nB: 2\n", "A: <", "", 1},
		{"yaml value made a sequence", "A: -ab\n", "A: -", " ", 0},
		{"yaml item made a sequence", "A:\n  - -ab\n", "- -", " ", 0},
		{"yaml value made a tab", "A: ab\n", "A: a", "\t", 0},
		{"yaml value made a line separator", "A: ab\n", "A: a", "\u2028", 0},
		{"yaml value made invalid UTF-8", "A: éb\n", "A: \xc3", "x", 0},
		{"yaml escape yaml.v3 reads", "A: \"ab\"\n", "A: \"a", "\\x41", 0},
		{"escaped key made a duplicate", `{"A": 1, "QQ": 2}`, `, "`, `\u0041`, 2},
		{"placeholder", `{"A": ${xy}}`, `{x`, "z", 0},
		{"json5 line continuation", `{"A": "ab"}`, `"a`, "\\\n", 0},
		{"across tokens", `{"A": "x", "B": "y"}`, `"x`, "", 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "a.json"
			switch {
			case strings.HasPrefix(tc.name, "yaml"):
				name = "a.yaml"
			case strings.HasPrefix(tc.name, "json5"):
				name = "a.json5"
			}
			f := ParseAuto(name, []byte(tc.text))
			at := strings.Index(tc.text, tc.at) + len(tc.at)
			e := Edit{Start: at, End: at + tc.del, NewLen: len(tc.insert)}
			newText := applyEdit([]byte(tc.text), e, tc.insert)
			if got, ok := Reparse(f, newText, e); ok {
				if diff := fileDiff(got, ParseAuto(name, newText)); diff != "" {
					t.Fatalf("Reparse took %q and got it wrong: %s", newText, diff)
				}
				t.Fatalf("Reparse took %q; only a full parse should", newText)
			}
		})
	}
}

// TestReparseOddDocuments edits small documents made of the tokens most
// likely to trip Reparse up (keys at a line's start that an edit can turn
// into a document marker or a merge key, duplicates a key away, flow
// collections, escapes, numbers one letter from a word, JSON5's forms),
// twice in a row, and checks every edit Reparse takes.
func TestReparseOddDocuments(t *testing.T) {
	yamlLines := []string{"A: ab\n", "-b: 1\n", ".c: x y\n", "<x<: 1\n", "\"q\": \"r s\"\n", "'t': 'u''v'\n",
		"L:\n  - -ab\n  - c: d\n  - \"e\"\n", "F: [x, \"y\"]\n", "G: {k: \"v\"}\n", "N: 12\n", "M: 1x0\n", "T: tx\n",
		"D: 2x01-01-01\n", "C: a#b  # c\n", "Ab: 1\n", "Abc: 2\n", "K:\n  Ab: 1\n  Abc: x\n", "E: é\n", "B: |\n  lit\n",
		"P: a:b\n", "---\n", "S: ${x}\n", "- a\n"}
	jsonMembers := []string{`"A": "ab"`, `"Ab": 1`, `"Abc": 12`, `"B": [1.5, "x y", -3]`, `"C": {"k": "v\\n"}`, `"D": ${x}`,
		`"E": "é\\u0041"`, `'F': 'g'`, `H: 1`, `"I": 0x1F`, `"J": true`, `"K": "a/*b*/"`, `"A": 2`, "\"L\":\n\"M\"", `"N" "o"`}
	rng := rand.New(rand.NewPCG(11, 12))
	taken := 0
	for range 20000 {
		var name, text string
		switch rng.IntN(3) {
		case 0:
			name = "a.yaml"
			for range 1 + rng.IntN(5) {
				text += yamlLines[rng.IntN(len(yamlLines))]
			}
		default:
			name = []string{"a.json", "a.json5"}[rng.IntN(2)]
			var members []string
			for range 1 + rng.IntN(4) {
				members = append(members, jsonMembers[rng.IntN(len(jsonMembers))])
			}
			text = "{" + strings.Join(members, []string{", ", ",\n  "}[rng.IntN(2)]) + "}"
		}
		f := ParseAuto(name, []byte(text))
		for range 2 {
			tokens := editableTokens(f)
			if len(tokens) == 0 {
				break
			}
			e, insert := randomEditInside(rng, tokens[rng.IntN(len(tokens))])
			newText := applyEdit(f.Text, e, insert)
			got, ok := Reparse(f, newText, e)
			if !ok {
				break
			}
			taken++
			if diff := fileDiff(got, ParseAuto(name, newText)); diff != "" {
				t.Fatalf("%s: %q, edit %+v inserting %q: Reparse differs from Parse: %s", name, f.Text, e, insert, diff)
			}
			f = got
		}
	}
	t.Logf("Reparse took %d edits", taken)
}

type namedDoc struct {
	name string
	data []byte
}

// reparseDocs are the golden inputs plus, when ../shared is there, the
// realworld corpus and the large definition.
func reparseDocs(t *testing.T) []namedDoc {
	var docs []namedDoc
	for _, in := range goldenInputsF(t) {
		docs = append(docs, namedDoc{in.name, in.data})
	}
	for _, sub := range []string{"corpus/realworld", "corpus/large"} {
		dir, err := findShared(sub)
		if err != nil {
			t.Logf("no %s (%v): the golden inputs only", sub, err)
			continue
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			switch filepath.Ext(e.Name()) {
			case ".json", ".yaml", ".yml":
				if strings.HasSuffix(e.Name(), ".positions.json") {
					continue
				}
				if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
					docs = append(docs, namedDoc{e.Name(), b})
				}
			}
		}
	}
	return docs
}

// editableTokens are the spans of the strings and keys of f.
func editableTokens(f *File) []source.Span {
	var out []source.Span
	Walk(f.Root, func(n *Node) bool {
		if n.Kind != Object && n.Kind != Array && n.Span.End-n.Span.Start >= 2 {
			out = append(out, n.Span)
		}
		for _, m := range n.Members {
			if m.KeySpan.End-m.KeySpan.Start >= 2 {
				out = append(out, m.KeySpan)
			}
		}
		return true
	})
	return out
}

var editAlphabet = []string{"a", "Z", "7", " ", "x y", "\"", "\\", "\\n", "\\u00e9", ":", ": ", " #", "#", "\n", "é", "'", "''", ",", "}", "[", "true", "-", "- ", "0", ".5", "${x}", "\t",
	"", "-- ", ".. ", "<", "e5", "\\x41", "\\\n", "\r", "\u2028", "\ufeff", "\xff", "\xc3", "null", "&a ", "{"}

// randomEditInside picks an edit inside tok, most often one letter typed.
func randomEditInside(rng *rand.Rand, tok source.Span) (Edit, string) {
	at := tok.Start + 1 + rng.IntN(tok.End-tok.Start-1)
	del := 0
	if rng.IntN(4) == 0 {
		del = rng.IntN(min(3, tok.End-at) + 1)
	}
	insert := "q"
	if rng.IntN(3) == 0 {
		insert = editAlphabet[rng.IntN(len(editAlphabet))]
	}
	return Edit{Start: at, End: at + del, NewLen: len(insert)}, insert
}

func applyEdit(text []byte, e Edit, insert string) []byte {
	out := make([]byte, 0, len(text)+len(insert))
	out = append(out, text[:e.Start]...)
	out = append(out, insert...)
	return append(out, text[e.End:]...)
}

// fileDiff describes the first difference between two Files: tree shape,
// every field of every node and member (style included), and the errors.
func fileDiff(got, want *File) string {
	if got.Format != want.Format || got.dialect != want.dialect || string(got.Text) != string(want.Text) {
		return fmt.Sprintf("format/dialect/text: %v/%v vs %v/%v", got.Format, got.dialect, want.Format, want.dialect)
	}
	if d := nodeDiff(got.Root, want.Root, "$"); d != "" {
		return d
	}
	if len(got.Errors) != len(want.Errors) {
		return fmt.Sprintf("errors: %d vs %d", len(got.Errors), len(want.Errors))
	}
	for i := range got.Errors {
		if got.Errors[i] != want.Errors[i] {
			return fmt.Sprintf("error %d: %+v vs %+v", i, got.Errors[i], want.Errors[i])
		}
	}
	return ""
}

func nodeDiff(got, want *Node, path string) string {
	if (got == nil) != (want == nil) {
		return path + ": nil vs not"
	}
	if got == nil {
		return ""
	}
	if got.Kind != want.Kind || got.Bool != want.Bool || got.Unclosed != want.Unclosed || got.style != want.style ||
		got.Span != want.Span || got.Str != want.Str || got.Num != want.Num || got.Tag != want.Tag ||
		len(got.Members) != len(want.Members) || len(got.Elems) != len(want.Elems) {
		return fmt.Sprintf("%s: %s (style %d) vs %s (style %d)", path, describe(got), got.style, describe(want), want.style)
	}
	for i, m := range got.Members {
		w := want.Members[i]
		if m.Key != w.Key || m.KeySpan != w.KeySpan || m.Span != w.Span || m.ColonOffset != w.ColonOffset {
			return fmt.Sprintf("%s member %d: %+v vs %+v", path, i, *m, *w)
		}
		if m.Value != nil && m.Value.Parent != got {
			return fmt.Sprintf("%s.%s: wrong parent", path, m.Key)
		}
		if d := nodeDiff(m.Value, w.Value, path+"."+m.Key); d != "" {
			return d
		}
	}
	for i, e := range got.Elems {
		if e.Parent != got {
			return fmt.Sprintf("%s[%d]: wrong parent", path, i)
		}
		if d := nodeDiff(e, want.Elems[i], fmt.Sprintf("%s[%d]", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// FuzzReparse: whenever Reparse takes an edit, it agrees with a full parse.
func FuzzReparse(f *testing.F) {
	f.Add([]byte(`{"Comment": "abc", "States": {"A": {"Type": "Pass"}}}`), false, 14, 0, "x")
	f.Add([]byte("Comment: abc\nStates:\n  A:\n    Type: Pass\n"), true, 11, 1, "q")
	f.Add([]byte(`{"A": "x\\ny", "B": ["c", "d"]}`), false, 8, 0, `\u00e9`)
	addReparseSeeds(f, false, []reparseSeed{
		{`{"AB": 1, "A": 2}`, `"A`, "B"},
		{"{\"AB\": 1,\n \"AB\": 2, \"C\": \"xy\"}", `"x`, "z"},
		{`{"A": 12, "B": [1.5, -3]}`, `1`, "e"},
		{`{"A": "${xy}", "B": ${cd}}`, `{x`, "}"},
		{"{\"A\":\n \"xy\" : 1}", `"x`, `\"`},
		{`[{"A": 1], "xy"]`, `"x`, `": 1, "`},
		{"\ufeff{\"A\": \"ab\",\r\n \"B\": 1}", `"a`, "\\"},
	})
	addReparseSeeds(f, true, []reparseSeed{
		{"A: 1\n-b: 2\n", "\n-", "-- "},
		{"---\n.b: 2\nA: x y\n", "\n.", ".. "},
		{"A: 'ab'\nB: \"cd\"\n", "'a", "''"},
		{"A:\n  - -ab\n  - c: d\nB: tx\n", "- -", " "},
		{"A: <x<\nB: 1x0\nC: .xf\n", "1", "e40"},
		{"Ab: 1\nAcb: [x, \"y\"]\nD: {k: \"v\"}\n", "\nA", ""},
		{"A: a#b  # c\nB: 2001-1x-14\n", "a", " "},
		{"\"A\": \"\\u00e9b\"\nB: éb\n", "\\", "x"},
	})
	f.Fuzz(func(t *testing.T, data []byte, yaml bool, at, del int, insert string) {
		name := "doc.json"
		if yaml {
			name = "doc.yaml"
		}
		if at < 0 || del < 0 || at > len(data) || del > len(data)-at {
			return
		}
		old := ParseAuto(name, data)
		e := Edit{Start: at, End: at + del, NewLen: len(insert)}
		newText := applyEdit(data, e, insert)
		got, ok := Reparse(old, newText, e)
		if !ok {
			return
		}
		if diff := fileDiff(got, ParseAuto(name, newText)); diff != "" {
			t.Fatalf("edit %+v inserting %q into %q: %s", e, insert, data, diff)
		}
	})
}

// A reparseSeed types insert into text right after the first after.
type reparseSeed struct{ text, after, insert string }

func addReparseSeeds(f *testing.F, yaml bool, seeds []reparseSeed) {
	for _, s := range seeds {
		f.Add([]byte(s.text), yaml, strings.Index(s.text, s.after)+len(s.after), 0, s.insert)
	}
}

// BenchmarkReparseLargeJSON types into the top-level Comment of the 1 MB
// definition, as the server does on a keystroke.
func BenchmarkReparseLargeJSON(b *testing.B) { benchmarkReparse(b, "large.asl.json") }

func BenchmarkReparseLargeYAML(b *testing.B) { benchmarkReparse(b, "large.asl.yaml") }

func benchmarkReparse(b *testing.B, name string) {
	dir, err := findShared("corpus/large")
	if err != nil {
		b.Skip(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Skip(err)
	}
	old := ParseAuto(name, text)
	at := strings.Index(string(text), "Generated") + 1
	e := Edit{Start: at, End: at + 1, NewLen: 1}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; b.Loop(); i++ {
		letter := "g"
		if i%2 == 1 {
			letter = "G"
		}
		newText := applyEdit(text, e, letter)
		f, ok := Reparse(old, newText, e)
		if !ok {
			b.Fatal("Reparse declined")
		}
		old, text = f, newText
	}
}

package testkit

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// A marked archive is a txtar file whose first section is a document with
// inline <|name|> position markers (JSON has no comments to hold them) and
// whose "@..." sections are golden answers. The harness strips the markers,
// records their byte offsets, compares each golden with what the test
// computes, rewrites them with -update, and fails on markers defined twice
// or never used, so a golden cannot silently test nothing.
type MarkedArchive struct {
	Path    string
	Archive *txtar.Archive
	// DocName is the first section's name (its extension picks JSON or YAML).
	DocName string
	// Text is the document with the markers removed.
	Text  string
	marks map[string]int
	used  map[string]bool
}

var markerRE = regexp.MustCompile(`<\|([A-Za-z0-9_]+)\|>`)

// StripMarkers removes <|name|> markers and returns their byte offsets in
// the stripped text.
func StripMarkers(tb testing.TB, text string) (string, map[string]int) {
	tb.Helper()
	marks := map[string]int{}
	var b strings.Builder
	last := 0
	for _, m := range markerRE.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		name := text[m[2]:m[3]]
		if _, dup := marks[name]; dup {
			tb.Fatalf("marker %q defined twice", name)
		}
		marks[name] = b.Len()
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String(), marks
}

// LoadMarked reads a marked archive.
func LoadMarked(tb testing.TB, path string) *MarkedArchive {
	tb.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if len(ar.Files) == 0 || strings.HasPrefix(ar.Files[0].Name, "@") {
		tb.Fatalf("%s: the first section must be the document", path)
	}
	text, marks := StripMarkers(tb, string(ar.Files[0].Data))
	return &MarkedArchive{Path: path, Archive: ar, DocName: ar.Files[0].Name, Text: text, marks: marks, used: map[string]bool{}}
}

// Offset returns the offset of a marker and counts it as used.
func (a *MarkedArchive) Offset(tb testing.TB, name string) int {
	tb.Helper()
	off, ok := a.marks[name]
	if !ok {
		tb.Fatalf("%s: a section uses undefined marker %q", a.Path, name)
	}
	a.used[name] = true
	return off
}

// Section returns the data of a named non-golden section (e.g. input.json).
func (a *MarkedArchive) Section(name string) ([]byte, bool) {
	for _, f := range a.Archive.Files[1:] {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// CheckGoldens calls answer with each "@..." section's name (without the
// "@") and compares the result with the section. With update set it
// rewrites differing sections in the file instead of failing.
func (a *MarkedArchive) CheckGoldens(t *testing.T, update bool, answer func(section string) string) {
	t.Helper()
	changed := false
	for i := 1; i < len(a.Archive.Files); i++ {
		sec := &a.Archive.Files[i]
		if !strings.HasPrefix(sec.Name, "@") {
			continue
		}
		got := answer(strings.TrimPrefix(sec.Name, "@"))
		if got == string(sec.Data) {
			continue
		}
		if update {
			sec.Data = []byte(got)
			changed = true
			continue
		}
		t.Errorf("%s: %s differs (run with -update to accept):\n--- got ---\n%s--- want ---\n%s", a.Path, sec.Name, got, sec.Data)
	}
	for name := range a.marks {
		if !a.used[name] {
			t.Errorf("%s: marker %q is never used", a.Path, name)
		}
	}
	if changed {
		if err := os.WriteFile(a.Path, txtar.Format(a.Archive), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

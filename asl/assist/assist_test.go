package assist

import (
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*.txtar")

// TestDocuments runs testdata/*.txtar. The first section is the document
// (its name picks JSON or YAML) with inline <|name|> markers; an optional
// "input.json" section is the sample input. Golden sections:
//
//	@m.complete           candidates: label, kind, detail
//	@m.complete.<Label>   the document after applying that candidate
//	@m.hover              markdown, then the hover range drawn with carets
//	@m.signature          the signature with the active parameter in [brackets]
//	@m.fix.<code>         every fix for the diagnostics of that code at m
//
// A comment line "snippets" turns snippet completion on. Applied edits
// must not add syntax errors.
func TestDocuments(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) { runDocument(t, file) })
	}
}

func parseDoc(name string, text []byte) *model.Definition {
	return model.Build(syntax.ParseAuto(name, text))
}

func runDocument(t *testing.T, file string) {
	a := testkit.LoadMarked(t, file)
	def := parseDoc(a.DocName, []byte(a.Text))
	opts := Options{Snippets: strings.Contains(string(a.Archive.Comment), "snippets")}
	if data, ok := a.Section("input.json"); ok {
		if err := json.Unmarshal(data, &opts.Input); err != nil {
			t.Fatalf("input.json: %v", err)
		}
		opts.HasInput = true
	}
	a.CheckGoldens(t, *update, func(section string) string {
		mark, feature, _ := strings.Cut(section, ".")
		return answer(t, a.DocName, def, a.Offset(t, mark), feature, opts)
	})
}

func answer(t *testing.T, name string, def *model.Definition, off int, feature string, opts Options) string {
	m := source.NewMapper(def.File.Text)
	switch {
	case feature == "complete":
		var b strings.Builder
		for _, c := range Complete(def, off, opts) {
			fmt.Fprintf(&b, "%s  %s  %s\n", c.Label, c.Kind, c.Detail)
		}
		return b.String()
	case strings.HasPrefix(feature, "complete."):
		label := strings.TrimPrefix(feature, "complete.")
		for _, c := range Complete(def, off, opts) {
			if c.Label == label {
				edits := append([]Edit{c.Edit}, c.Extra...)
				if c.Snippet {
					for i := range edits {
						edits[i].NewText = stripSnippet(edits[i].NewText)
					}
				}
				return applied(t, name, def, edits)
			}
		}
		return "no candidate " + label + "\n"
	case feature == "hover":
		h := Hover(def, off, opts)
		if h == nil {
			return "no hover\n"
		}
		return h.Markdown + "\n" + source.Snippet(m, h.Span) + "\n"
	case feature == "signature":
		s := Signature(def, off)
		if s == nil {
			return "no signature\n"
		}
		label := s.Label
		if s.Active < len(s.Params) {
			p := s.Params[s.Active]
			label = label[:p.Start] + "[" + label[p.Start:p.End] + "]" + label[p.End:]
		}
		return label + "\n" + s.Doc + "\n"
	case strings.HasPrefix(feature, "fix."):
		code := strings.TrimPrefix(feature, "fix.")
		var b strings.Builder
		for _, d := range check.Run(def, check.Options{}) {
			if d.Code != code || !d.Span.Contains(off) {
				continue
			}
			for _, f := range Fixes(def, Diagnostic{Code: d.Code, Span: d.Span, Message: d.Message}) {
				fmt.Fprintf(&b, "## %s\n%s", f.Title, applied(t, name, def, f.Edits))
			}
		}
		if b.Len() == 0 {
			return "no fix\n"
		}
		return b.String()
	}
	t.Fatalf("unknown feature %q", feature)
	return ""
}

// applied applies edits and checks the result has no more syntax errors
// than the document had.
func applied(t *testing.T, name string, def *model.Definition, edits []Edit) string {
	t.Helper()
	sort.Slice(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	text := def.File.Text
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.Span.Start < last {
			t.Fatalf("overlapping edits: %v", edits)
		}
		b.Write(text[last:e.Span.Start])
		b.WriteString(e.NewText)
		last = e.Span.End
	}
	b.Write(text[last:])
	out := b.String()
	after := syntax.ParseAuto(name, []byte(out))
	if len(after.Errors) > len(def.File.Errors) {
		t.Errorf("edit adds syntax errors: %v\n%s", after.Errors, out)
	}
	return out
}

// stripSnippet turns snippet syntax into the text it inserts by default:
// $1 and $0 vanish, ${1:x} becomes x, ${1|a,b|} becomes a, \$ becomes $.
func stripSnippet(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && (s[i+1] == '$' || s[i+1] == '}' || s[i+1] == '\\') {
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if c != '$' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; {
		case n >= '0' && n <= '9':
			i++
			for i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
			}
		case n == '{':
			j := i + 2
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			end := strings.IndexByte(s[j:], '}')
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			// Find the matching brace (placeholders may nest one level).
			depth, k := 1, j
			for ; k < len(s) && depth > 0; k++ {
				switch {
				case s[k] == '\\':
					k++
				case s[k] == '$' && k+1 < len(s) && s[k+1] == '{':
					depth++
					k++
				case s[k] == '}':
					depth--
				}
			}
			body := s[j : k-1]
			switch {
			case strings.HasPrefix(body, ":"):
				b.WriteString(stripSnippet(body[1:]))
			case strings.HasPrefix(body, "|"):
				choices := strings.TrimSuffix(body[1:], "|")
				first, _, _ := strings.Cut(choices, ",")
				b.WriteString(first)
			}
			i = k - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

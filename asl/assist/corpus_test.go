package assist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/syntax"
)

// TestTypingCorpus replays typing on real definitions that asl/check
// accepts (no errors): for every state
// field whose name the schema knows, the key is cut back to its first two
// characters and completion at the cursor must offer the field again; for
// every transition (StartAt, Next, Default, rule and catcher Next) the
// value is cut back to its first character and completion must offer the
// target state, and accepting it must restore the original text; hover
// there must name the field or the state. It prints "N passed, N failed".
func TestTypingCorpus(t *testing.T) {
	dir := filepath.Join(filepath.Dir(largeCorpus(t)), "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	recorded, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "aws-recorded", "cases", "*", "definition.json"))
	files = append(files, recorded...)
	passed, failed, hoverPassed, hoverFailed := 0, 0, 0, 0
	counts := map[syntax.Format]int{}
	for _, file := range files {
		ext := strings.ToLower(filepath.Ext(file))
		if ext != ".json" && ext != ".yaml" && ext != ".yml" {
			continue
		}
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f := syntax.ParseAuto(filepath.Base(file), text)
		if len(f.Errors) > 0 || f.Root.Get("States") == nil {
			continue
		}
		def := model.Build(f)
		if check.HasErrors(check.Run(def, check.Options{})) {
			continue // fields AWS rejects are rightly not offered
		}
		try := func(what, want, variant string, cursor int) {
			d := model.Build(syntax.ParseAuto(filepath.Base(file), []byte(variant)))
			for _, c := range Complete(d, cursor, Options{}) {
				if c.Label != want {
					continue
				}
				// Accepting the candidate must give back the original text.
				if got := variant[:c.Edit.Span.Start] + c.Edit.NewText + variant[c.Edit.Span.End:]; got != string(text) || len(c.Extra) > 0 {
					failed++
					t.Errorf("%s: accepting %s %q at %q does not restore the document: %q", filepath.Base(file), what, want, excerpt(variant, cursor), excerpt(got, cursor))
					return
				}
				passed++
				counts[f.Format]++
				return
			}
			failed++
			if failed <= 15 {
				t.Errorf("%s: %s %q not offered at %q", filepath.Base(file), what, want, excerpt(variant, cursor))
			}
		}
		yaml := f.Format == syntax.YAML
		// Hover on the same key or transition must name it.
		hovered := func(name string, at int) {
			if h := Hover(def, at, Options{}); h != nil && strings.Contains(h.Markdown, "**"+name+"**") {
				hoverPassed++
				return
			}
			hoverFailed++
			if hoverFailed <= 10 {
				t.Errorf("%s: hover at %q does not name %q", filepath.Base(file), excerpt(string(text), at), name)
			}
		}
		for _, s := range def.All {
			if s.Node == nil || s.Node.Kind != syntax.Object {
				continue
			}
			for _, m := range s.Node.Members {
				loc := schema.LocateMember(f.Root, s.Node, m)
				if loc.Field == nil || loc.Free || loc.Unknown || len(m.Key) < 3 || countKey(s.Node, m.Key) > 1 {
					continue
				}
				ks := m.KeySpan
				hovered(m.Key, ks.Start+1)
				quoted := text[ks.Start] == '"' || text[ks.Start] == '\''
				if quoted {
					try("field", m.Key, string(text[:ks.Start+3])+string(text[ks.End-1:]), ks.Start+3)
				} else if yaml {
					try("field", m.Key, string(text[:ks.Start+2])+string(text[ks.End:]), ks.Start+2)
				}
			}
			var refs []*model.Ref
			s.EachRef(func(_ model.EdgeKind, r *model.Ref) { refs = append(refs, r) })
			if s.Scope.StartAt != nil && s.Scope.States[0] == s {
				refs = append(refs, s.Scope.StartAt)
			}
			for _, r := range refs {
				if r.Target == nil || len(r.Name) < 2 || r.Node.Tag != "" {
					continue
				}
				sp := r.Node.Span
				hovered(r.Name, sp.Start+1)
				if text[sp.Start] == '"' || text[sp.Start] == '\'' {
					if text[sp.Start+1] == '\\' {
						continue
					}
					try("state", r.Name, string(text[:sp.Start+2])+string(text[sp.End-1:]), sp.Start+2)
				} else if yaml {
					try("state", r.Name, string(text[:sp.Start+1])+string(text[sp.End:]), sp.Start+1)
				}
			}
		}
	}
	t.Logf("typing corpus (%d JSON, %d YAML): %d passed, %d failed", counts[syntax.JSON], counts[syntax.YAML], passed, failed)
	t.Logf("hover on the same keys and transitions: %d passed, %d failed", hoverPassed, hoverFailed)
	if passed == 0 {
		t.Fatal("no case ran: the corpus is empty or unreadable")
	}
}

func countKey(o *syntax.Node, key string) int {
	n := 0
	for _, m := range o.Members {
		if m.Key == key {
			n++
		}
	}
	return n
}

func excerpt(s string, at int) string {
	lo, hi := max(at-30, 0), min(at+20, len(s))
	return s[lo:at] + "|" + s[at:hi]
}

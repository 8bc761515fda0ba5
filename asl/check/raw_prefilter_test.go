package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// rawLacks may only skip a node when no key or string under it holds the
// needle: checked on every object and array of the real-world corpus and a
// few hand-made documents (escapes, tolerant parses).
func TestRawLacksNeverHidesANeedle(t *testing.T) {
	docs := map[string][]byte{
		"escape.json":   []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"{\u0025 1 %}","y.$":"$$.Task\u002eToken"},"End":true}}}`),
		"plain.json":    []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"{% 1 %}","t.$":"$$.Task.Token"},"End":true}}}`),
		"unclosed.json": []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"{% 1 %`),
		"alias.yaml":    []byte("a: &x {k: '{% 1 %}', t: $$.Task.Token}\nStates: {A: {Type: Pass, Parameters: *x}}\n"),
	}
	dir := testkit.Shared(t, "corpus/realworld")
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(name)] = text
	}
	checked := 0
	for name, text := range docs {
		def := model.Build(syntax.ParseAuto(name, text))
		p := &Pass{Def: def, memo: map[any]any{}}
		syntax.Walk(def.File.Root, func(n *syntax.Node) bool {
			if n.Kind != syntax.Object && n.Kind != syntax.Array {
				return true
			}
			for _, needle := range []string{"{%", "Task.Token", ".$"} {
				if rawLacks(p, n, needle) {
					checked++
					if holds := holdsNeedle(n, needle); holds != "" {
						t.Errorf("%s: rawLacks(%q) skips a node holding %q", name, needle, holds)
					}
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("rawLacks skipped nothing: the test checks nothing")
	}
}

func holdsNeedle(n *syntax.Node, needle string) (found string) {
	syntax.Walk(n, func(x *syntax.Node) bool {
		if x.Kind == syntax.String && strings.Contains(x.Str, needle) {
			found = x.Str
		}
		for _, m := range x.Members {
			if strings.Contains(m.Key, needle) {
				found = m.Key
			}
		}
		return found == ""
	})
	return found
}

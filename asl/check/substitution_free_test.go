package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// substitutionFree lets the walks skip the Tag and string tests of
// isDeployPlaceholder; where it holds, those tests must find nothing. Checked
// on every node of the real-world corpus, the large documents and YAML made
// to try the ways a scalar's value can differ from its text.
func TestSubstitutionFreeHidesNoPlaceholder(t *testing.T) {
	docs := map[string][]byte{
		"folded.yaml":  []byte("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: a $\n      {b}\n    Result: >\n      #\n      {c}\n    End: true\n"),
		"literal.yaml": []byte("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: |\n      $\n      {b}\n    End: true\n"),
		"quoted.yaml":  []byte("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: '{''{'\n    End: true\n"),
		"alias.yaml":   []byte("x: &v {a: '{b}'}\nStartAt: A\nStates:\n  A: {Type: Pass, Result: *v, End: true}\n"),
		"tagged.yaml":  []byte("StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: !GetAtt Fn.Arn\n    End: true\n"),
		"escape.yaml":  []byte("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: \"\\x24{Name}\"\n    End: true\n"),
		"escape.json":  []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"\u0024{Name}","End":true}}}`),
	}
	for _, dir := range []string{"corpus/realworld", "corpus/large"} {
		root := testkit.Shared(t, dir)
		names, _ := filepath.Glob(filepath.Join(root, "*"))
		for _, name := range names {
			switch filepath.Ext(name) {
			case ".json", ".json5", ".yaml", ".yml":
				text, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				docs[filepath.Base(name)] = text
			}
		}
	}
	free, yamlFree := 0, 0
	for name, text := range docs {
		def := model.Build(syntax.ParseAuto(name, text))
		p := &Pass{Def: def, memo: map[any]any{}}
		if !substitutionFree(p) {
			continue
		}
		free++
		if def.File.Format == syntax.YAML {
			yamlFree++
		}
		syntax.Walk(def.File.Root, func(n *syntax.Node) bool {
			if isDeployPlaceholder(n) != isPlaceholderIn(true, n) {
				t.Errorf("%s: substitutionFree holds but %s at %v is a placeholder", name, n.Kind, n.Span)
			}
			return true
		})
	}
	if free == 0 || yamlFree == 0 {
		t.Fatalf("substitutionFree held for %d documents, %d of them YAML: the test checks too little", free, yamlFree)
	}
	t.Logf("%d of %d documents substitution-free (%d YAML)", free, len(docs), yamlFree)
}

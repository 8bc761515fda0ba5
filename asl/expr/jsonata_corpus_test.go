package expr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/syntax"
)

// collectJSONataCandidates gathers strings that open or close a JSONata
// expression, except under Comment (never evaluated).
func collectJSONataCandidates(n *syntax.Node, out *[]string) {
	if n == nil {
		return
	}
	switch n.Kind {
	case syntax.Array:
		for _, e := range n.Elems {
			collectJSONataCandidates(e, out)
		}
	case syntax.Object:
		for _, m := range n.Members {
			if m.Key != "Comment" {
				collectJSONataCandidates(m.Value, out)
			}
		}
	case syntax.String:
		t := strings.TrimSpace(n.Str)
		if strings.HasPrefix(t, "{%") || strings.HasSuffix(t, "%}") {
			*out = append(*out, n.Str)
		}
	}
}

func TestCorpusJSONataFraming(t *testing.T) {
	framed, flagged := 0, 0
	for _, file := range corpusFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var values []string
		collectJSONataCandidates(syntax.ParseAuto(file, data).Root, &values)
		name := filepath.Base(file)
		if name == "definition.json" {
			name = filepath.Base(filepath.Dir(file))
		}
		for _, s := range values {
			errs := CheckJSONataFraming(s)
			if errs == nil {
				framed++
				continue
			}
			flagged++
			t.Logf("flagged: %s %q: %v", name, s, errs)
			if !strings.Contains(name, "invalid") {
				t.Errorf("unexpected framing error in %s %q: %v", name, s, errs)
			}
		}
	}
	t.Logf("%d well framed, %d flagged", framed, flagged)
	if framed == 0 {
		t.Error("no JSONata string found: the corpus walk is broken")
	}
}

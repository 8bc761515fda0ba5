package expr

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// collectJSONataCandidates gathers strings that open or close a JSONata
// expression, except under Comment (never evaluated).
func collectJSONataCandidates(v any, out *[]string) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			collectJSONataCandidates(e, out)
		}
	case map[string]any:
		for k, e := range v {
			if k != "Comment" {
				collectJSONataCandidates(e, out)
			}
		}
	case string:
		t := strings.TrimSpace(v)
		if strings.HasPrefix(t, "{%") || strings.HasSuffix(t, "%}") {
			*out = append(*out, v)
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
		var doc any
		if strings.HasSuffix(file, ".yaml") {
			if yaml.Unmarshal(data, &doc) != nil {
				continue
			}
		} else if json.Unmarshal(data, &doc) != nil {
			continue
		}
		var values []string
		collectJSONataCandidates(doc, &values)
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

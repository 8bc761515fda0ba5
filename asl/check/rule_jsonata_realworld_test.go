package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/internal/testkit"
)

// TestJSONataAndVariableRulesOnRealWorldCorpus: deployable files (samples,
// projects) and valid fixtures of the real-world corpus are code people
// run, so the JSONata and variable rules (ASL3xx) must not report an error
// or a warning in them; hints are allowed. Fixtures of other kinds are only
// counted (some are deliberately wrong).
func TestJSONataAndVariableRulesOnRealWorldCorpus(t *testing.T) {
	dir := testkit.Shared(t, "corpus/realworld")
	var passed, failed, fixturesFlagged int
	for _, row := range readTSV(t, filepath.Join(dir, "manifest.tsv"), "file", "kind") {
		name, kind := row["file"], row["kind"]
		text, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			failed++
			continue
		}
		f, ds, panicked := checkFile(name, text)
		if panicked != nil {
			t.Errorf("%s: panic: %v", name, panicked)
			failed++
			continue
		}
		var mine []check.Diagnostic
		for _, d := range ds {
			if strings.HasPrefix(d.Code, "ASL3") && (d.Severity == check.Error || d.Severity == check.Warning) {
				mine = append(mine, d)
			}
		}
		switch kind {
		case "sample", "project", "fixture-valid":
			if len(mine) > 0 {
				failed++
				t.Errorf("%s (%s): the JSONata/variable rules report:\n%s", name, kind, firstErrors(f, mine, 5))
				continue
			}
		default:
			if len(mine) > 0 {
				fixturesFlagged++
			}
		}
		passed++
	}
	summary := fmt.Sprintf("JSONata and variable rules on the real-world corpus: %d passed, %d failed (%d other fixtures flagged)", passed, failed, fixturesFlagged)
	t.Log(summary)
	fmt.Println(summary)
}

package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sameAsSlowYAML fails when the fast YAML path took the text but built a
// tree or errors that differ from the yaml.v3 path. It reports whether the
// fast path took it.
func sameAsSlowYAML(t *testing.T, name string, text []byte) bool {
	t.Helper()
	root, errs, ok := parseYAMLFast(text)
	if !ok {
		return false
	}
	fast := &File{Text: text, Format: YAML, Root: root, Errors: errs}
	sortErrors(fast.Errors)
	slow := parseYAMLSlow(text)
	if got, want := dumpTree(fast.Root), dumpTree(slow.Root); got != want {
		t.Errorf("%s: fast YAML tree differs from yaml.v3's\n--- fast\n%s--- yaml.v3\n%s--- text\n%s", name, got, want, text)
	}
	if got, want := renderErrors(fast), renderErrors(slow); got != want {
		t.Errorf("%s: fast YAML errors differ from yaml.v3's\n--- fast\n%s--- yaml.v3\n%s", name, got, want)
	}
	checkInvariants(t, fast)
	return true
}

// TestFastYAMLMatchesYAMLv3 runs both YAML paths over the golden inputs,
// the real-world corpus and the large file.
func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	var inputs []namedInput
	for _, in := range goldenInputs(t) {
		if strings.HasSuffix(in.name, ".yaml") || strings.HasSuffix(in.name, ".yml") {
			inputs = append(inputs, in)
		}
	}
	for _, sub := range []string{"corpus/realworld", "corpus/large"} {
		dir, err := findShared(sub)
		if err != nil {
			continue
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext == ".yaml" || ext == ".yml" {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				inputs = append(inputs, namedInput{e.Name(), b})
			}
		}
	}
	taken := 0
	for _, in := range inputs {
		if sameAsSlowYAML(t, in.name, in.data) {
			taken++
		}
	}
	t.Logf("fast YAML path took %d of %d documents; the rest went to yaml.v3", taken, len(inputs))
}

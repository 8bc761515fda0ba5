package syntax

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"
	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// sameAsSlowYAML fails when the fast YAML path took the text but built a
// tree or errors that differ from the yaml.v3 path. It reports whether the
// fast path took it.
func sameAsSlowYAML(t *testing.T, name string, text []byte) bool {
	t.Helper()
	root, errs, _, ok := parseYAMLFast(text)
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
		} else if in.name == "large.asl.yaml" {
			// The block style the fast path exists for (and the benchmark's
			// input): a path that gave up on everything would pass the rest.
			t.Errorf("%s: the fast YAML path gave it up", in.name)
		}
	}
	t.Logf("fast YAML path took %d of %d documents; the rest went to yaml.v3", taken, len(inputs))
}

// TestFastYAMLOnConvertedCorpus converts every real-world JSON definition
// to YAML with yaml.v3's encoder (block style, quoting where needed, block
// scalars for multi-line strings) and checks that both YAML paths agree
// and decode the same value as the JSON.
func TestFastYAMLOnConvertedCorpus(t *testing.T) {
	dir := testkit.Shared(t, "corpus/realworld")
	entries, _ := os.ReadDir(dir)
	converted, taken := 0, 0
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".json" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var node yaml.Node
		if err := yaml.Unmarshal(data, &node); err != nil {
			continue // not JSON that YAML reads (placeholders, ...)
		}
		clearStyles(&node)
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&node); err != nil {
			t.Fatal(err)
		}
		converted++
		if sameAsSlowYAML(t, e.Name()+" as YAML", buf.Bytes()) {
			taken++
		}
		var want any
		if json.Unmarshal(data, &want) != nil {
			continue
		}
		f := ParseYAML(buf.Bytes())
		if len(f.Errors) > 0 {
			t.Errorf("%s as YAML: %v", e.Name(), f.Errors)
			continue
		}
		if diff := cmp.Diff(normalizeNumbers(want), normalizeNumbers(f.Root.Interface())); diff != "" {
			t.Errorf("%s as YAML: value differs from the JSON (-json +yaml):\n%s", e.Name(), diff)
		}
	}
	t.Logf("converted %d JSON definitions to YAML; the fast path took %d", converted, taken)
}

// clearStyles turns flow JSON into block YAML when re-encoded.
func clearStyles(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		n.Style = 0 // let the encoder quote only what needs it
	}
	for _, c := range n.Content {
		clearStyles(c)
	}
}

// TestSmallDecimal checks plain()'s shortcut for numbers against the
// general resolution it skips.
func TestSmallDecimal(t *testing.T) {
	for _, s := range []string{"0", "7", "300", "3600", "123456789012345678"} {
		if _, ok := smallDecimal(s); !ok {
			t.Errorf("smallDecimal(%q) leaves it to the general resolution", s)
		}
	}
	for _, s := range []string{"0", "7", "300", "3600", "0123", "00", "09", "123456789012345678", "1234567890123456789",
		"-1", "+1", "1_0", "1.5", "1e3", "", "12a", "2024-01-02"} {
		v, ok := smallDecimal(s)
		if !ok {
			continue
		}
		want, wantOK := yamlNumber(s)
		if tag := resolvePlain(s); tag != "!!int" || !wantOK || v != want {
			t.Errorf("smallDecimal(%q) = %v; resolvePlain says %s, yamlNumber %v, %v", s, v, tag, want, wantOK)
		}
	}
}

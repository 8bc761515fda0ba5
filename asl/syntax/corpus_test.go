package syntax

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

func findShared(sub string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", sub)
	if _, err := os.Stat(p); err != nil {
		return "", err
	}
	return p, nil
}

// TestRealWorldCorpus parses every real-world definition: never a panic,
// spans always well nested, and no error at all on a file that the
// reference decoder (encoding/json, yaml.v3) accepts, with the same value.
func TestRealWorldCorpus(t *testing.T) {
	dir := testkit.Shared(t, "corpus/realworld")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var parsed, valid, withErrors, mismatched int
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || (ext != ".json" && ext != ".json5" && ext != ".yaml" && ext != ".yml") {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f := ParseAuto(name, text)
		parsed++
		checkInvariants(t, f)
		if len(f.Errors) > 0 {
			withErrors++
		}
		var want any
		switch ext {
		case ".json":
			if err := json.Unmarshal(text, &want); err != nil {
				if len(f.Errors) == 0 {
					t.Logf("%s: encoding/json rejects it (%v) but we report no error", name, err)
				}
				continue
			}
		case ".yaml", ".yml":
			if yaml.Unmarshal(text, &want) != nil {
				continue
			}
			want = normalizeYAML(want)
		default:
			continue
		}
		valid++
		if len(f.Errors) > 0 {
			mismatched++
			t.Errorf("%s: reference decoder accepts it but we report %d errors, first: %s %s at %v",
				name, len(f.Errors), f.Errors[0].Code, f.Errors[0].Message, f.Errors[0].Span)
			continue
		}
		if diff := cmp.Diff(normalizeNumbers(want), normalizeNumbers(f.Root.Interface())); diff != "" {
			mismatched++
			t.Errorf("%s: value differs from the reference decoder (-want +got):\n%s", name, diff)
		}
	}
	t.Logf("realworld corpus: %d files parsed, %d with syntax errors; %d accepted by the reference decoder, %d agree, %d disagree",
		parsed, withErrors, valid, valid-mismatched, mismatched)
}

// normalizeNumbers turns every number into float64 so that our int64
// integers compare equal to encoding/json's float64.
func normalizeNumbers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = normalizeNumbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = normalizeNumbers(e)
		}
	case int64:
		return float64(v)
	case int:
		return float64(v)
	case uint64:
		return float64(v)
	}
	return v
}

// normalizeYAML turns yaml.v3's map[string]interface{} with possibly
// non-string keys into JSON-like values.
func normalizeYAML(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = normalizeYAML(e)
		}
		return v
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[toKey(k)] = normalizeYAML(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = normalizeYAML(e)
		}
	}
	return v
}

func toKey(k any) string {
	b, _ := json.Marshal(k)
	if s, ok := k.(string); ok {
		return s
	}
	return strings.Trim(string(b), `"`)
}

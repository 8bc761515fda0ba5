package syntax

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// addSeeds seeds a fuzzer with the golden inputs and small corpus files.
func addSeeds(f *testing.F, exts ...string) {
	for _, in := range goldenInputsF(f) {
		f.Add(in.data)
	}
	dir, err := findShared("corpus/realworld")
	if err != nil {
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		for _, ext := range exts {
			if filepath.Ext(e.Name()) == ext {
				if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(b) < 8<<10 {
					f.Add(b)
				}
			}
		}
	}
}

// checkAgainstEncodingJSON: on input encoding/json accepts, the parser
// reports nothing (but duplicate keys, which encoding/json allows and we
// flag) and decodes the same value.
func checkAgainstEncodingJSON(t *testing.T, data []byte, file *File) {
	var want any
	if json.Unmarshal(data, &want) != nil {
		return
	}
	for _, e := range file.Errors {
		if e.Code != CodeDuplicateKey {
			t.Fatalf("encoding/json accepts %q but we report %s %s at %v", data, e.Code, e.Message, e.Span)
		}
	}
	if diff := cmp.Diff(normalizeNumbers(want), normalizeNumbers(file.Root.Interface())); diff != "" {
		t.Fatalf("value of %q differs from encoding/json (-want +got):\n%s", data, diff)
	}
}

func FuzzParseJSON(f *testing.F) {
	addSeeds(f, ".json")
	f.Fuzz(func(t *testing.T, data []byte) {
		file := Parse(data)
		checkInvariants(t, file)
		checkAgainstEncodingJSON(t, data, file)
		checkSourceOffsets(t, file)
	})
}

func FuzzParseJSON5(f *testing.F) {
	addSeeds(f, ".json5", ".json")
	f.Fuzz(func(t *testing.T, data []byte) {
		file := ParseJSON(data, Options{JSON5: true})
		checkInvariants(t, file)
		checkAgainstEncodingJSON(t, data, file)
		checkSourceOffsets(t, file)
	})
}

func FuzzParseYAML(f *testing.F) {
	addSeeds(f, ".yaml", ".yml")
	f.Fuzz(func(t *testing.T, data []byte) {
		file := ParseYAML(data)
		checkInvariants(t, file)
		checkSourceOffsets(t, file)
		sameAsSlowYAML(t, "fuzz input", data)
	})
}

// checkSourceOffsets: decoded indexes of every string map inside the
// node's span, monotonically (all indexes of short strings, a sample of
// long ones: each call walks from the start).
func checkSourceOffsets(t *testing.T, file *File) {
	Walk(file.Root, func(n *Node) bool {
		if n.Kind != String {
			return true
		}
		prev := -1
		step := max(1, len(n.Str)/64)
		for i := 0; i <= len(n.Str); i = min(i+step, len(n.Str)+boolInt(i == len(n.Str))) {
			off := n.SourceOffset(file.Text, i)
			if off < n.Span.Start || off > n.Span.End || off < prev {
				t.Fatalf("SourceOffset(%d) of %s = %d (previous %d)", i, describe(n), off, prev)
			}
			prev = off
		}
		return true
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

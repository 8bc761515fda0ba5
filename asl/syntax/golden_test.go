package syntax

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*.txtar")

// TestGolden parses the input file of every testdata/*.txtar archive (the
// first file whose name does not start with '@'; its extension picks the
// parser) and compares the rendered errors and tree with the @errors and
// @tree sections.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			in := -1
			for i, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "@") {
					in = i
					break
				}
			}
			if in < 0 {
				t.Fatal("no input file in the archive")
			}
			input := ar.Files[in]
			f := ParseAuto(input.Name, input.Data)
			checkInvariants(t, f)
			got := map[string][]byte{
				"@errors": []byte(renderErrors(f)),
				"@tree":   []byte(dumpTree(f.Root)),
			}
			if *update {
				out := &txtar.Archive{Comment: ar.Comment, Files: []txtar.File{input}}
				out.Files = append(out.Files, txtar.File{Name: "@errors", Data: got["@errors"]}, txtar.File{Name: "@tree", Data: got["@tree"]})
				if err := os.WriteFile(path, txtar.Format(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				want, ok := got[f.Name]
				if !ok {
					continue
				}
				delete(got, f.Name)
				if !bytes.Equal(want, f.Data) {
					t.Errorf("%s differs (run with -update to accept):\n--- got\n%s--- want\n%s", f.Name, want, f.Data)
				}
			}
			for name := range got {
				t.Errorf("missing section %s (run with -update)", name)
			}
		})
	}
}

type namedInput struct {
	name string
	data []byte
}

// goldenInputs returns the input document of every golden archive.
func goldenInputs(t *testing.T) []namedInput { return goldenInputsF(t) }

func goldenInputsF(t testing.TB) []namedInput {
	files, _ := filepath.Glob("testdata/*.txtar")
	var out []namedInput
	for _, path := range files {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "@") {
				out = append(out, namedInput{filepath.Base(path) + "/" + f.Name, f.Data})
				break
			}
		}
	}
	return out
}

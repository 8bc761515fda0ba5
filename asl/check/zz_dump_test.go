package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
)

func TestDumpSchemaFindings(t *testing.T) {
	dir := sharedDir(t, "corpus/realworld")
	kinds := map[string]string{}
	for _, row := range readTSV(t, filepath.Join(dir, "manifest.tsv")) {
		kinds[row["file"]] = row["kind"]
	}
	for name, kind := range kinds {
		text, _ := os.ReadFile(filepath.Join(dir, name))
		f, ds, _ := checkFile(name, text)
		var mine []check.Diagnostic
		for _, d := range ds {
			if strings.HasPrefix(d.Code, "ASL2") {
				mine = append(mine, d)
			}
		}
		if len(mine) > 0 {
			fmt.Printf("=== %s %s\n%s\n", kind, name, render(f.Text, mine))
		}
	}
}

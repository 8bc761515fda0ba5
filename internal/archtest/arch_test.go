// Package archtest enforces the one-way import rule: asl <- sim <- lsp <- cmd.
// Protocol types and zap stay in lsp and cmd; the core speaks byte spans.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/aslkit/aslkit"

// forbidden lists, per top-level folder, the import prefixes its non-test
// code may not use.
var forbidden = map[string][]string{
	"asl":      {module + "/sim", module + "/lsp", module + "/cmd", "go.lsp.dev/", "go.uber.org/zap"},
	"sim":      {module + "/lsp", module + "/cmd", "go.lsp.dev/", "go.uber.org/zap"},
	"lsp":      {module + "/cmd"},
	"internal": {module + "/cmd"},
}

func TestImportRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules" || name == "editors" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == module+"/internal/testkit" || strings.HasPrefix(p, module+"/internal/testkit/") {
				t.Errorf("%s imports %s: testkit is for tests only", rel, p)
			}
			if violates(top, p) {
				t.Errorf("%s imports %s: %s/... may not depend on it (imports point asl <- sim <- lsp <- cmd)", rel, p, top)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no Go files found: the test is looking in the wrong place")
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("root %s has no go.mod", root)
	}
}

// violates reports whether code under the top-level folder top may not import p.
func violates(top, p string) bool {
	for _, bad := range forbidden[top] {
		if strings.HasPrefix(p, bad) {
			return true
		}
	}
	return false
}

func TestViolates(t *testing.T) {
	tests := []struct {
		top, imp string
		want     bool
	}{
		{"asl", module + "/sim", true},
		{"asl", module + "/sim/trace", true},
		{"asl", "go.uber.org/zap", true},
		{"asl", "go.uber.org/zap/exp/zapslog", true},
		{"asl", "go.lsp.dev/protocol", true},
		{"asl", module + "/asl/model", false},
		{"asl", "github.com/ohler55/ojg/jp", false},
		{"sim", module + "/lsp", true},
		{"sim", module + "/asl/model", false},
		{"lsp", "go.uber.org/zap", false},
		{"lsp", module + "/cmd/asl", true},
		{"cmd", module + "/lsp", false},
	}
	for _, tt := range tests {
		if got := violates(tt.top, tt.imp); got != tt.want {
			t.Errorf("violates(%q, %q) = %v, want %v", tt.top, tt.imp, got, tt.want)
		}
	}
}

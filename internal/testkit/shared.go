// Package testkit holds what tests across the module share. Only _test.go
// files may import it (internal/archtest enforces this).
package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the directory holding go.mod above the test's working
// directory (go test runs each package's tests in its own folder).
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// Shared returns ../shared/<elem...> beside the module root: the read-only
// reference material (spec, AWS-recorded executions, corpora). When it is
// absent the test is skipped with a message saying where it was looked for;
// CI always has it.
func Shared(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{ModuleRoot(tb), "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("reference material not present at %s (it lives in ../shared beside the repository): %v", p, err)
	}
	return p
}

// SharedFile reads the file ../shared/<elem...> (skipping as Shared does).
func SharedFile(tb testing.TB, elem ...string) []byte {
	tb.Helper()
	data, err := os.ReadFile(Shared(tb, elem...))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

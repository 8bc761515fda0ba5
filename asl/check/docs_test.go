package check_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/syntax"
)

const diagnosticsDoc = "../../docs/diagnostics.md"

// TestDiagnosticsDoc keeps docs/diagnostics.md equal to the rule table:
// every code a user can see is listed with its severity and what to do.
// `go test ./asl/check -run TestDiagnosticsDoc -update` rewrites it.
func TestDiagnosticsDoc(t *testing.T) {
	got := renderDiagnosticsDoc()
	if *update {
		if err := os.WriteFile(diagnosticsDoc, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(diagnosticsDoc)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("docs/diagnostics.md is out of date with the rule table; run `go test ./asl/check -run TestDiagnosticsDoc -update`")
	}
}

func renderDiagnosticsDoc() string {
	var b strings.Builder
	b.WriteString("# Diagnostics\n\n")
	b.WriteString("Every code `asl check` and `asl lsp` report. Generated from the rule table by\n")
	b.WriteString("`go test ./asl/check -run TestDiagnosticsDoc -update`; do not edit by hand.\n\n")
	b.WriteString("Severity: **error** where AWS rejects the definition, **warning** for likely bugs,\n")
	b.WriteString("**hint** for practices. Turn rules off with `asl check --disable CODE,...` or the\n")
	b.WriteString("server's `disabledCodes` setting.\n\n")
	b.WriteString("## Syntax\n\n| code | what it means |\n|---|---|\n")
	for _, c := range syntax.Codes {
		fmt.Fprintf(&b, "| %s | %s |\n", c.Code, cell(c.Description))
	}
	b.WriteString("\n## Rules\n\n| code | name | severity | what it finds and how to fix it |\n|---|---|---|---|\n")
	for _, r := range check.Rules() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Code, r.Name, r.Severity, cell(r.Doc))
	}
	return b.String()
}

func cell(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	return strings.ReplaceAll(s, "|", "\\|")
}

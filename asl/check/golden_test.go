package check_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

var update = flag.Bool("update", false, "rewrite the @diagnostics goldens of testdata/*.txtar")

// goldenCodeName matches archives named after the rule they test
// (ASL101-next-unknown.txtar); their golden must show that code.
var goldenCodeName = regexp.MustCompile(`^(ASL\d{3})[-_.]`)

// TestGolden runs every rule over each testdata/*.txtar archive and compares
// the findings, drawn as caret snippets, with the archive's @diagnostics
// section. The archive comment describes the case; a line
// `options: workflow=EXPRESS` (and/or `disable=ASL401,ASL402`) sets Options.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar archives found")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

func runGolden(t *testing.T, file string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(raw)
	if strings.TrimSpace(strings.ReplaceAll(string(ar.Comment), "options:", "")) == "" {
		t.Errorf("archive has no comment: describe the case before the first file")
	}
	opts, err := goldenOptions(string(ar.Comment))
	if err != nil {
		t.Fatal(err)
	}
	var name string
	var text []byte
	goldenIndex := -1
	for i, f := range ar.Files {
		switch {
		case f.Name == "@diagnostics":
			goldenIndex = i
		case strings.HasPrefix(f.Name, "machine.asl."):
			if name != "" {
				t.Fatalf("two definition files: %s and %s", name, f.Name)
			}
			name, text = f.Name, f.Data
		}
	}
	if name == "" {
		t.Fatal("archive has no machine.asl.json or machine.asl.yaml file")
	}
	got := checkAndRender(name, text, opts)

	if m := goldenCodeName.FindStringSubmatch(filepath.Base(file)); m != nil {
		if !strings.Contains(got, " "+m[1]+" ") {
			t.Errorf("archive is named after %s but the rules did not report it:\n%s", m[1], got)
		}
	}

	if *update {
		if goldenIndex < 0 {
			ar.Files = append(ar.Files, txtar.File{Name: "@diagnostics"})
			goldenIndex = len(ar.Files) - 1
		}
		ar.Files[goldenIndex].Data = []byte(got)
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if goldenIndex < 0 {
		t.Fatalf("archive has no -- @diagnostics -- section; run with -update to write it. Got:\n%s", got)
	}
	want := string(ar.Files[goldenIndex].Data)
	if got != want {
		t.Errorf("diagnostics differ (run `go test ./asl/check -run TestGolden -update` to accept):\n--- got\n%s--- want\n%s", got, want)
	}
}

// goldenOptions reads `options: k=v k=v` from the archive comment.
func goldenOptions(comment string) (check.Options, error) {
	opts := check.Options{}
	for _, line := range strings.Split(comment, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "options:")
		if !ok {
			continue
		}
		for _, kv := range strings.Fields(rest) {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "workflow":
				opts.WorkflowType = check.WorkflowType(strings.ToUpper(v))
			case "disable":
				if opts.Disabled == nil {
					opts.Disabled = map[string]bool{}
				}
				for _, c := range strings.Split(v, ",") {
					opts.Disabled[c] = true
				}
			default:
				return opts, fmt.Errorf("unknown option %q in archive comment", k)
			}
		}
	}
	return opts, nil
}

// checkAndRender parses text (by the extension of name), builds the model,
// runs every rule and renders the findings.
func checkAndRender(name string, text []byte, opts check.Options) string {
	f := syntax.ParseAuto(name, text)
	ds := check.Run(model.Build(f), opts)
	return render(f.Text, ds)
}

// render draws each diagnostic as `line:col: severity CODE message`
// (1-based line, 1-based UTF-16 column) followed by the source line with
// carets under the span, and each related location as an indented note.
func render(text []byte, ds []check.Diagnostic) string {
	m := source.NewMapper(text)
	var b bytes.Buffer
	for _, d := range ds {
		p := m.UTF16Position(d.Span.Start)
		fmt.Fprintf(&b, "%d:%d: %s %s %s\n", p.Line+1, p.Column+1, d.Severity, d.Code, d.Message)
		b.WriteString(source.Snippet(m, d.Span))
		b.WriteByte('\n')
		for _, r := range d.Related {
			rp := m.UTF16Position(r.Span.Start)
			fmt.Fprintf(&b, "\trelated %d:%d: %s\n", rp.Line+1, rp.Column+1, r.Message)
		}
	}
	return b.String()
}

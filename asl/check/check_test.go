package check_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// FuzzCheck runs the whole pipeline on arbitrary text, as JSON or YAML: no
// panic may escape, no rule may panic (Run turns a rule's panic into an
// ASL000 diagnostic, which fails here), and every span stays in the text.
// Run it with a bounded minimization on a busy machine:
//
//	go test -run=^$ -fuzz=FuzzCheck -fuzztime=60s -fuzzminimizetime=20x ./asl/check
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			continue
		}
		for _, af := range ar.Files {
			if strings.HasPrefix(af.Name, "machine.asl.") {
				f.Add(af.Data, strings.HasSuffix(af.Name, ".yaml"))
			}
		}
	}
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Not":{"And":[]}}]}}}`), false)
	f.Add([]byte("StartAt: A\nStates:\n  A: {Type: Pass, ResultPath: !Sub '${X}', End: true}\n"), true)
	f.Fuzz(func(t *testing.T, text []byte, yaml bool) {
		name := "machine.asl.json"
		if yaml {
			name = "machine.asl.yaml"
		}
		file := syntax.ParseAuto(name, text)
		ds := check.Run(model.Build(file), check.Options{WorkflowType: check.Express})
		for _, d := range ds {
			if d.Code == "ASL000" {
				t.Fatalf("a rule panicked: %s", d.Message)
			}
			if d.Span.Start < 0 || d.Span.End < d.Span.Start || d.Span.End > len(file.Text) {
				t.Fatalf("%s %q: span %v outside the text (len %d)", d.Code, d.Message, d.Span, len(file.Text))
			}
			for _, r := range d.Related {
				if r.Span.Start < 0 || r.Span.End < r.Span.Start || r.Span.End > len(file.Text) {
					t.Fatalf("%s: related span %v outside the text", d.Code, r.Span)
				}
			}
		}
	})
}

// TestEveryRuleHasAGolden makes sure each structure, expression, graph and
// hint rule (ASL1xx, ASL4xx) has a testdata archive named after it, and that
// each rule is documented.
func TestEveryRuleHasAGolden(t *testing.T) {
	for _, r := range check.Rules() {
		if r.Doc == "" || r.Name == "" {
			t.Errorf("%s: missing Name or Doc", r.Code)
		}
		if !strings.HasPrefix(r.Code, "ASL1") && !strings.HasPrefix(r.Code, "ASL4") {
			continue
		}
		matches, _ := filepath.Glob(filepath.Join("testdata", r.Code+"-*.txtar"))
		if len(matches) == 0 {
			t.Errorf("%s (%s) has no testdata/%s-*.txtar golden", r.Code, r.Name, r.Code)
		}
	}
}

// TestRunSurvivesOddTrees: documents of the wrong shape (a state without a node)
// must not take the caller down.
func TestRunSurvivesOddTrees(t *testing.T) {
	for _, text := range []string{"", "null", "[]", `{"States": []}`, `{"StartAt": 1, "States": {"A": 1}}`,
		`{"StartAt":"A","States":{"A":{"Type":"Parallel","Branches":[1,{"States":{"B":null}}],"End":true}}}`} {
		ds := check.Run(model.Build(syntax.Parse([]byte(text))), check.Options{})
		for _, d := range ds {
			if d.Code == "ASL000" {
				t.Errorf("%q: %s", text, d.Message)
			}
		}
	}
}

// TestRunConcurrently: the language server checks several documents at
// once; the per-definition memos must keep their results apart (run with
// -race).
func TestRunConcurrently(t *testing.T) {
	texts := []string{
		`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}`,
		`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"$.a["},"End":true}}}`,
		`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}`,
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = render([]byte(text), check.Run(model.Build(syntax.Parse([]byte(text))), check.Options{}))
	}
	done := make(chan error, 8*len(texts))
	for w := 0; w < 8; w++ {
		for i, text := range texts {
			go func() {
				got := render([]byte(text), check.Run(model.Build(syntax.Parse([]byte(text))), check.Options{}))
				if got != want[i] {
					done <- fmt.Errorf("document %d checked concurrently:\n%s\nwant\n%s", i, got, want[i])
					return
				}
				done <- nil
			}()
		}
	}
	for range 8 * len(texts) {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

package check_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// readTSV reads a tab-separated file with a header row into maps. It fails
// when the header lacks one of columns or there is no row: a row without
// the column the test asks for (a renamed column) or no row at all would
// let the test pass without checking anything.
func readTSV(t *testing.T, path string, columns ...string) []map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	for _, c := range columns {
		if !slices.Contains(header, c) {
			t.Fatalf("%s: no column %q", path, c)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("%s: no row", path)
	}
	var rows []map[string]string
	for _, l := range lines[1:] {
		cols := strings.Split(l, "\t")
		row := map[string]string{}
		for i, h := range header {
			if i < len(cols) {
				row[h] = cols[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// notDeployableAsIs lists deployable-kind files that hold real mistakes
// which review.tsv does not list (the validators it summarises stopped at
// other problems first). Each entry says why the errors are right.
var notDeployableAsIs = map[string]string{
	"guyernest__step-functions-agent__step-functions__agent-with-tools-flow-template.json": "a template: its Choice rules name tool states " +
		"(\"Get DB Schema\", \"Execute SQL Query\", \"execute_python\") that exist nowhere in the file; the project's deploy code adds them",
}

// acceptedByAWS lists asl-validator "invalid" fixtures that only break that
// tool's own stricter rule, not AWS's: they must get no error.
var acceptedByAWS = map[string]string{
	"ChristopheBougere__asl-validator__src____tests____definitions__invalid-json-surround-syntax-extra-spaces.json": "spec/jsonata.md §2: a JSONata string " +
		"only has to start with {% and end with %}; whitespace inside the delimiters is part of the expression",
	"ChristopheBougere__asl-validator__src____tests____definitions__invalid-jsonata-surround-syntax-no-spaces.json": "spec/jsonata.md §2: \"{%10%}\" " +
		"starts with {% and ends with %}, which is all AWS requires",
}

// checkFile runs the whole pipeline on one document, turning a panic into
// an error so that one bad rule cannot hide the rest of the corpus.
func checkFile(name string, text []byte) (f *syntax.File, ds []check.Diagnostic, panicked any) {
	defer func() {
		if v := recover(); v != nil {
			panicked = v
		}
	}()
	f = syntax.ParseAuto(name, text)
	ds = check.Run(model.Build(f), check.Options{})
	return f, ds, nil
}

// TestRealWorldCorpus checks every definition of the shared real-world
// corpus. Deployable files (kinds sample and project) and valid fixtures
// must have no error at all, except the files review.tsv lists as real
// mistakes; invalid fixtures must have at least one; every file must go
// through without a panic.
func TestRealWorldCorpus(t *testing.T) {
	dir := testkit.Shared(t, "corpus/realworld")
	manifest := readTSV(t, filepath.Join(dir, "manifest.tsv"), "file", "kind")
	realErrors := map[string]string{}
	if _, err := os.Stat(filepath.Join(dir, "review.tsv")); err == nil {
		for _, row := range readTSV(t, filepath.Join(dir, "review.tsv"), "file", "category") {
			if strings.HasPrefix(row["category"], "real:") {
				realErrors[row["file"]] = row["category"]
			}
		}
	}

	var passed, failed int
	var failures []string
	errorsByKind := map[string][2]int{} // kind -> files with errors, files
	codesInDeployable := map[string]int{}
	for _, row := range manifest {
		name, kind := row["file"], row["kind"]
		text, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			failed++
			continue
		}
		f, ds, panicked := checkFile(name, text)
		if panicked != nil {
			failed++
			failures = append(failures, fmt.Sprintf("%s (%s): panic: %v", name, kind, panicked))
			continue
		}
		var errs []check.Diagnostic
		for _, d := range ds {
			if d.Severity == check.Error {
				errs = append(errs, d)
			}
		}
		c := errorsByKind[kind]
		c[1]++
		if len(errs) > 0 {
			c[0]++
		}
		errorsByKind[kind] = c

		var problem string
		switch kind {
		case "sample", "project", "fixture-valid":
			if len(errs) > 0 && realErrors[name] == "" && notDeployableAsIs[name] == "" {
				problem = fmt.Sprintf("%d error(s) in a %s file:\n%s", len(errs), kind, firstErrors(f, errs, 3))
				for _, d := range errs {
					codesInDeployable[d.Code]++
				}
			}
		case "fixture-invalid":
			if why := acceptedByAWS[name]; why != "" {
				if len(errs) > 0 {
					problem = fmt.Sprintf("AWS accepts this file (%s) but %d error(s) were reported:\n%s", why, len(errs), firstErrors(f, errs, 3))
				}
				break
			}
			if len(errs) == 0 {
				problem = "no error in an invalid fixture (" + describeDiagnostics(ds) + ")"
			}
		}
		if problem != "" {
			failed++
			failures = append(failures, name+": "+problem)
		} else {
			passed++
		}
	}

	for _, f := range failures {
		t.Error(f)
	}
	kinds := make([]string, 0, len(errorsByKind))
	for k := range errorsByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := errorsByKind[k]
		t.Logf("kind %-16s %3d of %3d files have errors", k, c[0], c[1])
	}
	if len(codesInDeployable) > 0 {
		t.Logf("codes of unexpected errors: %v", codesInDeployable)
	}
	summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
	t.Log(summary)
	fmt.Println(summary)
}

// firstErrors renders up to n diagnostics with their source lines.
func firstErrors(f *syntax.File, ds []check.Diagnostic, n int) string {
	if len(ds) > n {
		ds = ds[:n]
	}
	return indent(render(f.Text, ds))
}

func describeDiagnostics(ds []check.Diagnostic) string {
	if len(ds) == 0 {
		return "no diagnostics at all"
	}
	codes := map[string]int{}
	for _, d := range ds {
		codes[d.Code]++
	}
	return fmt.Sprintf("only %d non-error diagnostic(s): %v", len(ds), codes)
}

func indent(s string) string {
	return "\t" + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}

var fakeResource = regexp.MustCompile(`FAKE\([^"]*\)`)

// recordedDefinition is one definition of the AWS-recorded corpus. AWS
// accepted every one of them (an execution ran).
type recordedDefinition struct {
	name   string
	text   []byte        // as sent to CreateStateMachine, FAKE(...) included
	status string        // the recorded execution's status
	opts   check.Options // Express machines are checked as Express
}

// placeholders returns the text with the recordings' FAKE(...) (resources
// the test created) written as a deploy-time ${...} placeholder.
func (r recordedDefinition) placeholders() []byte {
	return fakeResource.ReplaceAll(r.text, []byte("$${FAKE}"))
}

// recordedDefinitions reads every case of the AWS-recorded corpus that has a
// definition (a case without one is not a definition test). It fails when
// there is none: a test over no definition passes whatever the rules say.
func recordedDefinitions(t *testing.T) []recordedDefinition {
	t.Helper()
	dir := testkit.Shared(t, "corpus/aws-recorded/cases")
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []recordedDefinition
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, c.Name(), "definition.json"))
		if err != nil {
			continue
		}
		var expected struct {
			Status      string `json:"status"`
			MachineType string `json:"machine_type"`
		}
		raw, err := os.ReadFile(filepath.Join(dir, c.Name(), "expected.json"))
		if err == nil {
			err = json.Unmarshal(raw, &expected)
		}
		if err == nil && expected.Status == "" {
			err = errors.New("no status")
		}
		if err != nil {
			// The tests below tell SUCCEEDED runs by it: without one they
			// would quietly allow what a successful run rules out.
			t.Fatalf("%s: expected.json: %v", c.Name(), err)
		}
		r := recordedDefinition{name: c.Name(), text: text, status: expected.Status}
		if strings.EqualFold(expected.MachineType, "EXPRESS") {
			r.opts.WorkflowType = check.Express
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		t.Fatalf("no definition.json under %s: the test would check nothing", dir)
	}
	return out
}

// TestAWSRecordedDefinitions checks the definitions of the AWS-recorded
// executions: AWS accepted every one of them (an execution ran), so none
// may get an error. Express machines are checked as Express.
func TestAWSRecordedDefinitions(t *testing.T) {
	var passed, failed int
	for _, c := range recordedDefinitions(t) {
		// The recordings write FAKE(...) for resources the test created:
		// deploy-time values, like a ${...} placeholder.
		f := syntax.ParseAuto("definition.json", c.placeholders())
		ds := check.Run(model.Build(f), c.opts)
		var errs []check.Diagnostic
		for _, d := range ds {
			if d.Severity == check.Error {
				errs = append(errs, d)
			}
		}
		if len(errs) > 0 {
			failed++
			t.Errorf("%s: AWS accepted this definition but %d error(s) were reported:\n%s", c.name, len(errs), firstErrors(f, errs, 3))
			continue
		}
		passed++
	}
	summary := fmt.Sprintf("%d passed, %d failed", passed, failed)
	t.Log(summary)
	fmt.Println(summary)
}

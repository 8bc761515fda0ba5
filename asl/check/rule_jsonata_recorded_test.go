package check_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// TestJSONataAndVariableRulesOnRecordedDefinitions runs the JSONata and
// variable rules (ASL3xx) on every AWS-recorded definition. AWS created
// every one of them, so none may get an ASL3xx error. An execution that
// SUCCEEDED also proves its expressions and variable reads worked, so it
// may not get an ASL3xx warning either; FAILED ones may (a recorded run
// that reads a never-assigned variable is exactly what the warning is for).
// jsonata-in-jsonpath-state is the exception: it warns about intent (text
// that looks like JSONata passes through a JSONPath state unevaluated),
// which succeeds either way; a recorded test does it on purpose.
func TestJSONataAndVariableRulesOnRecordedDefinitions(t *testing.T) {
	dir := testkit.Shared(t, "corpus/aws-recorded/cases")
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var passed, failed, warnedOnFailedRuns int
	for _, c := range cases {
		text, err := os.ReadFile(filepath.Join(dir, c.Name(), "definition.json"))
		if err != nil {
			continue
		}
		var expected struct {
			Status      string `json:"status"`
			MachineType string `json:"machine_type"`
		}
		if raw, err := os.ReadFile(filepath.Join(dir, c.Name(), "expected.json")); err == nil {
			_ = json.Unmarshal(raw, &expected)
		}
		opts := check.Options{}
		if strings.EqualFold(expected.MachineType, "EXPRESS") {
			opts.WorkflowType = check.Express
		}
		text = fakeResource.ReplaceAll(text, []byte("$${FAKE}"))
		f := syntax.Parse(text)
		var bad, warned []check.Diagnostic
		for _, d := range check.Run(model.Build(f), opts) {
			if !strings.HasPrefix(d.Code, "ASL3") {
				continue
			}
			switch {
			case d.Severity == check.Error:
				bad = append(bad, d)
			case d.Severity == check.Warning && expected.Status == "SUCCEEDED" && d.Code != check.CodeJSONataInJSONPath:
				bad = append(bad, d)
			case d.Severity == check.Warning && expected.Status != "SUCCEEDED":
				warned = append(warned, d)
			}
		}
		if len(bad) > 0 {
			failed++
			t.Errorf("%s (%s): AWS accepted and ran this definition but the JSONata/variable rules report:\n%s", c.Name(), expected.Status, indent(render(f.Text, bad)))
			continue
		}
		if len(warned) > 0 {
			warnedOnFailedRuns++
			t.Logf("%s (%s): warned, as expected of a failed run:\n%s", c.Name(), expected.Status, indent(render(f.Text, warned)))
		}
		passed++
	}
	summary := fmt.Sprintf("JSONata and variable rules on AWS-recorded definitions: %d passed, %d failed (%d failed runs warned)", passed, failed, warnedOnFailedRuns)
	t.Log(summary)
	fmt.Println(summary)
}

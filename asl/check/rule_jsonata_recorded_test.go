package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
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
	var passed, failed, warnedOnFailedRuns int
	for _, c := range recordedDefinitions(t) {
		f := syntax.Parse(c.placeholders())
		var bad, warned []check.Diagnostic
		for _, d := range check.Run(model.Build(f), c.opts) {
			if !strings.HasPrefix(d.Code, "ASL3") {
				continue
			}
			switch {
			case d.Severity == check.Error:
				bad = append(bad, d)
			case d.Severity == check.Warning && c.status == "SUCCEEDED" && d.Code != check.CodeJSONataInJSONPath:
				bad = append(bad, d)
			case d.Severity == check.Warning && c.status != "SUCCEEDED":
				warned = append(warned, d)
			}
		}
		if len(bad) > 0 {
			failed++
			t.Errorf("%s (%s): AWS accepted and ran this definition but the JSONata/variable rules report:\n%s", c.name, c.status, indent(render(f.Text, bad)))
			continue
		}
		if len(warned) > 0 {
			warnedOnFailedRuns++
			t.Logf("%s (%s): warned, as expected of a failed run:\n%s", c.name, c.status, indent(render(f.Text, warned)))
		}
		passed++
	}
	summary := fmt.Sprintf("JSONata and variable rules on AWS-recorded definitions: %d passed, %d failed (%d failed runs warned)", passed, failed, warnedOnFailedRuns)
	t.Log(summary)
	fmt.Println(summary)
}

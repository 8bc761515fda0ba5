package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// TestSchemaRulesOnRecordedDefinitions runs the schema rules (ASL2xx) on
// every definition AWS accepted and executed in the aws-recorded corpus:
// none may get a schema error, since AWS created the state machine.
func TestSchemaRulesOnRecordedDefinitions(t *testing.T) {
	var passed, failed int
	for _, c := range recordedDefinitions(t) {
		f := syntax.Parse(c.text)
		var bad []check.Diagnostic
		for _, d := range check.Run(model.Build(f), c.opts) {
			if d.Severity == check.Error && strings.HasPrefix(d.Code, "ASL2") {
				bad = append(bad, d)
			}
		}
		if len(bad) > 0 {
			failed++
			t.Errorf("%s: AWS accepted this definition but the schema rules report:\n%s", c.name, indent(render(f.Text, bad)))
			continue
		}
		passed++
	}
	summary := fmt.Sprintf("schema rules on AWS-recorded definitions: %d passed, %d failed", passed, failed)
	t.Log(summary)
	fmt.Println(summary)
}

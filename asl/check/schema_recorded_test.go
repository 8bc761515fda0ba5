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

// TestSchemaRulesOnRecordedDefinitions runs the schema rules (ASL2xx) on
// every definition AWS accepted and executed in the aws-recorded corpus:
// none may get a schema error, since AWS created the state machine.
func TestSchemaRulesOnRecordedDefinitions(t *testing.T) {
	dir := testkit.Shared(t, "corpus/aws-recorded/cases")
	cases, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var passed, failed int
	for _, c := range cases {
		defPath := filepath.Join(dir, c.Name(), "definition.json")
		text, err := os.ReadFile(defPath)
		if err != nil {
			continue
		}
		opts := check.Options{}
		var expected struct {
			MachineType string `json:"machine_type"`
		}
		if raw, err := os.ReadFile(filepath.Join(dir, c.Name(), "expected.json")); err == nil {
			_ = json.Unmarshal(raw, &expected)
			if strings.EqualFold(expected.MachineType, "EXPRESS") {
				opts.WorkflowType = check.Express
			}
		}
		f := syntax.Parse(text)
		var bad []check.Diagnostic
		for _, d := range check.Run(model.Build(f), opts) {
			if d.Severity == check.Error && strings.HasPrefix(d.Code, "ASL2") {
				bad = append(bad, d)
			}
		}
		if len(bad) > 0 {
			failed++
			t.Errorf("%s: AWS accepted this definition but the schema rules report:\n%s", c.Name(), indent(render(f.Text, bad)))
			continue
		}
		passed++
	}
	summary := fmt.Sprintf("schema rules on AWS-recorded definitions: %d passed, %d failed", passed, failed)
	t.Log(summary)
	fmt.Println(summary)
}

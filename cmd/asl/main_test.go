package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// asl runs the command in-process and returns its exit code and output.
func asl(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = dispatch(context.Background(), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

const example = "../../docs/examples/order.asl.json"

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := asl(t, "", "help")
	if code != exitOK {
		t.Fatalf("help exit %d", code)
	}
	for _, name := range []string{"check", "run"} {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("help does not list %q:\n%s", name, out)
		}
	}
	if code, _, _ := asl(t, "", "frobnicate"); code != exitUsage {
		t.Errorf("unknown command exit %d, want 2", code)
	}
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean example", []string{"check", example}, exitOK},
		{"errors", []string{"check", "testdata/broken.asl.json"}, exitFound},
		{"missing file", []string{"check", "testdata/nope.asl.json"}, exitUsage},
		{"not a state machine", []string{"check", "testdata/notasl.json"}, exitUsage},
		{"binary file", []string{"check", "testdata/binary.asl.json"}, exitUsage},
		{"bad format", []string{"check", "--format", "xml", example}, exitUsage},
		{"no path", []string{"check"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, out, errOut := asl(t, "", tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, out, errOut)
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	_, out, _ := asl(t, "", "check", "testdata/broken.asl.json")
	// The diagnostic names the position, severity and code, then draws the
	// source line with carets under the unknown target.
	want := []string{
		`testdata/broken.asl.json:4:40: error `,
		`      "Start": { "Type": "Pass", "Next": "Nowhere" }`,
		`                                         ^^^^^^^^^`,
		"1 file checked: 1 error,",
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("text output lacks %q:\n%s", w, out)
		}
	}
}

func TestCheckJSONLines(t *testing.T) {
	code, out, _ := asl(t, "", "check", "--format", "json", "testdata/broken.asl.json")
	if code != exitFound {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var d struct {
		File  string `json:"file"`
		Range struct {
			Start struct{ Line, Character int } `json:"start"`
			End   struct{ Line, Character int } `json:"end"`
		} `json:"range"`
		Severity, Code, Message string
	}
	if err := json.Unmarshal([]byte(lines[0]), &d); err != nil {
		t.Fatalf("line 1 is not JSON: %v\n%s", err, lines[0])
	}
	if d.File != "testdata/broken.asl.json" || d.Severity != "error" || d.Code == "" || d.Message == "" {
		t.Errorf("unexpected diagnostic %+v", d)
	}
	if d.Range.Start.Line != 3 || d.Range.Start.Character != 39 || d.Range.End.Character != 48 {
		t.Errorf("range = %+v, want line 3 characters 39-48 (0-based, the quoted name)", d.Range)
	}
}

func TestCheckSARIF(t *testing.T) {
	_, out, _ := asl(t, "", "check", "--format", "sarif", "testdata/broken.asl.json")
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 || len(log.Runs[0].Tool.Driver.Rules) == 0 {
		t.Fatalf("unexpected SARIF: %s", out)
	}
	r := log.Runs[0].Results[0]
	if reg := r.Locations[0].PhysicalLocation.Region; r.Level != "error" || reg.StartLine != 4 || reg.StartColumn != 40 {
		t.Errorf("result %+v, want an error at 4:40", r)
	}
}

func TestCheckWalksFolders(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.asl.json", `{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}`)
	write("b.asl.yaml", "StartAt: B\nStates:\n  B:\n    Type: Succeed\n")
	write("plain.json", `{"StartAt": "C", "States": {"C": {"Type": "Succeed"}}}`)
	write("package.json", `{"name": "x"}`)
	code, out, errOut := asl(t, "", "check", dir)
	if code != exitOK || !strings.Contains(out, "3 files checked") {
		t.Errorf("exit %d, want 0 and 3 files:\n%s%s", code, out, errOut)
	}

	only := t.TempDir()
	if err := os.WriteFile(filepath.Join(only, "package.json"), []byte(`{"name": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := asl(t, "", "check", only); code != exitUsage || !strings.Contains(errOut, "no ASL definitions found") {
		t.Errorf("a folder without definitions: exit %d, stderr %q; want 2 and a message", code, errOut)
	}
}

func TestRunExample(t *testing.T) {
	code, out, errOut := asl(t, "", "run", example, "--input", "../../docs/examples/order.input.json",
		"--mock-config", "../../docs/examples/order.mocks.json", "--test-case", "HappyPath", "--result-only")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--result-only printed more than one JSON object: %v\n%s", err, out)
	}
	want := `{"cause":null,"error":null,"output":{"chargeId":"ch_7731","labels":["o-1001/book-17","o-1001/pen-03","o-1001/mug-11"],"orderId":"o-1001"},"status":"SUCCEEDED"}`
	if got, _ := json.Marshal(res); string(got) != want {
		t.Errorf("result = %s\nwant     %s", got, want)
	}
}

func TestRunDeclinedCardIsCaught(t *testing.T) {
	code, out, _ := asl(t, "", "run", example, "--input", "../../docs/examples/order.input.json",
		"--mock-config", "../../docs/examples/order.mocks.json", "--test-case", "CardDeclined", "--result-only")
	if code != exitFound {
		t.Errorf("a failed execution exits %d, want 1", code)
	}
	if !strings.Contains(out, `"error":"PaymentFailed"`) || !strings.Contains(out, `"cause":"The card was declined."`) {
		t.Errorf("the Catch should route to PaymentFailed with the task's cause: %s", out)
	}
}

func TestRunTraceStreams(t *testing.T) {
	code, out, _ := asl(t, `{"order": {"id": "x", "total": 0, "items": []}}`, "run", example, "--input", "-", "--trace", "jsonl")
	if code != exitFound {
		t.Errorf("rejected order exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("jsonl line %d is not JSON: %s", i+1, l)
		}
	}
	if !strings.Contains(lines[0], "ExecutionStarted") || !strings.Contains(lines[len(lines)-1], `"Summary"`) {
		t.Errorf("trace should start with ExecutionStarted and end with the summary:\n%s", out)
	}
}

func TestRunRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"input not JSON", "{nope", []string{"run", example, "--input", "-"}, "not JSON"},
		{"definition with errors", "", []string{"run", "testdata/broken.asl.json"}, "has errors"},
		{"missing definition", "", []string{"run", "testdata/nope.asl.json"}, "no such file"},
		{"two definitions", "", []string{"run", example, example}, "exactly one"},
		{"unknown test case", "", []string{"run", example, "--mock-config", "../../docs/examples/order.mocks.json", "--test-case", "Nope"}, "Nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := asl(t, tt.stdin, tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and a message containing %q", code, errOut, tt.want)
			}
		})
	}
}

func TestParseInterleaved(t *testing.T) {
	_, out, errOut := asl(t, "", "run", "--trace", "none", example, "--result-only", "--input", "../../docs/examples/order.input.json")
	if !strings.Contains(out, `"status":"FAILED"`) || !strings.Contains(out, "Charge") {
		t.Errorf("flags before and after DEF should both apply (no mock for Charge => FAILED naming it): %s %s", out, errOut)
	}
}

func TestEval(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		out   string
	}{
		{"jsonata in braces", "", []string{"--jsonata", "{% $sum($states.input.items.price) %}", "--bindings", `{"states":{"input":{"items":[{"price":1.5},{"price":2}]}}}`}, exitOK, "3.5\n"},
		{"jsonata undefined prints nothing", "", []string{"--jsonata", "missing"}, exitOK, ""},
		{"jsonata syntax error", "", []string{"--jsonata", "$sum("}, exitFound, `{"code":"S0203","message":"Expected \")\" before end of expression","position":5}` + "\n"},
		{"jsonpath from stdin", `{"a":[1,2,3]}`, []string{"--jsonpath", "$.a[1]", "--input", "-"}, exitOK, "2\n"},
		{"jsonpath variable", "", []string{"--jsonpath", "$order.id", "--bindings", `{"order":{"id":"o-1"}}`}, exitOK, "\"o-1\"\n"},
		{"intrinsic", `{"b":"y"}`, []string{"--intrinsic", "States.Format('x{}', $.b)", "--input", "-"}, exitOK, "\"xy\"\n"},
		{"intrinsic failure", "", []string{"--intrinsic", "States.ArrayGetItem(States.Array(1), 5)"}, exitFound, ""},
		{"two modes", "", []string{"--jsonata", "1", "--jsonpath", "$"}, exitUsage, ""},
		{"bad bindings", "", []string{"--jsonata", "1", "--bindings", "[1]"}, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := asl(t, tt.stdin, append([]string{"eval"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stdout %q, stderr %q)", code, tt.code, out, errOut)
			}
			if tt.out != "" && out != tt.out {
				t.Errorf("stdout = %q, want %q", out, tt.out)
			}
			if tt.code == exitFound && !strings.HasPrefix(out, `{"code":`) {
				t.Errorf("an evaluation error prints {code, message, position}: %q", out)
			}
		})
	}
}

package dataflow

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"
)

// This runner drives the aws-recorded cases whose definitions use only
// Pass, Choice, Succeed and Fail states in JSONPath mode (no Assign) with a
// throwaway interpreter built on this package. It gives feedback on paths,
// templates, intrinsics and Choice rules before the engine exists; the
// engine's own runner supersedes it.

type recordedCase struct {
	name       string
	definition map[string]any
	input      any
	expected   map[string]any
}

func loadJSONFile(path string) (any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return DecodeJSON(data)
}

// simpleCases lists the cases this interpreter can run.
func simpleCases(t *testing.T) []recordedCase {
	root := filepath.Join(testkit.Shared(t), "corpus", "aws-recorded", "cases")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Skipf("aws-recorded cases not readable: %v", err)
	}
	var out []recordedCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		def, err := loadJSONFile(filepath.Join(dir, "definition.json"))
		if err != nil {
			continue
		}
		m, ok := def.(map[string]any)
		if !ok || !onlySimpleStates(m) {
			continue
		}
		input, err := loadJSONFile(filepath.Join(dir, "input.json"))
		if err != nil {
			t.Errorf("%s: input: %v", e.Name(), err)
			continue
		}
		exp, err := loadJSONFile(filepath.Join(dir, "expected.json"))
		if err != nil {
			t.Errorf("%s: expected: %v", e.Name(), err)
			continue
		}
		out = append(out, recordedCase{name: e.Name(), definition: m, input: input, expected: exp.(map[string]any)})
	}
	return out
}

func onlySimpleStates(def map[string]any) bool {
	if def["QueryLanguage"] == "JSONata" {
		return false
	}
	states, _ := def["States"].(map[string]any)
	if len(states) == 0 {
		return false
	}
	for _, s := range states {
		st, _ := s.(map[string]any)
		switch st["Type"] {
		case "Pass", "Choice", "Succeed", "Fail":
		default:
			return false
		}
		if _, ok := st["Assign"]; ok {
			return false
		}
		if st["QueryLanguage"] == "JSONata" {
			return false
		}
		choices, _ := st["Choices"].([]any)
		for _, c := range choices {
			cm, _ := c.(map[string]any)
			if _, ok := cm["Assign"]; ok {
				return false
			}
			if _, ok := cm["Condition"]; ok {
				return false
			}
		}
	}
	return true
}

type outcome struct {
	status string
	output any
	error  string
	cause  string
}

// runSimple interprets the definition: InputPath -> Parameters -> Result
// -> ResultPath -> OutputPath for Pass, rules for Choice, Error/Cause(Path)
// for Fail.
func runSimple(def map[string]any, input any) outcome {
	states := def["States"].(map[string]any)
	name, _ := def["StartAt"].(string)
	smName := "machine"
	execName := "exec"
	exec := map[string]any{
		"Id":           "arn:aws:states:us-east-1:111111111111:execution:" + smName + ":" + execName,
		"Input":        input,
		"Name":         execName,
		"RoleArn":      "arn:aws:iam::111111111111:role/role",
		"StartTime":    "2025-01-01T00:00:00Z",
		"RedriveCount": 0.0,
	}
	sm := map[string]any{"Id": "arn:aws:states:us-east-1:111111111111:stateMachine:" + smName, "Name": smName}
	eventID := 1
	fail := func(state string, entered int, err error) outcome {
		e, ok := err.(*Error)
		if !ok {
			return outcome{status: "FAILED", error: "Go.Error", cause: err.Error()}
		}
		cause := e.Cause
		if !e.Bare {
			cause = fmt.Sprintf("An error occurred while executing the state '%s' (entered at the event id #%d). %s", state, entered, cause)
		}
		return outcome{status: "FAILED", error: e.Name, cause: cause}
	}
	for steps := 0; steps < 1000; steps++ {
		st, ok := states[name].(map[string]any)
		if !ok {
			return outcome{status: "FAILED", error: "Go.Error", cause: "no state " + name}
		}
		eventID++
		entered := eventID
		ctx := &Context{Object: map[string]any{
			"Execution":    exec,
			"State":        map[string]any{"Name": name, "EnteredTime": "2025-01-01T00:00:00.001Z"},
			"StateMachine": sm,
		}}
		pathField := func(field string) (*Path, error) {
			v, present := st[field]
			if !present {
				return CompilePath("$")
			}
			if v == nil {
				return nil, nil
			}
			return CompilePath(v.(string))
		}
		typ := st["Type"]
		if typ == "Fail" {
			errName, _ := st["Error"].(string)
			cause, _ := st["Cause"].(string)
			for _, f := range []struct {
				field string
				dst   *string
			}{{"ErrorPath", &errName}, {"CausePath", &cause}} {
				s, ok := st[f.field].(string)
				if !ok {
					continue
				}
				var v any
				var err error
				if strings.HasPrefix(s, "States.") {
					v, err = EvalIntrinsic(s, input, ctx)
				} else {
					var p *Path
					if p, err = CompilePath(s); err == nil {
						v, err = p.GetField(input, ctx, f.field)
					}
				}
				if err != nil {
					return fail(name, entered, err)
				}
				*f.dst, _ = v.(string)
			}
			return outcome{status: "FAILED", error: errName, cause: cause}
		}
		inPath, err := pathField("InputPath")
		if err != nil {
			return fail(name, entered, err)
		}
		eff, err := inPath.Select(input, ctx)
		if err != nil {
			return fail(name, entered, err)
		}
		var output any = eff
		next, _ := st["Next"].(string)
		switch typ {
		case "Pass":
			if params, ok := st["Parameters"]; ok {
				tmpl, err := CompileTemplate(params)
				if err != nil {
					return fail(name, entered, err)
				}
				if eff, err = tmpl.Apply(eff, ctx); err != nil {
					return fail(name, entered, err)
				}
			}
			result := eff
			if r, ok := st["Result"]; ok {
				result = r
			}
			if ExceedsPayloadLimit(result) {
				return fail(name, entered, DataLimitExceeded(name))
			}
			var ref *string
			if rp, present := st["ResultPath"]; !present {
				dollar := "$"
				ref = &dollar
			} else if s, ok := rp.(string); ok {
				ref = &s
			}
			if output, err = ApplyResultPath(ref, input, result); err != nil {
				return fail(name, entered, err)
			}
		case "Choice":
			next = ""
			choices, _ := st["Choices"].([]any)
			for _, c := range choices {
				rule, err := CompileRule(c)
				if err != nil {
					return fail(name, entered, err)
				}
				ok, err := rule.Eval(eff, ctx)
				if err != nil {
					return fail(name, entered, err)
				}
				if ok {
					next, _ = c.(map[string]any)["Next"].(string)
					break
				}
			}
			if next == "" {
				next, _ = st["Default"].(string)
			}
			if next == "" {
				return outcome{status: "FAILED", error: "States.NoChoiceMatched", cause: "No Matches!"}
			}
		}
		outPath, err := pathField("OutputPath")
		if err != nil {
			return fail(name, entered, err)
		}
		if output, err = outPath.Select(output, ctx); err != nil {
			return fail(name, entered, err)
		}
		eventID++ // StateExited
		if typ == "Succeed" || st["End"] == true {
			return outcome{status: "SUCCEEDED", output: output}
		}
		input, name = output, next
	}
	return outcome{status: "FAILED", error: "Go.Error", cause: "too many transitions"}
}

// matchRecorded compares an outcome with expected.json: placeholders
// (values that vary per run) match any text.
func matchRecorded(exp map[string]any, got outcome) (bool, string) {
	var placeholders []string
	if ps, ok := exp["placeholders"].([]any); ok {
		for _, p := range ps {
			if s, ok := p.(string); ok && s != "" {
				placeholders = append(placeholders, s)
			}
		}
	}
	sort.Slice(placeholders, func(i, j int) bool { return len(placeholders[i]) > len(placeholders[j]) })
	if exp["status"] != got.status {
		return false, fmt.Sprintf("status %v, got %s (%s: %s) output %s", exp["status"], got.status, got.error, got.cause, EncodeJSON(got.output))
	}
	if got.status == "SUCCEEDED" {
		if !looseEqual(exp["output"], got.output, placeholders) {
			return false, fmt.Sprintf("output\n  want %s\n  got  %s", EncodeJSON(exp["output"]), EncodeJSON(got.output))
		}
		return true, ""
	}
	if e, _ := exp["error"].(string); e != got.error {
		return false, fmt.Sprintf("error %q, got %q (cause %q)", e, got.error, got.cause)
	}
	switch c := exp["cause"].(type) {
	case string:
		if !looseEqual(c, got.cause, placeholders) {
			return false, fmt.Sprintf("cause\n  want %q\n  got  %q", c, got.cause)
		}
	case nil:
		if got.cause != "" {
			return false, fmt.Sprintf("cause: want none, got %q", got.cause)
		}
	default:
		gotCause, err := DecodeJSON([]byte(got.cause))
		if err != nil || !looseEqual(c, gotCause, placeholders) {
			return false, fmt.Sprintf("cause\n  want %s\n  got  %q", EncodeJSON(c), got.cause)
		}
	}
	return true, ""
}

func looseEqual(want, got any, placeholders []string) bool {
	switch w := want.(type) {
	case string:
		if g, ok := got.(string); ok && g == w {
			return true
		}
		for _, p := range placeholders {
			if w == p {
				return true // stands for any value
			}
		}
		g, ok := got.(string)
		if !ok || len(placeholders) == 0 {
			return false
		}
		return placeholderPattern(w, placeholders).MatchString(g)
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, v := range w {
			gv, ok := g[k]
			if !ok || !looseEqual(v, gv, placeholders) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !looseEqual(w[i], g[i], placeholders) {
				return false
			}
		}
		return true
	}
	return DeepEqual(want, got)
}

func placeholderPattern(s string, placeholders []string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for len(s) > 0 {
		hit := false
		for _, p := range placeholders {
			if strings.HasPrefix(s, p) {
				b.WriteString(`.*`)
				s = s[len(p):]
				hit = true
				break
			}
		}
		if !hit {
			b.WriteString(regexp.QuoteMeta(s[:1]))
			s = s[1:]
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

func TestRecordedSimpleCases(t *testing.T) {
	cases := simpleCases(t)
	passed, failed := 0, 0
	byCategory := map[string][2]int{}
	for _, c := range cases {
		got := runSimple(c.definition, c.input)
		ok, why := matchRecorded(c.expected, got)
		cat, _ := c.expected["category"].(string)
		counts := byCategory[cat]
		if ok {
			passed++
			counts[0]++
		} else {
			failed++
			counts[1]++
			t.Errorf("%s: %s", c.name, clip(why, 600))
		}
		byCategory[cat] = counts
	}
	cats := make([]string, 0, len(byCategory))
	for k := range byCategory {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		t.Logf("  %-20s %d passed, %d failed", k, byCategory[k][0], byCategory[k][1])
	}
	t.Logf("aws-recorded Pass/Choice/Succeed/Fail cases: %d passed, %d failed", passed, failed)
	fmt.Printf("aws-recorded Pass/Choice/Succeed/Fail cases: %d passed, %d failed\n", passed, failed)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "...(clipped)"
}

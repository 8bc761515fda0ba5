package dataflow

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"
)

// TestRealworldCompiles compiles every JSONPath-mode payload template,
// Choice rule and path field of the realworld corpus's JSON definitions.
// Definitions named invalid-* are expected to contain mistakes and are only
// required not to panic; the others must compile, except the few listed in
// knownInvalid (test fixtures of other tools that are wrong on purpose).
var knownInvalid = map[string]string{
	"Vanguard-oss__behave-asl__features__execution__choice__jsonpath__boolean_operators.feature__L216.asl.json":      `an unexpanded "<op>" test placeholder as operator`,
	"Vanguard-oss__behave-asl__features__execution__pass__variable.feature__L164.asl.json":                           `"$$MyVar" is neither a Context path nor a variable`,
	"Vanguard-oss__behave-asl__features__execution__pass__variable.feature__L201.asl.json":                           `"$$MyVar.Level2" likewise`,
	"Vanguard-oss__behave-asl__features__execution__pass__variable.feature__L240.asl.json":                           `"$$MyVar[0]" likewise`,
	"Vanguard-oss__behave-asl__features__execution__validation__non_string_assign_for_jsonpath.feature__L5.asl.json": `"Var2.$": 2 (a validation test)`,
	"Vanguard-oss__behave-asl__features__parser__state_types.feature__L82.asl.json":                                  `"And" holding an object instead of an array`,
}

func TestRealworldCompiles(t *testing.T) {
	root := filepath.Join(testkit.Shared(t), "corpus", "realworld")
	files, err := filepath.Glob(filepath.Join(root, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("realworld corpus not found in %s", root)
	}
	compiled, rejected := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		def, err := DecodeJSON(data)
		if err != nil {
			continue
		}
		m, ok := def.(map[string]any)
		if !ok {
			continue
		}
		_, known := knownInvalid[filepath.Base(f)]
		invalid := known || strings.Contains(filepath.Base(f), "invalid")
		walkMachine(m, false, func(where string, err error) {
			if err == nil {
				compiled++
				return
			}
			rejected++
			if !invalid {
				t.Errorf("%s: %s: %v", filepath.Base(f), where, err)
			}
		})
	}
	t.Logf("realworld JSONPath fields: %d compiled, %d rejected", compiled, rejected)
}

func walkMachine(sm map[string]any, jsonata bool, report func(string, error)) {
	if ql, _ := sm["QueryLanguage"].(string); ql != "" {
		jsonata = ql == "JSONata"
	}
	states, _ := sm["States"].(map[string]any)
	for name, s := range states {
		st, ok := s.(map[string]any)
		if !ok {
			continue
		}
		stJSONata := jsonata
		if ql, _ := st["QueryLanguage"].(string); ql != "" {
			stJSONata = ql == "JSONata"
		}
		if !stJSONata {
			for _, field := range []string{"Parameters", "ResultSelector", "ItemSelector", "Assign"} {
				if v, ok := st[field]; ok {
					_, err := CompileTemplate(v)
					report(name+"."+field, err)
				}
			}
			for _, field := range []string{"InputPath", "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath"} {
				if v, ok := st[field].(string); ok {
					_, err := CompilePath(v)
					report(name+"."+field, err)
				}
			}
			if v, ok := st["ResultPath"].(string); ok {
				_, err := CompileResultPath(v)
				report(name+".ResultPath", err)
			}
			choices, _ := st["Choices"].([]any)
			for _, c := range choices {
				_, err := CompileRule(c)
				report(name+".Choices", err)
			}
		}
		for _, b := range asSlice(st["Branches"]) {
			if bm, ok := b.(map[string]any); ok {
				walkMachine(bm, stJSONata, report)
			}
		}
		for _, k := range []string{"Iterator", "ItemProcessor"} {
			if bm, ok := st[k].(map[string]any); ok {
				walkMachine(bm, stJSONata, report)
			}
		}
	}
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

package expr

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ohler55/ojg/jp"
	"gopkg.in/yaml.v3"
)

// sharedDir finds ../shared next to the module root (the directory holding
// go.mod), or skips the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		t.Skipf("reference corpus not found at %s: the corpus tests need ../shared/corpus next to the module", shared)
	}
	return shared
}

// corpusValue is one expression string found in a definition.
type corpusValue struct {
	file, key, value string
	kind             string // "dollar", "path", "reference", "errorcause"
}

// payloadFields hold user data where only keys ending in ".$" are
// expressions; literalFields hold data that is never evaluated.
var (
	payloadFields = map[string]bool{"Parameters": true, "ResultSelector": true, "ItemSelector": true,
		"Arguments": true, "Assign": true, "Output": true, "BatchInput": true, "Credentials": true}
	literalFields = map[string]bool{"Result": true, "Comment": true}
	pathFields    = map[string]bool{"InputPath": true, "OutputPath": true, "Variable": true}
	refFields     = map[string]bool{"ResultPath": true, "ItemsPath": true, "TimeoutSecondsPath": true,
		"HeartbeatSecondsPath": true, "SecondsPath": true, "TimestampPath": true, "MaxConcurrencyPath": true,
		"ToleratedFailurePercentagePath": true, "ToleratedFailureCountPath": true, "MaxItemsPath": true,
		"MaxItemsPerBatchPath": true, "MaxInputBytesPerBatchPath": true}
)

func collectValues(file string, v any, inPayload bool, out *[]corpusValue) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			collectValues(file, e, inPayload, out)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			val := v[k]
			s, isString := val.(string)
			switch {
			case strings.HasSuffix(k, ".$") && isString:
				*out = append(*out, corpusValue{file, k, s, "dollar"})
				continue
			case inPayload:
			case literalFields[k]:
				continue
			case payloadFields[k]:
				collectValues(file, val, true, out)
				continue
			case !isString:
			case pathFields[k] || (strings.HasSuffix(k, "Path") && !refFields[k] && k != "ErrorPath" && k != "CausePath"):
				*out = append(*out, corpusValue{file, k, s, "path"})
				continue
			case refFields[k]:
				*out = append(*out, corpusValue{file, k, s, "reference"})
				continue
			case k == "ErrorPath" || k == "CausePath":
				*out = append(*out, corpusValue{file, k, s, "errorcause"})
				continue
			}
			collectValues(file, val, inPayload, out)
		}
	}
}

// parseCorpusValue parses a value the way its field requires and returns
// the errors and, for each accepted path, its re-rooted form.
func parseCorpusValue(cv corpusValue) ([]Error, []*Path) {
	var paths []*Path
	collect := func(e Expr) {
		switch e := e.(type) {
		case *Path:
			paths = append(paths, e)
		case *Call:
			walkCallPaths(e, func(p *Path) { paths = append(paths, p) })
		}
	}
	switch cv.kind {
	case "dollar":
		e, errs := ParseDollarValue(cv.value)
		collect(e)
		return errs, paths
	case "path":
		p, errs := ParsePath(cv.value)
		return errs, []*Path{p}
	case "errorcause":
		if IsIntrinsic(cv.value) {
			c, errs := ParseIntrinsic(cv.value)
			if errs == nil {
				errs = CheckCall(c)
			}
			collect(c)
			return errs, paths
		}
	}
	p, errs := ParseReferencePath(cv.value)
	return errs, []*Path{p}
}

func walkCallPaths(c *Call, f func(*Path)) {
	if c == nil {
		return
	}
	for _, a := range c.Args {
		switch a.Kind {
		case ArgPath:
			f(a.Path)
		case ArgCall:
			walkCallPaths(a.Call, f)
		}
	}
}

func corpusFiles(t *testing.T) []string {
	shared := sharedDir(t)
	realworld, _ := filepath.Glob(filepath.Join(shared, "corpus", "realworld", "*.json"))
	yamls, _ := filepath.Glob(filepath.Join(shared, "corpus", "realworld", "*.yaml"))
	realworld = append(realworld, yamls...)
	recorded, _ := filepath.Glob(filepath.Join(shared, "corpus", "aws-recorded", "cases", "*", "definition.json"))
	files := append(realworld, recorded...)
	if len(files) == 0 {
		t.Skip("no corpus definitions found")
	}
	return files
}

// expectedRejections are corpus values that are wrong on purpose (the
// validator test suites' invalid-* files) or that we reject knowingly; a
// rejection not listed here and not a ${...} placeholder fails the test.
var expectedRejections = map[string]string{
	".guid":  "invalid-json-path.json: no $",
	"..guid": "invalid-json-path.json: no $",
	"()":     "invalid-json-path.json: no $",
	"$...":   "invalid-json-path.json: empty field after ..",
	// behave-asl (a third-party emulator) invented "$$Name" for variables;
	// AWS reads $$ as the Context object and variables as $Name.
	"$$MyVar":        "behave-asl's own variable syntax",
	"$$MyVar.Level2": "behave-asl's own variable syntax",
	"$$MyVar[0]":     "behave-asl's own variable syntax",
}

func TestCorpusExpressions(t *testing.T) {
	var values []corpusValue
	for _, file := range corpusFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if strings.HasSuffix(file, ".yaml") {
			if yaml.Unmarshal(data, &doc) != nil {
				continue // CloudFormation tags and the like: other tests cover them
			}
		} else if json.Unmarshal(data, &doc) != nil {
			continue // not plain JSON (JSON5, broken on purpose): other tests cover it
		}
		rel := filepath.Base(file)
		if strings.HasSuffix(file, "definition.json") {
			rel = filepath.Base(filepath.Dir(file))
		}
		collectValues(rel, doc, false, &values)
	}
	parsed, rejected := 0, 0
	for _, cv := range values {
		errs, paths := parseCorpusValue(cv)
		hard := 0
		for _, e := range errs {
			if !e.Warning {
				hard++
			}
		}
		if hard == 0 {
			parsed++
			for _, p := range paths {
				if p == nil {
					continue
				}
				if _, err := jp.ParseString(p.JSONPath()); err != nil {
					t.Errorf("%s %s=%q: ojg rejects the re-rooted %s: %v", cv.file, cv.key, cv.value, p.JSONPath(), err)
				}
			}
			for _, e := range errs {
				t.Logf("warning: %s %s=%q: %v", cv.file, cv.key, cv.value, e)
			}
			continue
		}
		rejected++
		why, known := expectedRejections[cv.value]
		if HasPlaceholder(cv.value) {
			why, known = "deployment placeholder", true
		}
		if !known && strings.Contains(cv.file, "invalid") {
			why, known = "file is invalid on purpose", true
		}
		t.Logf("rejected: %s %s=%q: %v (%s)", cv.file, cv.key, cv.value, errs, why)
		if !known {
			t.Errorf("unexpected rejection: %s %s=%q: %v", cv.file, cv.key, cv.value, errs)
		}
	}
	t.Logf("%d parsed, %d rejected (of %d expression strings)", parsed, rejected, len(values))
	if parsed == 0 {
		t.Error("no expression was parsed: the corpus walk is broken")
	}
}

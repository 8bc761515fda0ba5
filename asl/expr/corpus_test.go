package expr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/ohler55/ojg/jp"
)

// corpusValue is one expression string found in a definition.
type corpusValue struct {
	file, key, value string
	kind             string // "dollar", "path", "reference", "errorcause"
	node             *syntax.Node
	text             []byte
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

func collectValues(f *syntax.File, file string, n *syntax.Node, inPayload bool, out *[]corpusValue) {
	if n == nil {
		return
	}
	switch n.Kind {
	case syntax.Array:
		for _, e := range n.Elems {
			collectValues(f, file, e, inPayload, out)
		}
	case syntax.Object:
		for _, m := range n.Members {
			k, val := m.Key, m.Value
			if val == nil {
				continue
			}
			isString := val.Kind == syntax.String && val.Tag == ""
			add := func(kind string) { *out = append(*out, corpusValue{file, k, val.Str, kind, val, f.Text}) }
			switch {
			case strings.HasSuffix(k, ".$") && isString:
				add("dollar")
				continue
			case inPayload:
			case literalFields[k]:
				continue
			case payloadFields[k]:
				collectValues(f, file, val, true, out)
				continue
			case !isString:
			case pathFields[k] || (strings.HasSuffix(k, "Path") && !refFields[k] && k != "ErrorPath" && k != "CausePath"):
				add("path")
				continue
			case refFields[k]:
				add("reference")
				continue
			case k == "ErrorPath" || k == "CausePath":
				add("errorcause")
				continue
			}
			collectValues(f, file, val, inPayload, out)
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
	shared := testkit.Shared(t)
	realworld, _ := filepath.Glob(filepath.Join(shared, "corpus", "realworld", "*.json"))
	for _, ext := range []string{"json5", "yaml", "yml"} {
		more, _ := filepath.Glob(filepath.Join(shared, "corpus", "realworld", "*."+ext))
		realworld = append(realworld, more...)
	}
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
	// localstack's test templates substitute %NAME% before deploying.
	"%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%": "localstack test-template placeholder",
}

func TestCorpusExpressions(t *testing.T) {
	var values []corpusValue
	for _, file := range corpusFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel := filepath.Base(file)
		if strings.HasSuffix(file, "definition.json") {
			rel = filepath.Base(filepath.Dir(file))
		}
		f := syntax.ParseAuto(file, data)
		collectValues(f, rel, f.Root, false, &values)
	}
	parsed, rejected := 0, 0
	for _, cv := range values {
		errs, paths := parseCorpusValue(cv)
		for _, e := range errs {
			// The error must land inside the string's text in the document.
			start, end := cv.node.SourceOffset(cv.text, e.Span.Start), cv.node.SourceOffset(cv.text, e.Span.End)
			if start < cv.node.Span.Start || end > cv.node.Span.End || end < start {
				t.Errorf("%s %q: error %v maps to [%d,%d) outside the string %v", cv.file, cv.value, e.Span, start, end, cv.node.Span)
			}
		}
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

package dataflow

import (
	"testing"
)

// Expected values follow paths.md §6 (spec rules confirmed by AWS
// recordings in the choice_operators cases).
func TestRuleEval(t *testing.T) {
	tests := []struct {
		rule, input string
		want        bool
	}{
		{`{"Variable":"$.v","StringEquals":"a"}`, `{"v":"a"}`, true},
		{`{"Variable":"$.v","StringEquals":"1"}`, `{"v":1}`, false}, // type mismatch is false
		{`{"Variable":"$.v","StringLessThan":"AB"}`, `{"v":"A"}`, true},
		{`{"Variable":"$.v","StringEquals":"A"}`, `{"v":"A "}`, false},
		{`{"Variable":"$.v","StringEquals":"\t\r\n"}`, `{"v":"\t\n"}`, false},
		{`{"Variable":"$.v","StringGreaterThanEquals":"b"}`, `{"v":"b"}`, true},
		{`{"Variable":"$.v","StringLessThanEqualsPath":"$.w"}`, `{"v":"a","w":"b"}`, true},
		{`{"Variable":"$.v","NumericEquals":0}`, `{"v":0.0}`, true},
		{`{"Variable":"$.v","NumericEquals":1}`, `{"v":"1"}`, false},
		{`{"Variable":"$.v","NumericLessThan":1.5}`, `{"v":1}`, true},
		{`{"Variable":"$.v","NumericGreaterThanPath":"$.w"}`, `{"v":2,"w":1.5}`, true},
		{`{"Variable":"$.v","NumericGreaterThanPath":"$.w"}`, `{"v":2,"w":"1"}`, false},
		{`{"Variable":"$.v","BooleanEquals":false}`, `{"v":0}`, false},
		{`{"Variable":"$.v","BooleanEquals":false}`, `{"v":false}`, true},
		{`{"Variable":"$.v","BooleanEqualsPath":"$.w"}`, `{"v":true,"w":true}`, true},
		{`{"Variable":"$.v","IsNull":true}`, `{"v":null}`, true},
		{`{"Variable":"$.v","IsNull":false}`, `{"v":0}`, true},
		{`{"Variable":"$.v","IsBoolean":false}`, `{"v":null}`, true},
		{`{"Variable":"$.v","IsNumeric":true}`, `{"v":1.5}`, true},
		{`{"Variable":"$.v","IsString":true}`, `{"v":[]}`, false},
		{`{"Variable":"$.v","IsPresent":true}`, `{"v":null}`, true},
		{`{"Variable":"$.v","IsPresent":true}`, `{"v":{}}`, true},
		{`{"Variable":"$.v","IsPresent":false}`, `{}`, true},
		{`{"Variable":"$.a.b.c","IsPresent":true}`, `{}`, false},
		{`{"Variable":"$.v","IsTimestamp":true}`, `{"v":"2016-03-14T01:59:00Z"}`, true},
		{`{"Variable":"$.v","IsTimestamp":true}`, `{"v":"2016-12-05T21:29:29"}`, false},
		{`{"Variable":"$.v","TimestampEquals":"2012-10-09T19:00:55Z"}`, `{"v":"2012-10-09T20:00:55+01:00"}`, true},
		{`{"Variable":"$.v","TimestampLessThan":"2012-10-09T19:00:56Z"}`, `{"v":"2012-10-09T19:00:55.5Z"}`, true},
		{`{"Variable":"$.v","TimestampEquals":"2012-10-09T19:00:55Z"}`, `{"v":null}`, false},
		{`{"Variable":"$.v","TimestampGreaterThanEqualsPath":"$.w"}`, `{"v":"2012-10-09T19:00:55Z","w":"2012-10-09T19:00:55Z"}`, true},
		{`{"Variable":"$.v","StringMatches":"foo*.log"}`, `{"v":"foo23.log"}`, true},
		{`{"Variable":"$.v","StringMatches":"*.log"}`, `{"v":"zebra.log"}`, true},
		{`{"Variable":"$.v","StringMatches":"foo*.*"}`, `{"v":"foobar.zebra"}`, true},
		{`{"Variable":"$.v","StringMatches":"foo*.log"}`, `{"v":"foo23.txt"}`, false},
		{`{"Variable":"$.v","StringMatches":"a\\*b"}`, `{"v":"a*b"}`, true},
		{`{"Variable":"$.v","StringMatches":"a\\*b"}`, `{"v":"axb"}`, false},
		{`{"Variable":"$.v","StringMatches":"a\\\\b"}`, `{"v":"a\\b"}`, true},
		{`{"Variable":"$.v","StringMatches":"*"}`, `{"v":""}`, true},
		{`{"Variable":"$.v","StringMatches":"a*a"}`, `{"v":"a"}`, false},
		{`{"Variable":"$.v","StringMatches":"x"}`, `{"v":1}`, false},
		{`{"And":[{"Variable":"$.a","NumericEquals":1},{"Variable":"$.b","StringEquals":"x"}]}`, `{"a":1,"b":"x"}`, true},
		{`{"Or":[{"Variable":"$.a","NumericEquals":2},{"Variable":"$.b","StringEquals":"x"}]}`, `{"a":1,"b":"x"}`, true},
		{`{"Not":{"Variable":"$.a","NumericEquals":1}}`, `{"a":1}`, false},
		// Short-circuit: the missing path after a decided Or is not evaluated.
		{`{"Or":[{"Variable":"$.a","NumericEquals":1},{"Variable":"$.missing","NumericEquals":1}]}`, `{"a":1}`, true},
		{`{"Variable":"$$.State.Name","StringEquals":"Check"}`, `{}`, true},
		{`{"Variable":"$limit","NumericLessThanEquals":10}`, `{}`, true},
	}
	ctx := &Context{
		Object: map[string]any{"State": map[string]any{"Name": "Check"}},
		Vars: func(name string) (any, bool) {
			if name == "limit" {
				return 10.0, true
			}
			return nil, false
		},
	}
	for _, tt := range tests {
		r, err := CompileRule(mustJSON(t, tt.rule))
		if err != nil {
			t.Errorf("CompileRule(%s): %v", tt.rule, err)
			continue
		}
		got, err := r.Eval(mustJSON(t, tt.input), ctx)
		if err != nil {
			t.Errorf("%s on %s: %v", tt.rule, tt.input, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s on %s = %v, want %v", tt.rule, tt.input, got, tt.want)
		}
	}
}

func TestRuleEvalMissingPath(t *testing.T) {
	tests := []struct {
		rule, input, cause string
	}{
		{`{"Variable":"$.x","NumericEquals":1}`, `{}`, `Invalid path '$.x': The choice state's condition path references an invalid value.`},
		{`{"Variable":"$.v","StringEqualsPath":"$.w"}`, `{"v":"a"}`, `Invalid path '$.w': The choice state's condition path references an invalid value.`},
		{`{"Not":{"Variable":"$.x","IsNull":true}}`, `{}`, `Invalid path '$.x': The choice state's condition path references an invalid value.`},
	}
	for _, tt := range tests {
		r, err := CompileRule(mustJSON(t, tt.rule))
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Eval(mustJSON(t, tt.input), nil)
		e, ok := err.(*Error)
		if !ok || e.Name != ErrRuntime || e.Cause != tt.cause {
			t.Errorf("%s on %s: got %v, want States.Runtime %q", tt.rule, tt.input, err, tt.cause)
		}
	}
}

func TestStringMatchesBadEscapeFailsAtRuntime(t *testing.T) {
	r, err := CompileRule(mustJSON(t, `{"Variable":"$.v","StringMatches":"a\\b"}`))
	if err != nil {
		t.Fatalf("the pattern is a runtime error, not a compile error: %v", err)
	}
	if _, err := r.Eval(map[string]any{"v": "ab"}, nil); err == nil {
		t.Error("an unpaired escape must fail the evaluation")
	}
}

func TestCompileRuleRejects(t *testing.T) {
	for _, rule := range []string{
		`{"Variable":"$.v","NumericEquals":"1"}`,
		`{"Variable":"$.v","StringEquals":1}`,
		`{"Variable":"$.v","IsNull":"true"}`,
		`{"Variable":"$.v","TimestampEquals":"2016-12-05 21:29:29Z"}`,
		`{"Variable":"$.v","StringEquals":"a","NumericEquals":1}`,
		`{"Variable":"$.v"}`,
		`{"StringEquals":"a"}`,
		`{"Variable":"$.v","Bogus":1}`,
		`{"And":[]}`,
		`{"Not":1}`,
		`[]`,
	} {
		if _, err := CompileRule(mustJSON(t, rule)); err == nil {
			t.Errorf("CompileRule(%s) succeeded, want an error", rule)
		}
	}
}

// Rejections from paths.md §6.4 (recorded on AWS for Wait) and the Java
// ISO_OFFSET_DATE_TIME grammar AWS names in those errors.
func TestParseTimestamp(t *testing.T) {
	valid := []struct {
		in   string
		unix int64
	}{
		{"2016-03-14T01:59:00Z", 1457920740},
		{"2012-10-09T19:00:55+01:00", 1349805655},
		{"2016-03-14T01:59:00.123Z", 1457920740},
		{"2016-03-14T01:59:00.123456789-07:30", 1457947740},
		{"2016-03-14T01:59Z", 1457920740},
		{"2016-03-14t01:59:00z", 1457920740},
		{"2016-03-14T01:59:00+0100", 1457917140},
		{"2016-03-14T01:59:00+01", 1457917140},
		{"2024-02-29T00:00:00Z", 1709164800},
		{"2026-11-25T13:27:01.000000Z", 1795613221},
	}
	for _, tt := range valid {
		got, ok := ParseTimestamp(tt.in)
		if !ok {
			t.Errorf("%s must parse", tt.in)
			continue
		}
		if got.Unix() != tt.unix {
			t.Errorf("%s = %d, want %d", tt.in, got.Unix(), tt.unix)
		}
	}
	for _, s := range []string{
		"2016-12-05T21:29:29", "2016-12-05 21:29:29Z", "05-12-2016T21:29:29Z", "2016-13-05T21:29:29Z",
		"2016-12-05T25:29:29Z", "2023-02-24", "2026-11-25T13:27:01.000000", "2023-02-29T00:00:00Z",
		"2016-03-14T01:59:60Z", "2016-03-14T24:00:00Z", "2016-03-14T01:59:00.Z", "2016-03-14T01:59:00.1234567890Z",
		"2016-03-14T01:59:00+19:00", "2016-03-14T01:59:00+01:", "2016-03-14T1:59:00Z", "", "x",
	} {
		if _, ok := ParseTimestamp(s); ok {
			t.Errorf("%s must not parse", s)
		}
	}
}

func TestCompareJavaStrings(t *testing.T) {
	// Java compares UTF-16 code units: U+FFFF sorts after U+10000 (a
	// surrogate pair starting 0xD800).
	if compareJavaStrings("\U00010000", "\uFFFF") >= 0 {
		t.Error("U+10000 must sort before U+FFFF in UTF-16 order")
	}
	if compareJavaStrings("A", "AB") >= 0 || compareJavaStrings("b", "a") <= 0 || compareJavaStrings("x", "x") != 0 {
		t.Error("basic ordering is wrong")
	}
}

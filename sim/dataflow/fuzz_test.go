package dataflow

import (
	"testing"
	"time"
)

var fuzzInput = map[string]any{
	"a":     map[string]any{"b": []any{1.0, "x", nil, true, map[string]any{"c": 2.5}}},
	"s":     "1,2,3",
	"n":     -1.5,
	"arr":   []any{3.0, 1.0, 2.0, 3.0},
	"json":  `{"k":[1,2]}`,
	"empty": map[string]any{},
}

var fuzzCtx = &Context{
	Object: map[string]any{"Execution": map[string]any{"Name": "e", "Input": fuzzInput}},
	Vars: func(name string) (any, bool) {
		v, ok := fuzzInput[name]
		return v, ok
	},
}

// FuzzTemplate compiles arbitrary JSON as a payload template and applies it.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		`{"a.$":"$.a.b[0]","b":{"c.$":"$$.Execution.Name"},"d":[{"e.$":"$s"}]}`,
		`{"f.$":"States.Format('{} {}', $.s, States.ArrayLength($.arr))"}`,
		`{"x.$":"$..c","y.$":"$.a.b[?(@.c > 1)]","z.$":"$.arr[1:3]"}`,
		`{"u.$":"States.JsonMerge($.a, $.empty, false)","v.$":"States.StringToJson($.json)"}`,
		`[1,{"a.$":"$"}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := DecodeJSON([]byte(text))
		if err != nil {
			return
		}
		tmpl, err := CompileTemplate(v)
		if err != nil {
			return
		}
		tmpl.Apply(fuzzInput, fuzzCtx)
	})
}

// FuzzIntrinsic evaluates arbitrary intrinsic call text.
func FuzzIntrinsic(f *testing.F) {
	for _, s := range []string{
		`States.Format('x{}y\{', $.s)`,
		`States.ArrayRange(1, 9, 2)`,
		`States.ArrayPartition($.arr, 2)`,
		`States.Hash($.s, 'SHA-512')`,
		`States.MathRandom(1, 10, 3)`,
		`States.UUID()`,
		`States.StringSplit($.s, ',')`,
		`States.Base64Decode(States.Base64Encode($.s))`,
		`States.ArrayGetItem(States.ArrayUnique($.arr), -1)`,
		`States.MathAdd($.n, 2147483647)`,
		`States.ArrayContains($.a.b, $.a.b[4])`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		EvalIntrinsic(text, fuzzInput, fuzzCtx)
	})
}

// FuzzPath compiles and evaluates arbitrary paths, and uses them as
// ResultPaths.
func FuzzPath(f *testing.F) {
	for _, s := range []string{`$.a.b[4].c`, `$..c`, `$.a.b[-1:]`, `$['a']['b'][0,1]`, `$$.Execution.Input.s`, `$n`, `$.a.b[?(@ == 'x')]`, `$.x.y.z`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if p, err := CompilePath(text); err == nil {
			p.Get(fuzzInput, fuzzCtx)
			p.GetField(fuzzInput, fuzzCtx, "f.$")
		}
		ApplyResultPath(&text, fuzzInput, 1.0)
	})
}

// FuzzRule compiles arbitrary JSON as a Choice rule and evaluates it.
func FuzzRule(f *testing.F) {
	for _, s := range []string{
		`{"Variable":"$.s","StringMatches":"1*\\*"}`,
		`{"And":[{"Variable":"$.n","NumericLessThanPath":"$.a.b[0]"},{"Not":{"Variable":"$.x","IsPresent":true}}]}`,
		`{"Variable":"$.s","TimestampEqualsPath":"$.s"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := DecodeJSON([]byte(text))
		if err != nil {
			return
		}
		if r, err := CompileRule(v); err == nil {
			r.Eval(fuzzInput, fuzzCtx)
		}
	})
}

// FuzzParseTimestamp checks that parsing never panics and that whatever
// parses survives a round trip through RFC 3339 text.
func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"2016-03-14T01:59:00Z", "2012-10-09T19:00:55.5+01:00", "2016-03-14t01:59z", "2016-03-14T01:59:00+0100", "2016-03-14T01:59:00+01:00:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, ok := ParseTimestamp(s)
		if !ok || ts.UTC().Year() < 1 || ts.UTC().Year() > 9999 {
			return // outside four-digit years the UTC text needs a sign
		}
		back, ok := ParseTimestamp(ts.UTC().Format(time.RFC3339Nano))
		if !ok || !back.Equal(ts) {
			t.Fatalf("%q parsed as %v, which does not round-trip", s, ts)
		}
	})
}

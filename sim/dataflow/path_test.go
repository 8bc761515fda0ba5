package dataflow

import (
	"errors"
	"testing"
)

func TestPathGet(t *testing.T) {
	tests := []struct {
		path, input, want string
	}{
		{`$`, `{"a":1}`, `{"a":1}`},
		{`$.a.b`, `{"a":{"b":[1,2]}}`, `[1,2]`},
		{`$.a.b[1]`, `{"a":{"b":[1,2]}}`, `2`},
		{`$.a.b[-1]`, `{"a":{"b":[1,2,3]}}`, `3`},
		{`$['a']['b c']`, `{"a":{"b c":true}}`, `true`},
		{`$.a`, `{"a":null}`, `null`},
		// paths.md: multiple matches are gathered into an array.
		{`$.a[0,1]`, `{"a":[1,2,3,4]}`, `[1,2]`},
		{`$.a[0:2]`, `{"a":[1,2,3,4]}`, `[1,2]`},
		{`$..price`, `{"x":{"price":1},"y":[{"price":2}]}`, `[1,2]`},
		{`$.a[*].b`, `{"a":[{"b":1},{"b":2}]}`, `[1,2]`},
		// Recorded (test_state_pass_regex_json_path_base).
		{`$.users[?(@.status == 0)]`, `{"users":[{"year":1997,"status":0},{"year":1998,"status":1}]}`, `[{"year":1997,"status":0}]`},
		// Recorded (test_json_path_array_wildcard_or_slice_with_no_input): an
		// indefinite path through a missing field yields [].
		{`$.item.items[1:]`, `{}`, `[]`},
		// Deterministic order: object members by sorted key, deep scans
		// parent before descendants, unions as listed.
		{`$..price`, `{"price":0,"b":{"price":2},"a":{"x":{"price":1}}}`, `[0,1,2]`},
		{`$.*`, `{"b":2,"a":1,"c":3}`, `[1,2,3]`},
		{`$.a[2,0]`, `{"a":[10,11,12]}`, `[12,10]`},
		{`$['b','a']`, `{"a":1,"b":2}`, `[2,1]`},
		{`$.a[-2:]`, `{"a":[1,2,3]}`, `[2,3]`},
		{`$.a[:-1]`, `{"a":[1,2,3]}`, `[1,2]`},
		{`$.a[?(@.n > 1)].n`, `{"a":[{"n":1},{"n":2},{"n":3}]}`, `[2,3]`},
		{`$.a[?(@.s == 'x')]`, `{"a":[{"s":"x"},{"s":"y"}]}`, `[{"s":"x"}]`},
		{`$..[0]`, `{"a":[[1,2],[3]]}`, `[[1,2],1,3]`},
		// paths.md §3: ResultSelector flattening example.
		{`$[*][*]`, `[[1,2],[3]]`, `[1,2,3]`},
	}
	for _, tt := range tests {
		p, err := CompilePath(tt.path)
		if err != nil {
			t.Errorf("CompilePath(%s): %v", tt.path, err)
			continue
		}
		got, err := p.Get(mustJSON(t, tt.input), nil)
		if err != nil {
			t.Errorf("%s on %s: %v", tt.path, tt.input, err)
			continue
		}
		if !DeepEqual(got, mustJSON(t, tt.want)) {
			t.Errorf("%s on %s = %s, want %s", tt.path, tt.input, EncodeJSON(got), tt.want)
		}
	}
}

// The causes are AWS's recorded texts (errors.md §1.2, test_invalid_jsonpath,
// test_catch_states_runtime) or Jayway's messages for the same situations.
func TestPathGetErrors(t *testing.T) {
	tests := []struct {
		path, input, cause string
	}{
		{`$.NoSuchInputPath`, `{}`, `Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']`},
		{`$.no.such.result.path`, `{}`, `Invalid path '$.no.such.result.path' : Missing property in path $['no']`},
		{`$.a[3]`, `{"a":[1]}`, `Invalid path '$.a[3]' : No results for path: $['a'][3]`},
		{`$.a.b`, `{"a":null}`, `Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but found 'null'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.`},
		{`$.a[0]`, `{"a":null}`, `Invalid path '$.a[0]' : The path $['a'] is null`},
	}
	for _, tt := range tests {
		p := MustCompilePath(tt.path)
		_, err := p.Get(mustJSON(t, tt.input), nil)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s on %s: got %v, want an error", tt.path, tt.input, err)
			continue
		}
		if e.Name != ErrRuntime || e.Cause != tt.cause {
			t.Errorf("%s on %s:\n got %s %q\nwant States.Runtime %q", tt.path, tt.input, e.Name, e.Cause, tt.cause)
		}
	}
}

func TestPathRoots(t *testing.T) {
	ctx := &Context{
		Object: map[string]any{"Execution": map[string]any{"Input": map[string]any{"x": 1.0}}},
		Vars: func(name string) (any, bool) {
			v, ok := map[string]any{"count": 3.0, "obj": map[string]any{"k": []any{"v"}}}[name]
			return v, ok
		},
	}
	tests := []struct {
		path string
		want any
	}{
		{`$$.Execution.Input.x`, 1.0},
		{`$count`, 3.0},
		{`$obj.k[0]`, "v"},
	}
	for _, tt := range tests {
		got, err := MustCompilePath(tt.path).Get(map[string]any{}, ctx)
		if err != nil || !DeepEqual(got, tt.want) {
			t.Errorf("%s = %v, %v; want %v", tt.path, got, err, tt.want)
		}
	}
	if _, ok := MustCompilePath(`$nope`).Lookup(nil, ctx); ok {
		t.Error("an undefined variable must not be found")
	}
	if _, ok := MustCompilePath(`$$.Execution`).Lookup(nil, nil); ok {
		t.Error("$$ with no Context must not be found")
	}
}

func TestGetFieldCause(t *testing.T) {
	// Recorded: test_invalid_jsonpath INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH
	// and INVALID_JSONPATH_IN_ERRORPATH (input masked there; compact JSON here).
	_, err := MustCompilePath(`$.no_such_jsonpath`).GetField(mustJSON(t, `{"a":[1, "x"]}`), nil, "value.$")
	want := `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"a":[1,"x"]}'`
	if e, ok := err.(*Error); !ok || e.Cause != want || e.Name != ErrRuntime {
		t.Errorf("got %v\nwant States.Runtime: %s", err, want)
	}
}

func TestSelectNullPath(t *testing.T) {
	var p *Path // InputPath: null / OutputPath: null
	got, err := p.Select(mustJSON(t, `{"a":1}`), nil)
	if err != nil || !DeepEqual(got, map[string]any{}) {
		t.Errorf("null path selected %v, %v; want {}", got, err)
	}
}

func TestCompilePathRejects(t *testing.T) {
	for _, s := range []string{``, `a.b`, `$.a[`, `$.a[?(@.x`} {
		if _, err := CompilePath(s); err == nil {
			t.Errorf("CompilePath(%q) succeeded, want an error", s)
		}
	}
}

func TestNilReceivers(t *testing.T) {
	in := map[string]any{"a": 1.0}
	var p *Path
	if v, err := p.Get(in, nil); err != nil || !DeepEqual(v, map[string]any{}) {
		t.Errorf("nil Path.Get = %v, %v; want {} (a null path)", v, err)
	}
	var tmpl *Template
	if v, err := tmpl.Apply(in, nil); err != nil || !DeepEqual(v, in) {
		t.Errorf("nil Template.Apply = %v, %v; want the input", v, err)
	}
	var rp *ResultPath
	if v, err := rp.Apply(in, 2.0); err != nil || !DeepEqual(v, in) {
		t.Errorf("nil ResultPath.Apply = %v, %v; want the input", v, err)
	}
	var r *Rule
	if ok, err := r.Eval(in, nil); ok || err != nil {
		t.Errorf("nil Rule.Eval = %v, %v; want false", ok, err)
	}
}

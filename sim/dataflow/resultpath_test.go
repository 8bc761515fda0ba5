package dataflow

import (
	"testing"
)

func strPtr(s string) *string { return &s }

// Examples from paths.md §2.2 (AWS documentation).
func TestApplyResultPath(t *testing.T) {
	tests := []struct {
		ref                 *string
		input, result, want string
	}{
		{strPtr("$"), `{"a":1}`, `"Hi!"`, `"Hi!"`},
		{nil, `{"a":1}`, `"Hi!"`, `{"a":1}`},
		{strPtr("$.b.greeting"), `{"a":1}`, `"Hi!"`, `{"a":1,"b":{"greeting":"Hi!"}}`},
		{strPtr("$.master.detail"), `{"master":{"detail":[1,2,3]}}`, `6`, `{"master":{"detail":6}}`},
		{strPtr("$.master.result.sum"), `{"master":{"detail":[1,2,3]}}`, `6`, `{"master":{"detail":[1,2,3],"result":{"sum":6}}}`},
		{strPtr("$.data.lambdaresult"), `{"comment":"c","data":{"val1":23,"val2":17}}`, `"Hello, AWS Step Functions!"`, `{"comment":"c","data":{"val1":23,"val2":17,"lambdaresult":"Hello, AWS Step Functions!"}}`},
		{strPtr("$.list[1]"), `{"list":[1,2,3]}`, `"x"`, `{"list":[1,"x",3]}`},
		{strPtr("$['odd key']"), `{}`, `1`, `{"odd key":1}`},
	}
	for _, tt := range tests {
		input := mustJSON(t, tt.input)
		before := EncodeJSON(input)
		got, err := ApplyResultPath(tt.ref, input, mustJSON(t, tt.result))
		if err != nil {
			t.Errorf("%v: %v", tt.ref, err)
			continue
		}
		if !DeepEqual(got, mustJSON(t, tt.want)) {
			t.Errorf("ResultPath %s on %s with %s = %s, want %s", deref(tt.ref), tt.input, tt.result, EncodeJSON(got), tt.want)
		}
		if EncodeJSON(input) != before {
			t.Errorf("ResultPath %s modified its input", deref(tt.ref))
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func TestApplyResultPathFailures(t *testing.T) {
	tests := []struct {
		ref, input string
		name       string
	}{
		// paths.md: raw input "foo" cannot hold $.x.
		{"$.x", `"foo"`, ErrResultPathMatch},
		{"$.a.b", `{"a":"str"}`, ErrResultPathMatch},
		{"$.a[5]", `{"a":[1]}`, ErrResultPathMatch},
		// Not reference paths / forbidden roots.
		{"$.a[*]", `{}`, ErrRuntime},
		{"$$.Execution", `{}`, ErrRuntime},
		{"$var.x", `{}`, ErrRuntime},
	}
	for _, tt := range tests {
		_, err := ApplyResultPath(strPtr(tt.ref), mustJSON(t, tt.input), 1.0)
		e, ok := err.(*Error)
		if !ok || e.Name != tt.name {
			t.Errorf("ResultPath %s on %s: got %v, want %s", tt.ref, tt.input, err, tt.name)
		}
	}
}

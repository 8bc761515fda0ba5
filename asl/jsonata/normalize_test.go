package jsonata

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Go integers, float32 and json.Number are numbers at any depth of the
// input and of the bindings (syntax.Node.Interface and the decoders give
// int64 for JSON integers); the caller's values are left as they were.
func TestNestedGoNumbersAreNumbers(t *testing.T) {
	input := map[string]any{
		"items": []any{int64(1), int(2), json.Number("3.5"), float32(0.5)},
		"deep":  map[string]any{"n": []any{map[string]any{"v": uint8(4)}}},
	}
	ordered := &Object{Keys: []string{"a", "b"}, Values: map[string]any{"a": int32(5), "b": "x"}}
	bindings := map[string]any{
		"nums":  []any{int64(3), int64(4)},
		"n":     map[string]any{"size": int64(2), "to": int64(3)},
		"obj":   ordered,
		"mixed": []any{"s", []any{int64(7)}},
	}
	tests := []struct {
		expr string
		want any
	}{
		{"$sum(items)", 7.0},
		{"deep.n[0].v + 1", 5.0},
		{"$sum($nums)", 7.0},
		{"$nums[1] * 2", 8.0},
		{"[1..$n.to]", []any{1.0, 2.0, 3.0}},
		{"$obj.a * 2", 10.0},
		{"$mixed[1][0] = 7", true},
		{"$string($nums)", "[3,4]"},
	}
	for _, tc := range tests {
		got := eval(t, tc.expr, input, bindings)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.expr, diff)
		}
	}
	if _, isInt := input["items"].([]any)[0].(int64); !isInt {
		t.Error("the caller's input was modified")
	}
	if _, isInt := ordered.Values["a"].(int32); !isInt {
		t.Error("the caller's *Object was modified")
	}
}

// Step Functions' $partition and $range take nested integers.
func TestStepFunctionsNestedIntegers(t *testing.T) {
	bindings := map[string]any{"states": map[string]any{"input": map[string]any{
		"list": []any{int64(1), int64(2), int64(3)}, "size": int64(2), "end": int64(3),
	}}}
	got := eval(t, "$partition($states.input.list, $states.input.size)", nil, bindings, WithStepFunctions())
	if diff := cmp.Diff([]any{[]any{1.0, 2.0}, []any{3.0}}, got); diff != "" {
		t.Errorf("$partition (-want +got):\n%s", diff)
	}
	got = eval(t, "$range(1, $states.input.end, 1)", nil, bindings, WithStepFunctions())
	if diff := cmp.Diff([]any{1.0, 2.0, 3.0}, got); diff != "" {
		t.Errorf("$range (-want +got):\n%s", diff)
	}
}

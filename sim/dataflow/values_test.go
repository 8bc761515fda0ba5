package dataflow

import (
	"encoding/json"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		// Recorded: JsonToString of 1 and 1.1 (test_json_to_string.2/.3).
		{1.0, "1"},
		{1.1, "1.1"},
		{-6.0, "-6"},
		// Recorded: StringToJson("-0") gives 0.
		{json.Number("-0"), "0"},
		// Java's Double.toString for values Jackson reads as doubles.
		{json.Number("1.0"), "1.0"},
		{json.Number("1e2"), "100.0"},
		{0.00001, "1.0E-5"},
		{12345678.9, "1.23456789E7"},
		{0.001, "0.001"},
		{int64(9007199254740993), "9007199254740993"},
		{json.Number("12345678901234567890"), "12345678901234567890"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncodeJSON(t *testing.T) {
	tests := []struct {
		in   string // JSON
		want string
	}{
		// intrinsics.md: JsonToString observations.
		{`null`, `null`},
		{`"HelloWorld"`, `"HelloWorld"`},
		{`{"Arg1": 1, "Arg2": []}`, `{"Arg1":1,"Arg2":[]}`},
		{`{"foo": "bar"}`, `{"foo":"bar"}`},
		{`[1, 2, "HelloWorld"]`, `[1,2,"HelloWorld"]`},
		// Jackson does not escape HTML characters.
		{`"<a&b>"`, `"<a&b>"`},
		{`"tab\tquote\"back\\"`, `"tab\tquote\"back\\"`},
	}
	for _, tt := range tests {
		v, err := DecodeJSON([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := EncodeJSON(v); got != tt.want {
			t.Errorf("EncodeJSON(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestJavaText(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		// intrinsics.md: States.Format renders objects and arrays Java-style.
		{`{"Arg1": 1, "Arg2": []}`, `{Arg1=1, Arg2=[]}`},
		{`["a", "b"]`, `[a, b]`},
		{`null`, `null`},
		{`true`, `true`},
		{`2020`, `2020`},
		{`"Foo"`, `Foo`},
	}
	for _, tt := range tests {
		v, err := DecodeJSON([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := javaText(v); got != tt.want {
			t.Errorf("javaText(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDeepEqualNumbersByValue(t *testing.T) {
	if !DeepEqual(map[string]any{"a": []any{1.0, int64(2)}}, map[string]any{"a": []any{int64(1), json.Number("2.0")}}) {
		t.Error("numbers of different Go types but equal value must be equal")
	}
	if DeepEqual([]any{1.0}, []any{"1"}) {
		t.Error("a number and a string are not equal")
	}
}

func TestDecodeJSONRejectsTrailingData(t *testing.T) {
	for _, in := range []string{`{} {}`, `1 2`, `"a"x`} {
		if _, err := DecodeJSON([]byte(in)); err == nil {
			t.Errorf("DecodeJSON(%q) succeeded, want an error", in)
		}
	}
	if _, err := DecodeJSON([]byte(" {\"a\":1} \n")); err != nil {
		t.Errorf("surrounding whitespace must be accepted: %v", err)
	}
}

package dataflow

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"testing"
)

func mustJSON(t testing.TB, s string) any {
	t.Helper()
	v, err := DecodeJSON([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// Expected values come from intrinsics.md (AWS documentation examples and
// recorded AWS results), not from this implementation.
func TestIntrinsics(t *testing.T) {
	tests := []struct {
		call, input, want string
	}{
		{`States.Format('Hello, my name is {}.', $.name)`, `{"name":"Arnav"}`, `"Hello, my name is Arnav."`},
		{`States.Format($.template, $.name)`, `{"name":"Arnav","template":"Hello, my name is {}."}`, `"Hello, my name is Arnav."`},
		{`States.Format('Your name is {}, we are in the year {}', $.name, 2020)`, `{"name":"Foo"}`, `"Your name is Foo, we are in the year 2020"`},
		{`States.Format('Formatting argument {}.', $.v)`, `{"v":null}`, `"Formatting argument null."`},
		{`States.Format('{}', $.v)`, `{"v":{"Arg1":1,"Arg2":[]}}`, `"{Arg1=1, Arg2=[]}"`},
		{`States.Format('Formatting arguments fst={} and snd={}.', $.a, $.b)`, `{"a":" ","b":" "}`, `"Formatting arguments fst=  and snd= ."`},
		{`States.Format('\{\} {}', 'x')`, `{}`, `"{} x"`},
		{`States.StringToJson($.s)`, `{"s":"{\"foo\": \"bar\"}"}`, `{"foo":"bar"}`},
		{`States.StringToJson($.s)`, `{"s":""}`, `null`},
		{`States.StringToJson($.s)`, `{"s":" "}`, `null`},
		{`States.StringToJson($.s)`, `{"s":"-0"}`, `0`},
		{`States.StringToJson($.s)`, `{"s":"1.1"}`, `1.1`},
		{`States.StringToJson($.s)`, `{"s":"\"HelloWorld\""}`, `"HelloWorld"`},
		{`States.JsonToString($.v)`, `{"v":{"foo":"bar"}}`, `"{\"foo\":\"bar\"}"`},
		{`States.JsonToString($.v)`, `{"v":null}`, `"null"`},
		{`States.JsonToString($.v)`, `{"v":"HelloWorld"}`, `"\"HelloWorld\""`},
		{`States.Array($.Id)`, `{"Id":123456}`, `[123456]`},
		{`States.Array('Foo', 2020, $.someJson, null)`, `{"someJson":{"a":1}}`, `["Foo",2020,{"a":1},null]`},
		{`States.Array()`, `{}`, `[]`},
		{`States.ArrayPartition($.a, 4)`, `{"a":[1,2,3,4,5,6,7,8,9]}`, `[[1,2,3,4],[5,6,7,8],[9]]`},
		{`States.ArrayPartition($.a, 2)`, `{"a":[]}`, `[]`},
		{`States.ArrayContains($.a, $.x)`, `{"a":[1,2,3,4,5,6,7,8,9],"x":5}`, `true`},
		{`States.ArrayContains($.a, $.x)`, `{"a":[[1,2,3],2],"x":[1,2,3]}`, `true`},
		{`States.ArrayContains($.a, $.x)`, `{"a":[{"1":2,"2":[]}],"x":[]}`, `false`},
		{`States.ArrayRange(1, 9, 2)`, `{}`, `[1,3,5,7,9]`},
		{`States.ArrayRange(0, 10, 3)`, `{}`, `[0,3,6,9]`},
		{`States.ArrayRange(1, 9, 9)`, `{}`, `[1]`},
		{`States.ArrayGetItem($.a, $.i)`, `{"a":[1,2,3,4,5,6,7,8,9],"i":5}`, `6`},
		{`States.ArrayLength($.a)`, `{"a":[1,2,3,4,5,6,7,8,9]}`, `9`},
		{`States.ArrayUnique($.a)`, `{"a":[1,2,3,3,3,3,3,3,4]}`, `[1,2,3,4]`},
		{`States.ArrayUnique($.a)`, `{"a":[{"a":1},{"a":1},[null],[null]]}`, `[{"a":1},[null]]`},
		{`States.Base64Encode($.s)`, `{"s":"Data to encode"}`, `"RGF0YSB0byBlbmNvZGU="`},
		{`States.Base64Decode($.s)`, `{"s":"RGF0YSB0byBlbmNvZGU="}`, `"Data to encode"`},
		{`States.Base64Decode($.s)`, `{"s":""}`, `""`},
		{`States.Hash($.Data, $.Algorithm)`, `{"Data":"input data","Algorithm":"SHA-1"}`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{`States.Hash('input data', 'MD5')`, `{}`, `"812f45842bc6d66ee14572ce20db8e86"`},
		{`States.Hash('input data', 'SHA-256')`, `{}`, `"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"`},
		{`States.Hash('input data', 'SHA-384')`, `{}`, `"d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562"`},
		{`States.JsonMerge($.json1, $.json2, false)`, `{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}`, `{"a":{"a3":1,"a4":2},"b":2,"c":3}`},
		{`States.MathAdd($.value1, $.step)`, `{"value1":111,"step":-1}`, `110`},
		{`States.MathAdd($.a, 0)`, `{"a":0.5}`, `1`},
		{`States.MathAdd($.a, 0)`, `{"a":1.5}`, `2`},
		{`States.MathAdd($.a, 0)`, `{"a":2.5}`, `3`},
		{`States.MathAdd($.a, 0)`, `{"a":-0.5}`, `0`},
		{`States.MathAdd($.a, 0)`, `{"a":-1.5}`, `-1`},
		{`States.MathAdd($.a, 0)`, `{"a":-2.5}`, `-2`},
		{`States.MathAdd($.a, 0)`, `{"a":1.49}`, `1`},
		{`States.MathAdd($.a, 0)`, `{"a":-1.51}`, `-2`},
		{`States.StringSplit($.s, ',')`, `{"s":"1,2,3,4,5"}`, `["1","2","3","4","5"]`},
		{`States.StringSplit($.s, $.d)`, `{"s":"This.is+a,test=string","d":".+,="}`, `["This","is","a","test","string"]`},
		{`States.StringSplit($.s, ',')`, `{"s":",,,,"}`, `[]`},
		{`States.StringSplit($.s, ',')`, `{"s":", , ,"}`, `[" "," "]`},
		{`States.ArrayGetItem(States.StringSplit($.arn, ':'), 3)`, `{"arn":"arn:aws:states:us-east-1"}`, `"us-east-1"`},
		{`States.ArrayLength(States.Array(1, 'a', null))`, `{}`, `3`},
		{`States.Format('{}', $$.Execution.Name)`, `{}`, `"exec-1"`},
		{`States.Format('{}-{}', $who, $who.name)`, `{}`, `"{name=Ann}-Ann"`},
	}
	ctx := &Context{
		Object: map[string]any{"Execution": map[string]any{"Name": "exec-1"}},
		Vars: func(name string) (any, bool) {
			if name == "who" {
				return map[string]any{"name": "Ann"}, true
			}
			return nil, false
		},
	}
	for _, tt := range tests {
		got, err := EvalIntrinsic(tt.call, mustJSON(t, tt.input), ctx)
		if err != nil {
			t.Errorf("%s on %s: %v", tt.call, tt.input, err)
			continue
		}
		if want := mustJSON(t, tt.want); !DeepEqual(got, want) {
			t.Errorf("%s on %s = %s, want %s", tt.call, tt.input, EncodeJSON(got), tt.want)
		}
	}
}

func TestIntrinsicFailures(t *testing.T) {
	tests := []struct {
		call, input string
		name        string
	}{
		{`States.Format('{} {}', 1)`, `{}`, ErrRuntime},
		{`States.Format('{}', 1, 2)`, `{}`, ErrRuntime},
		{`States.StringToJson($.s)`, `{"s":"{"}`, ErrRuntime},
		{`States.StringToJson($.s)`, `{"s":1}`, ErrRuntime},
		{`States.ArrayPartition($.a, 0)`, `{"a":[1]}`, ErrRuntime},
		{`States.ArrayRange(1, 2, 0)`, `{}`, ErrRuntime},
		{`States.ArrayRange(0, 1000, 1)`, `{}`, ErrRuntime}, // 1001 items
		{`States.ArrayGetItem($.a, 3)`, `{"a":[1]}`, ErrRuntime},
		{`States.ArrayLength($.a)`, `{"a":"x"}`, ErrRuntime},
		{`States.Hash('x', 'SHA-3')`, `{}`, ErrRuntime},
		{`States.JsonMerge($.a, $.a, true)`, `{"a":{}}`, ErrRuntime},
		{`States.MathAdd(2147483648, 0)`, `{}`, ErrRuntime},
		{`States.MathRandom(5, 5)`, `{}`, ErrRuntime},
		{`States.Nope(1)`, `{}`, ErrRuntime},
		{`States.UUID(1)`, `{}`, ErrRuntime},
		{`States.ArrayLength($.missing)`, `{}`, ErrRuntime},
	}
	for _, tt := range tests {
		_, err := EvalIntrinsic(tt.call, mustJSON(t, tt.input), nil)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: got %v, want a %s error", tt.call, err, tt.name)
			continue
		}
		if e.Name != tt.name || e.Cause == "" {
			t.Errorf("%s: got %s %q, want %s with a cause", tt.call, e.Name, e.Cause, tt.name)
		}
	}
}

func TestMathRandomAndUUID(t *testing.T) {
	ctx := &Context{Rand: rand.New(rand.NewPCG(1, 2))}
	for range 200 {
		v, err := EvalIntrinsic(`States.MathRandom(-3, 4)`, map[string]any{}, ctx)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := v.(int64)
		if !ok || n < -3 || n >= 4 {
			t.Fatalf("MathRandom(-3, 4) = %v: want an integer in [-3, 4)", n)
		}
	}
	a, _ := EvalIntrinsic(`States.MathRandom(1, 999, 42)`, map[string]any{}, ctx)
	b, _ := EvalIntrinsic(`States.MathRandom(1, 999, 42)`, map[string]any{}, &Context{})
	if a != b {
		t.Errorf("the same seed gave %v and %v", a, b)
	}
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	u1, _ := EvalIntrinsic(`States.UUID()`, map[string]any{}, ctx)
	u2, _ := EvalIntrinsic(`States.UUID()`, map[string]any{}, ctx)
	for _, u := range []any{u1, u2} {
		if s, _ := u.(string); !v4.MatchString(s) {
			t.Errorf("UUID %v is not a version 4 UUID", u)
		}
	}
	if u1 == u2 {
		t.Errorf("two UUIDs from one source are equal: %v", u1)
	}
}

// Known java.util.Random outputs: new Random(42).nextInt(10) == 0,
// new Random(0).nextInt(100) == 60, new Random(1).nextInt(6) == 3.
func TestJavaRandom(t *testing.T) {
	tests := []struct {
		seed  int64
		bound int32
		want  int32
	}{
		{42, 10, 0},
		{0, 100, 60},
		{1, 6, 3},
	}
	for _, tt := range tests {
		if got := newJavaRandom(tt.seed).nextInt(tt.bound); got != tt.want {
			t.Errorf("new Random(%d).nextInt(%d) = %d, want %d", tt.seed, tt.bound, got, tt.want)
		}
	}
}

func TestArrayUniqueLarge(t *testing.T) {
	arr := make([]any, 30000)
	for i := range arr {
		arr[i] = map[string]any{"k": int64(i % 100), "v": float64(i % 100)}
	}
	got, err := EvalIntrinsic(`States.ArrayUnique($.a)`, map[string]any{"a": arr}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.([]any)); n != 100 {
		t.Errorf("ArrayUnique kept %d items, want 100", n)
	}
}

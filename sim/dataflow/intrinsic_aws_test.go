package dataflow

import (
	"strings"
	"testing"
)

// Behaviour observed on real AWS executions by a third-party conformance
// suite (cases marked AWS-executable there, or whose notes record what AWS
// returned), and by tests run against AWS asserting error States.Runtime
// with "Invalid arguments in States.MathAdd" in the cause. Where AWS
// disagrees with the documentation (truncation instead of rounding,
// lenient Base64, Java-text comparison in ArrayContains) AWS wins.
func TestIntrinsicsObservedOnAWS(t *testing.T) {
	tests := []struct {
		call, input, want string
	}{
		{`States.ArrayPartition($.arr, 2.6)`, `{"arr":[1,2,3,4,5]}`, `[[1,2],[3,4],[5]]`},
		{`States.ArrayPartition($.arr, 2.4)`, `{"arr":[1,2,3,4,5]}`, `[[1,2],[3,4],[5]]`},
		{`States.ArrayPartition($.arr, 2147483647)`, `{"arr":[1,2,3]}`, `[[1,2,3]]`},
		{`States.ArrayGetItem($.arr, 1.2)`, `{"arr":[10,20,30]}`, `20`},
		{`States.ArrayGetItem($.arr, 999)`, `{"arr":[]}`, `null`},
		{`States.ArrayRange(1.6, 1.4, 1)`, `{}`, `[1]`},
		{`States.ArrayRange(5.4, -0.6, -2.4)`, `{}`, `[5,3,1]`},
		{`States.ArrayRange(1.4, 5.6, 2.2)`, `{}`, `[1,3,5]`},
		{`States.ArrayRange(-2, 2, 2)`, `{}`, `[-2,0,2]`},
		{`States.ArrayRange(3, 3, -1)`, `{}`, `[3]`},
		{`States.ArrayRange(5, 1, -2)`, `{}`, `[5,3,1]`},
		{`States.ArrayRange(5, 1, 1)`, `{}`, `[]`},
		{`States.ArrayContains($.arr, true)`, `{"arr":["true","false","maybe"]}`, `true`},
		{`States.ArrayContains($.arr, $.t)`, `{"arr":["-1","9007199254740991"],"t":9007199254740991}`, `true`},
		{`States.ArrayContains($.arr, false)`, `{"arr":[0,1,-1,-1.5]}`, `false`},
		{`States.ArrayContains($.arr, $.t)`, `{"arr":[{"a":1}],"t":{"a":1,"extra":null}}`, `false`},
		{`States.ArrayContains($.arr, $.t)`, `{"arr":[null,""," ",0,1,true,false,[0,1,false]],"t":[0,1,false]}`, `true`},
		{`States.ArrayContains($.arr, null)`, `{"arr":[1,null,3]}`, `true`},
		{`States.Base64Decode(' YWJjZA== ')`, `{}`, `"abcd"`},
		{`States.Base64Decode('YWJjAGRlZg==')`, `{}`, `"abc\u0000def"`},
		{`States.Base64Decode('44GT44KT44Gr44Gh44Gv')`, `{}`, `"こんにちは"`},
		{`States.Base64Encode('🚀')`, `{}`, `"8J+agA=="`},
		{`States.Hash('hello', 'MD5')`, `{}`, `"5d41402abc4b2a76b9719d911017c592"`},
		{`States.Hash('hello', 'SHA-512')`, `{}`, `"9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"`},
		{`States.Hash($.s, 'MD5')`, `{"s":"abc\u0000def"}`, `"a5e4d5963ae44c1f4bfb37b1a3d55a3c"`},
		{`States.Hash(States.Format('{}:{}', $.a, $.b), 'SHA-256')`, `{"a":"x","b":"y"}`, `"1274e286686b54fe765ec40735665b4bf789cee2a5b22124c5e0491a88e15271"`},
		{`States.Format('{}|{}|{}|{}|{}', $.nil, $.bool, $.negative, $.fractional, $.huge)`, `{"nil":null,"bool":false,"negative":-1,"fractional":3.5,"huge":9007199254740991}`, `"null|false|-1|3.5|9007199254740991"`},
		{`States.Format('Name: \'{}\', Surname: "{}"', $.name, $.surname)`, `{"name":"Gabriel","surname":"Moreira"}`, `"Name: 'Gabriel', Surname: \"Moreira\""`},
		{`States.Format('probe={}', States.JsonToString($.probe))`, `{"probe":[null,""," ",0,1,true,false,[0,1,false]]}`, `"probe=[null,\"\",\" \",0,1,true,false,[0,1,false]]"`},
		{`States.Format('  {}  ', $.a)`, `{"a":"x"}`, `"  x  "`},
		{`States.Format('no placeholders')`, `{}`, `"no placeholders"`},
		{`States.MathAdd($.a, $.b)`, `{"a":1.6,"b":2.7}`, `5`},
		{`States.MathAdd($.a, $.b)`, `{"a":0.1,"b":0.2}`, `0`},
		{`States.MathAdd(2147483646, 1)`, `{}`, `2147483647`},
		{`States.MathAdd(-2147483647, -1)`, `{}`, `-2147483648`},
		{`States.StringSplit($.str, $.delim)`, `{"str":"1+2,3.4","delim":".+,"}`, `["1","2","3","4"]`},
		{`States.StringSplit($.str, ',')`, `{"str":"a,,b"}`, `["a","b"]`},
		{`States.StringSplit($.str, ',')`, `{"str":""}`, `[]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[true,false,true,false]}`, `[false,true]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[[1,2],[1,2],[2,1]]}`, `[[2,1],[1,2]]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[null,null,1,null]}`, `[null,1]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[1,"1",1,"01"]}`, `[1,"1","01"]`},
		{`States.ArrayUnique($.arr)`, `{"arr":["a","b","a","c","b"]}`, `["a","b","c"]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[1,2,1,3,2,4]}`, `[1,2,3,4]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[{"a":1,"b":2},{"b":2,"a":1}]}`, `[{"a":1,"b":2}]`},
		{`States.ArrayUnique($.arr)`, `{"arr":[{"nested":{"x":1}},{"nested":{"x":1}}]}`, `[{"nested":{"x":1}}]`},
		{`States.JsonMerge($.a, $.b, $.deep)`, `{"a":{"x":1},"b":{"y":2},"deep":"false"}`, `{"x":1,"y":2}`},
		{`States.JsonMerge($.a, $.b, false)`, `{"a":{"nested":{"left":true},"keep":1},"b":{"nested":null}}`, `{"nested":null,"keep":1}`},
	}
	for _, tt := range tests {
		got, err := EvalIntrinsic(tt.call, mustJSON(t, tt.input), nil)
		if err != nil {
			t.Errorf("%s on %s: %v", tt.call, tt.input, err)
			continue
		}
		if want := mustJSON(t, tt.want); !DeepEqual(got, want) {
			t.Errorf("%s on %s = %s, want %s", tt.call, tt.input, EncodeJSON(got), tt.want)
		}
	}
	// Lenient decoding succeeds where a strict decoder fails.
	for _, in := range []string{`!!!invalid!!!`, `abc`, `ab==cd`} {
		if _, err := EvalIntrinsic(`States.Base64Decode('`+in+`')`, map[string]any{}, nil); err != nil {
			t.Errorf("Base64Decode(%q) failed: %v; AWS decodes it", in, err)
		}
	}
	// Hash stringifies non-string data instead of failing.
	if got, err := EvalIntrinsic(`States.Hash(123, 'SHA-256')`, map[string]any{}, nil); err != nil || got != "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3" {
		t.Errorf("Hash(123) = %v, %v", got, err)
	}
}

func TestIntrinsicFailuresObservedOnAWS(t *testing.T) {
	tests := []struct {
		call, input string
		cause       string // exact cause, or a fragment when fragment is set
		fragment    bool
	}{
		{`States.MathAdd($.firstNumber, $.secondNumber)`, `{"firstNumber":1,"secondNumber":"NOT A NUMBER"}`,
			`There was an error while evaluating the intrinsic function: States.MathAdd($.firstNumber, $.secondNumber). Invalid arguments in States.MathAdd`, false},
		{`States.MathAdd(2147483647, 1)`, `{}`, `Invalid arguments in States.MathAdd`, true},
		{`States.MathAdd(-2147483648, -1)`, `{}`, `Invalid arguments in States.MathAdd`, true},
		{`States.MathAdd(3000000000, 1)`, `{}`, `Invalid arguments in States.MathAdd`, true},
		{`States.MathAdd('-1', 2)`, `{}`, `Invalid arguments in States.MathAdd`, true},
		{`States.ArrayPartition($.arr, 0.6)`, `{"arr":[1,2,3]}`, `Invalid arguments in States.ArrayPartition`, true},
		{`States.ArrayPartition($.arr, -0.4)`, `{"arr":[1,2,3]}`, `Invalid arguments in States.ArrayPartition`, true},
		{`States.ArrayPartition('not-array', 2)`, `{}`, `Invalid arguments in States.ArrayPartition`, true},
		{`States.ArrayPartition($.arr, null)`, `{"arr":[1]}`, `Invalid arguments in States.ArrayPartition`, true},
		{`States.ArrayRange(1, 10, 0.49)`, `{}`, `Invalid arguments in States.ArrayRange`, true},
		{`States.ArrayRange(1, 1001, 1)`, `{}`, `Invalid arguments in States.ArrayRange`, true},
		{`States.ArrayRange(1001, 1, -1)`, `{}`, `Invalid arguments in States.ArrayRange`, true},
		{`States.ArrayRange('a', 5, 1)`, `{}`, `Invalid arguments in States.ArrayRange`, true},
		{`States.MathRandom(1.4, 1.6)`, `{}`, `Invalid arguments in States.MathRandom`, true},
		{`States.MathRandom(1, 10, null)`, `{}`, `Invalid arguments in States.MathRandom`, true},
		{`States.ArrayGetItem($.arr, 3)`, `{"arr":[10,20,30]}`, `Invalid arguments in States.ArrayGetItem`, true},
		{`States.ArrayGetItem($.arr, -1)`, `{"arr":[10,20,30]}`, `Invalid arguments in States.ArrayGetItem`, true},
		{`States.ArrayContains('not-array', 'x')`, `{}`, `Invalid arguments in States.ArrayContains`, true},
		{`States.Hash('data', 'sha-256')`, `{}`, `Invalid arguments in States.Hash`, true},
		{`States.Hash('hello', 123)`, `{}`, `Invalid arguments in States.Hash`, true},
		{`States.Hash($.s, 'SHA-256')`, `{"s":"` + strings.Repeat("a", 10001) + `"}`, `Invalid arguments in States.Hash`, true},
		{`States.Base64Encode($.s)`, `{"s":"` + strings.Repeat("a", 10001) + `"}`, `Invalid arguments in States.Base64Encode`, true},
		{`States.Base64Encode(123)`, `{}`, `Invalid arguments in States.Base64Encode`, true},
		{`States.Base64Decode($.obj)`, `{"obj":{}}`, `Invalid arguments in States.Base64Decode`, true},
		{`States.Format('Hello {', $.a)`, `{"a":"x"}`, `Invalid template in States.Format`, true},
		{`States.Format('Hello {{}}', $.a)`, `{"a":"x"}`, `Invalid template in States.Format`, true},
		{`States.Format('}')`, `{}`, `Invalid template in States.Format`, true},
		{`States.Format('{} {}', $.a)`, `{"a":"x"}`, `Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.`, true},
		{`States.Hash($.missing, 'SHA-256')`, `{}`, `could not be found in the input '{}'`, true},
		{`States.Base64Encode($.missing)`, `{}`,
			`There was an error while evaluating the intrinsic function: States.Base64Encode($.missing). The JsonPath argument for the field '$.missing' could not be found in the input '{}'`, false},
	}
	for _, tt := range tests {
		_, err := EvalIntrinsic(tt.call, mustJSON(t, tt.input), nil)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%s: got %v, want a States.Runtime failure", clip(tt.call, 80), err)
			continue
		}
		match := e.Cause == tt.cause
		if tt.fragment {
			match = strings.Contains(e.Cause, tt.cause)
		}
		if e.Name != ErrRuntime || !match {
			t.Errorf("%s:\n got %s %q\nwant States.Runtime %q", clip(tt.call, 80), e.Name, clip(e.Cause, 300), tt.cause)
		}
	}
}

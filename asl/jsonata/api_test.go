package jsonata

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func eval(t *testing.T, expr string, input any, bindings map[string]any, opts ...Option) any {
	t.Helper()
	e, err := Compile(expr)
	if err != nil {
		t.Fatalf("compile %q: %v", expr, err)
	}
	v, err := e.Evaluate(input, bindings, opts...)
	if err != nil {
		t.Fatalf("evaluate %q: %v", expr, err)
	}
	return v
}

func evalErr(t *testing.T, expr string, opts ...Option) *Error {
	t.Helper()
	e, err := Compile(expr)
	if err != nil {
		var je *Error
		if errors.As(err, &je) {
			return je
		}
		t.Fatalf("compile %q: %v", expr, err)
	}
	_, err = e.Evaluate(nil, nil, opts...)
	var je *Error
	if !errors.As(err, &je) {
		t.Fatalf("evaluate %q: want *Error, got %v", expr, err)
	}
	return je
}

func TestEvaluatePlainValues(t *testing.T) {
	states := map[string]any{"input": map[string]any{
		"order": map[string]any{"id": "o-1"},
		"items": []any{map[string]any{"price": 2.5}, map[string]any{"price": 4.0}},
	}}
	b := map[string]any{"states": states}
	tests := []struct {
		expr string
		want string
	}{
		{`$states.input.order.id`, `"o-1"`},
		{`$sum($states.input.items.price)`, `6.5`},
		{`$states.input.items[price > 3].price`, `4`},
		{`{"n": $count($states.input.items)}`, `{"n":2}`},
		{`$states.input.missing`, `undefined`},
		{`$range(1, 9, 9)`, `1`},
		{`$partition([1,2,3,4,5], 2)`, `[[1,2],[3,4],[5]]`},
		{`$range(10, 0, -5)`, `[10,5,0]`},
		{`$hash("abc", "SHA-256")`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{`$parse('{"a":[1,{"b":null}]}')`, `{"a":[1,{"b":null}]}`},
		{`$string(1e21) & " " & $string(1e-7) & " " & $string(0.1+0.2)`, `"1e+21 1e-7 0.3"`},
	}
	for _, tt := range tests {
		got := show(eval(t, tt.expr, nil, b))
		if got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
}

func TestDeterministicSources(t *testing.T) {
	fixed := time.Date(2024, 1, 2, 3, 4, 5, 6e6, time.UTC)
	opts := []Option{
		WithNow(func() time.Time { return fixed }),
		WithRandom(func() float64 { return 0.25 }),
		WithSeededRandom(func(seed float64) float64 { return seed / 100 }),
		WithUUID(func() string { return "00000000-0000-4000-8000-000000000000" }),
	}
	got := show(eval(t, `[$now(), $millis(), $random(), $random(42), $uuid()]`, nil, nil, opts...))
	want := `["2024-01-02T03:04:05.006Z",1704164645006,0.25,0.42,"00000000-0000-4000-8000-000000000000"]`
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// without a seeded source, the same seed gives the same number
	a := eval(t, `$random(7)`, nil, nil)
	b := eval(t, `$random(7)`, nil, nil)
	if a != b {
		t.Errorf("$random(7) differs between runs: %v %v", a, b)
	}
}

func TestLimits(t *testing.T) {
	if e := evalErr(t, `($f := function($n){$n + $f($n)}; $f(1))`, WithMaxDepth(200)); e.Code != "U1001" || !strings.Contains(e.Message, "Stack overflow") {
		t.Errorf("deep recursion: %v", e)
	}
	if e := evalErr(t, `($f := function($n){$f($n+1)}; $f(1))`, WithTimeout(50*time.Millisecond)); e.Code != "U1001" {
		t.Errorf("infinite tail loop: %v", e)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if e := evalErr(t, `($f := function($n){$f($n+1)}; $f(1))`, WithContext(ctx)); e.Code != "U1001" {
		t.Errorf("cancelled context: %v", e)
	}
	if e := evalErr(t, `[1..1000000]`, WithMaxAlloc(1000)); e.Code != "U1002" {
		t.Errorf("allocation limit: %v", e)
	}
	// tail recursion runs in constant depth
	got := eval(t, `($f := function($n, $acc){$n = 0 ? $acc : $f($n-1, $acc+1)}; $f(20000, 0))`, nil, nil, WithMaxDepth(100))
	if got != 20000.0 {
		t.Errorf("tail recursion = %v", got)
	}
}

func TestErrorsCarryCodeAndPosition(t *testing.T) {
	tests := []struct {
		expr string
		code string
		pos  int
	}{
		{`1 + "a"`, "T2002", 3},
		{`$sum(`, "S0203", 5},
		{`"abc`, "S0101", 4},
		{`/(?=a)/`, "S0303", 7},
		{`$eval("1")`, "", 0},
	}
	for _, tt := range tests {
		e, err := Compile(tt.expr)
		if err == nil {
			_, err = e.Evaluate(nil, nil)
		}
		if tt.code == "" {
			if err != nil {
				t.Errorf("%s: unexpected %v", tt.expr, err)
			}
			continue
		}
		var je *Error
		if !errors.As(err, &je) || je.Code != tt.code || je.Position != tt.pos {
			t.Errorf("%s: got %v (pos %v), want %s at %d", tt.expr, err, je, tt.code, tt.pos)
		}
	}
}

func TestCatalog(t *testing.T) {
	min, max, ok := FunctionArity("substring")
	if !ok || min != 1 || max != 3 {
		t.Errorf("substring arity = %d..%d %v", min, max, ok)
	}
	if _, max, _ := FunctionArity("zip"); max != -1 {
		t.Errorf("zip should be variadic, got %d", max)
	}
	fi, ok := LookupFunction("eval")
	if !ok || fi.Unavailable == "" {
		t.Errorf("eval should be flagged as unavailable in Step Functions: %+v", fi)
	}
	for _, f := range Functions() {
		if f.Doc == "" || f.Params == "" {
			t.Errorf("function %s has no doc", f.Name)
		}
	}
}

func TestStepFunctionsMode(t *testing.T) {
	if e := evalErr(t, `$eval("1")`, WithStepFunctions()); e.Code != "T1006" {
		t.Errorf("$eval in Step Functions mode: %v", e)
	}
	if e := evalErr(t, `$randomSeeded(1)`, WithStepFunctions()); e.Code != "T1006" {
		t.Errorf("$randomSeeded: %v", e)
	}
	if got := eval(t, `$eval("1 + 1")`, nil, nil); got != 2.0 {
		t.Errorf("plain JSONata keeps $eval: %v", got)
	}
}

func TestHostileInputsStayBounded(t *testing.T) {
	if e := evalErr(t, `($f := function($n){$n + $f($n)}; $f(1))`); e.Code != "U1001" {
		t.Errorf("unbounded recursion with default limits: %v", e)
	}
	long := strings.Repeat("1+", 20000) + "1"
	if _, err := Compile(long); err == nil {
		t.Errorf("20000-term sum should exceed the nesting bound")
	}
	deep := strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000)
	if _, err := Compile(deep); err == nil {
		t.Errorf("1000 nested parentheses should exceed the nesting bound")
	}
	if e := evalErr(t, `$pad("a", 1e15)`); e.Code != "U1002" {
		t.Errorf("huge pad: %v", e)
	}
	if got := eval(t, strings.Repeat("1+", 2000)+"1", nil, nil); got != 2001.0 {
		t.Errorf("2001-term sum = %v", got)
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	e, err := Compile(`$sum($states.input.items[price > 1].price) & "/" & $string($states.input.items^(>price)[0])`)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]any{"states": map[string]any{"input": map[string]any{"items": []any{
		map[string]any{"price": 1.0}, map[string]any{"price": 2.0}, map[string]any{"price": 3.0},
	}}}}
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			v, err := e.Evaluate(nil, in)
			if err != nil {
				done <- err.Error()
				return
			}
			done <- show(v)
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != `"5/{\"price\":3}"` {
			t.Errorf("concurrent result %s", got)
		}
	}
}

func TestFunctionResults(t *testing.T) {
	v := eval(t, `$sum`, nil, nil)
	if f, ok := v.(*FunctionValue); !ok || f.Name != "sum" {
		t.Errorf("$sum result = %#v", v)
	}
	v = eval(t, `[function($x){$x}, 1]`, nil, nil)
	arr, ok := v.([]any)
	if !ok || len(arr) != 2 {
		t.Fatalf("array = %#v", v)
	}
	if f, ok := arr[0].(*FunctionValue); !ok || f.Name != "lambda" || f.Arity != 1 {
		t.Errorf("lambda in array = %#v", arr[0])
	}
}

func TestObjectKeyOrder(t *testing.T) {
	got := show(eval(t, `$keys({"b": 1, "10": 2, "a": 3, "2": 4})`, nil, nil))
	if got != `["2","10","b","a"]` {
		t.Errorf("keys in JavaScript order = %s", got)
	}
	got = show(eval(t, `$string({"z": 1, "y": [1, {"x": true}]})`, nil, nil))
	if got != `"{\"z\":1,\"y\":[1,{\"x\":true}]}"` {
		t.Errorf("insertion order = %s", got)
	}
}

func TestRegexTranslation(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`$split("a\u00a0b c", /\s/)`, `["a","b","c"]`},
		{`$match("a\rb", /a.b/)`, `undefined`},
		{`$match("a-b", /a.b/).match`, `"a-b"`},
		{`$replace("x1y22", /[0-9]+/, "#")`, `"x#y#"`},
		{`$contains("Hello", /^hel/i)`, `true`},
		{`$match("2024-01-02", /(?<y>\d{4})-(\d\d)/).groups`, `["2024","01"]`},
	}
	for _, tt := range tests {
		if got := show(eval(t, tt.expr, nil, nil)); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.expr, got, tt.want)
		}
	}
	for _, bad := range []string{`/a(?=b)/`, `/(a)\1/`, `/(?<!x)y/`} {
		_, err := Compile(bad)
		var je *Error
		if !errors.As(err, &je) || je.Code != "S0303" || !strings.Contains(je.Message, "not supported") {
			t.Errorf("%s: want S0303, got %v", bad, err)
		}
	}
}

func TestDeepValuesStayBounded(t *testing.T) {
	e := evalErr(t, `$string($reduce([1..20000], function($a, $b){{"a": $a}}, 0))`)
	if e.Code != "U1001" {
		t.Errorf("deeply nested value: %v", e)
	}
	got := show(eval(t, `$reduce([1..3], function($a, $b){{"a": $a}}, 0)`, nil, nil))
	if got != `{"a":{"a":{"a":0}}}` {
		t.Errorf("nested arrays = %s", got)
	}
}

func TestGroupingManyItemsIsLinear(t *testing.T) {
	got := eval(t, `$count([1..200000].{"k": "same", "v": $}{k: $count(v)}.same)`, nil, nil, WithTimeout(20*time.Second))
	if got != 1.0 {
		t.Errorf("grouped count = %v", got)
	}
	got = eval(t, `(([1..100000].{"k": "same", "v": $}){k: $sum(v)}).same`, nil, nil, WithTimeout(20*time.Second))
	if got != 5000050000.0 {
		t.Errorf("grouped sum = %v", got)
	}
}

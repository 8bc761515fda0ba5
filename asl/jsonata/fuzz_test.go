package jsonata

import (
	"testing"
	"time"
)

var fuzzSeeds = []string{
	`$states.input.order.id`, `$sum($states.input.items.price)`, `Account.Order[0].Product.(Price * Quantity)`,
	`$map([1,2,3], function($v, $i){ $v * $i })`, `( $f := function($n){ $n <= 1 ? 1 : $n * $f($n-1) }; $f(5) )`,
	`$.a.b[c > 1]{d: $sum(e)}^(>f)`, `library.books#$i[$i < 2].%.name`, `$x ?? 1 ?: 2`, `/a(b)c/i`,
	`$replace("abc", /b/, function($m){$uppercase($m.match)})`, `| $ | {"a": 1}, ["b"] |`, `[1..5].$string()`,
	`$formatNumber(1234.5, '#,##0.00')`, `$fromMillis(0, '[Y0001]-[M01]-[D01] [H01]:[m01]')`, `$sum(`, `{"a": `,
	`$eval('1 + ' & "2")`, `**.x`, `λ($x)<n:n>{$x+1}(2)`, `$string({"a": [1, true, null]}, true)`,
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	var reused Parser
	f.Fuzz(func(t *testing.T, expr string) {
		checkReusedParse(t, &reused, expr)
		ast, _ := ParseTolerant(expr)
		if ast == nil {
			t.Fatal("ParseTolerant returned nil")
		}
		NodeAt(ast, len(expr)/2)
		FreeVariables(ast)
		ContextReferences(ast)
	})
}

func FuzzEvaluate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	input, _ := DecodeJSON([]byte(`{"a":{"b":[{"c":2,"e":3,"f":"x"},{"c":0,"e":4,"f":"y"}]},"library":{"books":[{"name":"n1"},{"name":"n2"}]},"Account":{"Order":[{"Product":[{"Price":1.5,"Quantity":2}]}]}}`))
	f.Fuzz(func(t *testing.T, expr string) {
		e, err := Compile(expr)
		if err != nil {
			return
		}
		_, err = e.Evaluate(input, map[string]any{"states": map[string]any{"input": input}},
			WithMaxDepth(200), WithTimeout(200*time.Millisecond), WithMaxAlloc(1<<20))
		if je, ok := err.(*Error); ok && je.Code == InternalErrorCode {
			t.Fatalf("%q: %v", expr, je)
		}
	})
}

package check

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/aslkit/aslkit/asl/jsonata"
)

// TestSimpleFactsMatchParser: the parser-free fast path must find exactly
// what the full walk finds, and decline what it cannot handle.
func TestSimpleFactsMatchParser(t *testing.T) {
	for _, body := range []string{
		" 1 ", "12.5", "0", " $states.input ", "$states.input.a.b_c", "$states.result", "$states.inptu.x",
		"$states", "$order", " $order.items.total ", "$x1.y2",
	} {
		fast, ok := simpleFacts(body)
		if !ok {
			t.Errorf("simpleFacts(%q) declined a simple body", body)
			continue
		}
		ast, err := jsonata.Parse(body)
		if err != nil {
			t.Fatalf("Parse(%q): %v", body, err)
		}
		full := collectFacts(ast, true)
		if diff := cmp.Diff(full, fast, cmp.AllowUnexported(exprFacts{}, exprRef{}, exprCall{})); diff != "" {
			t.Errorf("%q: fast path differs from the parser (-full +fast):\n%s", body, diff)
		}
	}
	for _, body := range []string{
		"", "$", "$$", "$.x", "01", "1.", ".5", "$states.input[0]", "$sum", "$x.and", "$x.true", "$states.input.`a b`",
		"$x + 1", "$f()", "$a.b.", "$a..b", "total", "$ x", "$états",
	} {
		if _, ok := simpleFacts(body); ok {
			t.Errorf("simpleFacts(%q) accepted a body it must leave to the parser", body)
		}
	}
}

// The walk for bound names may be skipped only when it would bind nothing.
func TestMayBindNames(t *testing.T) {
	for _, body := range []string{
		"$x := 1", "($f := function($a){$a}; $f(2))", "λ($v){$v}(1)", "items@$i.price", "items#$i[$i < 2]",
		"$states.input.a", "$sum($items.price) + $count", "{'lane': 1, 'items': $items9}", "$x ? $y : $z",
		"$map([1,2], function($v, $i){ $v * $i })", "library.books#$i[$i < 2].%.name", "a.b@$c.d",
	} {
		ast, err := jsonata.Parse(body)
		if err != nil {
			t.Fatalf("Parse(%q): %v", body, err)
		}
		full := collectFacts(ast, true)
		got := collectFacts(ast, mayBindNames(body))
		if diff := cmp.Diff(full, got, cmp.AllowUnexported(exprFacts{}, exprRef{}, exprCall{})); diff != "" {
			t.Errorf("%q: skipping the bound names changes the facts:\n%s", body, diff)
		}
	}
}

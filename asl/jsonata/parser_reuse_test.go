package jsonata

import (
	"reflect"
	"testing"
)

// checkReusedParse parses expr with a Parser that has parsed other
// expressions before and compares the result with Parse's.
func checkReusedParse(t *testing.T, ps *Parser, expr string) {
	t.Helper()
	got, gerr := ps.Parse(expr)
	want, werr := Parse(expr)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("%q: Parser.Parse error %v, Parse error %v", expr, gerr, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: Parser.Parse and Parse build different trees", expr)
	}
}

func TestParserReuse(t *testing.T) {
	var ps Parser
	exprs := append([]string{`{'lane': 1, 'items': $items9}`, `$states.input.a & "x"`, `1 +`, `[1,2,3][$ > 1]`}, fuzzSeeds...)
	for range 2 {
		for _, e := range exprs {
			checkReusedParse(t, &ps, e)
		}
	}
}

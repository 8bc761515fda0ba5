package jsonata

import (
	"fmt"
	"strings"
	"testing"
)

func refsString(src string, refs []Reference) string {
	var parts []string
	for _, r := range refs {
		parts = append(parts, fmt.Sprintf("%s:%s=%q", r.Kind, r.Name, src[r.Start:r.End]))
	}
	return strings.Join(parts, " ")
}

func TestFreeVariables(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`$states.input.x`, `variable:states="$states"`},
		{`($x := 1; $x + $y)`, `variable:y="$y"`},
		{`$map($states.input.items, function($i){ $i.price * $rate })`, `variable:states="$states" variable:rate="$rate" function:map="$map"`},
		{`$sum(a) + $nosuch(b)`, `function:sum="$sum" variable:nosuch="$nosuch"`},
	}
	for _, tt := range tests {
		ast, err := Parse(tt.expr)
		if err != nil {
			t.Fatal(err)
		}
		if got := refsString(tt.expr, FreeVariables(ast)); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.expr, got, tt.want)
		}
	}
}

func TestContextReferences(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`$states.input.total`, ``},
		{`total`, `context:total="total"`},
		{`$.total`, `context:$="$"`},
		{`$$.x`, `root:$$="$$"`},
		{`$order[total > 10]`, ``},
		{`$order[$.total > 10]`, ``},
		{`{"a": total, "b": $states.input[x = 1].y}`, `context:total="total"`},
		{`$states.input.items{sku: $sum(price)}`, ``},
		{`$map($states.input, function($v){ $v.a })`, ``},
	}
	for _, tt := range tests {
		ast, err := Parse(tt.expr)
		if err != nil {
			t.Fatal(err)
		}
		if got := refsString(tt.expr, ContextReferences(ast)); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.expr, got, tt.want)
		}
	}
}

package jsonata

import (
	"slices"
	"testing"
)

// TestEachChildMatchesChildren checks that EachChild visits what Children
// returns, in the same order, on trees using every kind of child.
func TestEachChildMatchesChildren(t *testing.T) {
	exprs := []string{
		`$states.input.a[0].b{'k': v}`,
		`Account.Order@$o#$i[$i > 1].Product^(>Price, <Name).{'n': Name}`,
		`function($x, $y){ $x ? $y : -$x }($a, ?)`,
		`$ ~> |Account|{'x': 1}, ['y']|`,
		`( $a := [1..3, 5]; $b := {'a': $a}; $count($a) > 2 and $b.a[1] = 2 or false )`,
		`**.%.*[true] & "s" & /re+/i`,
		`$x ?? $y ?: $z`,
		`{'a': 1, 'b': 2}{$string($): $}`,
	}
	for _, src := range exprs {
		ast, errs := ParseTolerant(src)
		if len(errs) > 0 {
			t.Logf("%s: %v (tolerant tree still compared)", src, errs[0])
		}
		var nodes int
		Walk(ast, func(n *Node) bool {
			nodes++
			var got []*Node
			n.EachChild(func(c *Node) { got = append(got, c) })
			if want := n.Children(); !slices.Equal(got, want) {
				t.Errorf("%s: node %s at %d: EachChild gave %d children, Children %d", src, n.Type, n.Start, len(got), len(want))
			}
			return true
		})
		if nodes < 3 {
			t.Errorf("%s: only %d nodes walked", src, nodes)
		}
	}
}

package jsonata

import (
	"reflect"
	"slices"
	"testing"
)

// childFields collects every non-nil node held by n's exported fields, found
// by reflection rather than by a list of fields, so that a field EachChild
// forgets shows up here.
func childFields(n *Node) []*Node {
	var out []*Node
	var collect func(v reflect.Value)
	collect = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if c, ok := v.Interface().(*Node); ok {
				out = append(out, c)
				return
			}
			collect(v.Elem())
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				collect(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					collect(v.Field(i))
				}
			}
		}
	}
	v := reflect.ValueOf(n).Elem()
	for i := 0; i < v.NumField(); i++ {
		// Value holds a literal or an operator's text, never a child
		if f := v.Type().Field(i); f.IsExported() && f.Name != "Value" {
			collect(v.Field(i))
		}
	}
	return out
}

func nodePtrCompare(a, b *Node) int {
	pa, pb := reflect.ValueOf(a).Pointer(), reflect.ValueOf(b).Pointer()
	switch {
	case pa < pb:
		return -1
	case pa > pb:
		return 1
	}
	return 0
}

// TestEachChildMatchesChildren checks that EachChild (and Children, built on
// it) visits every node the tree's fields hold, on trees using every kind of
// child.
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
			if !slices.Equal(got, n.Children()) {
				t.Errorf("%s: node %s at %d: EachChild and Children differ", src, n.Type, n.Start)
			}
			want := childFields(n)
			slices.SortFunc(got, nodePtrCompare)
			slices.SortFunc(want, nodePtrCompare)
			if !slices.Equal(got, want) {
				t.Errorf("%s: node %s at %d: EachChild gave %d children, its fields hold %d", src, n.Type, n.Start, len(got), len(want))
			}
			return true
		})
		if nodes < 3 {
			t.Errorf("%s: only %d nodes walked", src, nodes)
		}
	}
}

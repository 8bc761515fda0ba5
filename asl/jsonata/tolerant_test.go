package jsonata

import (
	"fmt"
	"strings"
	"testing"
)

// describe renders a tree compactly: type[value]{children}@start-end.
func describe(n *Node) string {
	if n == nil {
		return "nil"
	}
	var b strings.Builder
	b.WriteString(n.Type)
	if n.Value != nil && n.Type != "error" {
		fmt.Fprintf(&b, "[%v]", n.Value)
	}
	fmt.Fprintf(&b, "@%d-%d", n.Start, n.End)
	if cs := n.Children(); len(cs) > 0 {
		b.WriteString("{")
		for i, c := range cs {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(describe(c))
		}
		b.WriteString("}")
	}
	return b.String()
}

func TestParseTolerant(t *testing.T) {
	tests := []struct {
		expr  string
		tree  string
		codes string
	}{
		{`$states.input.`, `path@0-14{variable[states]@0-7 name[input]@8-13 error@14-14}`, "S0207"},
		{`$sum(`, `function[(]@0-5{variable[sum]@0-4 error@5-5}`, "S0203 S0207"},
		{`$states.input.order.id`, `path@0-22{variable[states]@0-7 name[input]@8-13 name[order]@14-19 name[id]@20-22}`, ""},
		{`$x := `, `bind[:=]@0-6{variable[x]@0-2 error@6-6}`, "S0207"},
		{`{"a": $states.`, `unary[{]@0-14{string[a]@1-4 path@6-14{variable[states]@6-13 error@14-14}}`, "S0203 S0207"},
	}
	for _, tt := range tests {
		ast, errs := ParseTolerant(tt.expr)
		var codes []string
		for _, e := range errs {
			codes = append(codes, e.Code)
		}
		if got := describe(ast); got != tt.tree {
			t.Errorf("%q tree:\n got  %s\n want %s", tt.expr, got, tt.tree)
		}
		if got := strings.Join(codes, " "); got != tt.codes {
			t.Errorf("%q errors: got %q want %q", tt.expr, got, tt.codes)
		}
	}
}

func TestNodeAt(t *testing.T) {
	src := `$sum($states.input.items.price) + 1`
	ast, errs := ParseTolerant(src)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	n, path := NodeAt(ast, strings.Index(src, "items")+2)
	if n == nil || n.Type != "name" || n.Value != "items" {
		t.Fatalf("node at items = %s", describe(n))
	}
	var types []string
	for _, p := range path {
		types = append(types, p.Type)
	}
	if got := strings.Join(types, ">"); got != "binary>function>path>name" {
		t.Errorf("ancestors = %s", got)
	}
}

func TestConditionOperatorIsRecorded(t *testing.T) {
	for _, op := range []string{"?", "??", "?:"} {
		src := "$a " + op + " 1"
		if op == "?" {
			src += " : 2"
		}
		ast, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if ast.Type != "condition" || ast.Value != op {
			t.Errorf("%s: node %s %v", src, ast.Type, ast.Value)
		}
	}
}

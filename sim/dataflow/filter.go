package dataflow

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/aslkit/aslkit/asl/expr"
)

// filterNode is a compiled [?( ... )] predicate, evaluated the way Jayway
// (AWS's JSONPath engine) does: numbers compare by value, strings by UTF-16
// order, =~ must match the whole string, a bare path tests existence, and
// comparing anything with a missing value is false (so != and nin are true).
type filterNode struct {
	op   string
	x, y *filterNode
	a, b *filterOperand
}

type filterOperand struct {
	kind    expr.OperandKind
	current bool  // @-rooted path (else $-rooted)
	path    *Path // compiled as if rooted at $
	lit     any
	re      *regexp.Regexp
	list    []*filterOperand
}

func compileFilter(x *expr.FilterExpr) (*filterNode, error) {
	if x == nil {
		return nil, fmt.Errorf("empty filter")
	}
	n := &filterNode{op: x.Op}
	var err error
	switch x.Op {
	case "||", "&&":
		if n.x, err = compileFilter(x.X); err != nil {
			return nil, err
		}
		if n.y, err = compileFilter(x.Y); err != nil {
			return nil, err
		}
		return n, nil
	case "!":
		if n.x, err = compileFilter(x.X); err != nil {
			return nil, err
		}
		return n, nil
	}
	if n.a, err = compileOperand(x.A); err != nil {
		return nil, err
	}
	if x.Op != "" {
		if n.b, err = compileOperand(x.B); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func compileOperand(o *expr.Operand) (*filterOperand, error) {
	if o == nil {
		return nil, fmt.Errorf("missing filter operand")
	}
	f := &filterOperand{kind: o.Kind}
	switch o.Kind {
	case expr.OperandPath:
		if o.Path == nil {
			return nil, fmt.Errorf("missing filter path")
		}
		f.current = o.Path.Root == expr.RootCurrent
		rooted := *o.Path
		rooted.Root = expr.RootInput
		p, err := compileParsed(o.Path.Text, &rooted)
		if err != nil {
			return nil, err
		}
		f.path = p
	case expr.OperandNumber:
		v, err := DecodeJSON([]byte(o.Text))
		if err != nil || !isNumber(v) {
			n, perr := strconv.ParseFloat(o.Text, 64)
			if perr != nil {
				return nil, fmt.Errorf("bad number %q in filter", o.Text)
			}
			v = n
		}
		f.lit = v
	case expr.OperandString:
		f.lit = o.Str
	case expr.OperandBool:
		f.lit = o.Bool
	case expr.OperandNull:
		f.lit = nil
	case expr.OperandRegex:
		re, err := regexp.Compile(`^(?:` + o.GoRegexp() + `)$`)
		if err != nil {
			return nil, err
		}
		f.re = re
	case expr.OperandList:
		for _, e := range o.List {
			c, err := compileOperand(e)
			if err != nil {
				return nil, err
			}
			f.list = append(f.list, c)
		}
	}
	return f, nil
}

// value evaluates an operand; defined is false for a path that selects
// nothing.
func (f *filterOperand) value(current, root any) (any, bool) {
	switch f.kind {
	case expr.OperandPath:
		base := root
		if f.current {
			base = current
		}
		v, _, ok := f.path.eval(base, nil)
		return v, ok
	case expr.OperandList:
		out := make([]any, 0, len(f.list))
		for _, e := range f.list {
			if v, ok := e.value(current, root); ok {
				out = append(out, v)
			}
		}
		return out, true
	}
	return f.lit, true
}

func (n *filterNode) match(current, root any) bool {
	switch n.op {
	case "||":
		return n.x.match(current, root) || n.y.match(current, root)
	case "&&":
		return n.x.match(current, root) && n.y.match(current, root)
	case "!":
		return !n.x.match(current, root)
	case "":
		v, ok := n.a.value(current, root)
		if n.a.kind == expr.OperandPath {
			return ok
		}
		b, isBool := v.(bool)
		return isBool && b
	}
	if n.op == "=~" {
		return regexMatch(n.a, n.b, current, root)
	}
	a, okA := n.a.value(current, root)
	b, okB := n.b.value(current, root)
	defined := okA && okB
	switch n.op {
	case "==":
		return defined && filterEqual(a, b)
	case "!=":
		return !(defined && filterEqual(a, b))
	case "in", "nin":
		in := false
		if list, ok := b.([]any); ok && defined {
			for _, e := range list {
				if filterEqual(a, e) {
					in = true
					break
				}
			}
		}
		return in == (n.op == "in")
	}
	if !defined {
		return false
	}
	c, ok := filterCompare(a, b)
	if !ok {
		return false
	}
	switch n.op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return false
}

// filterEqual is Jayway's ==: numbers by value, a string and a number by
// their text, other values by JSON equality.
func filterEqual(a, b any) bool {
	sa, aStr := a.(string)
	sb, bStr := b.(string)
	switch {
	case aStr && isNumber(b):
		return sa == FormatNumber(b)
	case bStr && isNumber(a):
		fb, err := strconv.ParseFloat(sb, 64)
		fa, _ := toFloat(a)
		return err == nil && fa == fb
	case aStr && bStr:
		return sa == sb
	}
	return DeepEqual(a, b)
}

// filterCompare orders two numbers or two strings.
func filterCompare(a, b any) (int, bool) {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		if !ok {
			return 0, false
		}
		switch {
		case fa < fb:
			return -1, true
		case fa > fb:
			return 1, true
		}
		return 0, true
	}
	sa, ok1 := a.(string)
	sb, ok2 := b.(string)
	if ok1 && ok2 {
		return compareJavaStrings(sa, sb), true
	}
	return 0, false
}

// regexMatch is Jayway's =~: exactly one side is a pattern and it must
// match the whole text of the other.
func regexMatch(a, b *filterOperand, current, root any) bool {
	if (a.re == nil) == (b.re == nil) {
		return false
	}
	re, other := a.re, b
	if re == nil {
		re, other = b.re, a
	}
	v, ok := other.value(current, root)
	if !ok {
		return false
	}
	var text string
	switch x := v.(type) {
	case string:
		text = x
	case nil:
		return false
	default:
		if isNumber(x) {
			text = FormatNumber(x)
		} else {
			text = javaText(x)
		}
	}
	return re.MatchString(text)
}

package dataflow

import (
	"fmt"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
)

// Template is a compiled payload template (Parameters, ItemSelector,
// ResultSelector, ...): keys ending in ".$" take a path, a $$ path, a $var
// path or an intrinsic call, evaluated against the data on Apply; other
// values are copied as they are, nested objects and arrays included.
type Template struct {
	root tnode
}

type tnode interface {
	apply(input any, ctx *Context) (any, error)
}

// CompileTemplate pre-parses every path and intrinsic call in v so that
// Apply does no parsing.
func CompileTemplate(v any) (*Template, error) {
	n, err := compileNode(v)
	if err != nil {
		return nil, err
	}
	return &Template{root: n}, nil
}

// Apply evaluates the template against input. The result may share
// unchanged sub-values with input: treat values as immutable. A nil
// Template (field absent) returns input unchanged.
func (t *Template) Apply(input any, ctx *Context) (any, error) {
	if t == nil {
		return input, nil
	}
	return t.root.apply(input, ctx)
}

// ApplyWithin is Apply that also reports whether the result fits limit
// bytes by SizeOver's estimate, summed up as the object is built (no
// lookups afterwards). fits is false when the result may not fit, and
// when the template does not build an object: the caller then measures.
func (t *Template) ApplyWithin(input any, ctx *Context, limit int) (out any, fits bool, err error) {
	o, isObj := t.root.(*tobject)
	if !isObj {
		out, err = t.Apply(input, ctx)
		return out, false, err
	}
	m := make(map[string]any, len(o.keys))
	n, over := 2, false
	for i, k := range o.keys {
		v, err := o.vals[i].apply(input, ctx)
		if err != nil {
			return nil, false, err
		}
		if !over {
			n += len(k) + 4
			over = SizeOver(v, &n, limit)
		}
		m[k] = v
	}
	return m, !over && n <= limit, nil
}

func compileNode(v any) (tnode, error) {
	switch x := v.(type) {
	case map[string]any:
		obj := &tobject{}
		seen := make(map[string]string, len(x))
		for _, key := range sortedKeys(x) {
			val := x[key]
			name, dynamic := strings.CutSuffix(key, ".$")
			if prev, dup := seen[name]; dup {
				return nil, fmt.Errorf("the keys %q and %q both produce the field %q", prev, key, name)
			}
			seen[name] = key
			var n tnode
			var err error
			if dynamic {
				n, err = compileDynamic(key, val)
			} else {
				n, err = compileNode(val)
			}
			if err != nil {
				return nil, err
			}
			obj.keys = append(obj.keys, name)
			obj.vals = append(obj.vals, n)
		}
		return obj, nil
	case []any:
		arr := &tarray{elems: make([]tnode, len(x))}
		allLiteral := true
		for i, e := range x {
			n, err := compileNode(e)
			if err != nil {
				return nil, err
			}
			arr.elems[i] = n
			if _, ok := n.(tliteral); !ok {
				allLiteral = false
			}
		}
		if allLiteral {
			return tliteral{v: x}, nil
		}
		return arr, nil
	}
	return tliteral{v: v}, nil
}

// compileDynamic compiles the value of a "key.$" field.
func compileDynamic(key string, val any) (tnode, error) {
	s, ok := val.(string)
	if !ok {
		return nil, fmt.Errorf("the value of %q must be a string holding a path or an intrinsic function call, not %s", key, TypeName(val))
	}
	if expr.IsIntrinsic(s) {
		c, err := compileIntrinsic(s)
		if err != nil {
			return nil, fmt.Errorf("the value of %q: %v", key, err)
		}
		return &tcall{call: c, field: key}, nil
	}
	p, err := CompilePath(s)
	if err != nil {
		return nil, fmt.Errorf("the value of %q: %v", key, err)
	}
	return &tpath{path: p, field: key}, nil
}

type tliteral struct{ v any }

func (l tliteral) apply(any, *Context) (any, error) { return deepCopy(l.v), nil }

type tobject struct {
	keys []string
	vals []tnode
}

func (o *tobject) apply(input any, ctx *Context) (any, error) {
	out := make(map[string]any, len(o.keys))
	for i, k := range o.keys {
		v, err := o.vals[i].apply(input, ctx)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

type tarray struct{ elems []tnode }

func (a *tarray) apply(input any, ctx *Context) (any, error) {
	out := make([]any, len(a.elems))
	for i, e := range a.elems {
		v, err := e.apply(input, ctx)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

type tpath struct {
	path  *Path
	field string
}

func (t *tpath) apply(input any, ctx *Context) (any, error) {
	return t.path.GetField(input, ctx, t.field)
}

type tcall struct {
	call  *icall
	field string
}

func (t *tcall) apply(input any, ctx *Context) (any, error) {
	return t.call.eval(input, ctx, t.field)
}

// deepCopy copies maps and slices so that callers may not alias template
// literals.
func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

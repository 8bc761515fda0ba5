package jsonata

import (
	"math"
	"reflect"
	"sort"
)

// undefinedType is the type of Undefined.
type undefinedType struct{}

// Undefined is the value JSONata calls "undefined" (no value at all). It is
// distinct from JSON null, which is represented by Go nil. Evaluate returns
// Undefined when an expression produces nothing.
var Undefined any = undefinedType{}

func (undefinedType) String() string { return "undefined" }

// IsUndefined reports whether v is Undefined.
func IsUndefined(v any) bool { _, ok := v.(undefinedType); return ok }

// Object is an insertion-ordered JSON object. The engine builds objects as
// *Object so that $keys, $each and $string see keys in the order they were
// written, as jsonata-js does. Inputs may be map[string]any (iterated in
// sorted key order) or *Object.
type Object struct {
	Keys   []string
	Values map[string]any
}

// NewObject returns an empty ordered object.
func NewObject(capacity int) *Object {
	return &Object{Keys: make([]string, 0, capacity), Values: make(map[string]any, capacity)}
}

// Set adds or replaces a key, keeping the first insertion position.
func (o *Object) Set(k string, v any) {
	if _, ok := o.Values[k]; !ok {
		o.Keys = append(o.Keys, k)
	}
	o.Values[k] = v
}

// Get returns the value of k.
func (o *Object) Get(k string) (any, bool) { v, ok := o.Values[k]; return v, ok }

// Delete removes k.
func (o *Object) Delete(k string) {
	if _, ok := o.Values[k]; !ok {
		return
	}
	delete(o.Values, k)
	for i, kk := range o.Keys {
		if kk == k {
			o.Keys = append(o.Keys[:i:i], o.Keys[i+1:]...)
			break
		}
	}
}

// jsKeys returns the keys in JavaScript property order: array-index keys
// ("0", "1", ...) ascending first, then the others in insertion order.
func (o *Object) jsKeys() []string {
	n := 0
	for _, k := range o.Keys {
		if isArrayIndexKey(k) {
			n++
		}
	}
	if n == 0 {
		return o.Keys
	}
	idx := make([]string, 0, n)
	rest := make([]string, 0, len(o.Keys)-n)
	for _, k := range o.Keys {
		if isArrayIndexKey(k) {
			idx = append(idx, k)
		} else {
			rest = append(rest, k)
		}
	}
	sort.Slice(idx, func(i, j int) bool {
		if len(idx[i]) != len(idx[j]) {
			return len(idx[i]) < len(idx[j])
		}
		return idx[i] < idx[j]
	})
	return append(idx, rest...)
}

// isArrayIndexKey reports whether k is a canonical array index (0 .. 2^32-2).
func isArrayIndexKey(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	var n uint64
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + uint64(c-'0')
	}
	return n < 1<<32-1
}

// Len is the number of keys.
func (o *Object) Len() int { return len(o.Keys) }

// seq is an array produced by the engine, carrying jsonata-js's hidden
// array flags. Plain input arrays are []any.
type seq struct {
	v             []any
	sequence      bool
	keepSingleton bool
	cons          bool
	outerWrapper  bool
	tupleStream   bool
}

func newSeq(items ...any) *seq { return &seq{v: items, sequence: true} }

// tuple is one element of a tuple stream: "@" holds the context value, the
// other keys hold focus/index/ancestor bindings.
type tuple map[string]any

// arrayItems returns the items of an array value ([]any or *seq).
func arrayItems(v any) ([]any, bool) {
	switch a := v.(type) {
	case []any:
		return a, true
	case *seq:
		return a.v, true
	}
	return nil, false
}

func isArray(v any) bool {
	switch v.(type) {
	case []any, *seq:
		return true
	}
	return false
}

func isSequence(v any) bool {
	s, ok := v.(*seq)
	return ok && s.sequence
}

func isNumeric(v any) bool {
	f, ok := v.(float64)
	return ok && !math.IsNaN(f) && !math.IsInf(f, 0)
}

func isObject(v any) bool {
	switch v.(type) {
	case *Object, map[string]any:
		return true
	}
	return false
}

// objectKeys returns the keys of an object value in iteration order.
func objectKeys(v any) []string {
	switch o := v.(type) {
	case *Object:
		return o.jsKeys()
	case map[string]any:
		keys := make([]string, 0, len(o))
		for k := range o {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	}
	return nil
}

func objectGet(v any, k string) (any, bool) {
	switch o := v.(type) {
	case *Object:
		r, ok := o.Values[k]
		return r, ok
	case map[string]any:
		r, ok := o[k]
		return r, ok
	}
	return nil, false
}

func objectLen(v any) int {
	switch o := v.(type) {
	case *Object:
		return len(o.Keys)
	case map[string]any:
		return len(o)
	}
	return 0
}

func isArrayOfNumbers(v any) bool {
	items, ok := arrayItems(v)
	if !ok {
		return false
	}
	for _, it := range items {
		if !isNumeric(it) {
			return false
		}
	}
	return true
}

func isArrayOfStrings(v any) bool {
	items, ok := arrayItems(v)
	if !ok {
		return false
	}
	for _, it := range items {
		if _, ok := it.(string); !ok {
			return false
		}
	}
	return true
}

// appendValues implements fn.append: concatenation where non-arrays are
// treated as singletons and undefined is ignored.
func appendValues(a, b any) any {
	if IsUndefined(a) {
		return b
	}
	if IsUndefined(b) {
		return a
	}
	out := &seq{}
	if ai, ok := arrayItems(a); ok {
		out.v = append(make([]any, 0, len(ai)+1), ai...)
		if s, ok := a.(*seq); ok {
			out.sequence = s.sequence
			out.keepSingleton = s.keepSingleton
		}
	} else {
		out.v = []any{a}
		out.sequence = true
	}
	if bi, ok := arrayItems(b); ok {
		out.v = append(out.v, bi...)
	} else {
		out.v = append(out.v, b)
	}
	return out
}

// deepEqual compares two JSONata values structurally (jsonata-js isDeepEqual).
func deepEqual(a, b any) bool { return equalDepth(a, b, 0) }

func equalDepth(a, b any, depth int) bool {
	checkValueDepth(depth)
	if ai, ok := arrayItems(a); ok {
		bi, ok := arrayItems(b)
		if !ok || len(ai) != len(bi) {
			return false
		}
		for i := range ai {
			if !equalDepth(ai[i], bi[i], depth+1) {
				return false
			}
		}
		return true
	}
	if isObject(a) {
		if !isObject(b) {
			return false
		}
		ak := objectKeys(a)
		if len(ak) != objectLen(b) {
			return false
		}
		for _, k := range ak {
			av, _ := objectGet(a, k)
			bv, ok := objectGet(b, k)
			if !ok || !equalDepth(av, bv, depth+1) {
				return false
			}
		}
		return true
	}
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	case undefinedType:
		return IsUndefined(b)
	}
	return a == b
}

// strictEqual is JavaScript ===: identity for objects/arrays/functions.
func strictEqual(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	case []any, map[string]any:
		return sameContainer(a, b)
	case *seq, *Object:
		return a == b
	}
	return false
}

// toPlain converts engine values to plain Go JSON values: *seq -> []any,
// *Object -> map[string]any (or kept when ordered is set), functions -> "".
func toPlain(v any, ordered bool) any { return plainDepth(v, ordered, 0) }

func plainDepth(v any, ordered bool, depth int) any {
	checkValueDepth(depth)
	switch x := v.(type) {
	case *seq:
		out := make([]any, 0, len(x.v))
		for _, it := range x.v {
			if IsUndefined(it) {
				continue
			}
			out = append(out, plainDepth(it, ordered, depth+1))
		}
		return out
	case []any:
		var out []any
		for i, it := range x {
			p := plainDepth(it, ordered, depth+1)
			if out == nil && !samePlain(p, it) {
				out = make([]any, i, len(x))
				copy(out, x[:i])
			}
			if out != nil {
				out = append(out, p)
			}
		}
		if out == nil {
			return x
		}
		return out
	case *Object:
		if ordered {
			keys := x.jsKeys()
			o := NewObject(len(keys))
			for _, k := range keys {
				o.Set(k, plainDepth(x.Values[k], ordered, depth+1))
			}
			return o
		}
		m := make(map[string]any, len(x.Keys))
		for _, k := range x.Keys {
			m[k] = plainDepth(x.Values[k], ordered, depth+1)
		}
		return m
	case map[string]any:
		var out map[string]any
		for k, it := range x {
			p := plainDepth(it, ordered, depth+1)
			if out == nil && !samePlain(p, it) {
				out = make(map[string]any, len(x))
				for k2, v2 := range x {
					out[k2] = v2
				}
			}
			if out != nil {
				out[k] = p
			}
		}
		if out == nil {
			return x
		}
		return out
	case float64, string, bool, nil, undefinedType:
		return v
	}
	if isFunction(v) {
		return functionValue(v)
	}
	return v
}

// FunctionValue stands for a JSONata function in an evaluation result
// (a lambda, a built-in, a partial application). It is not JSON: Step
// Functions rejects such results as "unsupported result type". It encodes
// to JSON as "" (what jsonata-js's JSON.stringify produces).
type FunctionValue struct {
	// Name is the built-in's name, or "lambda".
	Name string
	// Arity is the number of parameters.
	Arity int
}

// MarshalJSON encodes the function as an empty string.
func (FunctionValue) MarshalJSON() ([]byte, error) { return []byte(`""`), nil }

func functionValue(v any) *FunctionValue {
	name := "lambda"
	if b, ok := v.(*builtin); ok {
		name = b.name
	}
	return &FunctionValue{Name: name, Arity: functionArity(v)}
}

// samePlain reports whether conversion left a value untouched (scalars, or
// the very same container).
func samePlain(p, orig any) bool {
	switch orig.(type) {
	case *seq, *Object:
		return false
	case []any, map[string]any:
		switch p.(type) {
		case []any, map[string]any:
			return sameContainer(p, orig)
		}
		return false
	case float64, string, bool, nil:
		return true
	}
	return !isFunction(orig)
}

func sameContainer(a, b any) bool {
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		return len(x) == 0 || &x[0] == &y[0]
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		return reflect.ValueOf(x).Pointer() == reflect.ValueOf(y).Pointer()
	}
	return false
}

// maxValueDepth bounds recursion over nested values (JSON output,
// comparison, cloning, flattening) so that a value built deep by an
// iterative expression cannot overflow the Go stack.
const maxValueDepth = 10000

type valueTooDeep struct{}

func checkValueDepth(depth int) {
	if depth > maxValueDepth {
		panic(valueTooDeep{})
	}
}

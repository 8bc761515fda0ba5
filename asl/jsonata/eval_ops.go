// Operators, constructors, grouping and conditionals.

package jsonata

import (
	"math"
	"strings"
)

// toBool is jsonata-js fn.boolean; undefined maps to false.
func toBool(v any) bool {
	b, _ := booleanOf(v)
	return b
}

// booleanOf returns the effective boolean value and whether it is defined.
func booleanOf(v any) (bool, bool) {
	switch x := v.(type) {
	case undefinedType:
		return false, false
	case bool:
		return x, true
	case string:
		return x != "", true
	case float64:
		return x != 0 && !math.IsNaN(x), true
	case nil:
		return false, true
	case []any, *seq:
		items, _ := arrayItems(x)
		if len(items) == 1 {
			b, _ := booleanOf(items[0])
			return b, true
		}
		for _, it := range items {
			if b, _ := booleanOf(it); b {
				return true, true
			}
		}
		return false, true
	case *Object, map[string]any:
		return objectLen(x) > 0, true
	}
	return false, true
}

func (ev *evaluator) evalBinary(expr *Node, input any, env *frame) (any, *Error) {
	op := expr.Value.(string)
	lhs, err := ev.eval(expr.LHS, input, env)
	if err != nil {
		return nil, err
	}
	if op == "and" || op == "or" {
		l := toBool(lhs)
		if op == "and" && !l {
			return false, nil
		}
		if op == "or" && l {
			return true, nil
		}
		rhs, err := ev.eval(expr.RHS, input, env)
		if err != nil {
			return nil, err
		}
		return toBool(rhs), nil
	}
	rhs, err := ev.eval(expr.RHS, input, env)
	if err != nil {
		return nil, err
	}
	var result any
	var e *Error
	switch op {
	case "+", "-", "*", "/", "%":
		result, e = numericOp(lhs, rhs, op)
	case "=":
		if IsUndefined(lhs) || IsUndefined(rhs) {
			return false, nil
		}
		return deepEqual(lhs, rhs), nil
	case "!=":
		if IsUndefined(lhs) || IsUndefined(rhs) {
			return false, nil
		}
		return !deepEqual(lhs, rhs), nil
	case "<", "<=", ">", ">=":
		result, e = compareOp(lhs, rhs, op)
	case "&":
		ls, rs := "", ""
		if !IsUndefined(lhs) {
			if ls, e = stringOf(lhs, false); e != nil {
				break
			}
		}
		if !IsUndefined(rhs) {
			if rs, e = stringOf(rhs, false); e != nil {
				break
			}
		}
		if e == nil {
			if e = ev.charge((len(ls) + len(rs)) / 4); e == nil {
				result = ls + rs
			}
		}
	case "..":
		result, e = ev.rangeOp(lhs, rhs)
	case "in":
		if IsUndefined(lhs) || IsUndefined(rhs) {
			return false, nil
		}
		items, ok := arrayItems(rhs)
		if !ok {
			items = []any{rhs}
		}
		for _, it := range items {
			if strictEqual(it, lhs) {
				return true, nil
			}
		}
		return false, nil
	}
	if e != nil {
		if e.Position < 0 {
			e.Position = expr.Position
			e.Start = expr.Start
		}
		if e.Token == "" {
			e.Token = op
		}
		return nil, e
	}
	return result, nil
}

func numericOp(lhs, rhs any, op string) (any, *Error) {
	if f, ok := lhs.(float64); ok && math.IsInf(f, 0) {
		return nil, dynErr("D1001", f)
	}
	if f, ok := rhs.(float64); ok && math.IsInf(f, 0) {
		return nil, dynErr("D1001", f)
	}
	if !IsUndefined(lhs) && !isNumeric(lhs) {
		return nil, dynErr("T2001", lhs)
	}
	if !IsUndefined(rhs) && !isNumeric(rhs) {
		return nil, dynErr("T2002", rhs)
	}
	if IsUndefined(lhs) || IsUndefined(rhs) {
		return Undefined, nil
	}
	l, r := lhs.(float64), rhs.(float64)
	switch op {
	case "+":
		return l + r, nil
	case "-":
		return l - r, nil
	case "*":
		return l * r, nil
	case "/":
		return l / r, nil
	case "%":
		return math.Mod(l, r), nil
	}
	return Undefined, nil
}

func compareOp(lhs, rhs any, op string) (any, *Error) {
	lt, rt := typeSymbol(lhs), typeSymbol(rhs)
	lok := lt == 'm' || lt == 's' || lt == 'n'
	rok := rt == 'm' || rt == 's' || rt == 'n'
	if !lok || !rok {
		v := lhs
		if lt == 's' || lt == 'n' {
			v = rhs
		}
		return nil, dynErr("T2010", v)
	}
	if lt == 'm' || rt == 'm' {
		return Undefined, nil
	}
	if lt != rt {
		e := dynErr("T2009", lhs)
		e.Value2 = rhs
		return nil, e
	}
	var c int
	if lt == 'n' {
		l, r := lhs.(float64), rhs.(float64)
		switch {
		case l < r:
			c = -1
		case l > r:
			c = 1
		case l == r:
			c = 0
		default:
			return false, nil // NaN
		}
	} else {
		c = strings.Compare(lhs.(string), rhs.(string))
		c = compareUTF16(lhs.(string), rhs.(string))
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

func (ev *evaluator) rangeOp(lhs, rhs any) (any, *Error) {
	if !IsUndefined(lhs) && !isInteger(lhs) {
		return nil, dynErr("T2003", lhs)
	}
	if !IsUndefined(rhs) && !isInteger(rhs) {
		return nil, dynErr("T2004", rhs)
	}
	if IsUndefined(lhs) || IsUndefined(rhs) {
		return Undefined, nil
	}
	l, r := lhs.(float64), rhs.(float64)
	if l > r {
		return Undefined, nil
	}
	size := r - l + 1
	if size > 1e7 {
		return nil, dynErr("D2014", size)
	}
	if err := ev.charge(int(size)); err != nil {
		return nil, err
	}
	out := &seq{sequence: true, v: make([]any, 0, int(size))}
	for x := l; x <= r; x++ {
		out.v = append(out.v, x)
	}
	return out, nil
}

func isInteger(v any) bool {
	f, ok := v.(float64)
	return ok && !math.IsInf(f, 0) && f == math.Trunc(f)
}

func (ev *evaluator) evalUnary(expr *Node, input any, env *frame) (any, *Error) {
	switch expr.Value {
	case "-":
		r, err := ev.eval(expr.Expression, input, env)
		if err != nil {
			return nil, err
		}
		if IsUndefined(r) {
			return Undefined, nil
		}
		if isNumeric(r) {
			return -r.(float64), nil
		}
		e := dynErr("D1002", r)
		e.Position, e.Start, e.Token = expr.Position, expr.Start, "-"
		return nil, e
	case "[":
		result := &seq{v: make([]any, 0, len(expr.Expressions))}
		for i, item := range expr.Expressions {
			var v any
			var err *Error
			if i > 0 {
				ev.depth--
				v, err = ev.eval(item, input, env)
				ev.depth++
			} else {
				v, err = ev.eval(item, input, env)
			}
			if err != nil {
				return nil, err
			}
			if IsUndefined(v) {
				continue
			}
			if item.Type == "unary" && item.Value == "[" {
				result.v = append(result.v, v)
			} else if rs, fresh := v.(*seq); fresh && len(expr.Expressions) == 1 && item.Type == "binary" && item.Value == ".." {
				// a range allocates a fresh sequence: adopt it instead of copying
				result.v = rs.v
			} else if items, ok := arrayItems(v); ok {
				result.v = append(result.v, items...)
			} else {
				result.v = append(result.v, v)
			}
		}
		if err := ev.charge(len(result.v)); err != nil {
			return nil, err
		}
		if expr.ConsArray {
			result.cons = true
		}
		return result, nil
	case "{":
		return ev.evalGroup(expr.Pairs, expr.Position, input, env)
	}
	return Undefined, nil
}

type groupEntry struct {
	data      any
	items     []any // all items once a second one arrives (avoids quadratic appends)
	isSeq     bool  // whether the accumulated items form a sequence (as fn.append decides)
	keep      bool
	exprIndex int
}

// value is the group's context: the single item, or the sequence of items.
func (g *groupEntry) value() any {
	if g.items == nil {
		return g.data
	}
	return &seq{v: g.items, sequence: g.isSeq, keepSingleton: g.keep}
}

func (ev *evaluator) evalGroup(pairs [][2]*Node, position int, input any, env *frame) (any, *Error) {
	result := NewObject(len(pairs))
	inSeq, _ := input.(*seq)
	reduce := inSeq != nil && inSeq.tupleStream
	items, ok := arrayItems(input)
	if !ok {
		items = []any{input}
	}
	if len(items) == 0 {
		items = []any{Undefined}
	}
	groups := map[string]*groupEntry{}
	var order []string
	for _, item := range items {
		genv := env
		ctx := item
		if reduce {
			if t, ok := item.(tuple); ok {
				genv = frameFromTuple(env, t)
				ctx = t["@"]
			}
		}
		for pi, pair := range pairs {
			key, err := ev.eval(pair[0], ctx, genv)
			if err != nil {
				return nil, err
			}
			if IsUndefined(key) {
				continue
			}
			ks, ok := key.(string)
			if !ok {
				e := dynErr("T1003", key)
				e.Position = position
				return nil, e
			}
			if g, ok := groups[ks]; ok {
				if g.exprIndex != pi {
					e := dynErr("D1009", ks)
					e.Position = position
					return nil, e
				}
				if g.items == nil {
					if first, ok := arrayItems(g.data); ok {
						g.items = append([]any(nil), first...)
						if s, ok := g.data.(*seq); ok {
							g.isSeq, g.keep = s.sequence, s.keepSingleton
						}
					} else {
						g.items = []any{g.data}
						g.isSeq = true
					}
				}
				if more, ok := arrayItems(item); ok {
					g.items = append(g.items, more...)
				} else {
					g.items = append(g.items, item)
				}
			} else {
				groups[ks] = &groupEntry{data: item, exprIndex: pi}
				order = append(order, ks)
			}
		}
	}
	for idx, key := range order {
		g := groups[key]
		ctx := g.value()
		genv := env
		if reduce {
			t := reduceTupleStream(ctx)
			ctx = t["@"]
			delete(t, "@")
			genv = frameFromTuple(env, t)
		}
		if idx > 0 {
			ev.depth--
		}
		v, err := ev.eval(pairs[g.exprIndex][1], ctx, genv)
		if idx > 0 {
			ev.depth++
		}
		if err != nil {
			return nil, err
		}
		if !IsUndefined(v) {
			result.Set(key, v)
		}
	}
	return result, nil
}

func reduceTupleStream(v any) tuple {
	items, ok := arrayItems(v)
	if !ok {
		if t, ok := v.(tuple); ok {
			c := make(tuple, len(t))
			for k, x := range t {
				c[k] = x
			}
			return c
		}
		return tuple{"@": v}
	}
	result := tuple{}
	if len(items) == 0 {
		return result
	}
	if t, ok := items[0].(tuple); ok {
		for k, x := range t {
			result[k] = x
		}
	}
	// accumulate per binding, then build each value once (fn.append semantics)
	acc := map[string]*seq{}
	for _, it := range items[1:] {
		t, ok := it.(tuple)
		if !ok {
			continue
		}
		for k, x := range t {
			s, ok := acc[k]
			if !ok {
				prev, had := result[k]
				s = &seq{sequence: true}
				if had && !IsUndefined(prev) {
					if pi, ok := arrayItems(prev); ok {
						s.v = append(s.v, pi...)
						if ps, ok := prev.(*seq); ok {
							s.sequence, s.keepSingleton = ps.sequence, ps.keepSingleton
						} else {
							s.sequence = false
						}
					} else {
						s.v = append(s.v, prev)
					}
				}
				acc[k] = s
			}
			if IsUndefined(x) {
				continue
			}
			if xi, ok := arrayItems(x); ok {
				s.v = append(s.v, xi...)
			} else {
				s.v = append(s.v, x)
			}
		}
	}
	for k, s := range acc {
		if len(s.v) == 0 {
			if _, had := result[k]; !had {
				result[k] = Undefined
			}
			continue
		}
		result[k] = s
	}
	return result
}

func (ev *evaluator) evalCondition(expr *Node, input any, env *frame) (any, *Error) {
	cond, err := ev.eval(expr.Condition, input, env)
	if err != nil {
		return nil, err
	}
	if expr.coalesce {
		if !IsUndefined(cond) {
			return cond, nil
		}
		return ev.eval(expr.Else, input, env)
	}
	if expr.elvis {
		if toBool(cond) {
			return cond, nil
		}
		return ev.eval(expr.Else, input, env)
	}
	if toBool(cond) {
		return ev.eval(expr.Then, input, env)
	}
	if expr.Else != nil {
		return ev.eval(expr.Else, input, env)
	}
	return Undefined, nil
}

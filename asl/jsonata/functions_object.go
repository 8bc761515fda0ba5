// Boolean, array, object and higher-order functions, and $eval.

package jsonata

import (
	"math"
)

func fnBoolean(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	if isFunction(args[0]) {
		return false, nil
	}
	return toBool(args[0]), nil
}

func fnNot(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	if isFunction(args[0]) {
		return true, nil
	}
	return !toBool(args[0]), nil
}

func hofArgs(fn any, v any, pos any, whole any) []any {
	n := functionArity(fn)
	args := []any{v}
	if n >= 2 {
		args = append(args, pos)
	}
	if n >= 3 {
		args = append(args, whole)
	}
	return args
}

func fnMap(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	result := &seq{sequence: true, v: make([]any, 0, len(items))}
	for i, it := range items {
		r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if !IsUndefined(r) {
			result.v = append(result.v, r)
		}
	}
	return result, nil
}

func fnFilter(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	result := &seq{sequence: true}
	for i, it := range items {
		r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if toBool(r) {
			result.v = append(result.v, it)
		}
	}
	return result, nil
}

func fnSingle(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	found := false
	var result any = Undefined
	for i, it := range items {
		ok := true
		if !IsUndefined(fn) {
			r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
			if err != nil {
				return nil, err
			}
			ok = toBool(r)
		}
		if ok {
			if found {
				return nil, &Error{Code: "D3138", Position: -1, Start: -1}
			}
			result, found = it, true
		}
	}
	if !found {
		return nil, &Error{Code: "D3139", Position: -1, Start: -1}
	}
	return result, nil
}

func fnZip(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	result := &seq{}
	if len(args) == 0 {
		return result, nil
	}
	n := math.MaxInt
	lists := make([][]any, len(args))
	for i, a := range args {
		items, ok := arrayItems(a)
		if !ok {
			items = nil
		}
		lists[i] = items
		n = min(n, len(items))
	}
	for i := 0; i < n; i++ {
		t := make([]any, len(lists))
		for j := range lists {
			t[j] = lists[j][i]
		}
		result.v = append(result.v, &seq{v: t})
	}
	return result, nil
}

func fnReduce(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	arity := functionArity(fn)
	if arity < 2 {
		e := &Error{Code: "D3050", Position: -1, Start: -1, Index: 1}
		return nil, e
	}
	var result any
	index := 0
	if undef(args, 2) && len(items) > 0 {
		result = items[0]
		index = 1
	} else {
		result = argAt(args, 2)
	}
	for ; index < len(items); index++ {
		cargs := []any{result, items[index]}
		if arity >= 3 {
			cargs = append(cargs, float64(index))
		}
		if arity >= 4 {
			cargs = append(cargs, args[0])
		}
		r, err := ev.apply(fn, cargs, nil, fc.env)
		if err != nil {
			return nil, err
		}
		result = r
	}
	return result, nil
}

func fnSift(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	obj := argAt(args, 0)
	fn := argAt(args, 1)
	if !isObject(obj) {
		return Undefined, nil
	}
	result := NewObject(0)
	for _, k := range objectKeys(obj) {
		v, _ := objectGet(obj, k)
		r, err := ev.apply(fn, hofArgs(fn, v, k, obj), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if toBool(r) {
			result.Set(k, v)
		}
	}
	if result.Len() == 0 {
		return Undefined, nil
	}
	return result, nil
}

func keysOf(v any) []string {
	if items, ok := arrayItems(v); ok {
		seen := map[string]bool{}
		var out []string
		for _, it := range items {
			for _, k := range keysOf(it) {
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
		return out
	}
	if isObject(v) {
		return objectKeys(v)
	}
	return nil
}

func fnKeys(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	ks := keysOf(argAt(args, 0))
	out := &seq{sequence: true, v: make([]any, len(ks))}
	for i, k := range ks {
		out.v[i] = k
	}
	return out, nil
}

func fnLookup(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	k := argString(args, 1)
	return lookupField(argAt(args, 0), k), nil
}

func fnAppend(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return appendValues(argAt(args, 0), argAt(args, 1)), nil
}

func fnExists(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return !undef(args, 0), nil
}

func spreadValue(v any) any {
	if items, ok := arrayItems(v); ok {
		out := &seq{sequence: true}
		for _, it := range items {
			sv := spreadValue(it)
			if IsUndefined(sv) {
				continue
			}
			if more, ok := arrayItems(sv); ok {
				out.v = append(out.v, more...)
			} else {
				out.v = append(out.v, sv)
			}
		}
		return out
	}
	if isObject(v) {
		out := &seq{sequence: true}
		for _, k := range objectKeys(v) {
			val, _ := objectGet(v, k)
			o := NewObject(1)
			o.Set(k, val)
			out.v = append(out.v, o)
		}
		return out
	}
	return v
}

func fnSpread(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return spreadValue(argAt(args, 0)), nil
}

func fnMerge(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	result := NewObject(0)
	for _, it := range items {
		for _, k := range objectKeys(it) {
			v, _ := objectGet(it, k)
			result.Set(k, v)
		}
	}
	return result, nil
}

func fnReverse(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	out := make([]any, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	return &seq{v: out}, nil
}

func fnEach(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	obj := argAt(args, 0)
	fn := argAt(args, 1)
	result := &seq{sequence: true}
	for _, k := range objectKeys(obj) {
		v, _ := objectGet(obj, k)
		r, err := ev.apply(fn, hofArgs(fn, v, k, obj), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if !IsUndefined(r) {
			result.v = append(result.v, r)
		}
	}
	return result, nil
}

func fnError(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	msg := "$error() function evaluated"
	if s, ok := argAt(args, 0).(string); ok {
		msg = s
	}
	return nil, &Error{Code: "D3137", Position: -1, Start: -1, Value: msg, Message: msg}
}

func fnAssert(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if b, ok := argAt(args, 0).(bool); ok && !b {
		msg := "$assert() statement failed"
		if s, ok := argAt(args, 1).(string); ok {
			msg = s
		}
		return nil, &Error{Code: "D3141", Position: -1, Start: -1, Value: msg, Message: msg}
	}
	return Undefined, nil
}

func fnType(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	v := argAt(args, 0)
	switch v.(type) {
	case undefinedType:
		return Undefined, nil
	case nil:
		return "null", nil
	case float64:
		return "number", nil
	case string:
		return "string", nil
	case bool:
		return "boolean", nil
	case []any, *seq:
		return "array", nil
	}
	if isFunction(v) {
		return "function", nil
	}
	return "object", nil
}

func fnSort(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	var swap func(a, b any) (bool, *Error)
	if undef(args, 1) {
		if !isArrayOfNumbers(args[0]) && !isArrayOfStrings(args[0]) {
			return nil, &Error{Code: "D3070", Position: -1, Start: -1, Index: 1}
		}
		swap = func(a, b any) (bool, *Error) {
			if err := ev.tick(); err != nil {
				return false, err
			}
			if x, ok := a.(float64); ok {
				return x > b.(float64), nil
			}
			return compareUTF16(a.(string), b.(string)) > 0, nil
		}
	} else {
		fn := args[1]
		swap = func(a, b any) (bool, *Error) {
			r, err := ev.apply(fn, []any{a, b}, nil, fc.env)
			if err != nil {
				return false, err
			}
			return toBool(r), nil
		}
	}
	sorted, err := mergeSort(items, swap)
	if err != nil {
		return nil, err
	}
	return &seq{v: sorted}, nil
}

func fnShuffle(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	out := make([]any, len(items))
	for i := range items {
		j := int(math.Floor(ev.random() * float64(i+1)))
		if i != j {
			out[i] = out[j]
		}
		out[j] = items[i]
	}
	return &seq{v: out}, nil
}

func fnDistinct(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, ok := arrayItems(args[0])
	if !ok || len(items) <= 1 {
		return args[0], nil
	}
	out := &seq{sequence: isSequence(args[0])}
	for _, it := range items {
		if err := ev.tick(); err != nil {
			return nil, err
		}
		dup := false
		for _, r := range out.v {
			if deepEqual(it, r) {
				dup = true
				break
			}
		}
		if !dup {
			out.v = append(out.v, it)
		}
	}
	return out, nil
}

func fnEval(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	input := fc.input
	if !undef(args, 1) {
		input = args[1]
		if a, ok := input.([]any); ok {
			input = &seq{v: []any{a}, sequence: true, outerWrapper: true}
		}
	}
	ast, perr := Parse(args[0].(string))
	if perr != nil {
		pe := perr.(*Error)
		return nil, &Error{Code: "D3120", Position: -1, Start: -1, Value: pe.Error()}
	}
	r, err := ev.eval(ast, input, fc.env)
	if err != nil {
		if err.Code == "U1001" || err.Code == "U1002" {
			return nil, err
		}
		return nil, &Error{Code: "D3121", Position: -1, Start: -1, Value: err.Error()}
	}
	return r, nil
}

func fnClone(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return deepClone(args[0]), nil
}

// Path evaluation: steps, sequences, tuple streams (focus, index and parent
// bindings) and predicates, as jsonata-js evaluatePath does.

package jsonata

import (
	"math"
)

// lookupField is jsonata-js fn.lookup: maps over arrays and flattens.
func lookupField(input any, key string) any {
	switch in := input.(type) {
	case *Object:
		if v, ok := in.Values[key]; ok {
			return v
		}
		return Undefined
	case map[string]any:
		if v, ok := in[key]; ok {
			return v
		}
		return Undefined
	case []any, *seq:
		items, _ := arrayItems(in)
		result := &seq{sequence: true}
		for _, it := range items {
			res := lookupField(it, key)
			if IsUndefined(res) {
				continue
			}
			if ri, ok := arrayItems(res); ok {
				result.v = append(result.v, ri...)
			} else {
				result.v = append(result.v, res)
			}
		}
		return result
	}
	return Undefined
}

func flattenInto(v any, out []any) []any { return flattenDepth(v, out, 0) }

func flattenDepth(v any, out []any, depth int) []any {
	checkValueDepth(depth)
	if items, ok := arrayItems(v); ok {
		for _, it := range items {
			out = flattenDepth(it, out, depth+1)
		}
		return out
	}
	return append(out, v)
}

func evalWildcard(input any) any {
	results := &seq{sequence: true}
	if s, ok := input.(*seq); ok && s.outerWrapper && len(s.v) > 0 {
		input = s.v[0]
	}
	if items, ok := arrayItems(input); ok {
		for _, v := range items {
			if isArray(v) {
				results.v = flattenInto(v, results.v)
			} else {
				results.v = append(results.v, v)
			}
		}
	} else if isObject(input) {
		for _, k := range objectKeys(input) {
			v, _ := objectGet(input, k)
			if isArray(v) {
				results.v = flattenInto(v, results.v)
			} else {
				results.v = append(results.v, v)
			}
		}
	}
	return results
}

func evalDescendants(input any) any {
	if IsUndefined(input) {
		return Undefined
	}
	rs := &seq{sequence: true}
	recurseDescendants(input, rs, 0)
	if len(rs.v) == 1 {
		return rs.v[0]
	}
	return rs
}

func recurseDescendants(input any, rs *seq, depth int) {
	checkValueDepth(depth)
	if items, ok := arrayItems(input); ok {
		for _, it := range items {
			recurseDescendants(it, rs, depth+1)
		}
		return
	}
	rs.v = append(rs.v, input)
	if isObject(input) {
		for _, k := range objectKeys(input) {
			v, _ := objectGet(input, k)
			recurseDescendants(v, rs, depth+1)
		}
	}
}

// simplePath reports whether a path is names after an optional leading
// variable, with no predicates, grouping, bindings or array flags, so the
// evaluator may walk single objects without building sequences.
func simplePath(expr *Node) bool {
	if expr.KeepSingletonArray || expr.Group != nil || expr.Tuple || expr.seeking() != nil {
		return false
	}
	for i, st := range expr.Steps {
		if st.Stages != nil || st.Predicate != nil || st.Group != nil || st.Tuple || st.KeepArray || st.HasFocus || st.HasIndex || st.ConsArray {
			return false
		}
		if st.Type == "name" {
			continue
		}
		if i == 0 && st.Type == "variable" && st.Value != "" {
			continue
		}
		return false
	}
	return true
}

// evalSimplePath walks a simple path over single objects; ok is false when
// an array shows up and the general algorithm must run instead.
func (ev *evaluator) evalSimplePath(expr *Node, input any, env *frame) (any, bool) {
	cur := input
	for i, st := range expr.Steps {
		if i == 0 && st.Type == "variable" {
			cur = env.lookupValue(st.Value.(string))
			continue
		}
		switch o := cur.(type) {
		case map[string]any:
			v, ok := o[st.Value.(string)]
			if !ok {
				return Undefined, true
			}
			cur = v
		case *Object:
			v, ok := o.Values[st.Value.(string)]
			if !ok {
				return Undefined, true
			}
			cur = v
		case []any, *seq:
			return nil, false
		case undefinedType:
			return Undefined, true
		default:
			if isFunction(cur) {
				return nil, false
			}
			return Undefined, true
		}
	}
	if _, isSeq := cur.(*seq); isSeq {
		return nil, false
	}
	if a, isArr := cur.([]any); isArr && len(expr.Steps) == 1 && expr.Steps[0].Type == "variable" {
		_ = a
		return nil, false
	}
	return cur, true
}

func (ev *evaluator) evalPath(expr *Node, input any, env *frame) (any, *Error) {
	if expr.simple {
		if v, ok := ev.evalSimplePath(expr, input, env); ok {
			return v, nil
		}
	}
	var inputSeq []any
	if items, ok := arrayItems(input); ok && expr.Steps[0].Type != "variable" {
		inputSeq = items
	} else {
		inputSeq = []any{input}
	}
	var resultSeq any = Undefined
	isTuple := false
	var tuples []tuple
	tuplesSet := false
	nsteps := len(expr.Steps)
	for ii, step := range expr.Steps {
		if step.Tuple {
			isTuple = true
		}
		var err *Error
		if ii == 0 && step.ConsArray {
			resultSeq, err = ev.eval(step, &seq{v: inputSeq, sequence: true}, env)
			if err == nil && !isArray(resultSeq) && !IsUndefined(resultSeq) {
				resultSeq = newSeq(resultSeq)
			}
		} else if isTuple {
			tuples, err = ev.evalTupleStep(step, inputSeq, tuples, tuplesSet, env)
			tuplesSet = true
		} else {
			resultSeq, err = ev.evalStep(step, inputSeq, env, ii == nsteps-1)
		}
		if err != nil {
			return nil, err
		}
		if !isTuple {
			items, _ := arrayItems(resultSeq)
			if IsUndefined(resultSeq) || len(items) == 0 {
				break
			}
		}
		if !step.HasFocus {
			if items, ok := arrayItems(resultSeq); ok {
				inputSeq = items
			}
		}
	}
	if isTuple {
		if expr.Tuple {
			ts := &seq{sequence: true, tupleStream: true, v: make([]any, len(tuples))}
			for i, t := range tuples {
				ts.v[i] = t
			}
			resultSeq = ts
		} else {
			rs := &seq{sequence: true, v: make([]any, len(tuples))}
			for i, t := range tuples {
				rs.v[i] = t["@"]
			}
			resultSeq = rs
		}
	}
	if expr.KeepSingletonArray {
		switch r := resultSeq.(type) {
		case *seq:
			if r.cons && !r.sequence {
				resultSeq = &seq{v: []any{r}, sequence: true, keepSingleton: true}
			} else {
				r.keepSingleton = true
			}
		case []any:
			resultSeq = &seq{v: r, keepSingleton: true}
		}
	}
	if expr.Group != nil {
		var in any = resultSeq
		if isTuple {
			ts := &seq{sequence: true, tupleStream: true, v: make([]any, len(tuples))}
			for i, t := range tuples {
				ts.v[i] = t
			}
			in = ts
		}
		return ev.evalGroup(expr.Group.Pairs, expr.Group.Position, in, env)
	}
	return resultSeq, nil
}

func (ev *evaluator) evalStep(expr *Node, input []any, env *frame, lastStep bool) (any, *Error) {
	if expr.Type == "sort" {
		result, err := ev.evalSort(expr, &seq{v: input, sequence: true}, env)
		if err != nil {
			return nil, err
		}
		if expr.Stages != nil {
			return ev.evalStages(expr.Stages, result, env)
		}
		return result, nil
	}
	results := make([]any, 0, len(input))
	for _, item := range input {
		res, err := ev.eval(expr, item, env)
		if err != nil {
			return nil, err
		}
		for _, st := range expr.Stages {
			if st.Type == "filter" {
				res, err = ev.evalFilter(st.Expr, res, env)
				if err != nil {
					return nil, err
				}
			}
		}
		if !IsUndefined(res) {
			results = append(results, res)
		}
	}
	if lastStep && len(results) == 1 && isArray(results[0]) && !isSequence(results[0]) {
		return results[0], nil
	}
	out := &seq{sequence: true, v: make([]any, 0, len(results))}
	for _, res := range results {
		if s, ok := res.(*seq); ok {
			if s.cons {
				out.v = append(out.v, res)
			} else {
				out.v = append(out.v, s.v...)
			}
		} else if a, ok := res.([]any); ok {
			out.v = append(out.v, a...)
		} else {
			out.v = append(out.v, res)
		}
	}
	if err := ev.charge(len(out.v)); err != nil {
		return nil, err
	}
	return out, nil
}

func (ev *evaluator) evalStages(stages []*Stage, input any, env *frame) (any, *Error) {
	result := input
	for _, st := range stages {
		switch st.Type {
		case "filter":
			r, err := ev.evalFilter(st.Expr, result, env)
			if err != nil {
				return nil, err
			}
			result = r
		case "index":
			items, _ := arrayItems(result)
			for i, it := range items {
				if t, ok := it.(tuple); ok {
					t[st.Value] = float64(i)
				}
			}
		}
	}
	return result, nil
}

func frameFromTuple(env *frame, t tuple) *frame {
	f := &frame{parent: env, vars: make(map[string]any, len(t))}
	for k, v := range t {
		f.vars[k] = v
	}
	return f
}

func (ev *evaluator) evalTupleStep(expr *Node, input []any, tuples []tuple, tuplesSet bool, env *frame) ([]tuple, *Error) {
	if expr.Type == "sort" {
		var result any
		if tuplesSet {
			ts := &seq{sequence: true, tupleStream: true}
			for _, t := range tuples {
				ts.v = append(ts.v, t)
			}
			r, err := ev.evalSort(expr, ts, env)
			if err != nil {
				return nil, err
			}
			result = r
		} else {
			sorted, err := ev.evalSort(expr, &seq{v: input, sequence: true}, env)
			if err != nil {
				return nil, err
			}
			ts := &seq{sequence: true, tupleStream: true}
			items, _ := arrayItems(sorted)
			for i, it := range items {
				t := tuple{"@": it}
				if expr.HasIndex {
					t[expr.Index] = float64(i)
				}
				ts.v = append(ts.v, t)
			}
			result = ts
		}
		if expr.Stages != nil {
			r, err := ev.evalStages(expr.Stages, result, env)
			if err != nil {
				return nil, err
			}
			result = r
		}
		return toTuples(result), nil
	}
	if !tuplesSet {
		tuples = make([]tuple, len(input))
		for i, it := range input {
			tuples[i] = tuple{"@": it}
		}
	}
	result := &seq{sequence: true, tupleStream: true}
	for _, tb := range tuples {
		stepEnv := frameFromTuple(env, tb)
		res, err := ev.eval(expr, tb["@"], stepEnv)
		if err != nil {
			return nil, err
		}
		if IsUndefined(res) {
			continue
		}
		items, isArr := arrayItems(res)
		if !isArr {
			items = []any{res}
		}
		resTuple := false
		if s, ok := res.(*seq); ok && s.tupleStream {
			resTuple = true
		}
		for bb, item := range items {
			t := make(tuple, len(tb)+2)
			for k, v := range tb {
				t[k] = v
			}
			if resTuple {
				if it, ok := item.(tuple); ok {
					for k, v := range it {
						t[k] = v
					}
				}
			} else {
				if expr.HasFocus {
					t[expr.Focus] = item
					t["@"] = tb["@"]
				} else {
					t["@"] = item
				}
				if expr.HasIndex {
					t[expr.Index] = float64(bb)
				}
				if expr.x != nil && expr.x.ancestor != nil {
					t[expr.x.ancestor.label] = tb["@"]
				}
			}
			result.v = append(result.v, t)
		}
	}
	if err := ev.charge(len(result.v)); err != nil {
		return nil, err
	}
	var out any = result
	if expr.Stages != nil {
		r, err := ev.evalStages(expr.Stages, result, env)
		if err != nil {
			return nil, err
		}
		out = r
	}
	return toTuples(out), nil
}

func toTuples(v any) []tuple {
	items, ok := arrayItems(v)
	if !ok {
		if t, ok := v.(tuple); ok {
			return []tuple{t}
		}
		return nil
	}
	out := make([]tuple, 0, len(items))
	for _, it := range items {
		if t, ok := it.(tuple); ok {
			out = append(out, t)
		}
	}
	return out
}

func (ev *evaluator) evalFilter(predicate *Node, input any, env *frame) (any, *Error) {
	results := &seq{sequence: true}
	inSeq, _ := input.(*seq)
	isTupleStream := inSeq != nil && inSeq.tupleStream
	if isTupleStream {
		results.tupleStream = true
	}
	items, ok := arrayItems(input)
	if !ok {
		items = []any{input}
	}
	if predicate.Type == "number" {
		index := int(math.Floor(predicate.Value.(float64)))
		if index < 0 {
			index = len(items) + index
		}
		if index >= 0 && index < len(items) {
			item := items[index]
			if !IsUndefined(item) {
				if isArray(item) {
					return item, nil
				}
				results.v = append(results.v, item)
			}
		}
		return results, nil
	}
	for index, item := range items {
		context := item
		fenv := env
		if isTupleStream {
			if t, ok := item.(tuple); ok {
				context = t["@"]
				fenv = frameFromTuple(env, t)
			}
		}
		res, err := ev.eval(predicate, context, fenv)
		if err != nil {
			return nil, err
		}
		if isNumeric(res) {
			res = &seq{v: []any{res}}
		}
		if ri, ok := arrayItems(res); ok && isArrayOfNumbers(res) && len(ri) > 0 {
			for _, ir := range ri {
				ii := int(math.Floor(ir.(float64)))
				if ii < 0 {
					ii = len(items) + ii
				}
				if ii == index {
					results.v = append(results.v, item)
				}
			}
		} else if toBool(res) {
			results.v = append(results.v, item)
		}
	}
	return results, nil
}

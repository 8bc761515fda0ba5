package jsonata

import (
	"math"
	"strings"
)

// frame is a variable scope.
type frame struct {
	vars   map[string]any
	parent *frame
	// root holds the input document ($$) without allocating a map for it
	root    any
	hasRoot bool
}

func newFrame(parent *frame) *frame { return &frame{parent: parent} }

func (f *frame) bind(name string, v any) {
	if f.vars == nil {
		f.vars = make(map[string]any, 4)
	}
	f.vars[name] = v
}

func (f *frame) lookup(name string) (any, bool) {
	for e := f; e != nil; e = e.parent {
		if v, ok := e.vars[name]; ok {
			return v, true
		}
		if e.hasRoot && name == "$" {
			return e.root, true
		}
	}
	if b, ok := builtins[name]; ok {
		return b, true
	}
	return Undefined, false
}

func (f *frame) lookupValue(name string) any {
	v, _ := f.lookup(name)
	return v
}

// maxNesting is a hard bound on Go recursion through eval, independent of
// the jsonata-compatible depth (which, like jsonata-js's test harness, does
// not count sibling evaluations in array and object constructors).
const maxNesting = 100000

// lambda is a user-defined function (closure), a tail-call thunk, or a
// partially applied function.
type lambda struct {
	params []string
	body   *Node
	input  any
	env    *frame
	sig    *Signature
	thunk  bool
	// partial application of a native function: bound args with holes
	native     *builtin
	nativeArgs []any
	holes      []int
}

// builtin is a native function.
type builtin struct {
	name  string
	sig   *Signature
	arity int
	impl  func(ev *evaluator, fc *fnCtx, args []any) (any, *Error)
	regex *jsRegex // set for regex literals
}

// fnCtx is the "this" jsonata-js passes to native functions.
type fnCtx struct {
	input any
	env   *frame
}

func isFunction(v any) bool {
	switch v.(type) {
	case *lambda, *builtin:
		return true
	}
	return false
}

func functionArity(v any) int {
	switch f := v.(type) {
	case *lambda:
		if f.native != nil {
			return len(f.holes)
		}
		return len(f.params)
	case *builtin:
		return f.arity
	}
	return 0
}

func (ev *evaluator) eval(expr *Node, input any, env *frame) (any, *Error) {
	ev.depth++
	ev.nesting++
	defer func() { ev.nesting-- }()
	if ev.nesting > maxNesting {
		ev.depth--
		return nil, stackOverflow()
	}
	if err := ev.tick(); err != nil {
		ev.depth--
		return nil, err
	}
	result, err := ev.evalNode(expr, input, env)
	if err != nil {
		ev.depth--
		return nil, err
	}
	if expr.Predicate != nil {
		for _, pred := range expr.Predicate {
			result, err = ev.evalFilter(pred.Expr, result, env)
			if err != nil {
				ev.depth--
				return nil, err
			}
		}
	}
	if expr.Type != "path" && expr.Group != nil {
		result, err = ev.evalGroup(expr.Group.Pairs, expr.Group.Position, result, env)
		if err != nil {
			ev.depth--
			return nil, err
		}
	}
	ev.depth--
	if s, ok := result.(*seq); ok && s.sequence && !s.tupleStream {
		if expr.KeepArray {
			s.keepSingleton = true
		}
		switch len(s.v) {
		case 0:
			return Undefined, nil
		case 1:
			if !s.keepSingleton {
				return s.v[0], nil
			}
		}
	}
	return result, nil
}

func (ev *evaluator) evalNode(expr *Node, input any, env *frame) (any, *Error) {
	switch expr.Type {
	case "path":
		return ev.evalPath(expr, input, env)
	case "binary":
		return ev.evalBinary(expr, input, env)
	case "unary":
		return ev.evalUnary(expr, input, env)
	case "name":
		return lookupField(input, expr.Value.(string)), nil
	case "string", "number", "value":
		return expr.Value, nil
	case "wildcard":
		return evalWildcard(input), nil
	case "descendant":
		return evalDescendants(input), nil
	case "parent":
		return env.lookupValue(expr.slot.label), nil
	case "condition":
		return ev.evalCondition(expr, input, env)
	case "block":
		f := newFrame(env)
		var result any = Undefined
		for _, e := range expr.Expressions {
			r, err := ev.eval(e, input, f)
			if err != nil {
				return nil, err
			}
			result = r
		}
		return result, nil
	case "bind":
		v, err := ev.eval(expr.RHS, input, env)
		if err != nil {
			return nil, err
		}
		env.bind(expr.LHS.Value.(string), v)
		return v, nil
	case "regex":
		return ev.regexMatcher(expr), nil
	case "function":
		return ev.evalFunction(expr, input, env, nil)
	case "variable":
		name := expr.Value.(string)
		if name == "" {
			if s, ok := input.(*seq); ok && s.outerWrapper && len(s.v) > 0 {
				return s.v[0], nil
			}
			return input, nil
		}
		return env.lookupValue(name), nil
	case "lambda":
		return &lambda{params: expr.Params, body: expr.Body, input: input, env: env, sig: expr.Signature, thunk: expr.Thunk}, nil
	case "partial":
		return ev.evalPartial(expr, input, env)
	case "apply":
		return ev.evalApply(expr, input, env)
	case "sort":
		items, ok := arrayItems(input)
		if !ok {
			items = []any{input}
		}
		return ev.evalSort(expr, &seq{v: items, sequence: true}, env)
	case "transform":
		return ev.transformer(expr, env), nil
	case "error":
		if expr.Err != nil {
			return nil, &Error{Code: "S0500", Position: 0, Start: -1}
		}
		return nil, &Error{Code: "S0500", Position: 0, Start: -1}
	}
	return Undefined, nil
}

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
	if expr.KeepSingletonArray || expr.Group != nil || expr.Tuple || expr.seekingParent != nil {
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
				if expr.ancestor != nil {
					t[expr.ancestor.label] = tb["@"]
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
	exprIndex int
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
				g.data = appendValues(g.data, item)
			} else {
				groups[ks] = &groupEntry{data: item, exprIndex: pi}
				order = append(order, ks)
			}
		}
	}
	for idx, key := range order {
		g := groups[key]
		ctx := g.data
		genv := env
		if reduce {
			t := reduceTupleStream(g.data)
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
	for _, it := range items[1:] {
		if t, ok := it.(tuple); ok {
			for k, x := range t {
				prev, ok := result[k]
				if !ok {
					prev = Undefined
				}
				result[k] = appendValues(prev, x)
			}
		}
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

func (ev *evaluator) evalSort(expr *Node, input *seq, env *frame) (any, *Error) {
	isTupleSort := input.tupleStream
	cmp := func(a, b any) (bool, *Error) {
		comp := 0
		for _, term := range expr.Terms {
			if comp != 0 {
				break
			}
			ctxA, envA := a, env
			ctxB, envB := b, env
			if isTupleSort {
				if t, ok := a.(tuple); ok {
					ctxA, envA = t["@"], frameFromTuple(env, t)
				}
				if t, ok := b.(tuple); ok {
					ctxB, envB = t["@"], frameFromTuple(env, t)
				}
			}
			aa, err := ev.eval(term.Expression, ctxA, envA)
			if err != nil {
				return false, err
			}
			bb, err := ev.eval(term.Expression, ctxB, envB)
			if err != nil {
				return false, err
			}
			at, bt := typeSymbol(aa), typeSymbol(bb)
			if at == 'm' {
				if bt == 'm' {
					comp = 0
				} else {
					comp = 1
				}
				continue
			}
			if bt == 'm' {
				comp = -1
				continue
			}
			if !(at == 's' || at == 'n') || !(bt == 's' || bt == 'n') {
				v := aa
				if at == 's' || at == 'n' {
					v = bb
				}
				e := dynErr("T2008", v)
				e.Position = expr.Position
				return false, e
			}
			if at != bt {
				e := dynErr("T2007", aa)
				e.Value2 = bb
				e.Position = expr.Position
				return false, e
			}
			if at == 'n' {
				x, y := aa.(float64), bb.(float64)
				if x == y {
					continue
				} else if x < y {
					comp = -1
				} else {
					comp = 1
				}
			} else {
				c := compareUTF16(aa.(string), bb.(string))
				if c == 0 {
					continue
				}
				comp = c
			}
			if term.Descending {
				comp = -comp
			}
		}
		return comp == 1, nil
	}
	sorted, err := mergeSort(input.v, cmp)
	if err != nil {
		return nil, err
	}
	return &seq{v: sorted, sequence: true, tupleStream: input.tupleStream}, nil
}

// mergeSort is a stable sort; swap(a, b) reports whether b must precede a.
func mergeSort(items []any, swap func(a, b any) (bool, *Error)) ([]any, *Error) {
	if len(items) <= 1 {
		return append([]any(nil), items...), nil
	}
	mid := len(items) / 2
	left, err := mergeSort(items[:mid], swap)
	if err != nil {
		return nil, err
	}
	right, err := mergeSort(items[mid:], swap)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(items))
	i, j := 0, 0
	for i < len(left) && j < len(right) {
		s, err := swap(left[i], right[j])
		if err != nil {
			return nil, err
		}
		if s {
			out = append(out, right[j])
			j++
		} else {
			out = append(out, left[i])
			i++
		}
	}
	out = append(out, left[i:]...)
	out = append(out, right[j:]...)
	return out, nil
}

var chainAST *Node

func init() {
	n, err := Parse("function($f, $g) { function($x){ $g($f($x)) } }")
	if err != nil {
		panic(err)
	}
	chainAST = n
}

func (ev *evaluator) evalApply(expr *Node, input any, env *frame) (any, *Error) {
	lhs, err := ev.eval(expr.LHS, input, env)
	if err != nil {
		return nil, err
	}
	if expr.RHS.Type == "function" {
		return ev.evalFunction(expr.RHS, input, env, []any{lhs})
	}
	fn, err := ev.eval(expr.RHS, input, env)
	if err != nil {
		return nil, err
	}
	if !isFunction(fn) {
		e := dynErr("T2006", fn)
		e.Position, e.Start = expr.Position, expr.Start
		return nil, e
	}
	if isFunction(lhs) {
		chain, err := ev.eval(chainAST, nil, env)
		if err != nil {
			return nil, err
		}
		return ev.apply(chain, []any{lhs, fn}, nil, env)
	}
	return ev.apply(fn, []any{lhs}, nil, env)
}

func procName(expr *Node) string {
	p := expr.Procedure
	if p.Type == "path" && len(p.Steps) > 0 {
		if s, ok := p.Steps[0].Value.(string); ok {
			return s
		}
	}
	if s, ok := p.Value.(string); ok {
		return s
	}
	return ""
}

func (ev *evaluator) evalFunction(expr *Node, input any, env *frame, applyTo []any) (any, *Error) {
	proc, err := ev.eval(expr.Procedure, input, env)
	if err != nil {
		return nil, err
	}
	if IsUndefined(proc) && expr.Procedure.Type == "path" && len(expr.Procedure.Steps) > 0 {
		if name, ok := expr.Procedure.Steps[0].Value.(string); ok {
			if v, found := env.lookup(name); found && !IsUndefined(v) {
				e := &Error{Code: "T1005", Position: expr.Position, Start: expr.Start, Token: name}
				return nil, e
			}
		}
	}
	args := make([]any, 0, len(expr.Arguments)+len(applyTo))
	args = append(args, applyTo...)
	for _, a := range expr.Arguments {
		v, err := ev.eval(a, input, env)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	result, err := ev.apply(proc, args, input, env)
	if err != nil {
		if err.Position < 0 {
			err.Position, err.Start = expr.Position, expr.Start
		}
		if err.Token == "" {
			err.Token = procName(expr)
		}
		return nil, err
	}
	return result, nil
}

func (ev *evaluator) apply(proc any, args []any, input any, env *frame) (any, *Error) {
	result, err := ev.applyInner(proc, args, input, env)
	if err != nil {
		return nil, err
	}
	for {
		l, ok := result.(*lambda)
		if !ok || !l.thunk {
			return result, nil
		}
		if err := ev.tick(); err != nil {
			return nil, err
		}
		call := l.body
		next, err := ev.eval(call.Procedure, l.input, l.env)
		if err != nil {
			return nil, err
		}
		targs := make([]any, 0, len(call.Arguments))
		for _, a := range call.Arguments {
			v, err := ev.eval(a, l.input, l.env)
			if err != nil {
				return nil, err
			}
			targs = append(targs, v)
		}
		result, err = ev.applyInner(next, targs, input, env)
		if err != nil {
			if err.Position < 0 {
				err.Position, err.Start = call.Position, call.Start
			}
			if err.Token == "" {
				err.Token = procName(call)
			}
			return nil, err
		}
	}
}

func (ev *evaluator) applyInner(proc any, args []any, input any, env *frame) (any, *Error) {
	switch f := proc.(type) {
	case *lambda:
		validated := args
		if f.sig != nil {
			v, err := f.sig.validate(args, input)
			if err != nil {
				return nil, err
			}
			validated = v
		}
		return ev.applyLambda(f, validated)
	case *builtin:
		validated := args
		if f.sig != nil {
			v, err := f.sig.validate(args, input)
			if err != nil {
				if err.Token == "" {
					err.Token = f.name
				}
				return nil, err
			}
			validated = v
		}
		r, err := f.impl(ev, &fnCtx{input: input, env: env}, validated)
		if err != nil {
			if err.Token == "" {
				err.Token = f.name
			}
			return nil, err
		}
		return r, nil
	}
	return nil, &Error{Code: "T1006", Position: -1, Start: -1}
}

func (ev *evaluator) applyLambda(f *lambda, args []any) (any, *Error) {
	if f.native != nil {
		full := append([]any(nil), f.nativeArgs...)
		for i, h := range f.holes {
			if i < len(args) {
				full[h] = args[i]
			} else {
				full[h] = Undefined
			}
		}
		// drop trailing undefined so optional parameters stay optional
		for len(full) > 0 && IsUndefined(full[len(full)-1]) {
			full = full[:len(full)-1]
		}
		return ev.applyInner(f.native, full, f.input, f.env)
	}
	env := newFrame(f.env)
	for i, name := range f.params {
		if i < len(args) {
			env.bind(name, args[i])
		} else {
			env.bind(name, Undefined)
		}
	}
	return ev.eval(f.body, f.input, env)
}

type placeholderT struct{}

func (ev *evaluator) evalPartial(expr *Node, input any, env *frame) (any, *Error) {
	args := make([]any, len(expr.Arguments))
	var holes []int
	for i, a := range expr.Arguments {
		if a.Type == "placeholder" {
			args[i] = placeholderT{}
			holes = append(holes, i)
			continue
		}
		v, err := ev.eval(a, input, env)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	proc, err := ev.eval(expr.Procedure, input, env)
	if err != nil {
		return nil, err
	}
	if IsUndefined(proc) && expr.Procedure.Type == "path" && len(expr.Procedure.Steps) > 0 {
		if name, ok := expr.Procedure.Steps[0].Value.(string); ok {
			if v, found := env.lookup(name); found && !IsUndefined(v) {
				return nil, &Error{Code: "T1007", Position: expr.Position, Start: expr.Start, Token: name}
			}
		}
	}
	switch f := proc.(type) {
	case *lambda:
		if f.native != nil {
			// partially applying a partial native: compose the holes
			full := append([]any(nil), f.nativeArgs...)
			var newHoles []int
			for i, h := range f.holes {
				if i < len(args) {
					if _, isHole := args[i].(placeholderT); isHole {
						newHoles = append(newHoles, h)
					} else {
						full[h] = args[i]
					}
				} else {
					full[h] = Undefined
				}
			}
			return &lambda{native: f.native, nativeArgs: full, holes: newHoles, input: f.input, env: f.env}, nil
		}
		nenv := newFrame(f.env)
		var unbound []string
		for i, p := range f.params {
			var a any = Undefined
			if i < len(args) {
				a = args[i]
			}
			if _, isHole := a.(placeholderT); isHole {
				unbound = append(unbound, p)
			} else {
				nenv.bind(p, a)
			}
		}
		return &lambda{params: unbound, body: f.body, input: f.input, env: nenv}, nil
	case *builtin:
		return &lambda{native: f, nativeArgs: args, holes: holes, input: input, env: env}, nil
	}
	return nil, &Error{Code: "T1008", Position: expr.Position, Start: expr.Start, Token: procName(expr)}
}

func (ev *evaluator) transformer(expr *Node, env *frame) any {
	return &builtin{name: "transform", sig: transformSig, arity: 1, impl: func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
		obj := args[0]
		if IsUndefined(obj) {
			return Undefined, nil
		}
		cloneFn := env.lookupValue("clone")
		if !isFunction(cloneFn) {
			return nil, &Error{Code: "T2013", Position: expr.Position, Start: expr.Start}
		}
		result, err := ev.apply(cloneFn, []any{obj}, nil, env)
		if err != nil {
			return nil, err
		}
		matches, err := ev.eval(expr.Pattern, result, env)
		if err != nil {
			return nil, err
		}
		if IsUndefined(matches) {
			return result, nil
		}
		mitems, ok := arrayItems(matches)
		if !ok {
			mitems = []any{matches}
		}
		for _, match := range mitems {
			update, err := ev.eval(expr.Update, match, env)
			if err != nil {
				return nil, err
			}
			mobj, isObj := match.(*Object)
			if !IsUndefined(update) {
				if !isObject(update) {
					e := dynErr("T2011", update)
					e.Position, e.Start = expr.Update.Position, expr.Update.Start
					return nil, e
				}
				if isObj {
					for _, k := range objectKeys(update) {
						v, _ := objectGet(update, k)
						mobj.Set(k, v)
					}
				}
			}
			if expr.Delete != nil {
				dels, err := ev.eval(expr.Delete, match, env)
				if err != nil {
					return nil, err
				}
				if !IsUndefined(dels) {
					ditems, ok := arrayItems(dels)
					if !ok {
						ditems = []any{dels}
					}
					for _, d := range ditems {
						if _, ok := d.(string); !ok {
							e := dynErr("T2012", dels)
							e.Position, e.Start = expr.Delete.Position, expr.Delete.Start
							return nil, e
						}
					}
					if isObj {
						for _, d := range ditems {
							mobj.Delete(d.(string))
						}
					}
				}
			}
		}
		return result, nil
	}}
}

var transformSig = mustSignature("<(oa):o>")

// deepClone copies a value into engine-owned mutable containers.
func deepClone(v any) any { return cloneDepth(v, 0) }

func cloneDepth(v any, depth int) any {
	checkValueDepth(depth)
	switch x := v.(type) {
	case *Object:
		o := NewObject(len(x.Keys))
		for _, k := range x.Keys {
			o.Set(k, cloneDepth(x.Values[k], depth+1))
		}
		return o
	case map[string]any:
		keys := objectKeys(x)
		o := NewObject(len(keys))
		for _, k := range keys {
			o.Set(k, cloneDepth(x[k], depth+1))
		}
		return o
	case []any, *seq:
		items, _ := arrayItems(x)
		out := make([]any, 0, len(items))
		for _, it := range items {
			if IsUndefined(it) {
				continue
			}
			out = append(out, cloneDepth(it, depth+1))
		}
		return out
	}
	if isFunction(v) {
		return ""
	}
	return v
}

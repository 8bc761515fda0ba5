// The evaluator: scopes, function values and the dispatch over node types.

package jsonata

// frame is a variable scope.
type frame struct {
	vars   map[string]any
	parent *frame
	// ro holds the caller's bindings, read but never written; roNorm
	// caches their normalized values (see normalizeInput)
	ro     map[string]any
	roNorm map[string]any
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
		if v, ok := e.ro[name]; ok {
			return e.normalizedBinding(name, v), true
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

// normalizedBinding normalizes a caller's binding once per evaluation
// (the walk is as long as the value).
func (f *frame) normalizedBinding(name string, v any) any {
	if n, ok := f.roNorm[name]; ok {
		return n
	}
	n := normalizeInput(v)
	if f.roNorm == nil {
		f.roNorm = make(map[string]any, 4)
	}
	f.roNorm[name] = n
	return n
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
		return env.lookupValue(expr.x.slot.label), nil
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

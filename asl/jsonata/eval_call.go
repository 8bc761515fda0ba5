// Function application: calls, tail-call trampolining, partial application,
// chaining (~>) and transforms.

package jsonata

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
	args, err := ev.evalArgs(expr, input, env, applyTo)
	if err != nil {
		return nil, err
	}
	result, err := ev.apply(proc, args, input, env)
	if err != nil {
		return nil, callErr(err, expr)
	}
	return result, nil
}

// evalArgs evaluates a call's arguments after the values applyTo supplies
// (the left side of ~>).
func (ev *evaluator) evalArgs(call *Node, input any, env *frame, applyTo []any) ([]any, *Error) {
	args := make([]any, 0, len(call.Arguments)+len(applyTo))
	args = append(args, applyTo...)
	for _, a := range call.Arguments {
		v, err := ev.eval(a, input, env)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	return args, nil
}

// callErr gives an error raised inside a call the call's position and the
// procedure's name when it does not carry its own.
func callErr(err *Error, call *Node) *Error {
	if err.Position < 0 {
		err.Position, err.Start = call.Position, call.Start
	}
	if err.Token == "" {
		err.Token = procName(call)
	}
	return err
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
		targs, err := ev.evalArgs(call, l.input, l.env, nil)
		if err != nil {
			return nil, err
		}
		result, err = ev.applyInner(next, targs, input, env)
		if err != nil {
			return nil, callErr(err, call)
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

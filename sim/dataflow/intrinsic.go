package dataflow

import (
	"fmt"
	"math"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
)

// icall is a compiled intrinsic call.
type icall struct {
	name string
	text string // the call as written, for AWS's failure message
	fn   *intrinsicFunc
	args []iarg
}

// iarg is a compiled argument: a literal, a path or a nested call.
type iarg struct {
	lit   any
	raw   string // a string literal's text with escapes kept (States.Format)
	isLit bool
	path  *Path
	call  *icall
}

// maxIntrinsicNesting is AWS's limit on nested intrinsic calls in one field.
const maxIntrinsicNesting = 10

// compileIntrinsic parses and checks one intrinsic call.
func compileIntrinsic(s string) (*icall, error) {
	c, errs := expr.ParseIntrinsic(s)
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid intrinsic function call %q: %s", s, errs[0].Message)
	}
	return compileCall(c, 1, s)
}

func compileCall(c *expr.Call, depth int, src string) (*icall, error) {
	if depth > maxIntrinsicNesting {
		return nil, fmt.Errorf("intrinsic functions are nested more than %d deep", maxIntrinsicNesting)
	}
	fn, ok := intrinsics[c.Name]
	if !ok {
		return nil, fmt.Errorf("unknown intrinsic function %q", c.Name)
	}
	if len(c.Args) < fn.minArgs || fn.maxArgs >= 0 && len(c.Args) > fn.maxArgs {
		return nil, fmt.Errorf("%s takes %s, got %d", c.Name, fn.arity(), len(c.Args))
	}
	ic := &icall{name: c.Name, fn: fn, args: make([]iarg, len(c.Args)), text: c.Name + "(...)"}
	if c.Span.Start >= 0 && c.Span.End <= len(src) && c.Span.Start < c.Span.End {
		ic.text = src[c.Span.Start:c.Span.End]
	}
	for i, a := range c.Args {
		switch a.Kind {
		case expr.ArgString:
			ic.args[i] = iarg{lit: a.Str, raw: a.Raw, isLit: true}
		case expr.ArgNumber:
			var n any = a.Num
			if a.IsInt && a.Num == math.Trunc(a.Num) && math.Abs(a.Num) < 1<<63 {
				n = int64(a.Num)
			}
			ic.args[i] = iarg{lit: n, isLit: true}
		case expr.ArgBool:
			ic.args[i] = iarg{lit: a.Bool, isLit: true}
		case expr.ArgNull:
			ic.args[i] = iarg{lit: nil, isLit: true}
		case expr.ArgPath:
			p, err := compileParsed(a.Path.Text, a.Path)
			if err != nil {
				return nil, err
			}
			ic.args[i] = iarg{path: p}
		case expr.ArgCall:
			sub, err := compileCall(a.Call, depth+1, src)
			if err != nil {
				return nil, err
			}
			ic.args[i] = iarg{call: sub}
		}
	}
	return ic, nil
}

// eval evaluates the call; field names the template field for path errors.
func (c *icall) eval(input any, ctx *Context, field string) (any, error) {
	args, mark := ctx.argSlots(len(c.args))
	v, err := c.evalWith(args, input, ctx, field)
	ctx.releaseArgs(mark) // not deferred: a panic ends the run anyway
	return v, err
}

// evalWith evaluates the call with args as the argument slots.
func (c *icall) evalWith(args []any, input any, ctx *Context, field string) (any, error) {
	for i, a := range c.args {
		switch {
		case a.isLit:
			args[i] = a.lit
		case a.path != nil:
			v, ok := a.path.Lookup(input, ctx)
			if !ok {
				return nil, &Error{Name: ErrRuntime, Cause: c.failurePrefix() + "The JsonPath argument for the field '" + a.path.text + "' could not be found in the input '" + EncodeJSON(input) + "'"}
			}
			args[i] = v
		case a.call != nil:
			v, err := a.call.eval(input, ctx, field)
			if err != nil {
				return nil, err
			}
			args[i] = v
		}
	}
	return c.fn.eval(callInfo{call: c, ctx: ctx}, args)
}

// failurePrefix starts every cause AWS reports for a failing call.
func (c *icall) failurePrefix() string {
	return "There was an error while evaluating the intrinsic function: " + c.text + ". "
}

// EvalIntrinsic parses and evaluates one intrinsic call against input.
// A malformed call is a States.Runtime failure (AWS would have rejected
// the definition).
func EvalIntrinsic(s string, input any, ctx *Context) (any, error) {
	c, err := compileIntrinsic(strings.TrimSpace(s))
	if err != nil {
		return nil, &Error{Name: ErrRuntime, Cause: err.Error(), Detail: err.Error()}
	}
	return c.eval(input, ctx, s)
}

// EvalIntrinsicString is EvalIntrinsic for `asl eval --intrinsic`.
func EvalIntrinsicString(s string, input any, ctx *Context) (any, error) {
	return EvalIntrinsic(s, input, ctx)
}

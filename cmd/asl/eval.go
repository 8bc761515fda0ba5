package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/trace"
)

func init() {
	register(&command{name: "eval", summary: "evaluate a JSONata, JSONPath or intrinsic expression against a sample input", run: runEval})
}

// evalTimeout bounds a runaway JSONata expression typed at the terminal.
const evalTimeout = 10 * time.Second

func runEval(ctx context.Context, e *env, args []string) int {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	jsonataExpr := fl.String("jsonata", "", "a JSONata `expression` (with or without {% %})")
	jsonPath := fl.String("jsonpath", "", "a JSONPath `path` ($..., $$... or $variable...)")
	intrinsic := fl.String("intrinsic", "", "an intrinsic function `call`, e.g. \"States.Format('{}', $.x)\"")
	inputPath := fl.String("input", "", "the input: a JSON `file`, or - for standard input (default {})")
	bindingsJSON := fl.String("bindings", "", "a JSON `object` of variables, e.g. '{\"states\": {\"input\": 1}}' (names without $)")
	contextJSON := fl.String("context", "", "a JSON `object` for the Context object ($$) of JSONPath and intrinsics")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: asl eval (--jsonata EXPR | --jsonpath PATH | --intrinsic CALL) [--input FILE|-] [--bindings JSON] [--context JSON]")
		fmt.Fprintln(e.stderr, "\nPrints the result as JSON (nothing when a JSONata expression yields no value). On an")
		fmt.Fprintln(e.stderr, "evaluation error prints {\"code\", \"message\", \"position\"} and exits 1; bad flags or input exit 2.")
		fl.PrintDefaults()
	}
	if _, err := parseInterleaved(fl, args); err != nil {
		return exitUsage
	}
	modes := 0
	for _, s := range []string{*jsonataExpr, *jsonPath, *intrinsic} {
		if s != "" {
			modes++
		}
	}
	if modes != 1 {
		fmt.Fprintln(e.stderr, "asl eval: give exactly one of --jsonata, --jsonpath, --intrinsic")
		fl.Usage()
		return exitUsage
	}
	// JSONata values keep key order and use float64 numbers, as the engine
	// expects; JSONPath and intrinsics use the simulator's decoding.
	decode := dataflow.DecodeJSON
	if *jsonataExpr != "" {
		decode = jsonata.DecodeJSON
	}
	input, err := readInputWith(e.stdin, *inputPath, decode)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl eval: %v\n", err)
		return exitUsage
	}
	bindings, err := jsonObjectFlag("--bindings", *bindingsJSON, decode)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl eval: %v\n", err)
		return exitUsage
	}
	contextObject, err := jsonObjectFlag("--context", *contextJSON, decode)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl eval: %v\n", err)
		return exitUsage
	}

	var result any
	switch {
	case *jsonataExpr != "":
		src := *jsonataExpr
		if body, _, ok := expr.JSONataBody(src); ok {
			src = body // a field's value pasted as it stands in the definition
		}
		compiled, cerr := jsonata.Compile(src)
		if cerr != nil {
			return printEvalError(e, cerr)
		}
		ctx, cancel := context.WithTimeout(ctx, evalTimeout)
		defer cancel()
		result, err = compiled.Evaluate(input, bindings, jsonata.WithContext(ctx))
		if err == nil && jsonata.IsUndefined(result) {
			return exitOK
		}
	default:
		dctx := &dataflow.Context{Object: contextObject, Vars: func(name string) (any, bool) {
			v, ok := bindings[name]
			return v, ok
		}}
		if *jsonPath != "" {
			var p *dataflow.Path
			if p, err = dataflow.CompilePath(*jsonPath); err == nil {
				result, err = p.Get(input, dctx)
			}
		} else {
			result, err = dataflow.EvalIntrinsicString(*intrinsic, input, dctx)
		}
	}
	if err != nil {
		return printEvalError(e, err)
	}
	fmt.Fprintln(e.stdout, trace.JSONText(result))
	return exitOK
}

func jsonObjectFlag(name, text string, decode func([]byte) (any, error)) (map[string]any, error) {
	if text == "" {
		return map[string]any{}, nil
	}
	v, err := decode([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("%s is not JSON: %v", name, err)
	}
	switch m := v.(type) {
	case map[string]any:
		return m, nil
	case *jsonata.Object:
		return m.Values, nil
	}
	return nil, fmt.Errorf("%s must be a JSON object", name)
}

// printEvalError prints {"code", "message", "position"}: JSONata's code and
// offset, or the ASL error name for JSONPath and intrinsics.
func printEvalError(e *env, err error) int {
	out := map[string]any{"code": "", "message": err.Error(), "position": nil}
	var je *jsonata.Error
	var de *dataflow.Error
	switch {
	case errors.As(err, &je):
		out["code"], out["message"], out["position"] = je.Code, trimCode(je.Error(), je.Code), je.Position
	case errors.As(err, &de):
		out["code"], out["message"] = de.Name, de.Cause
	}
	fmt.Fprintln(e.stdout, trace.JSONText(out))
	return exitFound
}

func trimCode(msg, code string) string {
	if len(msg) > len(code)+2 && msg[:len(code)+2] == code+": " {
		return msg[len(code)+2:]
	}
	return msg
}

package dataflow

import (
	"fmt"
	"maps"
	"sync"

	"github.com/aslkit/aslkit/asl/expr"
)

// ResultPath is a compiled ResultPath: where a state's result goes in its
// raw input.
type ResultPath struct {
	text  string
	steps []step // where to write it (none for "$": the result replaces the input)
}

// CompileResultPath parses a ResultPath: a reference path on the input
// ($$ and variables are not allowed).
func CompileResultPath(s string) (*ResultPath, error) {
	parsed, errs := expr.ParseReferencePath(s)
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid ResultPath %q: %s", s, errs[0].Message)
	}
	if parsed.Root != expr.RootInput {
		return nil, fmt.Errorf("invalid ResultPath %q: it must start with '$.' and may not reference the Context object or a variable", s)
	}
	return &ResultPath{text: s, steps: singularSteps(parsed)}, nil
}

// Apply places result into a copy of input (only the objects and arrays on
// the path are copied; input itself is not modified). Missing intermediate
// objects are created. A nil ResultPath (JSON null) discards the result.
func (rp *ResultPath) Apply(input, result any) (any, error) {
	if rp == nil { // ResultPath: null keeps the raw input
		return input, nil
	}
	if len(rp.steps) == 0 {
		return result, nil
	}
	return rp.set(input, 0, result)
}

func (rp *ResultPath) set(cur any, i int, result any) (any, error) {
	if i == len(rp.steps) {
		return result, nil
	}
	st := rp.steps[i]
	if st.isIndex {
		arr, ok := cur.([]any)
		if !ok {
			return nil, rp.mismatch(cur, i)
		}
		idx := st.index
		if idx < 0 {
			idx += len(arr)
		}
		if idx < 0 || idx >= len(arr) {
			return nil, rp.mismatch(cur, i)
		}
		v, err := rp.set(arr[idx], i+1, result)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(arr))
		copy(out, arr)
		out[idx] = v
		return out, nil
	}
	var obj map[string]any
	switch x := cur.(type) {
	case map[string]any:
		obj = x
	case nil:
		if i == 0 {
			return nil, rp.mismatch(cur, i)
		}
		// A missing (or null) intermediate field becomes an object.
	default:
		return nil, rp.mismatch(cur, i)
	}
	v := result
	if i+1 < len(rp.steps) {
		// An inner step: what the field holds is copied in turn (the last
		// step's value is the result itself, with no lookup).
		var err error
		if v, err = rp.set(obj[st.name], i+1, result); err != nil {
			return nil, err
		}
	}
	var out map[string]any
	if obj == nil {
		out = make(map[string]any, 1)
	} else {
		out = maps.Clone(obj) // copies the table wholesale: cheaper than re-inserting
	}
	out[st.name] = v
	return out, nil
}

// mismatch reports that the input cannot hold the path. AWS's wording was
// never recorded; the name is the spec's.
func (rp *ResultPath) mismatch(cur any, i int) *Error {
	return &Error{Name: ErrResultPathMatch, Cause: fmt.Sprintf("Unable to apply ResultPath '%s' to the input: %s is %s, not %s",
		rp.text, (&Path{steps: rp.steps}).normalized(i), TypeName(cur), expectedContainer(rp.steps[i]))}
}

func expectedContainer(st step) string {
	if st.isIndex {
		return "an array with index " + fmt.Sprint(st.index)
	}
	return "an object"
}

var resultPathCache sync.Map // string -> *ResultPath

// ApplyResultPath applies ResultPath ref (nil means null: discard the
// result and keep the raw input) to the raw input and the result.
func ApplyResultPath(ref *string, input, result any) (any, error) {
	if ref == nil {
		return input, nil
	}
	rp, ok := resultPathCache.Load(*ref)
	if !ok {
		compiled, err := CompileResultPath(*ref)
		if err != nil {
			return nil, runtimeErr(err.Error())
		}
		rp, _ = resultPathCache.LoadOrStore(*ref, compiled)
	}
	return rp.(*ResultPath).Apply(input, result)
}

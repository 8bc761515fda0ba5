package dataflow

import (
	"fmt"
	"math"
)

// callInfo is what a function sees besides its argument values.
type callInfo struct {
	call *icall
	ctx  *Context
}

func (ci *callInfo) name() string { return ci.call.name }

// fail reports invalid arguments the way AWS does: States.Runtime with
// "... Invalid arguments in States.X" (observed on AWS: execution error
// States.Runtime, cause containing "Invalid arguments in States.MathAdd");
// the format text becomes the Detail.
func (ci *callInfo) fail(format string, a ...any) error {
	return ci.failWith("Invalid arguments in "+ci.name(), fmt.Sprintf(format, a...))
}

func (ci *callInfo) failWith(cause, detail string) error {
	return &Error{Name: ErrRuntime, Cause: ci.call.failurePrefix() + cause, Detail: detail}
}

// argument accessors: each names the argument (1-based) in its failure.

func (ci *callInfo) str(args []any, i int) (string, error) {
	s, ok := args[i].(string)
	if !ok {
		return "", ci.fail("The argument %d of %s must be a string, but was %s: %s", i+1, ci.name(), TypeName(args[i]), EncodeJSON(args[i]))
	}
	return s, nil
}

func (ci *callInfo) array(args []any, i int) ([]any, error) {
	a, ok := args[i].([]any)
	if !ok {
		return nil, ci.fail("The argument %d of %s must be an array, but was %s: %s", i+1, ci.name(), TypeName(args[i]), EncodeJSON(args[i]))
	}
	return a, nil
}

func (ci *callInfo) object(args []any, i int) (map[string]any, error) {
	m, ok := args[i].(map[string]any)
	if !ok {
		return nil, ci.fail("The argument %d of %s must be an object, but was %s: %s", i+1, ci.name(), TypeName(args[i]), EncodeJSON(args[i]))
	}
	return m, nil
}

// integer reads an integer argument the way AWS does for most functions:
// a fraction is truncated toward zero (Jackson's asInt; observed on AWS:
// ArrayPartition(a, 2.6) splits by 2, ArrayGetItem(a, 1.2) reads index 1,
// ArrayRange(5.4, -0.6, -2.4) is [5, 3, 1], MathRandom(1.4, 1.6) fails).
func (ci *callInfo) integer(args []any, i int) (int64, error) {
	f, err := ci.number(args, i)
	if err != nil {
		return 0, err
	}
	return int64(f), nil
}

// rounded reads an integer argument rounding half up like Java's
// Math.round, as AWS does for MathAdd (recorded: 0.5 -> 1, -1.5 -> -1,
// -2.5 -> -2, -1.51 -> -2).
func (ci *callInfo) rounded(args []any, i int) (int64, error) {
	f, err := ci.number(args, i)
	if err != nil {
		return 0, err
	}
	return javaRound(f), nil
}

func (ci *callInfo) number(args []any, i int) (float64, error) {
	f, ok := toFloat(args[i])
	if !ok {
		return 0, ci.fail("The argument %d of %s must be a number, but was %s: %s", i+1, ci.name(), TypeName(args[i]), EncodeJSON(args[i]))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<62 {
		return 0, ci.fail("The argument %d of %s is out of range: %s", i+1, ci.name(), FormatNumber(args[i]))
	}
	return f, nil
}

func javaRound(f float64) int64 { return int64(math.Floor(f + 0.5)) }

// javaLength is a string's length in UTF-16 code units, as Java counts
// characters for AWS's 10,000-character limits.
func javaLength(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

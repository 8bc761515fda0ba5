// Numeric and aggregation functions.

package jsonata

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

func fnSum(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	total := 0.0
	for _, f := range numbers(args[0]) {
		total += f
	}
	return total, nil
}

func fnCount(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return 0.0, nil
	}
	items, _ := arrayItems(args[0])
	return float64(len(items)), nil
}

func fnMax(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	ns := numbers(argAt(args, 0))
	if len(ns) == 0 {
		return Undefined, nil
	}
	m := math.Inf(-1)
	for _, f := range ns {
		m = math.Max(m, f)
	}
	return m, nil
}

func fnMin(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	ns := numbers(argAt(args, 0))
	if len(ns) == 0 {
		return Undefined, nil
	}
	m := math.Inf(1)
	for _, f := range ns {
		m = math.Min(m, f)
	}
	return m, nil
}

func fnAverage(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	ns := numbers(argAt(args, 0))
	if len(ns) == 0 {
		return Undefined, nil
	}
	t := 0.0
	for _, f := range ns {
		t += f
	}
	return t / float64(len(ns)), nil
}

var numberRe = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$`)
var radixRe = regexp.MustCompile(`^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$`)

func fnNumber(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	switch x := args[0].(type) {
	case float64:
		return x, nil
	case bool:
		if x {
			return 1.0, nil
		}
		return 0.0, nil
	case string:
		if numberRe.MatchString(x) {
			f, err := strconv.ParseFloat(x, 64)
			if err == nil && !math.IsInf(f, 0) {
				return f, nil
			}
		} else if radixRe.MatchString(x) {
			base := 16
			switch x[1] {
			case 'o', 'O':
				base = 8
			case 'b', 'B':
				base = 2
			}
			if n, err := strconv.ParseUint(x[2:], base, 64); err == nil {
				return float64(n), nil
			}
		}
	}
	e := dynErr("D3030", args[0])
	e.Index = 1
	return nil, e
}

func numFn(f func(float64) float64) func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
		if undef(args, 0) {
			return Undefined, nil
		}
		r := f(args[0].(float64))
		if r == 0 {
			r = 0 // normalise -0
		}
		return r, nil
	}
}

// roundHalfEven is jsonata's $round (banker's rounding at a precision).
func roundHalfEven(arg float64, precision int) float64 {
	if precision != 0 {
		arg = shiftDecimal(arg, precision)
	}
	result := math.Floor(arg + 0.5) // Math.round
	diff := result - arg
	if math.Abs(diff) == 0.5 && math.Abs(math.Mod(result, 2)) == 1 {
		result--
	}
	if precision != 0 {
		result = shiftDecimal(result, -precision)
	}
	if result == 0 {
		result = 0
	}
	return result
}

// shiftDecimal multiplies by 10^n through the decimal string form, as
// jsonata does, to avoid binary floating point artefacts.
func shiftDecimal(f float64, n int) float64 {
	s := formatNumberJS(f)
	mant, exp, found := strings.Cut(s, "e")
	e := 0
	if found {
		e, _ = strconv.Atoi(exp)
	}
	r, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(e+n), 64)
	if err != nil {
		return f
	}
	return r
}

func fnRound(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	p := 0
	if f, ok := argAt(args, 1).(float64); ok {
		p = jsInt(f)
	}
	return roundHalfEven(args[0].(float64), p), nil
}

func fnSqrt(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	f := args[0].(float64)
	if f < 0 {
		e := dynErr("D3060", f)
		e.Index = 1
		return nil, e
	}
	return math.Sqrt(f), nil
}

func fnPower(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	b, x := args[0].(float64), argNumber(args, 1)
	r := math.Pow(b, x)
	if math.IsInf(r, 0) || math.IsNaN(r) {
		e := dynErr("D3061", b)
		e.Exp = x
		e.Index = 1
		return nil, e
	}
	return r, nil
}

func fnRandom(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if !undef(args, 0) {
		seed := args[0].(float64)
		if ev.cfg.seeded != nil {
			return ev.cfg.seeded(seed), nil
		}
		return seededRandom(seed), nil
	}
	return ev.random(), nil
}

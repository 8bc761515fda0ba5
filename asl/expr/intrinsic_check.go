package expr

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// CheckCall validates a parsed call and its nested calls: known function
// name, argument count, literal (and nested-call) argument types, nesting
// depth, and the per-function rules of intrinsics.md §4 (Format placeholder
// count, Hash algorithm, JsonMerge shallow only, ranges of literal numbers).
// Paths are not checked against data: their type is only known at run time.
func CheckCall(c *Call) []Error {
	if c == nil {
		return nil
	}
	var errs []Error
	checkCall(c, 1, &errs)
	return errs
}

func checkCall(c *Call, depth int, errs *[]Error) {
	if depth == MaxCallDepth+1 {
		*errs = append(*errs, errAt(c.NameSpan.Start, c.NameSpan.End,
			"intrinsic calls are nested more than %d deep: AWS rejects this, split the work across states", MaxCallDepth))
	}
	for _, a := range c.Args {
		if a.Kind == ArgCall && a.Call != nil {
			checkCall(a.Call, depth+1, errs)
		}
	}
	f, ok := LookupFunction(c.Name)
	if !ok {
		*errs = append(*errs, errAt(c.NameSpan.Start, c.NameSpan.End, "%s", unknownFunctionMessage(c.Name)))
		return
	}
	n := len(c.Args)
	if n < f.MinArgs || (f.MaxArgs >= 0 && n > f.MaxArgs) {
		span := Span{Start: c.LParen.Start, End: c.RParen.End}
		if f.MaxArgs >= 0 && n > f.MaxArgs {
			span = Span{Start: c.Args[f.MaxArgs].Span.Start, End: c.Args[n-1].Span.End}
		}
		if span.End < span.Start {
			span.End = span.Start
		}
		*errs = append(*errs, Error{Span: span, Message: fmt.Sprintf("%s takes %s but is given %d: %s",
			f.Name, arityText(f), n, f.Signature)})
	}
	for i, a := range c.Args {
		if f.MaxArgs >= 0 && i >= f.MaxArgs {
			break
		}
		want := f.ParamType(i)
		if got, known := argType(a); known && !typeFits(got, want, a) {
			*errs = append(*errs, errAt(a.Span.Start, a.Span.End, "argument %d of %s must be %s, not %s",
				i+1, f.Name, typeWithArticle(want), describeArg(a)))
		}
	}
	checkFunctionRules(c, f, errs)
}

func arityText(f *Function) string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return fmt.Sprintf("%d arguments", n)
	}
	switch {
	case f.MaxArgs < 0:
		return "at least " + plural(f.MinArgs)
	case f.MinArgs == f.MaxArgs:
		return plural(f.MinArgs)
	}
	return fmt.Sprintf("%d to %d arguments", f.MinArgs, f.MaxArgs)
}

func unknownFunctionMessage(name string) string {
	for _, f := range functions {
		if strings.EqualFold(f.Name, name) {
			return fmt.Sprintf("unknown intrinsic function %s: names are case-sensitive, did you mean %s?", name, f.Name)
		}
	}
	short := strings.TrimPrefix(name, "States.")
	for _, f := range functions {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "States."), short) {
			return fmt.Sprintf("unknown intrinsic function %s: did you mean %s?", name, f.Name)
		}
	}
	return fmt.Sprintf("unknown intrinsic function %s: the functions are States.Format, States.StringToJson, States.JsonToString, "+
		"States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange, States.ArrayGetItem, States.ArrayLength, "+
		"States.ArrayUnique, States.Base64Encode, States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, "+
		"States.MathAdd, States.StringSplit and States.UUID", name)
}

// argType is the static type of an argument; known is false for paths and
// calls whose result can be anything.
func argType(a *Arg) (t Type, known bool) {
	switch a.Kind {
	case ArgString:
		return TypeString, true
	case ArgNumber:
		return TypeNumber, true
	case ArgBool:
		return TypeBoolean, true
	case ArgNull:
		return TypeAny, true
	case ArgCall:
		if a.Call != nil {
			if f, ok := LookupFunction(a.Call.Name); ok && f.Result != TypeAny {
				return f.Result, true
			}
		}
	}
	return TypeAny, false
}

func typeFits(got, want Type, a *Arg) bool {
	if want == TypeAny {
		return true
	}
	if a.Kind == ArgNull {
		return false
	}
	if want == TypeInteger || want == TypeNumber {
		return got == TypeNumber || got == TypeInteger
	}
	return got == want
}

func typeWithArticle(t Type) string {
	switch t {
	case TypeArray, TypeObject, TypeInteger:
		return "an " + t.String()
	}
	return "a " + t.String()
}

func describeArg(a *Arg) string {
	switch a.Kind {
	case ArgString:
		return "the string '" + truncate(a.Raw, 30) + "'"
	case ArgNumber:
		return "the number " + formatNumber(a.Num)
	case ArgBool:
		if a.Bool {
			return "true"
		}
		return "false"
	case ArgNull:
		return "null"
	case ArgCall:
		if f, ok := LookupFunction(a.Call.Name); ok {
			return f.Name + "(...), which returns " + typeWithArticle(f.Result)
		}
	}
	return "this " + a.Kind.String()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "..."
}

func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%g", f)
}

// JavaRound rounds like Java's Math.round (half up, towards +infinity),
// which is how AWS turns non-integer arguments into integers.
func JavaRound(f float64) float64 { return math.Floor(f + 0.5) }

func literalNumber(a *Arg) (float64, bool) {
	if a != nil && a.Kind == ArgNumber {
		return a.Num, true
	}
	return 0, false
}

const maxBase64Input = 10000

func checkFunctionRules(c *Call, f *Function, errs *[]Error) {
	args := c.Args
	add := func(a *Arg, format string, v ...any) {
		*errs = append(*errs, errAt(a.Span.Start, a.Span.End, format, v...))
	}
	switch f.Name {
	case "States.Format":
		if len(args) == 0 || args[0].Kind != ArgString {
			return
		}
		pieces, problems := splitFormat(args[0].Raw)
		for _, pr := range problems {
			// +1: Raw starts after the opening quote.
			off := args[0].Span.Start + 1
			*errs = append(*errs, warnAt(off+pr.Span.Start, off+pr.Span.End, "%s", pr.Message))
		}
		holes := len(pieces) - 1
		if values := len(args) - 1; values != holes {
			span := args[0].Span
			if values > holes {
				span = Span{Start: args[holes+1].Span.Start, End: args[len(args)-1].Span.End}
			}
			*errs = append(*errs, Error{Span: span, Message: fmt.Sprintf(
				"the template has %d {} placeholder%s but %d value%s follow%s: pass exactly one value per {}",
				holes, plural(holes), values, plural(values), map[bool]string{true: "s", false: ""}[values == 1])})
		}
	case "States.JsonToString":
		if len(args) == 1 && args[0].Kind != ArgPath && args[0].Kind != ArgCall {
			add(args[0], "States.JsonToString takes a path such as $.data, not a literal")
		}
	case "States.Hash":
		if len(args) == 2 && args[1].Kind == ArgString && !slices.Contains(HashAlgorithms, args[1].Str) {
			msg := fmt.Sprintf("unknown hash algorithm '%s': use one of %s", args[1].Str, strings.Join(HashAlgorithms, ", "))
			for _, h := range HashAlgorithms {
				if strings.EqualFold(strings.ReplaceAll(h, "-", ""), strings.ReplaceAll(args[1].Str, "-", "")) {
					msg = fmt.Sprintf("unknown hash algorithm '%s': did you mean '%s'?", args[1].Str, h)
				}
			}
			add(args[1], "%s", msg)
		}
	case "States.JsonMerge":
		if len(args) == 3 && args[2].Kind == ArgBool && args[2].Bool {
			*errs = append(*errs, warnAt(args[2].Span.Start, args[2].Span.End,
				"AWS only supports a shallow merge: pass false (nested objects of the second argument replace those of the first)"))
		}
	case "States.ArrayPartition":
		if len(args) == 2 {
			if n, ok := literalNumber(args[1]); ok && JavaRound(n) <= 0 {
				add(args[1], "the chunk size must be a positive integer")
			}
		}
	case "States.ArrayRange":
		if len(args) != 3 {
			return
		}
		step, stepOK := literalNumber(args[2])
		if stepOK && JavaRound(step) == 0 {
			add(args[2], "the step must not be 0")
			return
		}
		first, ok1 := literalNumber(args[0])
		last, ok2 := literalNumber(args[1])
		if ok1 && ok2 && stepOK {
			first, last, step = JavaRound(first), JavaRound(last), JavaRound(step)
			if count := math.Floor((last-first)/step) + 1; count > 1000 {
				add(args[2], "this range has %s items; AWS allows at most 1000", formatNumber(count))
			}
		}
	case "States.MathAdd":
		for _, a := range args {
			if n, ok := literalNumber(a); ok && (JavaRound(n) < math.MinInt32 || JavaRound(n) > math.MaxInt32) {
				add(a, "States.MathAdd takes integers from -2147483648 to 2147483647")
			}
		}
	case "States.MathRandom":
		if len(args) >= 2 {
			start, ok1 := literalNumber(args[0])
			end, ok2 := literalNumber(args[1])
			if ok1 && ok2 && JavaRound(start) >= JavaRound(end) {
				add(args[1], "end must be greater than start (start is included, end is excluded)")
			}
		}
	case "States.Base64Encode", "States.Base64Decode":
		if len(args) == 1 && args[0].Kind == ArgString && utf8.RuneCountInString(args[0].Str) > maxBase64Input {
			add(args[0], "%s takes at most %d characters", f.Name, maxBase64Input)
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

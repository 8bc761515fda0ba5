// The built-in function table and argument helpers.

package jsonata

import (
	"math"
)

// builtins is the static frame of native functions.
var builtins map[string]any

type builtinDef struct {
	name  string
	sig   string
	arity int
	impl  func(ev *evaluator, fc *fnCtx, args []any) (any, *Error)
}

func define(defs ...builtinDef) {
	for _, d := range defs {
		var sig *Signature
		if d.sig != "" {
			sig = mustSignature(d.sig)
		}
		builtins[d.name] = &builtin{name: d.name, sig: sig, arity: d.arity, impl: d.impl}
	}
}

func init() {
	builtins = map[string]any{}
	define(
		builtinDef{"sum", "<a<n>:n>", 1, fnSum},
		builtinDef{"count", "<a:n>", 1, fnCount},
		builtinDef{"max", "<a<n>:n>", 1, fnMax},
		builtinDef{"min", "<a<n>:n>", 1, fnMin},
		builtinDef{"average", "<a<n>:n>", 1, fnAverage},
		builtinDef{"string", "<x-b?:s>", 1, fnString},
		builtinDef{"substring", "<s-nn?:s>", 3, fnSubstring},
		builtinDef{"substringBefore", "<s-s:s>", 2, fnSubstringBefore},
		builtinDef{"substringAfter", "<s-s:s>", 2, fnSubstringAfter},
		builtinDef{"lowercase", "<s-:s>", 1, fnLowercase},
		builtinDef{"uppercase", "<s-:s>", 1, fnUppercase},
		builtinDef{"length", "<s-:n>", 1, fnLength},
		builtinDef{"trim", "<s-:s>", 1, fnTrim},
		builtinDef{"pad", "<s-ns?:s>", 3, fnPad},
		builtinDef{"match", "<s-f<s:o>n?:a<o>>", 3, fnMatch},
		builtinDef{"contains", "<s-(sf):b>", 2, fnContains},
		builtinDef{"replace", "<s-(sf)(sf)n?:s>", 4, fnReplace},
		builtinDef{"split", "<s-(sf)n?:a<s>>", 3, fnSplit},
		builtinDef{"join", "<a<s>s?:s>", 2, fnJoin},
		builtinDef{"formatNumber", "<n-so?:s>", 3, fnFormatNumber},
		builtinDef{"formatBase", "<n-n?:s>", 2, fnFormatBase},
		builtinDef{"formatInteger", "<n-s:s>", 2, fnFormatInteger},
		builtinDef{"parseInteger", "<s-s:n>", 2, fnParseInteger},
		builtinDef{"number", "<(nsb)-:n>", 1, fnNumber},
		builtinDef{"floor", "<n-:n>", 1, numFn(math.Floor)},
		builtinDef{"ceil", "<n-:n>", 1, numFn(math.Ceil)},
		builtinDef{"round", "<n-n?:n>", 2, fnRound},
		builtinDef{"abs", "<n-:n>", 1, numFn(math.Abs)},
		builtinDef{"sqrt", "<n-:n>", 1, fnSqrt},
		builtinDef{"power", "<n-n:n>", 2, fnPower},
		builtinDef{"random", "<n?:n>", 1, fnRandom},
		builtinDef{"boolean", "<x-:b>", 1, fnBoolean},
		builtinDef{"not", "<x-:b>", 1, fnNot},
		builtinDef{"map", "<af>", 2, fnMap},
		builtinDef{"zip", "<a+>", 0, fnZip},
		builtinDef{"filter", "<af>", 2, fnFilter},
		builtinDef{"single", "<af?>", 2, fnSingle},
		builtinDef{"reduce", "<afj?:j>", 3, fnReduce},
		builtinDef{"sift", "<o-f?:o>", 2, fnSift},
		builtinDef{"keys", "<x-:a<s>>", 1, fnKeys},
		builtinDef{"lookup", "<x-s:x>", 2, fnLookup},
		builtinDef{"append", "<xx:a>", 2, fnAppend},
		builtinDef{"exists", "<x:b>", 1, fnExists},
		builtinDef{"spread", "<x-:a<o>>", 1, fnSpread},
		builtinDef{"merge", "<a<o>:o>", 1, fnMerge},
		builtinDef{"reverse", "<a:a>", 1, fnReverse},
		builtinDef{"each", "<o-f:a>", 2, fnEach},
		builtinDef{"error", "<s?:x>", 1, fnError},
		builtinDef{"assert", "<bs?:x>", 2, fnAssert},
		builtinDef{"type", "<x:s>", 1, fnType},
		builtinDef{"sort", "<af?:a>", 2, fnSort},
		builtinDef{"shuffle", "<a:a>", 1, fnShuffle},
		builtinDef{"distinct", "<x:x>", 1, fnDistinct},
		builtinDef{"base64encode", "<s-:s>", 1, fnBase64Encode},
		builtinDef{"base64decode", "<s-:s>", 1, fnBase64Decode},
		builtinDef{"encodeUrlComponent", "<s-:s>", 1, fnEncodeURIComponent},
		builtinDef{"encodeUrl", "<s-:s>", 1, fnEncodeURI},
		builtinDef{"decodeUrlComponent", "<s-:s>", 1, fnDecodeURIComponent},
		builtinDef{"decodeUrl", "<s-:s>", 1, fnDecodeURI},
		builtinDef{"eval", "<sx?:x>", 2, fnEval},
		builtinDef{"toMillis", "<s-s?:n>", 2, fnToMillis},
		builtinDef{"fromMillis", "<n-s?s?:s>", 3, fnFromMillis},
		builtinDef{"clone", "<(oa)-:o>", 1, fnClone},
		builtinDef{"now", "<s?s?:s>", 2, fnNow},
		builtinDef{"millis", "<:n>", 0, fnMillis},
	)
	defineStepFunctions()
}

func undef(args []any, i int) bool { return i >= len(args) || IsUndefined(args[i]) }

func numbers(v any) []float64 {
	items, ok := arrayItems(v)
	if !ok {
		return nil
	}
	out := make([]float64, 0, len(items))
	for _, it := range items {
		if f, ok := it.(float64); ok {
			out = append(out, f)
		}
	}
	return out
}

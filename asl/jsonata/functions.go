package jsonata

import (
	"encoding/base64"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
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

func fnString(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	pretty := false
	if b, ok := argAt(args, 1).(bool); ok {
		pretty = b
	}
	s, err := stringOf(args[0], pretty)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func jsInt(f float64) int {
	if math.IsNaN(f) {
		return 0
	}
	if f > 1e15 {
		return 1 << 53
	}
	if f < -1e15 {
		return -(1 << 53)
	}
	return int(math.Trunc(f))
}

func fnSubstring(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	runes := []rune(s)
	n := len(runes)
	start := jsInt(argNumber(args, 1))
	if n+start < 0 {
		start = 0
	}
	slice := func(a, b int) string {
		if a < 0 {
			a += n
			if a < 0 {
				a = 0
			}
		}
		if b < 0 {
			b += n
			if b < 0 {
				b = 0
			}
		}
		if a > n {
			a = n
		}
		if b > n {
			b = n
		}
		if a >= b {
			return ""
		}
		return string(runes[a:b])
	}
	if !undef(args, 2) {
		length := jsInt(args[2].(float64))
		if length <= 0 {
			return "", nil
		}
		end := start + length
		if start < 0 {
			end = n + start + length
		}
		return slice(start, end), nil
	}
	return slice(start, n), nil
}

func fnSubstringBefore(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s, chars := args[0].(string), argString(args, 1)
	if i := strings.Index(s, chars); i >= 0 {
		return s[:i], nil
	}
	return s, nil
}

func fnSubstringAfter(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s, chars := args[0].(string), argString(args, 1)
	if i := strings.Index(s, chars); i >= 0 {
		return s[i+len(chars):], nil
	}
	return s, nil
}

func fnLowercase(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return strings.ToLower(args[0].(string)), nil
}

func fnUppercase(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return strings.ToUpper(args[0].(string)), nil
}

func fnLength(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return float64(utf8.RuneCountInString(args[0].(string))), nil
}

var trimRe = regexp.MustCompile(`[ \t\n\r]+`)

func fnTrim(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	r := trimRe.ReplaceAllString(args[0].(string), " ")
	r = strings.TrimPrefix(r, " ")
	r = strings.TrimSuffix(r, " ")
	return r, nil
}

func fnPad(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	width := jsInt(argNumber(args, 1))
	char := " "
	if c, ok := argAt(args, 2).(string); ok && c != "" {
		char = c
	}
	padLen := int(math.Abs(float64(width))) - utf8.RuneCountInString(s)
	if padLen <= 0 {
		return s, nil
	}
	if err := ev.charge(len(char) * padLen / 4); err != nil {
		return nil, err
	}
	padding := []rune(strings.Repeat(char, padLen))
	if len(padding) > padLen {
		padding = padding[:padLen]
	}
	if width > 0 {
		return s + string(padding), nil
	}
	return string(padding) + s, nil
}

// matcherResult is one match from a matcher function (regex or custom).
type matcherResult struct {
	obj    any
	match  string
	start  int // UTF-16
	end    int
	groups []any
}

func (ev *evaluator) callMatcher(fn any, args []any) (*matcherResult, *Error) {
	r, err := ev.apply(fn, args, nil, nil)
	if err != nil {
		return nil, err
	}
	if IsUndefined(r) || r == nil {
		return nil, nil
	}
	if !isObject(r) {
		return nil, &Error{Code: "T1010", Position: -1, Start: -1}
	}
	start, sok := mustGet(r, "start").(float64)
	end, eok := mustGet(r, "end").(float64)
	groups, gok := arrayItems(mustGet(r, "groups"))
	next := mustGet(r, "next")
	if !(sok || eok || gok || isFunction(next)) {
		return nil, &Error{Code: "T1010", Position: -1, Start: -1}
	}
	m, _ := mustGet(r, "match").(string)
	return &matcherResult{obj: r, match: m, start: int(start), end: int(end), groups: groups}, nil
}

func mustGet(o any, k string) any {
	v, ok := objectGet(o, k)
	if !ok {
		return Undefined
	}
	return v
}

func (ev *evaluator) nextMatch(m *matcherResult) (*matcherResult, *Error) {
	next := mustGet(m.obj, "next")
	if !isFunction(next) {
		return nil, nil
	}
	return ev.callMatcher(next, nil)
}

func fnMatch(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	limit := -1
	if !undef(args, 2) {
		l := args[2].(float64)
		if l < 0 {
			e := dynErr("D3040", l)
			e.Index = 3
			return nil, e
		}
		limit = jsInt(l)
	}
	result := &seq{sequence: true}
	if limit != 0 {
		m, err := ev.callMatcher(args[1], []any{s})
		if err != nil {
			return nil, err
		}
		count := 0
		for m != nil && (limit < 0 || count < limit) {
			o := NewObject(3)
			o.Set("match", m.match)
			o.Set("index", float64(m.start))
			o.Set("groups", &seq{v: m.groups})
			result.v = append(result.v, o)
			count++
			if err := ev.tick(); err != nil {
				return nil, err
			}
			m, err = ev.nextMatch(m)
			if err != nil {
				return nil, err
			}
		}
	}
	return result, nil
}

func fnContains(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	if tok, ok := argAt(args, 1).(string); ok {
		return strings.Contains(s, tok), nil
	}
	if undef(args, 1) {
		return Undefined, nil
	}
	m, err := ev.callMatcher(args[1], []any{s})
	if err != nil {
		return nil, err
	}
	return m != nil, nil
}

// substrUTF16 slices s by UTF-16 offsets.
func substrUTF16(s string, start, end int) string {
	if start < 0 {
		start = 0
	}
	if len(s) == utf16Len(s) {
		if end > len(s) {
			end = len(s)
		}
		if start >= end {
			return ""
		}
		return s[start:end]
	}
	u := 0
	bs, be := len(s), len(s)
	for i, r := range s {
		if u == start && bs == len(s) {
			bs = i
		}
		if u == end {
			be = i
			break
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
	}
	if bs >= be {
		return ""
	}
	return s[bs:be]
}

func fnReplace(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	pattern := argAt(args, 1)
	if p, ok := pattern.(string); ok && p == "" {
		e := dynErr("D3010", p)
		e.Index = 2
		return nil, e
	}
	limit := -1
	if !undef(args, 3) {
		l := args[3].(float64)
		if l < 0 {
			e := dynErr("D3011", l)
			e.Index = 4
			return nil, e
		}
		limit = jsInt(l)
	}
	replacement := argAt(args, 2)
	if limit == 0 {
		return s, nil
	}
	if p, ok := pattern.(string); ok {
		rep, _ := replacement.(string)
		if !ok || isFunction(replacement) {
			rep = ""
		}
		var b strings.Builder
		pos, count := 0, 0
		for limit < 0 || count < limit {
			i := strings.Index(s[pos:], p)
			if i < 0 {
				break
			}
			b.WriteString(s[pos : pos+i])
			b.WriteString(rep)
			pos += i + len(p)
			count++
		}
		b.WriteString(s[pos:])
		return b.String(), nil
	}
	m, err := ev.callMatcher(pattern, []any{s})
	if err != nil {
		return nil, err
	}
	if m == nil {
		return s, nil
	}
	var b strings.Builder
	pos, count := 0, 0
	for m != nil && (limit < 0 || count < limit) {
		b.WriteString(substrUTF16(s, pos, m.start))
		var sub string
		if rs, ok := replacement.(string); ok {
			sub = expandReplacement(rs, m)
		} else {
			r, err := ev.apply(replacement, []any{m.obj}, nil, fc.env)
			if err != nil {
				return nil, err
			}
			rstr, ok := r.(string)
			if !ok {
				return nil, dynErr("D3012", r)
			}
			sub = rstr
		}
		b.WriteString(sub)
		pos = m.start + utf16Len(m.match)
		count++
		if err := ev.tick(); err != nil {
			return nil, err
		}
		m, err = ev.nextMatch(m)
		if err != nil {
			return nil, err
		}
	}
	b.WriteString(substrUTF16(s, pos, 1<<62))
	return b.String(), nil
}

func expandReplacement(rep string, m *matcherResult) string {
	var b strings.Builder
	pos := 0
	for pos < len(rep) {
		i := strings.IndexByte(rep[pos:], '$')
		if i < 0 {
			break
		}
		b.WriteString(rep[pos : pos+i])
		pos += i + 1
		if pos >= len(rep) {
			b.WriteByte('$')
			break
		}
		d := rep[pos]
		if d == '$' {
			b.WriteByte('$')
			pos++
			continue
		}
		if d == '0' {
			b.WriteString(m.match)
			pos++
			continue
		}
		maxDigits := 1
		if len(m.groups) > 0 {
			maxDigits = int(math.Floor(math.Log10(float64(len(m.groups))))) + 1
		}
		end := minInt(pos+maxDigits, len(rep))
		idx, ok := leadingInt(rep[pos:end])
		if maxDigits > 1 && idx > len(m.groups) {
			idx, ok = leadingInt(rep[pos:minInt(pos+maxDigits-1, len(rep))])
		}
		if ok {
			if len(m.groups) > 0 && idx-1 >= 0 && idx-1 < len(m.groups) {
				if g, ok := m.groups[idx-1].(string); ok {
					b.WriteString(g)
				}
			}
			pos += len(strconv.Itoa(idx))
		} else {
			b.WriteByte('$')
		}
	}
	if pos < len(rep) {
		b.WriteString(rep[pos:])
	}
	return b.String()
}

// leadingInt is parseInt(s, 10) for the digits at the start of s.
func leadingInt(s string) (int, bool) {
	n := 0
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, i > 0
}

func fnSplit(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	limit := -1
	if !undef(args, 2) {
		l := args[2].(float64)
		if l < 0 {
			e := dynErr("D3020", l)
			e.Index = 3
			return nil, e
		}
		limit = jsInt(l)
	}
	result := &seq{}
	if limit == 0 {
		return result, nil
	}
	if sep, ok := argAt(args, 1).(string); ok {
		var parts []string
		if sep == "" {
			for _, r := range s {
				parts = append(parts, string(r))
			}
		} else {
			parts = strings.Split(s, sep)
		}
		for _, p := range parts {
			if limit >= 0 && len(result.v) >= limit {
				break
			}
			result.v = append(result.v, p)
		}
		return result, nil
	}
	m, err := ev.callMatcher(args[1], []any{s})
	if err != nil {
		return nil, err
	}
	if m == nil {
		result.v = append(result.v, s)
		return result, nil
	}
	start, count := 0, 0
	for m != nil && (limit < 0 || count < limit) {
		result.v = append(result.v, substrUTF16(s, start, m.start))
		start = m.end
		count++
		m, err = ev.nextMatch(m)
		if err != nil {
			return nil, err
		}
	}
	if limit < 0 || count < limit {
		result.v = append(result.v, substrUTF16(s, start, 1<<62))
	}
	return result, nil
}

func fnJoin(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	sep := ""
	if s, ok := argAt(args, 1).(string); ok {
		sep = s
	}
	items, _ := arrayItems(args[0])
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i], _ = it.(string)
	}
	return strings.Join(parts, sep), nil
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

func fnBoolean(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	if isFunction(args[0]) {
		return false, nil
	}
	return toBool(args[0]), nil
}

func fnNot(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	if isFunction(args[0]) {
		return true, nil
	}
	return !toBool(args[0]), nil
}

func hofArgs(fn any, v any, pos any, whole any) []any {
	n := functionArity(fn)
	args := []any{v}
	if n >= 2 {
		args = append(args, pos)
	}
	if n >= 3 {
		args = append(args, whole)
	}
	return args
}

func fnMap(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	result := &seq{sequence: true, v: make([]any, 0, len(items))}
	for i, it := range items {
		r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if !IsUndefined(r) {
			result.v = append(result.v, r)
		}
	}
	return result, nil
}

func fnFilter(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	result := &seq{sequence: true}
	for i, it := range items {
		r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if toBool(r) {
			result.v = append(result.v, it)
		}
	}
	return result, nil
}

func fnSingle(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	found := false
	var result any = Undefined
	for i, it := range items {
		ok := true
		if !IsUndefined(fn) {
			r, err := ev.apply(fn, hofArgs(fn, it, float64(i), args[0]), nil, fc.env)
			if err != nil {
				return nil, err
			}
			ok = toBool(r)
		}
		if ok {
			if found {
				return nil, &Error{Code: "D3138", Position: -1, Start: -1}
			}
			result, found = it, true
		}
	}
	if !found {
		return nil, &Error{Code: "D3139", Position: -1, Start: -1}
	}
	return result, nil
}

func fnZip(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	result := &seq{}
	if len(args) == 0 {
		return result, nil
	}
	n := math.MaxInt
	lists := make([][]any, len(args))
	for i, a := range args {
		items, ok := arrayItems(a)
		if !ok {
			items = nil
		}
		lists[i] = items
		n = minInt(n, len(items))
	}
	for i := 0; i < n; i++ {
		t := make([]any, len(lists))
		for j := range lists {
			t[j] = lists[j][i]
		}
		result.v = append(result.v, &seq{v: t})
	}
	return result, nil
}

func fnReduce(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	fn := argAt(args, 1)
	arity := functionArity(fn)
	if arity < 2 {
		e := &Error{Code: "D3050", Position: -1, Start: -1, Index: 1}
		return nil, e
	}
	var result any
	index := 0
	if undef(args, 2) && len(items) > 0 {
		result = items[0]
		index = 1
	} else {
		result = argAt(args, 2)
	}
	for ; index < len(items); index++ {
		cargs := []any{result, items[index]}
		if arity >= 3 {
			cargs = append(cargs, float64(index))
		}
		if arity >= 4 {
			cargs = append(cargs, args[0])
		}
		r, err := ev.apply(fn, cargs, nil, fc.env)
		if err != nil {
			return nil, err
		}
		result = r
	}
	return result, nil
}

func fnSift(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	obj := argAt(args, 0)
	fn := argAt(args, 1)
	if !isObject(obj) {
		return Undefined, nil
	}
	result := NewObject(0)
	for _, k := range objectKeys(obj) {
		v, _ := objectGet(obj, k)
		r, err := ev.apply(fn, hofArgs(fn, v, k, obj), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if toBool(r) {
			result.Set(k, v)
		}
	}
	if result.Len() == 0 {
		return Undefined, nil
	}
	return result, nil
}

func keysOf(v any) []string {
	if items, ok := arrayItems(v); ok {
		seen := map[string]bool{}
		var out []string
		for _, it := range items {
			for _, k := range keysOf(it) {
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
		return out
	}
	if isObject(v) {
		return objectKeys(v)
	}
	return nil
}

func fnKeys(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	ks := keysOf(argAt(args, 0))
	out := &seq{sequence: true, v: make([]any, len(ks))}
	for i, k := range ks {
		out.v[i] = k
	}
	return out, nil
}

func fnLookup(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	k := argString(args, 1)
	return lookupField(argAt(args, 0), k), nil
}

func fnAppend(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return appendValues(argAt(args, 0), argAt(args, 1)), nil
}

func fnExists(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return !undef(args, 0), nil
}

func spreadValue(v any) any {
	if items, ok := arrayItems(v); ok {
		var result any = &seq{sequence: true}
		for _, it := range items {
			result = appendValues(result, spreadValue(it))
		}
		return result
	}
	if isObject(v) {
		out := &seq{sequence: true}
		for _, k := range objectKeys(v) {
			val, _ := objectGet(v, k)
			o := NewObject(1)
			o.Set(k, val)
			out.v = append(out.v, o)
		}
		return out
	}
	return v
}

func fnSpread(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return spreadValue(argAt(args, 0)), nil
}

func fnMerge(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	result := NewObject(0)
	for _, it := range items {
		for _, k := range objectKeys(it) {
			v, _ := objectGet(it, k)
			result.Set(k, v)
		}
	}
	return result, nil
}

func fnReverse(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	out := make([]any, len(items))
	for i, it := range items {
		out[len(items)-1-i] = it
	}
	return &seq{v: out}, nil
}

func fnEach(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	obj := argAt(args, 0)
	fn := argAt(args, 1)
	result := &seq{sequence: true}
	for _, k := range objectKeys(obj) {
		v, _ := objectGet(obj, k)
		r, err := ev.apply(fn, hofArgs(fn, v, k, obj), nil, fc.env)
		if err != nil {
			return nil, err
		}
		if !IsUndefined(r) {
			result.v = append(result.v, r)
		}
	}
	return result, nil
}

func fnError(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	msg := "$error() function evaluated"
	if s, ok := argAt(args, 0).(string); ok {
		msg = s
	}
	return nil, &Error{Code: "D3137", Position: -1, Start: -1, Value: msg, Message: msg}
}

func fnAssert(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if b, ok := argAt(args, 0).(bool); ok && !b {
		msg := "$assert() statement failed"
		if s, ok := argAt(args, 1).(string); ok {
			msg = s
		}
		return nil, &Error{Code: "D3141", Position: -1, Start: -1, Value: msg, Message: msg}
	}
	return Undefined, nil
}

func fnType(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	v := argAt(args, 0)
	switch v.(type) {
	case undefinedType:
		return Undefined, nil
	case nil:
		return "null", nil
	case float64:
		return "number", nil
	case string:
		return "string", nil
	case bool:
		return "boolean", nil
	case []any, *seq:
		return "array", nil
	}
	if isFunction(v) {
		return "function", nil
	}
	return "object", nil
}

func fnSort(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	var swap func(a, b any) (bool, *Error)
	if undef(args, 1) {
		if !isArrayOfNumbers(args[0]) && !isArrayOfStrings(args[0]) {
			return nil, &Error{Code: "D3070", Position: -1, Start: -1, Index: 1}
		}
		swap = func(a, b any) (bool, *Error) {
			if x, ok := a.(float64); ok {
				return x > b.(float64), nil
			}
			return compareUTF16(a.(string), b.(string)) > 0, nil
		}
	} else {
		fn := args[1]
		swap = func(a, b any) (bool, *Error) {
			r, err := ev.apply(fn, []any{a, b}, nil, fc.env)
			if err != nil {
				return false, err
			}
			return toBool(r), nil
		}
	}
	sorted, err := mergeSort(items, swap)
	if err != nil {
		return nil, err
	}
	return &seq{v: sorted}, nil
}

func fnShuffle(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	if len(items) <= 1 {
		return args[0], nil
	}
	out := make([]any, len(items))
	for i := range items {
		j := int(math.Floor(ev.random() * float64(i+1)))
		if i != j {
			out[i] = out[j]
		}
		out[j] = items[i]
	}
	return &seq{v: out}, nil
}

func fnDistinct(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, ok := arrayItems(args[0])
	if !ok || len(items) <= 1 {
		return args[0], nil
	}
	out := &seq{sequence: isSequence(args[0])}
	for _, it := range items {
		dup := false
		for _, r := range out.v {
			if deepEqual(it, r) {
				dup = true
				break
			}
		}
		if !dup {
			out.v = append(out.v, it)
		}
	}
	return out, nil
}

func fnBase64Encode(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return base64.StdEncoding.EncodeToString([]byte(args[0].(string))), nil
}

func fnBase64Decode(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := strings.TrimRight(args[0].(string), "=")
	b, err := base64.RawStdEncoding.DecodeString(s)
	if err != nil {
		b, _ = base64.RawStdEncoding.DecodeString(s[:len(s)/4*4])
	}
	return string(b), nil
}

func fnEval(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	input := fc.input
	if !undef(args, 1) {
		input = args[1]
		if a, ok := input.([]any); ok {
			input = &seq{v: []any{a}, sequence: true, outerWrapper: true}
		}
	}
	ast, perr := Parse(args[0].(string))
	if perr != nil {
		pe := perr.(*Error)
		return nil, &Error{Code: "D3120", Position: -1, Start: -1, Value: pe.Error()}
	}
	r, err := ev.eval(ast, input, fc.env)
	if err != nil {
		if err.Code == "U1001" || err.Code == "U1002" {
			return nil, err
		}
		return nil, &Error{Code: "D3121", Position: -1, Start: -1, Value: err.Error()}
	}
	return r, nil
}

func fnClone(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return deepClone(args[0]), nil
}

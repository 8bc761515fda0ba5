// String functions, including the regex-driven $match, $replace, $split.

package jsonata

import (
	"encoding/base64"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

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

// limitArg reads the optional limit argument args[i]: -1 when it is absent,
// otherwise its integer value; a negative limit is the error code against
// argument i+1.
func limitArg(args []any, i int, code string) (int, *Error) {
	if undef(args, i) {
		return -1, nil
	}
	l := args[i].(float64)
	if l < 0 {
		e := dynErr(code, l)
		e.Index = i + 1
		return 0, e
	}
	return jsInt(l), nil
}

func fnMatch(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	limit, err := limitArg(args, 2, "D3040")
	if err != nil {
		return nil, err
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
	limit, err := limitArg(args, 3, "D3011")
	if err != nil {
		return nil, err
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
		end := min(pos+maxDigits, len(rep))
		idx, ok := leadingInt(rep[pos:end])
		if maxDigits > 1 && idx > len(m.groups) {
			idx, ok = leadingInt(rep[pos:min(pos+maxDigits-1, len(rep))])
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
	limit, err := limitArg(args, 2, "D3020")
	if err != nil {
		return nil, err
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

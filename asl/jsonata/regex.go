package jsonata

import (
	"regexp"
	"strings"
)

// jsRegex is a JavaScript regular expression translated to Go's RE2 syntax.
// RE2 has no lookaround or backreferences; such patterns are rejected at
// parse time with S0303 naming the construct.
type jsRegex struct {
	source string
	flags  string
	re     *regexp.Regexp
}

func compileJSRegex(pattern, flags string) (*jsRegex, *Error) {
	goPat, bad := translateJSRegex(pattern)
	if bad != "" {
		return nil, &Error{Code: "S0303", Value: bad, Start: -1}
	}
	prefix := ""
	if strings.Contains(flags, "i") {
		prefix += "i"
	}
	if strings.Contains(flags, "m") {
		prefix += "m"
	}
	if prefix != "" {
		goPat = "(?" + prefix + ")" + goPat
	}
	re, err := regexp.Compile(goPat)
	if err != nil {
		return nil, &Error{Code: "S0303", Value: err.Error(), Start: -1}
	}
	return &jsRegex{source: pattern, flags: flags, re: re}, nil
}

// translateJSRegex rewrites JS-only syntax; it returns the offending
// construct when the pattern cannot be expressed in RE2.
func translateJSRegex(p string) (string, string) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p):
			n := p[i+1]
			switch {
			case n == 'u' && i+5 < len(p)+0 && i+6 <= len(p) && isHex4(p[i+2:i+6]):
				b.WriteString(`\x{` + p[i+2:i+6] + `}`)
				i += 5
			case n == 'u' && i+2 < len(p) && p[i+2] == '{':
				end := strings.IndexByte(p[i:], '}')
				if end < 0 {
					return "", `\u{`
				}
				b.WriteString(`\x{` + p[i+3:i+end] + `}`)
				i += end
			case n >= '1' && n <= '9' && !inClass:
				return "", "backreference \\" + string(n)
			case n == 'k' && !inClass:
				return "", "named backreference \\k"
			case n == '/':
				b.WriteByte('/')
				i++
			case n == 's' && !inClass:
				b.WriteString(`[` + jsSpaceClass + `]`)
				i++
			case n == 's' && inClass:
				b.WriteString(jsSpaceClass)
				i++
			case n == 'S' && !inClass:
				b.WriteString(`[^` + jsSpaceClass + `]`)
				i++
			case n == 'd' || n == 'D' || n == 'w' || n == 'W' || n == 's' || n == 'S' || n == 'b' || n == 'B' ||
				n == 'n' || n == 'r' || n == 't' || n == 'f' || n == 'v' || n == 'x' || n == '0':
				if n == 'v' {
					b.WriteString(`\x0B`)
				} else if n == '0' {
					b.WriteString(`\x00`)
				} else {
					b.WriteByte('\\')
					b.WriteByte(n)
				}
				i++
			case n == 'c' && i+2 < len(p):
				b.WriteString(`\x`)
				v := p[i+2] % 32
				b.WriteByte("0123456789abcdef"[v>>4])
				b.WriteByte("0123456789abcdef"[v&15])
				i += 2
			case (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z'):
				// identity escape of a letter: JS treats it as the letter
				b.WriteByte(n)
				i++
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
				i++
			}
		case inClass:
			if c == ']' {
				inClass = false
			}
			if c == '[' {
				b.WriteString(`\[`)
				continue
			}
			b.WriteByte(c)
		case c == '[':
			if strings.HasPrefix(p[i:], "[^]") {
				b.WriteString(`[\s\S]`)
				i += 2
				continue
			}
			if strings.HasPrefix(p[i:], "[]") {
				b.WriteString(`[^\s\S]`)
				i++
				continue
			}
			inClass = true
			b.WriteByte(c)
			if i+1 < len(p) && p[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
			if i+1 < len(p) && p[i+1] == ']' {
				b.WriteString(`\]`)
				i++
			}
		case c == '.':
			// JavaScript's dot stops at every line terminator, RE2's only at \n
			b.WriteString(`[^\n\r\x{2028}\x{2029}]`)
		case c == '(' && strings.HasPrefix(p[i:], "(?="):
			return "", "lookahead (?="
		case c == '(' && strings.HasPrefix(p[i:], "(?!"):
			return "", "negative lookahead (?!"
		case c == '(' && strings.HasPrefix(p[i:], "(?<="):
			return "", "lookbehind (?<="
		case c == '(' && strings.HasPrefix(p[i:], "(?<!"):
			return "", "negative lookbehind (?<!"
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}

// jsSpaceClass is JavaScript's \s (RE2's \s is ASCII only).
const jsSpaceClass = `\t\n\x0B\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

// regexMatcher turns a regex literal into jsonata's matcher function:
// called with a string it returns {match, start, end, groups, next}.
func (ev *evaluator) regexMatcher(expr *Node) any {
	re := expr.x.regex
	return &builtin{name: "regex", arity: 1, impl: func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
		s, ok := argAt(args, 0).(string)
		if !ok {
			return Undefined, nil
		}
		return matchFrom(re, s, 0, expr), nil
	}, regex: re}
}

func matchFrom(re *jsRegex, s string, from int, expr *Node) any {
	if from > len(s) {
		return Undefined
	}
	loc := re.re.FindStringSubmatchIndex(s[from:])
	if loc == nil {
		return Undefined
	}
	start, end := loc[0]+from, loc[1]+from
	o := NewObject(5)
	o.Set("match", s[start:end])
	o.Set("start", float64(utf16Index(s, start)))
	o.Set("end", float64(utf16Index(s, end)))
	groups := make([]any, 0, len(loc)/2-1)
	for g := 2; g+1 < len(loc); g += 2 {
		if loc[g] < 0 {
			groups = append(groups, Undefined)
		} else {
			groups = append(groups, s[loc[g]+from:loc[g+1]+from])
		}
	}
	o.Set("groups", &seq{v: groups})
	lastIndex := end
	o.Set("next", &builtin{name: "next", arity: 0, impl: func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
		if lastIndex >= len(s) {
			return Undefined, nil
		}
		nx := matchFrom(re, s, lastIndex, expr)
		if no, ok := nx.(*Object); ok {
			if m, _ := no.Values["match"].(string); m == "" {
				e := dynErr("D1004", re.source)
				if expr != nil {
					e.Position, e.Start = expr.Position, expr.Start
				}
				return nil, e
			}
		}
		return nx, nil
	}})
	return o
}

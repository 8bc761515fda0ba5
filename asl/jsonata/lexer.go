package jsonata

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
)

type tokenType uint8

const (
	tokEnd tokenType = iota
	tokOperator
	tokName
	tokVariable
	tokString
	tokNumber
	tokValue // true, false, null
	tokRegex
)

type token struct {
	typ   tokenType
	str   string // operator text, name, variable name, string value, regex source
	num   float64
	value any // literal value for tokValue / tokString / tokNumber
	flags string
	code  uint8 // the symbol's code (tokIDs) for an operator; 0 for an unknown one
	start int   // byte offset of the first character
	end   int   // byte offset just after the token (jsonata-js "position")
}

// Character classes, looked up in one table by the lexer's hot loops.
const (
	classOperator uint8 = 1 << iota
	classSpace
	classQuote
)

var charClass = func() (t [256]uint8) {
	for _, c := range []byte(".[]{}(),@#;:?+-*/%|=<>^&!~") {
		t[c] = classOperator
	}
	for _, c := range []byte(" \t\n\r\v") {
		t[c] = classSpace
	}
	for _, c := range []byte("\"'`") {
		t[c] = classQuote
	}
	return t
}()

func isOperatorChar(c byte) bool { return charClass[c] == classOperator }

func isSpace(c byte) bool { return charClass[c] == classSpace }

type lexer struct {
	src string
	pos int
}

// next returns the next token; prefix=true means a '/' is the division
// operator rather than the start of a regex literal.
func (l *lexer) next(prefix bool) (token, *Error) {
	src := l.src
	n := len(src)
	for {
		for l.pos < n && isSpace(src[l.pos]) {
			l.pos++
		}
		if l.pos+1 < n && src[l.pos] == '/' && src[l.pos+1] == '*' {
			commentStart := l.pos
			end := strings.Index(src[l.pos+2:], "*/")
			if end < 0 {
				l.pos = n
				return token{}, newError("S0106", commentStart, "")
			}
			l.pos += 2 + end + 2
			continue
		}
		break
	}
	if l.pos >= n {
		return token{typ: tokEnd, start: n, end: n}, nil
	}
	start := l.pos
	c := src[l.pos]
	mk := func(t tokenType, s string) token { return token{typ: t, str: s, start: start, end: l.pos} }
	// op makes a known symbol's token; its text is a static string from the
	// symbol table (string(c) would allocate)
	op := func(code uint8) token {
		t := mk(tokOperator, tokIDs[code])
		t.code = code
		return t
	}
	if !prefix && c == '/' {
		l.pos++
		return l.scanRegex(start)
	}
	if isOperatorChar(c) {
		if l.pos+1 < n {
			if code := twoCharSymbol(c, src[l.pos+1]); code != 0 {
				l.pos += 2
				return op(code), nil
			}
		}
		l.pos++
		if code := singleCharSymbols[c]; code != 0 {
			return op(code), nil
		}
		return mk(tokOperator, src[start:l.pos]), nil
	}
	if c == '"' || c == '\'' {
		return l.scanString(c, start)
	}
	if c >= '0' && c <= '9' {
		if tok, ok := l.scanNumber(start); ok {
			return tok, nil
		} else {
			return token{}, newError("S0102", l.pos, src[start:l.pos])
		}
	}
	if c == '`' {
		end := strings.IndexByte(src[l.pos+1:], '`')
		if end < 0 {
			l.pos = n
			return token{}, newError("S0105", n, "")
		}
		name := src[l.pos+1 : l.pos+1+end]
		l.pos += end + 2
		return mk(tokName, name), nil
	}
	i := l.pos
	for i < n && charClass[src[i]]&(classOperator|classSpace) == 0 {
		i++
	}
	if c == '$' {
		l.pos = i
		return mk(tokVariable, src[start+1:i]), nil
	}
	name := src[start:i]
	l.pos = i
	switch name {
	case "and":
		return op(codeAnd), nil
	case "or":
		return op(codeOr), nil
	case "in":
		return op(codeIn), nil
	case "true":
		t := mk(tokValue, name)
		t.value = true
		return t, nil
	case "false":
		t := mk(tokValue, name)
		t.value = false
		return t, nil
	case "null":
		t := mk(tokValue, name)
		t.value = nil
		return t, nil
	}
	if name == "" {
		// cannot happen: c is neither space nor operator; guard against loops
		l.pos++
		return mk(tokName, src[start:l.pos]), nil
	}
	return mk(tokName, name), nil
}

func (l *lexer) scanNumber(start int) (token, bool) {
	src := l.src
	i := start
	n := len(src)
	if src[i] == '0' {
		i++
	} else {
		for i < n && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	if i+1 < n && src[i] == '.' && src[i+1] >= '0' && src[i+1] <= '9' {
		i++
		for i < n && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	if i < n && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < n && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < n && src[j] >= '0' && src[j] <= '9' {
			for j < n && src[j] >= '0' && src[j] <= '9' {
				j++
			}
			i = j
		}
	}
	text := src[start:i]
	l.pos = i
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return token{}, false
	}
	return token{typ: tokNumber, num: f, str: text, start: start, end: i}, true
}

func (l *lexer) scanString(quote byte, start int) (token, *Error) {
	src := l.src
	n := len(src)
	l.pos++
	// most strings hold no escape: their value is a slice of the source
	for i := l.pos; i < n && src[i] != '\\'; i++ {
		if src[i] == quote {
			s := src[l.pos:i]
			l.pos = i + 1
			return token{typ: tokString, str: s, start: start, end: l.pos}, nil
		}
	}
	var b strings.Builder
	for l.pos < n {
		c := src[l.pos]
		if c == '\\' {
			l.pos++
			if l.pos >= n {
				break
			}
			e := src[l.pos]
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				if l.pos+5 > n || !isHex4(src[l.pos+1:l.pos+5]) {
					return token{}, newError("S0104", l.pos, "")
				}
				cp, _ := strconv.ParseUint(src[l.pos+1:l.pos+5], 16, 32)
				l.pos += 4
				r := rune(cp)
				if utf16.IsSurrogate(r) && l.pos+7 <= n && src[l.pos+1] == '\\' && src[l.pos+2] == 'u' && isHex4(src[l.pos+3:l.pos+7]) {
					cp2, _ := strconv.ParseUint(src[l.pos+3:l.pos+7], 16, 32)
					if d := utf16.DecodeRune(r, rune(cp2)); d != 0xFFFD {
						r = d
						l.pos += 6
					}
				}
				writeWTF8(&b, r)
			default:
				return token{}, &Error{Code: "S0103", Position: l.pos, Start: l.pos - 1, Token: string(e)}
			}
		} else if c == quote {
			l.pos++
			return token{typ: tokString, str: b.String(), start: start, end: l.pos}, nil
		} else {
			b.WriteByte(c)
		}
		l.pos++
	}
	return token{}, &Error{Code: "S0101", Position: l.pos, Start: start}
}

func isHex4(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return true
}

func (l *lexer) scanRegex(start int) (token, *Error) {
	src := l.src
	n := len(src)
	patStart := l.pos
	depth := 0
	for l.pos < n {
		c := src[l.pos]
		if c == '/' && depth == 0 {
			bs := 0
			for l.pos-(bs+1) >= patStart && src[l.pos-(bs+1)] == '\\' {
				bs++
			}
			if bs%2 == 0 {
				pattern := src[patStart:l.pos]
				if pattern == "" {
					return token{}, newError("S0301", l.pos, "")
				}
				l.pos++
				fs := l.pos
				for l.pos < n && (src[l.pos] == 'i' || src[l.pos] == 'm') {
					l.pos++
				}
				return token{typ: tokRegex, str: pattern, flags: src[fs:l.pos], start: start, end: l.pos}, nil
			}
		}
		prevEsc := l.pos > patStart && src[l.pos-1] == '\\'
		if (c == '(' || c == '[' || c == '{') && !prevEsc {
			depth++
		}
		if (c == ')' || c == ']' || c == '}') && !prevEsc {
			depth--
		}
		l.pos++
	}
	return token{}, newError("S0302", l.pos, "")
}

// writeWTF8 writes r as UTF-8, keeping a lone UTF-16 surrogate as its
// 3-byte generalized encoding (as JavaScript strings can hold one) instead
// of replacing it; URL encoding then rejects it as jsonata-js does.
func writeWTF8(b *strings.Builder, r rune) {
	if utf16.IsSurrogate(r) {
		b.WriteByte(byte(0xE0 | (r >> 12)))
		b.WriteByte(byte(0x80 | ((r >> 6) & 0x3F)))
		b.WriteByte(byte(0x80 | (r & 0x3F)))
		return
	}
	b.WriteRune(r)
}

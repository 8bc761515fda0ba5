package syntax

import (
	"unicode/utf16"
	"unicode/utf8"
)

// escClass says which dialects accept an escape sequence.
type escClass uint8

const (
	escJSON  escClass = iota // valid JSON
	escJSON5                 // valid JSON5 only (\' \v \0 \xHH, line continuation, \q = q)
	escBad                   // invalid everywhere (incomplete \u, \x); decoded leniently
)

// appendEscape decodes the escape sequence starting at t[i] == '\\' and
// appends its value to dst. It returns the new dst, the number of source
// bytes consumed (at least 1) and the dialect class. The parser and
// SourceOffset both go through it so that decoded indexes and source
// offsets always agree.
func appendEscape(dst, t []byte, i int) ([]byte, int, escClass) {
	if i+1 >= len(t) {
		return dst, 1, escBad // a lone backslash at the end of the text
	}
	c := t[i+1]
	switch c {
	case '"', '\\', '/':
		return append(dst, c), 2, escJSON
	case 'b':
		return append(dst, '\b'), 2, escJSON
	case 'f':
		return append(dst, '\f'), 2, escJSON
	case 'n':
		return append(dst, '\n'), 2, escJSON
	case 'r':
		return append(dst, '\r'), 2, escJSON
	case 't':
		return append(dst, '\t'), 2, escJSON
	case 'u':
		r, ok := hex4(t, i+2)
		if !ok {
			return append(dst, 'u'), 2, escBad
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate followed by \u low surrogate is one rune;
			// anything else decodes to U+FFFD, as encoding/json does.
			if i+11 < len(t) && t[i+6] == '\\' && t[i+7] == 'u' {
				if r2, ok := hex4(t, i+8); ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						return utf8.AppendRune(dst, dec), 12, escJSON
					}
				}
			}
			return utf8.AppendRune(dst, utf8.RuneError), 6, escJSON
		}
		return utf8.AppendRune(dst, r), 6, escJSON
	case '\'':
		return append(dst, '\''), 2, escJSON5
	case 'v':
		return append(dst, '\v'), 2, escJSON5
	case '0':
		if i+2 < len(t) && t[i+2] >= '0' && t[i+2] <= '9' {
			return append(dst, '0'), 2, escBad
		}
		return append(dst, 0), 2, escJSON5
	case 'x':
		if i+3 < len(t) && isHex(t[i+2]) && isHex(t[i+3]) {
			return utf8.AppendRune(dst, rune(hexVal(t[i+2])<<4|hexVal(t[i+3]))), 4, escJSON5
		}
		return append(dst, 'x'), 2, escBad
	case '\n':
		return dst, 2, escJSON5
	case '\r':
		if i+2 < len(t) && t[i+2] == '\n' {
			return dst, 3, escJSON5
		}
		return dst, 2, escJSON5
	}
	if c >= '1' && c <= '9' {
		return append(dst, c), 2, escBad
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRune(t[i+1:])
		if r == '\u2028' || r == '\u2029' {
			return dst, 1 + size, escJSON5 // JSON5 line continuation
		}
		if r == utf8.RuneError && size == 1 {
			return utf8.AppendRune(dst, utf8.RuneError), 2, escJSON5
		}
		return append(dst, t[i+1:i+1+size]...), 1 + size, escJSON5
	}
	return append(dst, c), 2, escJSON5 // JSON5: any other character stands for itself
}

func hex4(t []byte, i int) (rune, bool) {
	if i+4 > len(t) {
		return 0, false
	}
	var r rune
	for _, c := range t[i : i+4] {
		if !isHex(c) {
			return 0, false
		}
		r = r<<4 | rune(hexVal(c))
	}
	return r, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

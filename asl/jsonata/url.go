package jsonata

import (
	"strings"
	"unicode/utf8"
)

const uriUnreservedMarks = "-_.!~*'()"
const uriReserved = ";/?:@&=+$,#"

func encodeURIWith(s string, keep string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(uriUnreservedMarks, c) >= 0 || strings.IndexByte(keep, c) >= 0 {
				b.WriteByte(c)
			} else {
				b.WriteString("%" + strings.ToUpper(hex2(c)))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "", false
		}
		for j := 0; j < size; j++ {
			b.WriteString("%" + strings.ToUpper(hex2(s[i+j])))
		}
		i += size
	}
	return b.String(), true
}

func hex2(c byte) string {
	return string([]byte{"0123456789abcdef"[c>>4], "0123456789abcdef"[c&15]})
}

func decodeURIWith(s string, reservedKeep string) (string, bool) {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		if i+2 >= len(s) || !isHexDigit(s[i+1]) || !isHexDigit(s[i+2]) {
			return "", false
		}
		v := unhex(s[i+1])<<4 | unhex(s[i+2])
		if v < 0x80 && strings.IndexByte(reservedKeep, v) >= 0 {
			b = append(b, s[i:i+3]...)
		} else {
			b = append(b, v)
		}
		i += 2
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func urlFn(name string, f func(string) (string, bool)) func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return func(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
		if undef(args, 0) {
			return Undefined, nil
		}
		r, ok := f(args[0].(string))
		if !ok {
			return nil, &Error{Code: "D3140", Position: -1, Start: -1, Value: args[0], Token: name}
		}
		return r, nil
	}
}

var (
	fnEncodeURIComponent = urlFn("encodeUrlComponent", func(s string) (string, bool) { return encodeURIWith(s, "") })
	fnEncodeURI          = urlFn("encodeUrl", func(s string) (string, bool) { return encodeURIWith(s, uriReserved) })
	fnDecodeURIComponent = urlFn("decodeUrlComponent", func(s string) (string, bool) { return decodeURIWith(s, "") })
	fnDecodeURI          = urlFn("decodeUrl", func(s string) (string, bool) { return decodeURIWith(s, uriReserved) })
)

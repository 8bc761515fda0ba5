package jsonata

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// formatNumberJS formats f as JavaScript's Number.prototype.toString does.
func formatNumberJS(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	if math.IsInf(f, 1) {
		return "Infinity"
	}
	if math.IsInf(f, -1) {
		return "-Infinity"
	}
	if f == 0 {
		return "0"
	}
	neg := f < 0
	if neg {
		f = -f
	}
	// shortest round-trip digits and exponent
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddddde±XX
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	k := len(digits)
	n := exp + 1 // position of decimal point
	var out string
	switch {
	case k <= n && n <= 21:
		out = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		out = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		out = "0." + strings.Repeat("0", -n) + digits
	default:
		e := n - 1
		sign := "+"
		if e < 0 {
			sign = "-"
			e = -e
		}
		if k == 1 {
			out = digits + "e" + sign + strconv.Itoa(e)
		} else {
			out = digits[:1] + "." + digits[1:] + "e" + sign + strconv.Itoa(e)
		}
	}
	if neg {
		return "-" + out
	}
	return out
}

// toPrecision15 mirrors Number(x.toPrecision(15)).
func toPrecision15(f float64) float64 {
	if f == 0 || math.IsInf(f, 0) || math.IsNaN(f) || f == math.Trunc(f) {
		return f
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'e', 14, 64), 64)
	if err != nil {
		return f
	}
	return r
}

func jsonQuote(s string) string {
	var b strings.Builder
	writeJSONString(&b, s)
	return b.String()
}

func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					b.WriteByte("0123456789abcdef"[c>>4])
					b.WriteByte("0123456789abcdef"[c&15])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// stringify is JSON.stringify with jsonata's replacer (numbers to 15
// significant digits, functions as ""), indenting by 2 when pretty.
func stringify(v any, pretty bool) (string, *Error) {
	var b strings.Builder
	if err := writeJSON(&b, v, pretty, "", true, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeJSON(b *strings.Builder, v any, pretty bool, indent string, top bool, depth int) *Error {
	checkValueDepth(depth)
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case float64:
		if math.IsInf(x, 0) {
			return dynErr("D1001", x)
		}
		if math.IsNaN(x) {
			b.WriteString("null")
		} else {
			b.WriteString(formatNumberJS(toPrecision15(x)))
		}
	case string:
		writeJSONString(b, x)
	case []any, *seq:
		items, _ := arrayItems(x)
		if len(items) == 0 {
			b.WriteString("[]")
			return nil
		}
		inner := indent + "  "
		b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				b.WriteByte(',')
			}
			if pretty {
				b.WriteByte('\n')
				b.WriteString(inner)
			}
			if IsUndefined(it) {
				b.WriteString("null")
				continue
			}
			if err := writeJSON(b, it, pretty, inner, false, depth+1); err != nil {
				return err
			}
		}
		if pretty {
			b.WriteByte('\n')
			b.WriteString(indent)
		}
		b.WriteByte(']')
	case *Object, map[string]any:
		keys := objectKeys(x)
		inner := indent + "  "
		b.WriteByte('{')
		n := 0
		for _, k := range keys {
			val, _ := objectGet(x, k)
			if IsUndefined(val) {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			if pretty {
				b.WriteByte('\n')
				b.WriteString(inner)
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			if pretty {
				b.WriteByte(' ')
			}
			if err := writeJSON(b, val, pretty, inner, false, depth+1); err != nil {
				return err
			}
		}
		if pretty && n > 0 {
			b.WriteByte('\n')
			b.WriteString(indent)
		}
		b.WriteByte('}')
	case tuple:
		b.WriteString("{}")
	default:
		if isFunction(v) {
			b.WriteString(`""`)
		} else if IsUndefined(v) {
			if top {
				return nil
			}
			b.WriteString("null")
		}
	}
	return nil
}

// stringOf is jsonata-js fn.string (for a defined argument).
func stringOf(v any, pretty bool) (string, *Error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", dynErr("D3001", x)
		}
		return formatNumberJS(toPrecision15(x)), nil
	}
	if isFunction(v) {
		return "", nil
	}
	if s, ok := v.(*seq); ok && s.outerWrapper && len(s.v) > 0 {
		v = s.v[0]
	}
	return stringify(v, pretty)
}

// compareUTF16 compares strings by UTF-16 code units, like JS < on strings.
func compareUTF16(a, b string) int {
	for i, j := 0, 0; ; {
		if i >= len(a) {
			if j >= len(b) {
				return 0
			}
			return -1
		}
		if j >= len(b) {
			return 1
		}
		if a[i] < utf8.RuneSelf && b[j] < utf8.RuneSelf {
			if a[i] != b[j] {
				if a[i] < b[j] {
					return -1
				}
				return 1
			}
			i++
			j++
			continue
		}
		ra, sa := utf8.DecodeRuneInString(a[i:])
		rb, sb := utf8.DecodeRuneInString(b[j:])
		ua, ub := utf16Units(ra), utf16Units(rb)
		for k := 0; k < len(ua) && k < len(ub); k++ {
			if ua[k] != ub[k] {
				if ua[k] < ub[k] {
					return -1
				}
				return 1
			}
		}
		if len(ua) != len(ub) {
			if len(ua) < len(ub) {
				return -1
			}
			return 1
		}
		i += sa
		j += sb
	}
}

func utf16Units(r rune) []uint16 {
	if r >= 0x10000 {
		a, b := utf16.EncodeRune(r)
		return []uint16{uint16(a), uint16(b)}
	}
	return []uint16{uint16(r)}
}

// utf16Len is the JavaScript length of s.
func utf16Len(s string) int {
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

// utf16Index converts a byte offset in s to a UTF-16 offset.
func utf16Index(s string, byteOff int) int {
	if byteOff > len(s) {
		byteOff = len(s)
	}
	return utf16Len(s[:byteOff])
}

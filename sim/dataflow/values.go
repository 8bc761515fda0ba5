package dataflow

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Values are plain Go JSON values: map[string]any, []any, string, bool, nil
// and numbers as float64 (int, int64, float32 and json.Number are accepted
// too).

// toFloat reports the numeric value of v when v is a JSON number.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case int32:
		return float64(n), true
	case float32:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		if err != nil {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

func isNumber(v any) bool {
	_, ok := toFloat(v)
	return ok
}

// FormatNumber renders a number the way AWS (Java, Jackson) prints it.
// Integral values print without a fraction ("1", not "1.0"): a float64 has
// lost whether its source was "1" or "1.0", and integers are by far the
// common case. Other values follow Java's Double.toString ("1.5", "1.0E-5",
// "1.2345678E7"). A json.Number keeps its source form: "1.0" stays "1.0".
func FormatNumber(v any) string {
	switch n := v.(type) {
	case int:
		return strconv.Itoa(n)
	case int64:
		return strconv.FormatInt(n, 10)
	case int32:
		return strconv.FormatInt(int64(n), 10)
	case json.Number:
		s := string(n)
		if !strings.ContainsAny(s, ".eE") {
			if s == "-0" {
				return "0"
			}
			return s
		}
		f, err := n.Float64()
		if err != nil {
			return s
		}
		return javaDouble(f)
	}
	f, ok := toFloat(v)
	if !ok {
		return ""
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		if math.Abs(f) < 1<<63 {
			return strconv.FormatInt(int64(f), 10)
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return javaDouble(f)
}

// javaDouble mimics java.lang.Double.toString.
func javaDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	a := math.Abs(f)
	if a >= 1e-3 && a < 1e7 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// EncodeJSON renders v as compact JSON text (no spaces, keys sorted since
// Go maps keep no order, HTML characters unescaped, numbers via
// FormatNumber).
func EncodeJSON(v any) string {
	var b strings.Builder
	encodeJSON(&b, v)
	return b.String()
}

func encodeJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case string:
		writeJSONString(b, x)
	case map[string]any:
		b.WriteByte('{')
		for i, k := range sortedKeys(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			encodeJSON(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			encodeJSON(b, e)
		}
		b.WriteByte(']')
	default:
		if isNumber(v) {
			b.WriteString(FormatNumber(v))
			return
		}
		// Unknown Go value: fall back to encoding/json.
		data, err := json.Marshal(v)
		if err != nil {
			b.WriteString("null")
			return
		}
		b.Write(data)
	}
}

const hexDigits = "0123456789abcdef"

func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[r>>4])
			b.WriteByte(hexDigits[r&0xF])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// javaText renders a value the way AWS's States.Format prints an argument:
// strings bare, numbers per FormatNumber, objects and arrays Java-style
// ({a=1, b=[x, y]}).
func javaText(v any) string {
	var b strings.Builder
	writeJavaText(&b, v)
	return b.String()
}

func writeJavaText(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(x)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case map[string]any:
		b.WriteByte('{')
		for i, k := range sortedKeys(x) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteByte('=')
			writeJavaText(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeJavaText(b, e)
		}
		b.WriteByte(']')
	default:
		if isNumber(v) {
			b.WriteString(FormatNumber(v))
			return
		}
		b.WriteString(EncodeJSON(v))
	}
}

// DeepEqual compares two JSON values, numbers by value.
func DeepEqual(a, b any) bool {
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		return ok && fa == fb
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !DeepEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !DeepEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// TypeName names a JSON value's type as AWS messages do.
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	if isNumber(v) {
		return "number"
	}
	return "unknown"
}

// SizeOver adds an estimate of x's JSON length to *n and reports whether
// it passed limit (stopping early: *n is then not the whole estimate). The
// simulator checks the payload quota with it.
func SizeOver(x any, n *int, limit int) bool {
	switch t := x.(type) {
	case string:
		*n += len(t) + 2
	case map[string]any:
		*n += 2
		for k, e := range t {
			*n += len(k) + 4
			if SizeOver(e, n, limit) {
				return true
			}
		}
	case []any:
		*n += 2
		for _, e := range t {
			*n++
			if SizeOver(e, n, limit) {
				return true
			}
		}
	default:
		*n += 8
	}
	return *n > limit
}

package dataflow

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// javaHashSetOrder returns the distinct values of arr in the iteration
// order of new java.util.HashSet<>(arr) holding the values as Jackson
// converts them to Java objects (Integer, Long, Double, String, Boolean,
// List, Map, null).
func javaHashSetOrder(arr []any) []any {
	// HashSet(Collection) sizes its table for the whole array up front.
	want := max(int(float32(len(arr))/0.75)+1, 16)
	capacity := 1
	for capacity < want {
		capacity <<= 1
	}
	buckets := make([][]any, capacity)
	keys := make([][]string, capacity)
	for _, e := range arr {
		h := uint32(javaHashCode(e))
		i := (h ^ h>>16) & uint32(capacity-1)
		k := javaKey(e)
		dup := false
		for _, seen := range keys[i] {
			if seen == k {
				dup = true
				break
			}
		}
		if !dup {
			buckets[i] = append(buckets[i], e)
			keys[i] = append(keys[i], k)
		}
	}
	out := []any{}
	for _, b := range buckets {
		out = append(out, b...)
	}
	return out
}

// javaNumber classifies a number as Jackson reads it: an int, a long or a
// double (integers beyond long become doubles here).
func javaNumber(v any) (isInt bool, i int64, f float64) {
	switch n := v.(type) {
	case int:
		return true, int64(n), 0
	case int64:
		return true, n, 0
	case int32:
		return true, int64(n), 0
	case json.Number:
		if !strings.ContainsAny(string(n), ".eE") {
			if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
				return true, i, 0
			}
		}
		f, _ := n.Float64()
		return false, 0, f
	}
	f, _ = toFloat(v)
	return false, 0, f
}

// javaHashCode is hashCode() of the Java object AWS holds for v.
func javaHashCode(v any) int32 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1231
		}
		return 1237
	case string:
		var h int32
		for _, r := range x {
			if r >= 0x10000 {
				r -= 0x10000
				h = 31*h + int32(0xD800+(r>>10))
				h = 31*h + int32(0xDC00+(r&0x3FF))
				continue
			}
			h = 31*h + int32(r)
		}
		return h
	case []any:
		h := int32(1)
		for _, e := range x {
			h = 31*h + javaHashCode(e)
		}
		return h
	case map[string]any:
		var h int32
		for k, e := range x {
			h += javaHashCode(k) ^ javaHashCode(e)
		}
		return h
	}
	if !isNumber(v) {
		return 0
	}
	isInt, i, f := javaNumber(v)
	if isInt {
		if i >= math.MinInt32 && i <= math.MaxInt32 {
			return int32(i) // Integer
		}
		return int32(i ^ int64(uint64(i)>>32)) // Long
	}
	bits := math.Float64bits(f)
	if f != f {
		bits = 0x7ff8000000000000 // Java's canonical NaN
	}
	return int32(bits ^ bits>>32) // Double
}

// javaKey renders v so that values Java's equals() considers equal share a
// key: numbers keep their Integer/Long versus Double class, maps ignore key
// order.
func javaKey(v any) string {
	var b strings.Builder
	writeJavaKey(&b, v)
	return b.String()
}

func writeJavaKey(b *strings.Builder, v any) {
	switch x := v.(type) {
	case map[string]any:
		b.WriteByte('{')
		for i, k := range sortedKeys(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			writeJavaKey(b, x[k])
		}
		b.WriteByte('}')
		return
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJavaKey(b, e)
		}
		b.WriteByte(']')
		return
	}
	if isNumber(v) {
		if isInt, i, f := javaNumber(v); isInt {
			b.WriteString("i" + strconv.FormatInt(i, 10))
		} else {
			b.WriteString("d" + strconv.FormatFloat(f, 'g', -1, 64))
		}
		return
	}
	encodeJSON(b, v)
}

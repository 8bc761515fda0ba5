package jsonata

import (
	"encoding/json"
	"strconv"
)

// normalizeInput returns v with every number as float64, the engine's one
// number type: Go integers (the int64 that syntax.Node.Interface and JSON
// decoders using UseNumber-like conventions return), float32 and
// json.Number, at any depth of map[string]any, []any and *Object values.
// Values are copied only along the paths that hold such numbers; the
// caller's data is never modified.
func normalizeInput(v any) any {
	out, _ := normalizeChanged(v, 0)
	return out
}

// normalizeChanged reports whether v had to change. Nesting deeper than
// maxNormalizeDepth is left as it is (evaluation reports its own depth
// error on such values).
func normalizeChanged(v any, depth int) (any, bool) {
	switch x := v.(type) {
	case float64, string, bool, nil:
		return v, false
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case int16:
		return float64(x), true
	case int8:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint8:
		return float64(x), true
	case float32:
		return float64(x), true
	case json.Number:
		if f, err := strconv.ParseFloat(string(x), 64); err == nil {
			return f, true
		}
		return v, false
	}
	if depth >= maxNormalizeDepth {
		return v, false
	}
	switch x := v.(type) {
	case map[string]any:
		var out map[string]any
		for k, e := range x {
			c, changed := normalizeChanged(e, depth+1)
			if changed && out == nil {
				out = make(map[string]any, len(x))
				for k2, e2 := range x {
					out[k2] = e2
				}
			}
			if out != nil {
				out[k] = c
			}
		}
		if out != nil {
			return out, true
		}
	case []any:
		var out []any
		for i, e := range x {
			c, changed := normalizeChanged(e, depth+1)
			if changed && out == nil {
				out = append(make([]any, 0, len(x)), x[:i]...)
			}
			if out != nil {
				out = append(out, c)
			}
		}
		if out != nil {
			return out, true
		}
	case *Object:
		if x == nil {
			return v, false
		}
		var vals map[string]any
		for _, k := range x.Keys {
			c, changed := normalizeChanged(x.Values[k], depth+1)
			if changed && vals == nil {
				vals = make(map[string]any, len(x.Values))
				for k2, e2 := range x.Values {
					vals[k2] = e2
				}
			}
			if vals != nil {
				vals[k] = c
			}
		}
		if vals != nil {
			return &Object{Keys: append([]string(nil), x.Keys...), Values: vals}, true
		}
	}
	return v, false
}

// maxNormalizeDepth bounds the walk so that a pathological value cannot
// exhaust the stack.
const maxNormalizeDepth = 10000

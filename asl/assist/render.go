package assist

import (
	"encoding/json"
	"strconv"
	"strings"
)

// obj is an ordered object for rendering inserted values; arrays are []any,
// scalars are string, int, float64 and bool.
type obj []kv

type kv struct {
	k string
	v any
}

// jsonString quotes s as JSON without HTML escaping.
func jsonString(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			simple = false
			break
		}
	}
	if simple {
		return `"` + s + `"`
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// renderJSON writes v as indented JSON; every line after the first starts
// with indent, nested levels add unit.
func renderJSON(v any, indent, unit string) string {
	var b strings.Builder
	writeJSON(&b, v, indent, unit)
	return b.String()
}

func writeJSON(b *strings.Builder, v any, indent, unit string) {
	switch x := v.(type) {
	case obj:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{")
		for i, e := range x {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + unit + jsonString(e.k) + ": ")
			writeJSON(b, e.v, indent+unit, unit)
		}
		b.WriteString("\n" + indent + "}")
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		if allScalars(x) {
			b.WriteString("[")
			for i, e := range x {
				if i > 0 {
					b.WriteString(", ")
				}
				writeJSON(b, e, indent, unit)
			}
			b.WriteString("]")
			return
		}
		b.WriteString("[")
		for i, e := range x {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n" + indent + unit)
			writeJSON(b, e, indent+unit, unit)
		}
		b.WriteString("\n" + indent + "]")
	default:
		b.WriteString(scalarJSON(v))
	}
}

func scalarJSON(v any) string {
	switch x := v.(type) {
	case string:
		return jsonString(x)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	}
	return "null"
}

func allScalars(a []any) bool {
	for _, e := range a {
		switch e.(type) {
		case obj, []any:
			return false
		}
	}
	return true
}

// renderYAMLMember writes `key: value` in block style; lines after the
// first start with indent (the key's column), nested levels add unit.
func renderYAMLMember(key string, v any, indent, unit string) string {
	var b strings.Builder
	b.WriteString(yamlKey(key) + ":")
	writeYAMLValue(&b, v, indent, unit)
	return b.String()
}

// writeYAMLValue writes what follows "key:" (a space and a scalar, or a
// newline and a nested block).
func writeYAMLValue(b *strings.Builder, v any, indent, unit string) {
	switch x := v.(type) {
	case obj:
		if len(x) == 0 {
			b.WriteString(" {}")
			return
		}
		for _, e := range x {
			b.WriteString("\n" + indent + unit + yamlKey(e.k) + ":")
			writeYAMLValue(b, e.v, indent+unit, unit)
		}
	case []any:
		if len(x) == 0 || allScalars(x) {
			b.WriteString(" [")
			for i, e := range x {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(yamlScalar(e))
			}
			b.WriteString("]")
			return
		}
		for _, e := range x {
			b.WriteString("\n" + indent + unit + "- ")
			writeYAMLItem(b, e, indent+unit+"  ", unit)
		}
	default:
		b.WriteString(" " + yamlScalar(v))
	}
}

// writeYAMLItem writes a sequence item after "- "; indent is the column of
// the item's content.
func writeYAMLItem(b *strings.Builder, v any, indent, unit string) {
	o, ok := v.(obj)
	if !ok || len(o) == 0 {
		var tmp strings.Builder
		writeYAMLValue(&tmp, v, indent, unit)
		b.WriteString(strings.TrimPrefix(tmp.String(), " "))
		return
	}
	for i, e := range o {
		if i > 0 {
			b.WriteString("\n" + indent)
		}
		b.WriteString(yamlKey(e.k) + ":")
		writeYAMLValue(b, e.v, indent, unit)
	}
}

func yamlKey(k string) string {
	if plainYAMLSafe(k) {
		return k
	}
	return jsonString(k)
}

func yamlScalar(v any) string {
	if s, ok := v.(string); ok {
		if plainYAMLSafe(s) {
			return s
		}
		return jsonString(s)
	}
	return scalarJSON(v)
}

// plainYAMLSafe reports whether s can be written as an unquoted YAML scalar.
func plainYAMLSafe(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@` ") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return false
	}
	for _, r := range s {
		if r < 0x20 {
			return false
		}
	}
	return !looksLikeYAMLNonString(s)
}

// looksLikeYAMLNonString: plain scalars YAML would read as a bool, null or number.
func looksLikeYAMLNonString(s string) bool {
	for _, w := range yamlWords {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	if s == "" || !strings.ContainsAny(s[:1], "0123456789+-.") {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

var yamlWords = []string{"true", "false", "null", "yes", "no", "on", "off", "~", "y", "n"}

// escapeSnippet makes literal text safe inside a snippet.
func escapeSnippet(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`)
	return r.Replace(s)
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

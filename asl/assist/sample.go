package assist

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/ohler55/ojg/jp"

	"github.com/aslkit/aslkit/asl/expr"
)

// sampleAt follows field names from v; ok is false when one is missing.
func sampleAt(v any, names []string) (any, bool) {
	for _, n := range names {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[n]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(n)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// evalPath evaluates an input path on the sample input: a singular path
// ($.a.b[0]) yields its value, any other ($.items[*].id) the array of its
// matches, as AWS wraps them; ok is false when nothing matches.
func evalPath(p *expr.Path, input any) (v any, ok bool) {
	if p == nil || p.Root != expr.RootInput {
		return nil, false
	}
	if !p.IsSingular() {
		defer func() {
			if recover() != nil {
				v, ok = nil, false
			}
		}()
		x, err := jp.ParseString(p.JSONPath())
		if err != nil {
			return nil, false
		}
		got := x.Get(input)
		return got, len(got) > 0
	}
	v = input
	for _, s := range p.Segments {
		switch s.Kind {
		case expr.SegField:
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[s.Name]; !ok {
				return nil, false
			}
		case expr.SegIndex:
			a, ok := v.([]any)
			if !ok {
				return nil, false
			}
			i := s.Index
			if i < 0 {
				i += len(a)
			}
			if i < 0 || i >= len(a) {
				return nil, false
			}
			v = a[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// sortedKeys returns an object's keys in order.
func sortedKeys(v any) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// preview renders a sample value as JSON, cut to a readable length.
func preview(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return "?"
	}
	s := string(b)
	if lines := strings.Split(s, "\n"); len(lines) > 20 {
		s = strings.Join(lines[:20], "\n") + "\n..."
	}
	return s
}

// typeName is the JSON type of a sample value.
func typeName(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "number"
}

package dataflow

import (
	"fmt"

	"github.com/aslkit/aslkit/asl/expr"
)

// xseg is one step of an indefinite path (wildcard, slice, union, filter
// or deep scan somewhere in it). Evaluation follows Jayway: document order,
// deep scans pre-order (a node's own match before its descendants'),
// object members in sorted key order (Go maps keep no insertion order), and
// steps that do not apply to a node select nothing instead of failing.
type xseg struct {
	kind   expr.SegmentKind
	desc   bool
	name   string
	index  int
	slice  [3]*int
	union  []expr.UnionMember
	filter *filterNode
}

func compileMulti(parsed *expr.Path) ([]xseg, error) {
	segs := make([]xseg, 0, len(parsed.Segments))
	for _, seg := range parsed.Segments {
		x := xseg{kind: seg.Kind, desc: seg.Descendant, index: seg.Index, slice: seg.Slice, union: seg.Union}
		switch seg.Kind {
		case expr.SegField:
			x.name = fieldName(parsed, seg)
		case expr.SegFilter:
			if seg.Filter == nil {
				return nil, fmt.Errorf("empty filter")
			}
			f, err := compileFilter(seg.Filter.Expr)
			if err != nil {
				return nil, err
			}
			x.filter = f
		}
		segs = append(segs, x)
	}
	return segs, nil
}

// evalMulti returns every match, in order.
func evalMulti(segs []xseg, root any) []any {
	return evalMultiFrom(segs, root, root)
}

// evalMultiFrom evaluates from start; doc is what $ means inside filters.
func evalMultiFrom(segs []xseg, start, doc any) []any {
	nodes := []any{start}
	for i := range segs {
		seg := &segs[i]
		var next []any
		for _, n := range nodes {
			if seg.desc {
				for _, d := range containersPreOrder(n, nil) {
					next = seg.apply(d, doc, next)
				}
			} else {
				next = seg.apply(n, doc, next)
			}
		}
		nodes = next
		if len(nodes) == 0 {
			break
		}
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes
}

// containersPreOrder lists n and every object or array below it, parents
// before children.
func containersPreOrder(n any, out []any) []any {
	switch x := n.(type) {
	case map[string]any:
		out = append(out, x)
		for _, k := range sortedKeys(x) {
			out = containersPreOrder(x[k], out)
		}
	case []any:
		out = append(out, x)
		for _, e := range x {
			out = containersPreOrder(e, out)
		}
	}
	return out
}

func (s *xseg) apply(n, doc any, out []any) []any {
	switch s.kind {
	case expr.SegField:
		if m, ok := n.(map[string]any); ok {
			if v, ok := m[s.name]; ok {
				out = append(out, v)
			}
		}
	case expr.SegIndex:
		if a, ok := n.([]any); ok {
			if i := s.index; i >= -len(a) && i < len(a) {
				if i < 0 {
					i += len(a)
				}
				out = append(out, a[i])
			}
		}
	case expr.SegWildcard:
		switch x := n.(type) {
		case map[string]any:
			for _, k := range sortedKeys(x) {
				out = append(out, x[k])
			}
		case []any:
			out = append(out, x...)
		}
	case expr.SegSlice:
		if a, ok := n.([]any); ok {
			out = appendSlice(out, a, s.slice)
		}
	case expr.SegUnion:
		for _, m := range s.union {
			switch x := n.(type) {
			case map[string]any:
				if !m.IsIndex {
					if v, ok := x[m.Name]; ok {
						out = append(out, v)
					}
				}
			case []any:
				if m.IsIndex {
					if i := m.Index; i >= -len(x) && i < len(x) {
						if i < 0 {
							i += len(x)
						}
						out = append(out, x[i])
					}
				}
			}
		}
	case expr.SegFilter:
		switch x := n.(type) {
		case []any:
			for _, e := range x {
				if s.filter.match(e, doc) {
					out = append(out, e)
				}
			}
		case map[string]any:
			// Jayway tests an object against the filter as a whole.
			if s.filter.match(x, doc) {
				out = append(out, x)
			}
		}
	}
	return out
}

// appendSlice appends a[start:end:step] with Python/Jayway clamping.
func appendSlice(out, a []any, sl [3]*int) []any {
	n := len(a)
	step := 1
	if sl[2] != nil {
		step = *sl[2]
	}
	if step == 0 {
		return out
	}
	clamp := func(p *int, def int) int {
		if p == nil {
			return def
		}
		i := *p
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	if step > 0 {
		for i := clamp(sl[0], 0); i < clamp(sl[1], n); i += step {
			out = append(out, a[i])
		}
		return out
	}
	start := n - 1
	if sl[0] != nil {
		start = min(clamp(sl[0], 0), n-1)
	}
	end := -1
	if sl[1] != nil {
		end = clamp(sl[1], 0)
	}
	for i := start; i > end; i += step {
		out = append(out, a[i])
	}
	return out
}

// Order-by and the stable merge sort shared with $sort.

package jsonata

func (ev *evaluator) evalSort(expr *Node, input *seq, env *frame) (any, *Error) {
	isTupleSort := input.tupleStream
	cmp := func(a, b any) (bool, *Error) {
		comp := 0
		for _, term := range expr.Terms {
			if comp != 0 {
				break
			}
			ctxA, envA := a, env
			ctxB, envB := b, env
			if isTupleSort {
				if t, ok := a.(tuple); ok {
					ctxA, envA = t["@"], frameFromTuple(env, t)
				}
				if t, ok := b.(tuple); ok {
					ctxB, envB = t["@"], frameFromTuple(env, t)
				}
			}
			aa, err := ev.eval(term.Expression, ctxA, envA)
			if err != nil {
				return false, err
			}
			bb, err := ev.eval(term.Expression, ctxB, envB)
			if err != nil {
				return false, err
			}
			at, bt := typeSymbol(aa), typeSymbol(bb)
			if at == 'm' {
				if bt == 'm' {
					comp = 0
				} else {
					comp = 1
				}
				continue
			}
			if bt == 'm' {
				comp = -1
				continue
			}
			if !(at == 's' || at == 'n') || !(bt == 's' || bt == 'n') {
				v := aa
				if at == 's' || at == 'n' {
					v = bb
				}
				e := dynErr("T2008", v)
				e.Position = expr.Position
				return false, e
			}
			if at != bt {
				e := dynErr("T2007", aa)
				e.Value2 = bb
				e.Position = expr.Position
				return false, e
			}
			if at == 'n' {
				x, y := aa.(float64), bb.(float64)
				if x == y {
					continue
				} else if x < y {
					comp = -1
				} else {
					comp = 1
				}
			} else {
				c := compareUTF16(aa.(string), bb.(string))
				if c == 0 {
					continue
				}
				comp = c
			}
			if term.Descending {
				comp = -comp
			}
		}
		return comp == 1, nil
	}
	sorted, err := mergeSort(input.v, cmp)
	if err != nil {
		return nil, err
	}
	return &seq{v: sorted, sequence: true, tupleStream: input.tupleStream}, nil
}

// mergeSort is a stable sort; swap(a, b) reports whether b must precede a.
func mergeSort(items []any, swap func(a, b any) (bool, *Error)) ([]any, *Error) {
	if len(items) <= 1 {
		return append([]any(nil), items...), nil
	}
	mid := len(items) / 2
	left, err := mergeSort(items[:mid], swap)
	if err != nil {
		return nil, err
	}
	right, err := mergeSort(items[mid:], swap)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(items))
	i, j := 0, 0
	for i < len(left) && j < len(right) {
		s, err := swap(left[i], right[j])
		if err != nil {
			return nil, err
		}
		if s {
			out = append(out, right[j])
			j++
		} else {
			out = append(out, left[i])
			i++
		}
	}
	out = append(out, left[i:]...)
	out = append(out, right[j:]...)
	return out, nil
}

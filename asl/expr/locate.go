package expr

// CallAt finds the innermost call whose parentheses hold offset (for
// signature help) and the zero-based index of the argument the offset is in
// (counting the commas before it). It returns nil when offset is outside
// every argument list.
func (c *Call) CallAt(offset int) (*Call, int) {
	if c == nil || offset <= c.LParen.Start || (c.RParen.End > c.RParen.Start && offset >= c.RParen.End) {
		return nil, 0
	}
	if c.RParen.End == c.RParen.Start && offset > c.Span.End && c.Span.End > 0 {
		// Unclosed call: it extends to wherever parsing stopped.
		return c, max(len(c.Args)-1, 0)
	}
	index := 0
	for i, a := range c.Args {
		if a.Kind == ArgCall && a.Call != nil {
			if inner, n := a.Call.CallAt(offset); inner != nil {
				return inner, n
			}
		}
		if offset > a.Span.End {
			index = i + 1
		}
	}
	if index > len(c.Args) {
		index = len(c.Args)
	}
	if len(c.Args) > 0 && index == len(c.Args) && offset <= c.Args[len(c.Args)-1].Span.End {
		index = len(c.Args) - 1
	}
	return c, index
}

// SegmentAt returns the index of the segment whose span holds offset, or
// -1 (for hover on a field of a path).
func (p *Path) SegmentAt(offset int) int {
	for i, s := range p.Segments {
		if s.Span.Start <= offset && offset < s.Span.End {
			return i
		}
	}
	return -1
}

package assist

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// place says what the cursor is on.
type place uint8

const (
	placeNone  place = iota
	placeKey         // a key of obj: new (member nil) or partly typed
	placeValue       // the value of member (node nil when not typed yet)
	placeElem        // an element of arr (node nil when not typed yet)
)

// cursor is the analysed completion position.
type cursor struct {
	def    *model.Definition
	doc    doc
	opts   Options
	offset int
	place  place
	obj    *syntax.Node   // placeKey, placeValue: the object
	member *syntax.Member // placeKey: the partial key (nil for a new one); placeValue: the member
	arr    *syntax.Node   // placeElem: the array
	node   *syntax.Node   // the scalar under the cursor, if any
	// replace is the text the inserted key or value replaces.
	replace source.Span
	// state is the innermost state holding the cursor (nil at top level).
	state *model.State
}

// locate analyses offset in def's document: first the YAML line forms
// the tree cannot see (a line of indentation only, "- " with nothing
// after it), then a value not typed yet after "Key:", then the tree.
func locate(def *model.Definition, offset int, opts Options) *cursor {
	c := &cursor{def: def, doc: newDoc(def.File), opts: opts, offset: offset}
	// The YAML and after-colon forms set c.state themselves.
	if c.doc.yaml && (c.atYAMLIndentation() || c.atYAMLDash()) {
		return c
	}
	if c.afterColon() {
		return c
	}
	c.state = stateAt(def, offset)
	c.inTree()
	return c
}

// atYAMLIndentation: on a YAML line holding only indentation (or a word
// being typed), the key belongs to the mapping whose keys start at the
// cursor's column.
func (c *cursor) atYAMLIndentation() bool {
	if !c.doc.firstOnLine(c.offset) {
		return false
	}
	o := c.yamlObjectAtColumn(c.offset)
	if o == nil {
		return false
	}
	c.place, c.obj = placeKey, o
	c.replace = source.Span{Start: c.offset, End: c.wordEnd(c.offset)}
	c.state = stateAt(c.def, o.Span.Start+1)
	c.refineYAMLKey()
	return true
}

// atYAMLDash: after a "- " alone on its line the cursor is a new element
// of the sequence the dash belongs to.
func (c *cursor) atYAMLDash() bool {
	dash := c.dashBefore(c.offset)
	if dash < 0 {
		return false
	}
	chain, _ := syntax.PathAt(c.def.File.Root, dash)
	for i := len(chain) - 1; i >= 0; i-- {
		a := chain[i]
		if a.Kind != syntax.Array {
			continue
		}
		c.place, c.arr = placeElem, a
		c.replace = source.Span{Start: c.offset, End: c.wordEnd(c.offset)}
		for _, e := range a.Elems {
			if e.Span.Len() == 0 && e.Span.Start >= dash && e.Span.Start <= c.doc.lineEnd(c.offset)+1 {
				c.node = e // the null the parser read for the empty item
			}
		}
		c.state = stateAt(c.def, dash)
		return true
	}
	return false
}

// afterColon: blanks after "Key:" with no value yet (the member's span
// ends at the colon, so the tree does not hold the cursor).
func (c *cursor) afterColon() bool {
	p := c.colonBefore(c.offset)
	if p < 0 {
		return false
	}
	chain, mem := syntax.PathAt(c.def.File.Root, p)
	if mem == nil || mem.ColonOffset != p || len(chain) == 0 || (mem.Value != nil && mem.Value.Span.Len() != 0) {
		return false
	}
	c.place, c.obj, c.member = placeValue, chain[len(chain)-1], mem
	c.replace = source.Span{Start: c.offset, End: c.offset}
	c.state = stateAt(c.def, p)
	return true
}

// inTree reads the position from the syntax tree.
func (c *cursor) inTree() {
	offset := c.offset
	chain, member := syntax.PathAt(c.def.File.Root, offset)
	// A container whose closing bracket is just before the cursor does not
	// hold it.
	for len(chain) > 0 {
		n := chain[len(chain)-1]
		if (n.Kind == syntax.Object || n.Kind == syntax.Array) && !n.Unclosed && (offset == n.Span.End || offset == n.Span.Start) && (!c.doc.yaml || c.doc.isFlow(n) || offset == n.Span.Start) {
			chain = chain[:len(chain)-1]
			member = nil
			continue
		}
		break
	}
	if len(chain) == 0 {
		return
	}
	inner := chain[len(chain)-1]
	switch inner.Kind {
	case syntax.Object:
		switch {
		case member != nil && (member.KeySpan.Contains(offset) || member.Value == nil && member.ColonOffset < 0):
			c.place, c.obj, c.member = placeKey, inner, member
			c.replace = c.keySpan(member)
		case member != nil && member.Value == nil && member.ColonOffset >= 0 && offset > member.ColonOffset:
			c.place, c.obj, c.member = placeValue, inner, member
			c.replace = source.Span{Start: offset, End: offset}
		case member == nil:
			c.place, c.obj = placeKey, inner
			c.replace = source.Span{Start: offset, End: offset}
		}
	case syntax.Array:
		c.place, c.arr = placeElem, inner
		c.replace = source.Span{Start: offset, End: offset}
	default:
		c.onScalar(inner, offset)
	}
}

// onScalar: the cursor is on a value; it replaces the value as written
// (up to the cursor when the string is unclosed).
func (c *cursor) onScalar(inner *syntax.Node, offset int) {
	p := inner.Parent
	if p == nil {
		return
	}
	c.node = inner
	c.replace = inner.Span
	switch {
	case inner.Span.Len() == 0:
		c.replace = source.Span{Start: offset, End: offset}
	case inner.Unclosed:
		c.replace = source.Span{Start: inner.Span.Start, End: max(offset, inner.Span.Start)}
	}
	switch p.Kind {
	case syntax.Object:
		for _, m := range p.Members {
			if m.Value == inner {
				c.place, c.obj, c.member = placeValue, p, m
			}
		}
	case syntax.Array:
		c.place, c.arr = placeElem, p
	}
}

// colonBefore is the offset of a ':' that only blanks separate from
// offset on its line, or -1.
func (c *cursor) colonBefore(offset int) int {
	t := c.doc.text
	i := offset
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i > 0 && t[i-1] == ':' {
		return i - 1
	}
	return -1
}

// dashBefore is the offset of a YAML "- " sequence indicator that starts
// the cursor's line with only blanks up to offset, or -1.
func (c *cursor) dashBefore(offset int) int {
	t := c.doc.text
	i := offset
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i == offset || i == 0 || t[i-1] != '-' || !c.doc.firstOnLine(i-1) {
		return -1
	}
	return i - 1
}

// refineYAMLKey: a YAML line holding a bare word is a key being typed.
func (c *cursor) refineYAMLKey() {
	for _, m := range c.obj.Members {
		if m.KeySpan.Contains(c.offset) && m.ColonOffset < 0 {
			c.member = m
			c.replace = c.keySpan(m)
		}
	}
}

// keySpan is the text a key completion replaces: the key as written, but
// for an unclosed quoted key only up to the end of the word at the cursor
// (the parser ran the key on to the end of the line).
func (c *cursor) keySpan(m *syntax.Member) source.Span {
	sp := m.KeySpan
	t := c.doc.text
	if sp.Start < len(t) && t[sp.Start] == '"' && (sp.Len() < 2 || t[sp.End-1] != '"') {
		return source.Span{Start: sp.Start, End: c.wordEnd(c.offset)}
	}
	return sp
}

// wordEnd extends off over the identifier characters after it.
func (c *cursor) wordEnd(off int) int {
	t := c.doc.text
	for off < len(t) && isWordByte(t[off]) {
		off++
	}
	return off
}

func isWordByte(b byte) bool {
	return b == '_' || b == '.' || b == '$' || b == '-' || b >= 0x80 ||
		('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

// yamlObjectAtColumn finds, for a cursor alone on a YAML line, the block
// mapping whose keys start at the cursor's column: the deepest one among
// the ancestors of the last node before the cursor.
func (c *cursor) yamlObjectAtColumn(offset int) *syntax.Node {
	col := c.doc.column(offset)
	prev := c.doc.lineStart(offset) - 1
	for prev > 0 && (c.doc.text[prev] == ' ' || c.doc.text[prev] == '\n' || c.doc.text[prev] == '\r' || c.doc.text[prev] == '\t') {
		prev--
	}
	if prev < 0 {
		return nil
	}
	chain, _ := syntax.PathAt(c.def.File.Root, prev)
	for i := len(chain) - 1; i >= 0; i-- {
		n := chain[i]
		if n.Kind != syntax.Object || len(n.Members) == 0 || c.doc.isFlow(n) {
			continue
		}
		k := n.Members[0].KeySpan.Start
		if c.doc.column(k) == col {
			return n
		}
	}
	if col == 0 && c.def.File.Root.Kind == syntax.Object {
		return c.def.File.Root
	}
	return nil
}

// stateAt is the innermost state whose object holds offset.
func stateAt(def *model.Definition, offset int) *model.State {
	d := newDoc(def.File)
	var best *model.State
	for _, s := range def.All {
		if s.Node == nil || s.Node.Kind != syntax.Object {
			continue
		}
		if s.Node.Span.Start < offset && (offset < s.Node.Span.End || s.Node.Unclosed || offset == s.Node.Span.End && !d.isFlow(s.Node)) {
			if best == nil || s.Node.Span.Len() <= best.Node.Span.Len() {
				best = s
			}
		}
	}
	return best
}

// objLocation is the schema location of the object being completed.
func (c *cursor) objLocation() schema.Location {
	return schema.LocateNode(c.def.File.Root, c.obj)
}

// memberLocation is the schema location of the member whose value is
// being completed.
func (c *cursor) memberLocation() schema.Location {
	return schema.LocateMember(c.def.File.Root, c.obj, c.member)
}

// present lists the keys of the object being completed, minus the one
// being typed.
func (c *cursor) present() []string {
	var out []string
	for _, m := range c.obj.Members {
		if m != c.member {
			out = append(out, m.Key)
		}
	}
	return out
}

package syntax

import (
	"bytes"
	"sort"

	"github.com/aslkit/aslkit/asl/source"
)

// An Edit replaces the bytes [Start, End) of a text with NewLen bytes.
type Edit struct{ Start, End, NewLen int }

// delta is how far the edit moves the bytes after it.
func (e Edit) delta() int { return e.NewLen - (e.End - e.Start) }

// Reparse returns the File that parsing newText from scratch would give,
// when newText is old.Text with e applied and the edit stays strictly
// inside one token (a string, a key, a number, a YAML plain scalar): the
// usual keystroke. The token is read again and the rest of the tree is
// copied with its offsets moved, which skips the scanning of a full parse.
// ok is false when the edit reaches past one token, changes what the
// parser would make of its surroundings, or the file came from a parser
// path Reparse does not follow; parse newText from scratch then.
func Reparse(old *File, newText []byte, e Edit) (f *File, ok bool) {
	if old == nil || old.Root == nil || e.Start < 0 || e.Start > e.End || e.End > len(old.Text) || e.NewLen < 0 ||
		len(newText) != len(old.Text)+e.delta() || len(old.Errors) >= maxErrors {
		return nil, false
	}
	var token *Node
	var key *Member
	switch old.dialect {
	case dialectJSON, dialectJSON5, dialectYAMLFast:
		token, key = tokenAround(old.Root, e)
	default:
		return nil, false
	}
	var fresh Node // the token's node as the parser would make it now
	switch {
	case key != nil && old.dialect == dialectYAMLFast:
		if !yamlKeyReads(old, key, newText, e, &fresh) {
			return nil, false
		}
	case key != nil:
		if !jsonKeyReads(old, key, newText, e, &fresh) {
			return nil, false
		}
	case token == nil:
		return nil, false
	case old.dialect == dialectYAMLFast:
		if !yamlValueReads(old, token, newText, e, &fresh) {
			return nil, false
		}
	default:
		if !jsonValueReads(old, token, newText, e, &fresh) {
			return nil, false
		}
	}
	c := newTreeCopier(old.size, e)
	c.token, c.key, c.fresh = token, key, &fresh
	root := c.node(old.Root, nil)
	var errs []Error
	for _, er := range old.Errors {
		er.Span = c.span(er.Span)
		errs = append(errs, er)
	}
	return &File{Text: newText, Format: old.Format, Root: root, Errors: errs, dialect: old.dialect, size: old.size}, true
}

// tokenAround finds the value (a string, a number, a YAML plain scalar)
// or the member's key whose text strictly encloses the edit (the first and
// last bytes of the token stay). It returns nil, nil when the edit is
// anywhere else.
func tokenAround(root *Node, e Edit) (*Node, *Member) {
	inside := func(s source.Span) bool { return s.Start < e.Start && e.End < s.End }
	n := root
	for n != nil && inside(n.Span) {
		switch n.Kind {
		case String, Number, Bool, Null:
			if n.Kind == String || n.Kind == Number || n.style == styleYAMLPlain {
				return n, nil
			}
			return nil, nil
		case Object:
			m := lastBefore(n.Members, e.Start, memberStart)
			if m == nil {
				return nil, nil
			}
			if inside(m.KeySpan) {
				return nil, m
			}
			n = m.Value
		case Array:
			n = lastBefore(n.Elems, e.Start, nodeStart)
		default:
			return nil, nil
		}
	}
	return nil, nil
}

// lastBefore returns the last of xs (in source order) that starts before
// offset, or the zero value.
func lastBefore[T any](xs []T, offset int, start func(T) int) T {
	i := sort.Search(len(xs), func(i int) bool { return start(xs[i]) >= offset })
	if i == 0 {
		var zero T
		return zero
	}
	return xs[i-1]
}

func memberStart(m *Member) int { return m.KeySpan.Start }
func nodeStart(n *Node) int     { return n.Span.Start }

// errorNear reports whether a syntax error touches [start, end]: such an
// error may read the edited bytes or mention them.
func errorNear(f *File, start, end int) bool {
	for _, er := range f.Errors {
		if er.Span.Start <= end && er.Span.End >= start {
			return true
		}
	}
	return false
}

// newToken is the token's text after the edit.
func newToken(newText []byte, s source.Span, e Edit) []byte {
	return newText[s.Start : s.End+e.delta()]
}

// jsonValueReads reads the edited JSON string or number n into fresh, and
// reports whether it is still one well-formed token ending where the old
// one ended.
func jsonValueReads(old *File, n *Node, newText []byte, e Edit, fresh *Node) bool {
	if n.Kind == Number {
		return jsonNumberReads(old, n, newText, e, fresh)
	}
	if n.Kind != String || n.style != styleJSON || n.Tag != "" || n.Unclosed || errorNear(old, n.Span.Start, n.Span.End) {
		return false
	}
	s, ok := rescanJSONString(old.Text[n.Span.Start:n.Span.End], newToken(newText, n.Span, e), old.dialect == dialectJSON5)
	if !ok {
		return false
	}
	*fresh = *n
	fresh.Str = s
	return true
}

// jsonNumberReads reads the edited number n into fresh: the bytes after
// it are those that ended it before, so it ends there again if all of it
// still reads as one number, with nothing to report.
func jsonNumberReads(old *File, n *Node, newText []byte, e Edit, fresh *Node) bool {
	if n.style != styleJSON || errorNear(old, n.Span.Start, n.Span.End) {
		return false
	}
	tok := newToken(newText, n.Span, e)
	p := newParser(tok, Options{JSON5: old.dialect == dialectJSON5})
	made := p.parseNumber()
	if p.pos != len(tok) || len(p.errs) > 0 || made.Kind != Number {
		return false
	}
	*fresh = *n
	fresh.Str, fresh.Num = made.Str, made.Num
	return true
}

// jsonKeyReads reads the edited key of m into fresh.Str. No error may
// touch the member: those quote the key.
func jsonKeyReads(old *File, m *Member, newText []byte, e Edit, fresh *Node) bool {
	if q := old.Text[m.KeySpan.Start]; q != '"' && q != '\'' || errorNear(old, m.KeySpan.Start, max(m.Span.End, m.KeySpan.End)) {
		return false
	}
	s, ok := rescanJSONString(old.Text[m.KeySpan.Start:m.KeySpan.End], newToken(newText, m.KeySpan, e), old.dialect == dialectJSON5)
	if !ok || !staysUnique(m, s) {
		return false
	}
	fresh.Str = s
	return true
}

// staysUnique reports whether m's key, now key, is unlike its siblings'
// keys before and after the edit, so that no duplicate-key error comes or
// goes.
func staysUnique(m *Member, key string) bool {
	if m.Value == nil || m.Value.Parent == nil {
		return false
	}
	for _, o := range m.Value.Parent.Members {
		if o != m && (o.Key == m.Key || o.Key == key) {
			return false
		}
	}
	return true
}

// yamlKeyReads reads the edited key of a block mapping (quoted, or plain
// as fastYAML.key reads it) into fresh.Str.
func yamlKeyReads(old *File, m *Member, newText []byte, e Edit, fresh *Node) bool {
	obj := m.Value
	if obj == nil || obj.Parent == nil || errorNear(old, m.KeySpan.Start, max(m.Span.End, m.KeySpan.End)) {
		return false
	}
	tok := newToken(newText, m.KeySpan, e)
	if ok, _, _ := fastYAMLCandidate(tok); !ok || old.Text[obj.Parent.Span.Start] == '{' {
		return false // or a flow mapping: other rules end a key
	}
	var key string
	switch tok[0] {
	case '"', '\'':
		s, ok := yamlQuotedReads(tok)
		if !ok {
			return false
		}
		key = s
	default:
		if len(tok) > 1000 || !plainStaysOneScalar(tok) {
			return false
		}
		key = string(tok)
	}
	if key == "<<" || !staysUnique(m, key) {
		return false
	}
	fresh.Str = key
	return true
}

// rescanJSONString reads tok, which was oldTok, as one JSON (or JSON5)
// string token: it must close exactly at its end with nothing the parser
// would report. Neither may span lines (JSON5 lets a backslash continue a
// string): the line numbers that messages quote must stay.
func rescanJSONString(oldTok, tok []byte, json5 bool) (string, bool) {
	if len(tok) < 2 || bytes.ContainsAny(tok, "\r\n") || bytes.ContainsAny(oldTok, "\r\n") {
		return "", false
	}
	p := newParser(tok, Options{JSON5: json5})
	s, unclosed := p.scanString()
	return s, !unclosed && p.pos == len(tok) && len(p.errs) == 0
}

// yamlValueReads reads the edited YAML scalar n (a quoted or plain one on
// one line, in block context) into fresh.
func yamlValueReads(old *File, n *Node, newText []byte, e Edit, fresh *Node) bool {
	if n.Tag != "" || n.Unclosed || n.Parent == nil || errorNear(old, n.Span.Start, n.Span.End) {
		return false
	}
	tok := newToken(newText, n.Span, e)
	if ok, _, _ := fastYAMLCandidate(tok); !ok {
		return false
	}
	switch n.style {
	case styleYAMLDouble, styleYAMLSingle:
		s, ok := yamlQuotedReads(tok)
		if !ok {
			return false
		}
		*fresh = *n
		fresh.Str = s
		return true
	case styleYAMLPlain:
		if old.Text[n.Parent.Span.Start] == '[' || old.Text[n.Parent.Span.Start] == '{' || !plainStaysOneScalar(tok) {
			return false // in a flow collection other rules end a scalar
		}
		made, ok := bailed(func() *Node { return tokenYAML(tok).plain(0, len(tok)) })
		if !ok {
			return false
		}
		*fresh = *n
		fresh.Kind, fresh.Str, fresh.Num, fresh.Bool = made.Kind, made.Str, made.Num, made.Bool
		return true
	}
	return false
}

// tokenYAML is a fast YAML parser of one token's text.
func tokenYAML(tok []byte) *fastYAML {
	return &fastYAML{p: newParser(tok, Options{}), text: tok}
}

// yamlQuotedReads reads tok as the fast path reads a quoted scalar, and
// reports whether it is one that closes exactly at its end.
func yamlQuotedReads(tok []byte) (string, bool) {
	y := tokenYAML(tok)
	if end, _ := y.quotedLineEnd(0); end != len(tok) {
		return "", false
	}
	return bailed(func() string { s, _ := y.quoted(0); return s })
}

// plainStaysOneScalar reports whether a block-context plain scalar or key
// edited inside (its first and last bytes kept) still ends where it did,
// as fastYAML.inlineValue and keyEnd read it: no line break, no ": " (a
// mapping), no " #" (a comment), no "- ", "? " or ": " indicator at its
// start, and no "---" or "..." there either (a key at a line's start
// would become a document marker, which the fast path leaves to yaml.v3).
func plainStaysOneScalar(tok []byte) bool {
	if c := tok[0]; (c == '-' || c == '?' || c == ':') && len(tok) > 1 && isBlank(tok[1]) {
		return false
	}
	if bytes.HasPrefix(tok, []byte("---")) || bytes.HasPrefix(tok, []byte("...")) {
		return false
	}
	for k, c := range tok {
		switch {
		case c == '\n':
			return false
		case c == ':' && k+1 < len(tok) && isBlank(tok[k+1]):
			return false
		case c == '#' && k > 0 && isBlank(tok[k-1]):
			return false
		}
	}
	return true
}

// bailed runs a fastYAML step and reports false if it gave up.
func bailed[T any](step func() T) (v T, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(errBail); !bail {
				panic(r)
			}
			ok = false
		}
	}()
	return step(), true
}

// treeCopier copies a tree into slabs, moving the offsets after the edit
// and putting the re-read token in place.
type treeCopier struct {
	end, delta int
	token      *Node   // the edited value, or nil
	key        *Member // the member whose key was edited, or nil
	fresh      *Node   // what the token reads as now

	nodes   []Node
	members []Member
	mptrs   []*Member
	eptrs   []*Node
}

func newTreeCopier(size treeSize, e Edit) *treeCopier {
	return &treeCopier{
		end: e.End, delta: e.delta(),
		nodes:   make([]Node, 0, size.nodes),
		members: make([]Member, 0, size.members),
		mptrs:   make([]*Member, 0, size.members),
		eptrs:   make([]*Node, 0, size.elems),
	}
}

// offset moves an offset of the old text to the new one. No offset of the
// tree falls inside the edit: it is strictly inside one token.
func (c *treeCopier) offset(o int) int {
	if o >= c.end {
		return o + c.delta
	}
	return o
}

func (c *treeCopier) span(s source.Span) source.Span {
	return source.Span{Start: c.offset(s.Start), End: c.offset(s.End)}
}

func (c *treeCopier) node(old *Node, parent *Node) *Node {
	n := &carve(&c.nodes, 1)[0]
	if old == c.token {
		*n = *c.fresh
	} else {
		*n = *old
	}
	n.Span = c.span(old.Span)
	n.Parent = parent
	if len(old.Members) > 0 {
		ms := carve(&c.mptrs, len(old.Members))
		for i, om := range old.Members {
			m := &carve(&c.members, 1)[0]
			*m = *om
			if om == c.key {
				m.Key = c.fresh.Str
			}
			m.KeySpan = c.span(om.KeySpan)
			m.Span = c.span(om.Span)
			if om.ColonOffset >= 0 {
				m.ColonOffset = c.offset(om.ColonOffset)
			}
			if om.Value != nil {
				m.Value = c.node(om.Value, n)
			}
			ms[i] = m
		}
		n.Members = ms
	}
	if len(old.Elems) > 0 {
		es := carve(&c.eptrs, len(old.Elems))
		for i, oe := range old.Elems {
			es[i] = c.node(oe, n)
		}
		n.Elems = es
	}
	return n
}

// carve hands out n items of a slab as an exact-size slice (capacity
// capped, as the parser's are, so that an append copies). The slabs were
// sized from the parse; a tree that outgrows them (a File whose counts are
// missing) gets more.
func carve[T any](slab *[]T, n int) []T {
	if cap(*slab)-len(*slab) < n {
		*slab = make([]T, 0, max(n, 64, cap(*slab)))
	}
	start := len(*slab)
	*slab = (*slab)[:start+n]
	return (*slab)[start : start+n : start+n]
}

package syntax

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"

	"github.com/aslkit/aslkit/asl/source"
)

// Options select the JSON dialect.
type Options struct {
	// JSON5 accepts comments, trailing commas, single-quoted strings,
	// unquoted keys, hex numbers and ±Infinity/NaN without errors.
	JSON5 bool
}

// maxDepth is how deep objects and arrays may nest; encoding/json stops at
// the same depth, and it keeps the recursion well inside the goroutine stack.
const maxDepth = 10000

// Parse parses a JSON document. It never fails: see ParseJSON.
func Parse(text []byte) *File { return ParseJSON(text, Options{}) }

// ParseJSON parses a JSON (or, with opts.JSON5, JSON5) document into a Node
// tree. The tree is always there, even for a hopeless document; each
// problem found on the way is an Error with a small span and a message that
// says how to fix it.
func ParseJSON(text []byte, opts Options) *File {
	p := newParser(text, opts)
	p.reserve(jsonSlabHints(text))
	root := p.parseRoot()
	sortErrors(p.errs)
	d := dialectJSON
	if opts.JSON5 {
		d = dialectJSON5
	}
	return &File{Text: text, Format: JSON, Root: root, Errors: p.errs, dialect: d, size: p.size()}
}

type parser struct {
	text  []byte
	src   string // text as a string: escape-free strings are substrings of it, no copies
	pos   int
	json5 bool
	errs  []Error
	// lastEnd is the end of the last token consumed; an unclosed object or
	// array ends there.
	lastEnd int
	// open is the stack of unclosed '{' and '[' so that a stray '}' or ']'
	// can tell whether an enclosing container wants it.
	open []byte
	// openObjects and openArrays count the '{' and '[' in open.
	openObjects, openArrays int
	// lines holds line start offsets, built on the first duplicate key.
	lines []int

	// Allocation in slabs: nodes, members and child slices. The first slab
	// of each holds the whole hint (see slabHints); later ones are sized
	// from the text read so far.
	hints   slabHints
	nodes   []Node
	members []Member
	mslab   []*Member
	eslab   []*Node
	// nodesBefore and membersBefore count the items of the slabs before
	// the current ones; elemsMade counts element slots handed out.
	nodesBefore, membersBefore, elemsMade int
	mstack                                []*Member // members of the objects being parsed
	estack                                []*Node   // elements of the arrays being parsed
	buf                                   []byte    // string decoding scratch
}

// slabHints are the expected numbers of nodes, members and array elements
// of a document. Allocating a slab for them all up front, before the tree
// grows, means that a garbage collection the allocation starts finds
// almost nothing to mark, and is over (write barriers off again) before
// the parse fills the slab; chunks allocated along the way start
// collections that mark the half-built tree instead.
type slabHints struct{ nodes, members, elems int }

// jsonSlabHints bounds the counts of a JSON text from byte counts alone:
// every member but an object's first follows a ',', and every node but the
// root is a member's value or an array element, so nodes <= 1 + ',' + '{'
// + '[' and members <= ',' + '{'. Bytes inside strings only raise the
// bounds.
func jsonSlabHints(text []byte) slabHints {
	commas := bytes.Count(text, []byte{','})
	objects := bytes.Count(text, []byte{'{'})
	arrays := bytes.Count(text, []byte{'['})
	return capHints(text, slabHints{nodes: 1 + commas + objects + arrays, members: commas + objects, elems: 2 * arrays})
}

// capHints keeps text full of commas (in a long string, say) from reserving
// more than a few times its size up front: a tree that outgrows a hint
// still parses, more slabs follow.
func capHints(text []byte, h slabHints) slabHints {
	limit := len(text)/16 + 16
	return slabHints{nodes: min(h.nodes, limit), members: min(h.members, limit), elems: min(h.elems, limit)}
}

func newParser(text []byte, opts Options) *parser {
	return &parser{text: text, src: string(text), json5: opts.JSON5}
}

// reserve allocates the first slabs, all before the parse starts.
func (p *parser) reserve(h slabHints) {
	p.hints = h
	p.nodes = make([]Node, 0, h.nodes)
	p.members = make([]Member, 0, h.members)
	p.mslab = make([]*Member, 0, h.members)
	p.eslab = make([]*Node, 0, h.elems)
}

// slabSize is the length of the next slab after made items, the last of
// them for the text at offset at: what is left of the hint, or else what
// the text read so far predicts for the rest (at most twice as many as
// made so far, so that an early guess cannot run away).
func (p *parser) slabSize(made, hint, at int) int {
	if made < hint {
		return hint - made
	}
	rest := max(len(p.text)-at, 0)
	n := made * rest / max(at, 1)
	return min(max(n+n/8, 16), 2*made+16)
}

func (p *parser) newNode(k Kind, start int) *Node {
	i := len(p.nodes)
	if i == cap(p.nodes) {
		p.growNodes(start)
		i = 0
	}
	p.nodes = p.nodes[:i+1]
	n := &p.nodes[i]
	n.Kind = k
	n.Span = source.Span{Start: start, End: start}
	return n
}

// growNodes is newNode's rare path, kept out of line.
func (p *parser) growNodes(at int) {
	p.nodesBefore += len(p.nodes)
	p.nodes = make([]Node, 0, p.slabSize(p.nodeCount(), p.hints.nodes, at))
}

// size counts what the parse made (an upper bound of the tree's size).
func (p *parser) size() treeSize {
	return treeSize{nodes: p.nodeCount(), members: p.memberCount(), elems: p.elemsMade}
}

// nodeCount is the number of nodes made so far.
func (p *parser) nodeCount() int { return p.nodesBefore + len(p.nodes) }

func (p *parser) newMember() *Member {
	i := len(p.members)
	if i == cap(p.members) {
		p.growMembers()
		i = 0
	}
	p.members = p.members[:i+1]
	m := &p.members[i]
	m.ColonOffset = -1
	return m
}

func (p *parser) growMembers() {
	p.membersBefore += len(p.members)
	p.members = make([]Member, 0, p.slabSize(p.memberCount(), p.hints.members, p.lastNodeStart()))
}

// memberCount is the number of members made so far.
func (p *parser) memberCount() int { return p.membersBefore + len(p.members) }

// lastNodeStart is where the latest node starts: how far the parse got.
func (p *parser) lastNodeStart() int {
	if len(p.nodes) == 0 {
		return 0
	}
	return p.nodes[len(p.nodes)-1].Span.Start
}

// memberSlice copies the members collected since base into an exact-size
// slice carved from a shared slab (capacity capped so appends copy). The
// stack is not cleared: it dies with the parser, and its stale pointers
// point into the tree anyway.
func (p *parser) memberSlice(base int) []*Member {
	src := p.mstack[base:]
	n := len(src)
	if n == 0 {
		return nil
	}
	var out []*Member
	if n > 512 {
		out = make([]*Member, n)
		copy(out, src)
	} else {
		if cap(p.mslab)-len(p.mslab) < n {
			made := p.memberCount() - len(p.mstack) // members already in slices
			p.mslab = make([]*Member, 0, max(p.slabSize(made, p.hints.members, p.lastNodeStart()), n))
		}
		start := len(p.mslab)
		p.mslab = append(p.mslab, src...)
		out = p.mslab[start:len(p.mslab):len(p.mslab)]
	}
	p.mstack = p.mstack[:base]
	return out
}

func (p *parser) elemSlice(base int) []*Node {
	src := p.estack[base:]
	n := len(src)
	if n == 0 {
		return nil
	}
	var out []*Node
	if n > 512 {
		out = make([]*Node, n)
		copy(out, src)
	} else {
		if cap(p.eslab)-len(p.eslab) < n {
			made := p.elemsMade
			p.eslab = make([]*Node, 0, max(p.slabSize(made, p.hints.elems, p.lastNodeStart()), n))
		}
		start := len(p.eslab)
		p.eslab = append(p.eslab, src...)
		out = p.eslab[start:len(p.eslab):len(p.eslab)]
	}
	p.elemsMade += n
	p.estack = p.estack[:base]
	return out
}

func (p *parser) parseRoot() *Node {
	if bytes.HasPrefix(p.text, []byte("\uFEFF")) {
		p.pos = 3 // a byte order mark from a Windows editor: harmless, skip it
	}
	p.skipTrivia()
	var root *Node
	for root == nil {
		if p.pos >= len(p.text) {
			root = p.newNode(Invalid, len(p.text))
			p.errorf(len(p.text), len(p.text), CodeEmptyDocument,
				"the document is empty; a state machine definition is an object: {\"StartAt\": ..., \"States\": {...}}")
			return root
		}
		root = p.parseValue(0)
		if root == nil { // a stray ',', ':', '}' or ']' before the value
			p.unexpectedByte()
			p.skipTrivia()
		}
	}
	p.skipTrivia()
	if p.pos < len(p.text) {
		start := p.pos
		if v := p.parseValue(0); v == nil {
			p.pos++
			p.lastEnd = p.pos
		}
		p.errorf(start, p.lastEnd, CodeExtraText,
			"unexpected text after the end of the document; remove it (a document holds one value)")
	}
	return root
}

// unexpectedByte reports the structural byte at pos and skips it.
func (p *parser) unexpectedByte() {
	c := p.text[p.pos]
	msg := fmt.Sprintf("unexpected '%c'", c)
	switch c {
	case '}', ']':
		msg += "; it closes nothing, remove it"
	case ',':
		msg += "; remove the extra comma"
	case ':':
		msg += "; a ':' belongs between a property name and its value"
	}
	p.errorf(p.pos, p.pos+1, CodeUnexpected, msg)
	p.pos++
	p.lastEnd = p.pos
}

// parseValue parses the value at pos (trivia already skipped). It returns
// nil without consuming anything at the end of the text or at ',', ':', '}'
// or ']' — the caller decides what a missing value means there.
func (p *parser) parseValue(depth int) *Node {
	if p.pos >= len(p.text) {
		return nil
	}
	switch c := p.text[p.pos]; c {
	case '{':
		if depth >= maxDepth {
			return p.skipTooDeep()
		}
		return p.parseObject(depth)
	case '[':
		if depth >= maxDepth {
			return p.skipTooDeep()
		}
		return p.parseArray(depth)
	case '"', '\'':
		return p.parseString()
	case ',', ':', '}', ']':
		return nil
	case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return p.parseNumber()
	case '$':
		if n := p.parsePlaceholder(); n != nil {
			return n
		}
	}
	return p.parseWord()
}

func (p *parser) parseObject(depth int) *Node {
	n := p.newNode(Object, p.pos)
	p.open = append(p.open, '{')
	p.openObjects++
	p.pos++
	p.lastEnd = p.pos
	base := len(p.mstack)
	var keys keySet  // to report repeated keys
	var last *Member // previous member, to tell where a comma is missing
	comma := -1      // offset of the last ',' not yet followed by a member
	for {
		p.skipTrivia()
		if p.pos >= len(p.text) {
			p.unclosed(n, CodeUnclosedObject, "this '{' is never closed; add '}'")
			break
		}
		c := p.text[p.pos]
		if c == '"' && (last == nil || comma >= 0) {
			// The usual member, first or after a comma: the checks below
			// would all pass it through to the same code.
			m := p.parseMember(n, depth)
			p.mstack = append(p.mstack, m)
			if bit := keyBit(m.Key); keys.seen != nil || keys.fingerprints&bit != 0 || len(p.mstack)-base > 16 {
				p.checkDuplicate(&keys, base, m)
			} else {
				keys.fingerprints |= bit // a key new to this object, no scan
			}
			last = m
			comma = -1
			if p.pos < len(p.text) && p.text[p.pos] == ',' { // the usual separator, right after the value
				comma = p.pos
				p.pos++
				p.lastEnd = p.pos
			}
			continue
		}
		if c == '}' {
			if comma >= 0 && len(p.mstack) > base && !p.json5 {
				p.errorf(comma, comma+1, CodeTrailingComma, "trailing comma; remove it (JSON does not allow a ',' before '}')")
			}
			p.pos++
			p.lastEnd = p.pos
			n.Span.End = p.pos
			break
		}
		if c == ']' && p.wrongCloser() {
			p.errorf(p.pos, p.pos+1, CodeUnclosedObject, "this object is closed with ']'; write '}'")
			p.pos++
			p.lastEnd = p.pos
			n.Span.End = p.pos
			break
		}
		if c == ']' && p.enclosedBy('[') {
			p.unclosed(n, CodeUnclosedObject, "this '{' is never closed; add '}'")
			break
		}
		if c == ',' {
			if last == nil || comma >= 0 {
				p.errorf(p.pos, p.pos+1, CodeUnexpected, "unexpected ','; remove the extra comma")
			}
			comma = p.pos
			p.pos++
			p.lastEnd = p.pos
			continue
		}
		if c == ':' || c == ']' || c == '}' {
			p.unexpectedByte()
			continue
		}
		if !isKeyStart(c) && !p.bareKeyFollows() {
			// A value where a property name belongs: read it so brackets
			// stay balanced, then drop it.
			start := p.pos
			v := p.parseValue(depth + 1)
			if last != nil && comma < 0 {
				p.errorf(start, v.Span.End, CodeUnexpected, "unexpected value; expected ',' or '}'")
			} else {
				p.errorf(start, v.Span.End, CodeBadKey, "expected a property name in double quotes")
			}
			continue
		}
		if last != nil && comma < 0 && last.Value != nil && !last.Value.Unclosed {
			// (A missing value, colon or closing quote was reported already.)
			p.errorf(last.Span.End, last.Span.End, CodeMissingComma, "missing ',' between members; add one here")
		}
		m := p.parseMember(n, depth)
		p.mstack = append(p.mstack, m)
		p.checkDuplicate(&keys, base, m)
		last = m
		comma = -1
	}
	p.open = p.open[:len(p.open)-1]
	p.openObjects--
	n.Members = p.memberSlice(base)
	return n
}

func (p *parser) parseMember(obj *Node, depth int) *Member {
	m := p.newMember()
	start := p.pos
	if keyEnd, colon, value := p.plainKey(); value > 0 {
		// The usual `"Key": value` on one line: what the general path below
		// would do, without its detours.
		m.Key = p.src[start+1 : keyEnd-1]
		m.KeySpan = source.Span{Start: start, End: keyEnd}
		m.ColonOffset = colon
		p.pos = value
		p.lastEnd = colon + 1
		var v *Node
		if end := p.plainStringEnd(value); end > 0 {
			v = p.plainString(end) // and the usual value
		} else {
			v = p.parseValue(depth + 1)
		}
		v.Parent = obj
		m.Value = v
		m.Span = source.Span{Start: start, End: v.Span.End}
		return m
	}
	var keyUnclosed bool
	m.Key, m.KeySpan, keyUnclosed = p.parseKey()
	m.Span = m.KeySpan
	p.skipTrivia()
	if p.pos < len(p.text) && p.text[p.pos] == ':' {
		m.ColonOffset = p.pos
		p.pos++
		p.lastEnd = p.pos
		m.Span.End = p.pos
		p.skipTrivia()
		if p.valueMissing(m.ColonOffset) {
			p.errorf(m.ColonOffset+1, m.ColonOffset+1, CodeMissingValue,
				fmt.Sprintf("missing value for %q; add one after the ':'", m.Key))
			return m
		}
		if v := p.parseValue(depth + 1); v != nil {
			v.Parent = obj
			m.Value = v
			m.Span = source.Span{Start: start, End: v.Span.End}
		}
		return m
	}
	// No colon. A value on the same line still belongs to this key
	// (`"Type" "Pass"`); otherwise the key is being typed.
	if !keyUnclosed {
		p.errorf(m.KeySpan.End, m.KeySpan.End, CodeMissingColon, fmt.Sprintf("missing ':' after %q", m.Key))
	}
	if p.pos < len(p.text) && !p.newlineBetween(m.KeySpan.End, p.pos) && isValueStart(p.text[p.pos]) && !p.keyFollows() {
		if v := p.parseValue(depth + 1); v != nil {
			v.Parent = obj
			m.Value = v
			m.Span = source.Span{Start: start, End: v.Span.End}
		}
	}
	return m
}

// plainStringEnd returns the offset past the closing quote of the string
// at i if it is double-quoted printable ASCII with no escapes, or else 0.
// It looks at eight bytes at a time (and gives up on the last few bytes
// of the text: the general path takes those).
func (p *parser) plainStringEnd(i int) int {
	t := p.text
	if t[i] != '"' {
		return 0
	}
	for i++; i+8 <= len(t); i += 8 {
		if m := specialBytes(binary.LittleEndian.Uint64(t[i:]), '"'); m != 0 {
			if i += bits.TrailingZeros64(m) >> 3; t[i] == '"' {
				return i + 1
			}
			return 0
		}
	}
	return 0
}

// plainString makes the node parseString would for the string at pos that
// plainStringEnd found plain, ending at end.
func (p *parser) plainString(end int) *Node {
	n := p.newNode(String, p.pos)
	n.Str = p.src[p.pos+1 : end-1]
	n.Span.End = end
	p.pos = end
	p.lastEnd = end
	return n
}

// plainKey looks at pos for a double-quoted key of printable ASCII with no
// escapes, then ':' and a value on the same line, with nothing but spaces
// between them. It returns the offsets past the key, of the colon and of
// the value, or value 0 when the text is anything else.
func (p *parser) plainKey() (keyEnd, colon, value int) {
	t := p.text
	keyEnd = p.plainStringEnd(p.pos)
	if keyEnd == 0 || p.json5 { // JSON5 skips more kinds of blanks
		return 0, 0, 0
	}
	i := keyEnd
	for i < len(t) && t[i] == ' ' {
		i++
	}
	if i >= len(t) || t[i] != ':' {
		return 0, 0, 0
	}
	colon = i
	i++
	for i < len(t) && t[i] == ' ' {
		i++
	}
	if i >= len(t) {
		return 0, 0, 0
	}
	switch t[i] {
	case ',', ':', '}', ']', '/', '\t', '\n', '\r':
		return 0, 0, 0
	}
	return keyEnd, colon, i
}

// valueMissing reports whether no value follows the ':' at colon: the text
// ends, a delimiter follows, or the next line starts with the next key
// (`"Next":` then `"End": true` below it while typing).
func (p *parser) valueMissing(colon int) bool {
	if p.pos >= len(p.text) {
		return true
	}
	switch c := p.text[p.pos]; {
	case c == ',' || c == '}' || c == ']' || c == ':':
		return true
	case c != '"' && c != '\'' && !isIdentStart(c):
		return false // a number, object, array: a value for sure
	}
	return p.newlineBetween(colon, p.pos) && p.keyFollows()
}

// bareKeyFollows reports whether an unquoted word that is not an
// identifier (`1a`, `x-y`) followed by ':' is at pos: a key typed wrong.
func (p *parser) bareKeyFollows() bool {
	t := p.text
	i := p.pos
	for i < len(t) && !isKeyWordEnd(t[i]) {
		i++
	}
	if i == p.pos {
		return false
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i < len(t) && t[i] == ':'
}

// keyFollows reports whether the token at pos is a property name followed
// by ':', scanning ahead without consuming anything.
func (p *parser) keyFollows() bool {
	t := p.text
	i := p.pos
	if i >= len(t) {
		return false
	}
	switch c := t[i]; {
	case c == '"' || c == '\'':
		i++
		for i < len(t) && t[i] != c && t[i] != '\n' {
			if t[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(t) || t[i] != c {
			return false
		}
		i++
	case isIdentStart(c):
		for i < len(t) && isIdentPart(t[i]) {
			i++
		}
	default:
		return false
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i < len(t) && t[i] == ':'
}

func (p *parser) newlineBetween(a, b int) bool {
	if a >= b || b > len(p.text) {
		return false
	}
	if b-a <= 16 { // the usual `": "`: cheaper than a call
		for _, c := range p.text[a:b] {
			if c == '\n' {
				return true
			}
		}
		return false
	}
	return bytes.IndexByte(p.text[a:b], '\n') >= 0
}

// keySet finds repeated keys in one object: small objects scan the keys
// before, big ones keep a map.
type keySet struct {
	// fingerprints has keyBit set for every key so far: a key whose bit is
	// clear is new without a scan (the usual case).
	fingerprints uint64
	seen         map[string]*Member
}

func keyBit(k string) uint64 {
	h := uint(len(k))
	if len(k) > 0 {
		h += uint(k[0])*7 + uint(k[len(k)-1])*31
	}
	return 1 << (h & 63)
}

// checkDuplicate reports m if its key already appeared in the object whose
// members start at base.
func (p *parser) checkDuplicate(keys *keySet, base int, m *Member) {
	ms := p.mstack[base : len(p.mstack)-1]
	var first *Member
	if keys.seen == nil && len(ms) < 16 {
		bit := keyBit(m.Key)
		if keys.fingerprints&bit == 0 {
			keys.fingerprints |= bit
			return
		}
		for _, o := range ms {
			if o.Key == m.Key {
				first = o
				break
			}
		}
	} else {
		if keys.seen == nil {
			keys.seen = make(map[string]*Member, 2*len(ms))
			for _, o := range ms {
				if _, ok := keys.seen[o.Key]; !ok {
					keys.seen[o.Key] = o
				}
			}
		}
		if o, ok := keys.seen[m.Key]; ok {
			first = o
		} else {
			keys.seen[m.Key] = m
		}
	}
	if first != nil {
		if p.lines == nil {
			p.lines = lineStarts(p.text)
		}
		line, _ := slices.BinarySearch(p.lines, first.KeySpan.Start+1)
		p.errorf(m.KeySpan.Start, m.KeySpan.End, CodeDuplicateKey,
			fmt.Sprintf("duplicate key %q; the first is on line %d", m.Key, line))
	}
}

func (p *parser) parseArray(depth int) *Node {
	n := p.newNode(Array, p.pos)
	p.open = append(p.open, '[')
	p.openArrays++
	p.pos++
	p.lastEnd = p.pos
	base := len(p.estack)
	var last *Node
	comma := -1
	for {
		p.skipTrivia()
		if p.pos >= len(p.text) {
			p.unclosed(n, CodeUnclosedArray, "this '[' is never closed; add ']'")
			break
		}
		c := p.text[p.pos]
		if (c == '"' || c == '{') && (last == nil || comma >= 0) {
			// The usual element, first or after a comma (see parseObject).
			var v *Node
			if end := p.plainStringEnd(p.pos); end > 0 {
				v = p.plainString(end)
			} else {
				v = p.parseValue(depth + 1)
			}
			v.Parent = n
			p.estack = append(p.estack, v)
			last = v
			comma = -1
			if p.pos < len(p.text) && p.text[p.pos] == ',' {
				comma = p.pos
				p.pos++
				p.lastEnd = p.pos
			}
			continue
		}
		if c == ']' {
			if comma >= 0 && last != nil && !p.json5 {
				p.errorf(comma, comma+1, CodeTrailingComma, "trailing comma; remove it (JSON does not allow a ',' before ']')")
			}
			p.pos++
			p.lastEnd = p.pos
			n.Span.End = p.pos
			break
		}
		if c == '}' && p.wrongCloser() {
			p.errorf(p.pos, p.pos+1, CodeUnclosedArray, "this array is closed with '}'; write ']'")
			p.pos++
			p.lastEnd = p.pos
			n.Span.End = p.pos
			break
		}
		if c == '}' && p.enclosedBy('{') {
			p.unclosed(n, CodeUnclosedArray, "this '[' is never closed; add ']'")
			break
		}
		if c == ',' {
			if last == nil || comma >= 0 {
				p.errorf(p.pos, p.pos+1, CodeUnexpected, "unexpected ','; remove the extra comma")
			}
			comma = p.pos
			p.pos++
			p.lastEnd = p.pos
			continue
		}
		if c == ':' || c == '}' {
			p.unexpectedByte()
			continue
		}
		if last != nil && comma < 0 && !last.Unclosed {
			p.errorf(last.Span.End, last.Span.End, CodeMissingComma, "missing ',' between elements; add one here")
		}
		v := p.parseValue(depth + 1)
		v.Parent = n
		p.estack = append(p.estack, v)
		last = v
		comma = -1
	}
	p.open = p.open[:len(p.open)-1]
	p.openArrays--
	n.Elems = p.elemSlice(base)
	return n
}

// wrongCloser reports whether the closing bracket at pos, of the wrong
// kind for the innermost container, is a typo for the right one: what
// follows it is ',' and then what the enclosing container expects next (a
// key followed by ':' in an object, a value in an array).
func (p *parser) wrongCloser() bool {
	if len(p.open) < 2 {
		return false
	}
	save := p.pos
	defer func() { p.pos = save }()
	t := p.text
	i := p.pos + 1
	for i < len(t) && isBlank(t[i]) {
		i++
	}
	if i >= len(t) || t[i] != ',' {
		return false
	}
	i++
	for i < len(t) && isBlank(t[i]) {
		i++
	}
	if i >= len(t) {
		return false
	}
	if p.open[len(p.open)-2] == '{' {
		p.pos = i
		return p.keyFollows()
	}
	return isValueStart(t[i]) && t[i] != '"' || t[i] == '"' && !func() bool { p.pos = i; return p.keyFollows() }()
}

// enclosedBy reports whether an outer container (not the innermost one)
// was opened with c.
func (p *parser) enclosedBy(c byte) bool {
	open := p.openObjects
	if c == '[' {
		open = p.openArrays
	}
	if p.open[len(p.open)-1] == c {
		open-- // the innermost one does not count
	}
	return open > 0
}

func (p *parser) unclosed(n *Node, code, msg string) {
	p.errorf(n.Span.Start, n.Span.Start+1, code, msg)
	n.Unclosed = true
	n.Span.End = max(p.lastEnd, n.Span.Start+1)
}

// skipTooDeep consumes a container nested past maxDepth without recursion.
func (p *parser) skipTooDeep() *Node {
	n := p.newNode(Invalid, p.pos)
	depth := 0
	t := p.text
	i := p.pos
	for ; i < len(t); i++ {
		switch t[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			for i++; i < len(t) && t[i] != '"' && t[i] != '\n'; i++ {
				if t[i] == '\\' {
					i++
				}
			}
		}
		if depth == 0 {
			break
		}
	}
	p.pos = min(i+1, len(t))
	p.lastEnd = p.pos
	n.Span.End = p.pos
	n.Str = p.src[n.Span.Start:n.Span.End]
	p.errorf(n.Span.Start, n.Span.Start+1, CodeTooDeep, fmt.Sprintf("nesting deeper than %d levels; the parser skips this value", maxDepth))
	return n
}

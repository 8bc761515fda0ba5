package syntax

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/source"
)

// fastYAML parses the plain block-style subset of YAML that state machines
// are almost always written in, straight into Nodes with the same spans
// ParseYAML's yaml.v3 path computes, several times faster. Anything outside
// the subset (tags, anchors, aliases, tabs, CR, multi-line plain or quoted
// scalars, complex keys, directives, several documents, any syntax error)
// makes it give up, and ParseYAML falls back to yaml.v3. A differential
// test and fuzz target keep both paths equal.
type fastYAML struct {
	p    *parser
	text []byte
	pos  int // always at a line start between nodes
	// started is set past the optional leading "---"; from then on a
	// document marker ends the fast path.
	started bool
	depth   int // flow nesting, bounded so recursion stays shallow
	// lineAt is the pos of the last content line nextLine found, at
	// lineIndent and lineContent: a value checks the next line for a
	// continuation, and its mapping or sequence then reads the same line.
	lineAt, lineIndent, lineContent int
}

// errBail unwinds the fast parser when the input leaves the subset.
type errBail struct{}

func parseYAMLFast(text []byte) (root *Node, errs []Error, size treeSize, ok bool) {
	candidate, lines, entries := fastYAMLCandidate(text)
	if !candidate {
		return nil, nil, size, false
	}
	y := &fastYAML{p: newParser(text, Options{}), text: text, lineAt: -1}
	y.p.reserve(yamlSlabHints(text, lines, entries))
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(errBail); !bail {
				panic(r)
			}
			root, errs, ok = nil, nil, false
		}
	}()
	root = parseYAMLFastInner(y)
	return root, y.p.errs, y.p.size(), true
}

// yamlSlabHints estimates the counts of a block-style YAML text (see
// slabHints) with the given lines and "- " entries: a line holds at most
// one block mapping key, and every node but the root is a key's value or a
// sequence entry. Flow collections add a member or element per ','; their
// first ones are left out, and a text full of them gets more slabs.
func yamlSlabHints(text []byte, lines, entries int) slabHints {
	commas := bytes.Count(text, []byte{','})
	members := lines + 1 + commas
	return capHints(text, slabHints{nodes: 1 + members + entries, members: members, elems: entries + commas})
}

func parseYAMLFastInner(y *fastYAML) *Node {
	text := y.text
	indent, content := y.nextLine()
	if content < 0 {
		y.bail() // empty: let yaml.v3 decide what it is
	}
	if indent == 0 && bytes.HasPrefix(text[content:], []byte("---")) && (content+3 == len(text) || isBlank(text[content+3])) {
		y.endLine(content + 3) // an explicit document start
		y.started = true
		y.lineAt = -1 // document markers count from here on
		indent, content = y.nextLine()
		if content < 0 {
			y.bail()
		}
	}
	y.started = true
	y.lineAt = -1
	root := y.blockNode(indent, content, -1)
	if _, c := y.nextLine(); c >= 0 {
		y.bail() // more text (a second document, or a syntax error)
	}
	return root
}

// fastYAMLCandidate rules out, in one pass, text the fast path never takes.
// On the way it counts the lines and the "- " sequence entries for
// yamlSlabHints.
func fastYAMLCandidate(text []byte) (ok bool, lines, entries int) {
	const ones = 0x0101010101010101
	var high uint64 // the high bits of all bytes: non-ASCII text
	i := 0
	for ; i+8 <= len(text); i += 8 {
		w := binary.LittleEndian.Uint64(text[i:])
		// Control characters (tabs and CR included) but '\n', and DEL, are
		// out. After the xor a '\n' is 0x00 and the other control
		// characters 0x01-0x1F; the masks are exact, one high bit per byte.
		x := w ^ (ones * '\n')
		nonzero := x&lowBits + lowBits | x
		control := nonzero &^ (x&lowBits + ones*0x60 | x)
		del := w&lowBits + ones // +1 carries into the high bit of 0x7F (and of 0xFF, never UTF-8)
		if (control|del)&highBits != 0 {
			return false, 0, 0
		}
		high |= w
		lines += bits.OnesCount64(^nonzero & highBits)
		if dashes := bytesEqual(w, '-'); dashes != 0 {
			entries += dashEntries(text, i, dashes)
		}
	}
	for ; i < len(text); i++ {
		switch c := text[i]; {
		case c < 0x20 && c != '\n' || c == 0x7F:
			return false, 0, 0
		case c == '\n':
			lines++
		case c == '-' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'):
			entries++
		}
		high |= uint64(text[i])
	}
	if high&highBits == 0 {
		return true, lines, entries
	}
	if !utf8.Valid(text) {
		return false, 0, 0
	}
	for s := string(text); s != ""; {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r >= 0x80 && r <= 0x9F || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r == 0x2028 || r == 0x2029 || r >= 0xD800 && r <= 0xDFFF {
			return false, 0, 0
		}
	}
	return true, lines, entries
}

// dashEntries counts the dashes flagged in dashes (the word at i) that a
// blank or the end of the text follows.
func dashEntries(text []byte, i int, dashes uint64) int {
	n := 0
	for ; dashes != 0; dashes &= dashes - 1 {
		j := i + bits.TrailingZeros64(dashes)>>3 + 1
		if j == len(text) || text[j] == ' ' || text[j] == '\n' {
			n++
		}
	}
	return n
}

// indexAny3 returns the offset of the first byte equal to a, b or c in
// t from i, or len(t). It looks at eight bytes at a time.
func indexAny3(t []byte, i int, a, b, c byte) int {
	for ; i+8 <= len(t); i += 8 {
		w := binary.LittleEndian.Uint64(t[i:])
		if m := bytesEqual(w, a) | bytesEqual(w, b) | bytesEqual(w, c); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(t); i++ {
		if d := t[i]; d == a || d == b || d == c {
			return i
		}
	}
	return len(t)
}

// skipRun returns the offset of the first byte other than c in t from i,
// or len(t). It looks at eight bytes at a time.
func skipRun(t []byte, i int, c byte) int {
	for ; i+8 <= len(t); i += 8 {
		if w := binary.LittleEndian.Uint64(t[i:]) ^ (0x0101010101010101 * uint64(c)); w != 0 {
			return i + bits.TrailingZeros64(w)>>3 // the lowest non-zero byte
		}
	}
	for i < len(t) && t[i] == c {
		i++
	}
	return i
}

// lowBits and highBits are the low seven bits and the high bit of every
// byte of a word.
const lowBits, highBits = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080

// bytesEqual flags (in the high bit of each byte) the bytes of w equal to
// c, exactly: no borrow runs from one byte into the next.
func bytesEqual(w uint64, c byte) uint64 {
	x := w ^ (0x0101010101010101 * uint64(c))
	return ^(x&lowBits + lowBits | x) & highBits
}

func (y *fastYAML) bail() { panic(errBail{}) }

// blankFollows reports whether the indicator at i ('-' of an entry, ':'
// of a key) stands alone: the text ends after it or a blank follows.
func blankFollows(t []byte, i int) bool { return i+1 == len(t) || isBlank(t[i+1]) }

// lineEnd is the offset just past the '\n' ending the line holding i.
func (y *fastYAML) lineEnd(i int) int {
	if i < len(y.text) && y.text[i] == '\n' {
		return i + 1 // the usual call, at the end of a value
	}
	if j := bytes.IndexByte(y.text[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(y.text)
}

// nextLine skips blank and comment lines from pos and returns the next
// content line's indentation and content offset (-1 at the end). pos is
// left at that line's start. A "---" or "..." line ends the document.
func (y *fastYAML) nextLine() (indent, content int) {
	if y.pos == y.lineAt {
		return y.lineIndent, y.lineContent // asked again for the same line
	}
	t := y.text
	for y.pos < len(t) {
		i := skipRun(t, y.pos, ' ')
		if i == len(t) {
			y.pos = i
			break
		}
		if t[i] == '\n' || t[i] == '#' {
			y.pos = y.lineEnd(i)
			continue
		}
		if y.started && i == y.pos && (bytes.HasPrefix(t[i:], []byte("---")) || bytes.HasPrefix(t[i:], []byte("..."))) &&
			(i+3 == len(t) || isBlank(t[i+3])) {
			y.bail()
		}
		y.lineAt, y.lineIndent, y.lineContent = y.pos, i-y.pos, i
		return i - y.pos, i
	}
	return 0, -1
}

// blockNode parses the node whose first line has its content at offset
// content, indented by indent; parentIndent is the indentation its lines
// must exceed.
func (y *fastYAML) blockNode(indent, content, parentIndent int) *Node {
	t := y.text
	if indent <= parentIndent {
		y.bail()
	}
	if t[content] == '-' && blankFollows(t, content) {
		return y.blockSequence(indent, content)
	}
	if colon := y.keyEnd(content); colon >= 0 {
		return y.blockMapping(indent, content, colon)
	}
	n := y.inlineValue(content, parentIndent)
	return n
}

func (y *fastYAML) blockSequence(indent, dash int) *Node {
	t := y.text
	n := y.p.newNode(Array, dash)
	base := len(y.p.estack)
	for {
		i := dash + 1
		for i < len(t) && t[i] == ' ' {
			i++
		}
		var e *Node
		if i == len(t) || t[i] == '\n' || t[i] == '#' {
			y.pos = y.lineEnd(i)
			ind, c := y.nextLine()
			if c < 0 || ind <= indent {
				y.bail() // an empty item
			}
			e = y.blockNode(ind, c, indent)
		} else {
			// Compact content on the dash's line: its column is its indent.
			e = y.blockNode(i-y.lineStartOf(i), i, indent)
		}
		e.Parent = n
		y.p.estack = append(y.p.estack, e)
		ind, c := y.nextLine()
		if c < 0 || ind < indent {
			break
		}
		if ind > indent || t[c] != '-' || !blankFollows(t, c) {
			if ind == indent {
				break // the parent mapping's next key (a sequence at the key's indent)
			}
			y.bail()
		}
		dash = c
	}
	n.Elems = y.p.elemSlice(base)
	n.Span.End = n.Elems[len(n.Elems)-1].Span.End
	return n
}

func (y *fastYAML) lineStartOf(i int) int {
	return bytes.LastIndexByte(y.text[:i], '\n') + 1
}

// keyEnd returns the offset of the ':' ending a mapping key that starts at
// i, or -1 when the line is not a `key:` line.
func (y *fastYAML) keyEnd(i int) int {
	t := y.text
	switch t[i] {
	case '"', '\'':
		e, _ := y.quotedLineEnd(i)
		if e < 0 {
			return -1
		}
		for e < len(t) && t[e] == ' ' {
			e++
		}
		if e < len(t) && t[e] == ':' && blankFollows(t, e) {
			return e
		}
		return -1
	case '[', '{', '|', '>', '#', '&', '*', '!', '%', '@', '`', ',', ']', '}':
		return -1
	}
	for j := i; ; j++ {
		j = indexAny3(t, j, ':', '#', '\n')
		switch {
		case j == len(t) || t[j] == '\n':
			return -1
		case t[j] == ':' && blankFollows(t, j):
			return j
		case t[j] == '#' && t[j-1] == ' ':
			return -1
		}
	}
}

// blockMapping parses the mapping whose first key starts at first and
// ends with the colon at colon.
func (y *fastYAML) blockMapping(indent, first, colon int) *Node {
	t := y.text
	n := y.p.newNode(Object, first)
	base := len(y.p.mstack)
	var keys keySet
	k := first
	for {
		if k != first {
			colon = y.keyEnd(k)
		}
		if colon < 0 {
			y.bail()
		}
		m := y.p.newMember()
		m.Key, m.KeySpan = y.key(k, colon)
		if m.Key == "<<" {
			y.bail() // merge keys
		}
		m.ColonOffset = colon
		m.Span = source.Span{Start: k, End: colon + 1}
		i := colon + 1
		for i < len(t) && t[i] == ' ' {
			i++
		}
		var v *Node
		if i == len(t) || t[i] == '\n' || t[i] == '#' {
			y.pos = y.lineEnd(i)
			ind, c := y.nextLine()
			switch {
			case c >= 0 && ind > indent:
				v = y.blockNode(ind, c, indent)
			case c >= 0 && ind == indent && t[c] == '-' && blankFollows(t, c):
				v = y.blockSequence(ind, c)
			default:
				v = y.p.newNode(Null, colon+1) // `key:` and nothing
			}
		} else {
			v = y.inlineValue(i, indent)
		}
		v.Parent = n
		m.Value = v
		m.Span.End = max(v.Span.End, m.Span.End)
		y.p.mstack = append(y.p.mstack, m)
		y.p.checkDuplicate(&keys, base, m)
		ind, c := y.nextLine()
		if c < 0 || ind < indent {
			break
		}
		if ind > indent {
			y.bail()
		}
		if t[c] == '-' && blankFollows(t, c) {
			y.bail() // a sequence entry where a key belongs
		}
		k = c
	}
	n.Members = y.p.memberSlice(base)
	n.Span.End = n.Members[len(n.Members)-1].Span.End
	return n
}

// key reads the key from k to the colon.
func (y *fastYAML) key(k, colon int) (string, source.Span) {
	t := y.text
	if t[k] == '"' || t[k] == '\'' {
		s, end := y.quoted(k)
		return s, source.Span{Start: k, End: end}
	}
	end := colon
	for end > k && t[end-1] == ' ' {
		end--
	}
	if t[k] == '-' || t[k] == '?' || t[k] == ':' {
		if k+1 < len(t) && isBlank(t[k+1]) {
			y.bail()
		}
	}
	if end == k || end-k > 1000 {
		y.bail() // an empty key, or longer than yaml.v3 allows a simple key
	}
	return y.p.src[k:end], source.Span{Start: k, End: end}
}

// inlineValue parses a value that starts on the current line at i and must
// end on it (flow collections may span lines); the next content line must
// not be indented past parentIndent (that would be a multi-line scalar).
func (y *fastYAML) inlineValue(i, parentIndent int) *Node {
	t := y.text
	var n *Node
	switch c := t[i]; c {
	case '"', '\'':
		s, end := y.quoted(i)
		n = y.p.newNode(String, i)
		n.Str = s
		n.Span.End = end
		n.style = styleYAMLSingle
		if c == '"' {
			n.style = styleYAMLDouble
		}
		y.endLine(end)
	case '[', '{':
		n = y.flow(i)
		y.endLine(n.Span.End)
	case '|', '>':
		return y.blockScalar(i, parentIndent)
	case '&', '*', '!', '%', '@', '`', ',', ']', '}', '#':
		y.bail()
	default:
		if (c == '-' || c == '?' || c == ':') && blankFollows(t, i) {
			y.bail()
		}
		end := i
		for {
			end = indexAny3(t, end, ':', '#', '\n')
			if end == len(t) || t[end] == '\n' || t[end] == '#' && t[end-1] == ' ' {
				break
			}
			if t[end] == ':' && blankFollows(t, end) {
				y.bail() // "mapping values are not allowed in this context"
			}
			end++
		}
		for t[end-1] == ' ' {
			end--
		}
		n = y.plain(i, end)
		y.pos = y.lineEnd(end)
	}
	if ind, c := y.nextLine(); c >= 0 && ind > parentIndent {
		y.bail() // a continuation line: a multi-line scalar or an error
	}
	return n
}

// endLine checks that only blanks and a comment follow end on its line and
// moves pos to the next line.
func (y *fastYAML) endLine(end int) {
	t := y.text
	i := end
	for i < len(t) && t[i] == ' ' {
		i++
	}
	if i < len(t) && t[i] != '\n' && !(t[i] == '#' && i > end) {
		y.bail()
	}
	y.pos = y.lineEnd(i)
}

// plain makes the node for the plain scalar text[i:end], resolved the way
// yaml.v3 resolves untagged plain scalars.
func (y *fastYAML) plain(i, end int) *Node {
	s := y.p.src[i:end]
	n := y.p.newNode(String, i)
	n.Span.End = end
	n.Str = s
	n.style = styleYAMLPlain
	if v, ok := smallDecimal(s); ok { // the usual number: what the switch below makes of it
		n.Kind = Number
		n.Num = v
		return n
	}
	switch resolvePlain(s) {
	case "!!null":
		n.Kind = Null
	case "!!bool":
		n.Kind = Bool
		n.Bool = s[0] == 't' || s[0] == 'T'
	case "!!int", "!!float":
		f, ok := yamlNumber(s)
		if !ok {
			y.bail()
		}
		n.Kind = Number
		n.Num = f
	case "!!merge":
		y.bail()
	}
	return n
}

// smallDecimal reads a plain scalar of up to 18 decimal digits without a
// leading zero (which would make it octal), or "0".
func smallDecimal(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 18 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return float64(v), true
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolvePlain mirrors yaml.v3's resolve for untagged plain scalars and
// returns the tag it would pick.
func resolvePlain(s string) string {
	if s == "" {
		return "!!null"
	}
	c := s[0]
	switch {
	case c == 'y' || c == 'Y' || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 'o' || c == 'O' || c == '~':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		}
		return "!!str"
	case c == '.':
		switch s {
		case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF":
			return "!!float"
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
		return "!!str"
	case c == '<':
		if s == "<<" {
			return "!!merge"
		}
		return "!!str"
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		switch s {
		case "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
			return "!!float"
		}
		if isTimestamp(s) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		for _, prefix := range []string{"0b", "-0b", "0o", "-0o"} {
			if strings.HasPrefix(plain, prefix) {
				base := 2
				if prefix[len(prefix)-1] == 'o' {
					base = 8
				}
				digits := plain[len(prefix):]
				if prefix[0] == '-' {
					digits = "-" + digits
				}
				if _, err := strconv.ParseInt(digits, base, 64); err == nil {
					return "!!int"
				}
				if prefix[0] != '-' {
					if _, err := strconv.ParseUint(digits, base, 64); err == nil {
						return "!!int"
					}
				}
			}
		}
	}
	return "!!str"
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

func isTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, f := range timestampFormats {
		if _, err := time.Parse(f, s); err == nil {
			return true
		}
	}
	return false
}

// quotedLineEnd returns the end of a quoted scalar that closes on its own
// line, or -1, and whether the scalar holds an escape (a backslash in
// double quotes, a doubled quote in single quotes).
func (y *fastYAML) quotedLineEnd(i int) (end int, escaped bool) {
	t := y.text
	q := t[i]
	other := byte('\\')
	if q == '\'' {
		other = '\'' // no second stop byte
	}
	for j := i + 1; ; j++ {
		j = indexAny3(t, j, q, other, '\n')
		switch {
		case j == len(t) || t[j] == '\n':
			return -1, false
		case t[j] == '\\':
			j++
			escaped = true
		case q == '\'' && j+1 < len(t) && t[j+1] == '\'':
			j++
			escaped = true
		default:
			return j + 1, escaped
		}
	}
}

// quoted decodes the single-line quoted scalar at i.
func (y *fastYAML) quoted(i int) (string, int) {
	end, escaped := y.quotedLineEnd(i)
	if end < 0 {
		y.bail()
	}
	if !escaped {
		return y.p.src[i+1 : end-1], end
	}
	t := y.text
	raw := t[i+1 : end-1]
	if t[i] == '\'' {
		return strings.ReplaceAll(y.p.src[i+1:end-1], "''", "'"), end
	}
	var buf []byte
	for j := 0; j < len(raw); j++ {
		c := raw[j]
		if c != '\\' {
			buf = append(buf, c)
			continue
		}
		if j+1 >= len(raw) {
			y.bail()
		}
		switch raw[j+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			buf, _, _ = appendEscape(buf, raw, j)
			j++
		case 'u':
			r, ok := hex4(raw, j+2)
			if !ok || r >= 0xD800 && r <= 0xDFFF {
				y.bail()
			}
			buf = utf8.AppendRune(buf, r)
			j += 5
		default:
			y.bail() // YAML-only escapes: leave them to yaml.v3
		}
	}
	return string(buf), end
}

// flow parses a single- or multi-line flow collection at i.
func (y *fastYAML) flow(i int) *Node {
	y.depth++
	defer func() { y.depth-- }()
	if y.depth > 1000 {
		y.bail()
	}
	t := y.text
	open := t[i]
	n := y.p.newNode(Object, i)
	closer := byte('}')
	if open == '[' {
		n.Kind = Array
		closer = ']'
	}
	j := i + 1
	var keys keySet
	mbase, ebase := len(y.p.mstack), len(y.p.estack)
	for {
		j = y.skipFlowBlank(j)
		if t[j] == closer {
			j++
			break
		}
		if n.Kind == Array {
			e := y.flowItem(j)
			e.Parent = n
			y.p.estack = append(y.p.estack, e)
			j = e.Span.End
		} else {
			m := y.p.newMember()
			var ke int
			if t[j] == '"' || t[j] == '\'' {
				m.Key, ke = y.quoted(j)
			} else {
				ke = y.flowPlainEnd(j)
				m.Key = y.p.src[j:ke]
				if m.Key == "" || m.Key == "<<" {
					y.bail()
				}
			}
			m.KeySpan = source.Span{Start: j, End: ke}
			c := ke
			for c < len(t) && t[c] == ' ' {
				c++
			}
			if c+1 >= len(t) || t[c] != ':' || t[c+1] != ' ' {
				y.bail()
			}
			m.ColonOffset = c
			v := y.skipFlowBlank(c + 1)
			if t[v] == ',' || t[v] == closer {
				y.bail() // an empty value
			}
			val := y.flowItem(v)
			val.Parent = n
			m.Value = val
			m.Span = source.Span{Start: j, End: val.Span.End}
			y.p.mstack = append(y.p.mstack, m)
			y.p.checkDuplicate(&keys, mbase, m)
			j = val.Span.End
		}
		j = y.skipFlowBlank(j)
		switch t[j] {
		case ',':
			j++
		case closer:
		default:
			y.bail()
		}
	}
	n.Members = y.p.memberSlice(mbase)
	n.Elems = y.p.elemSlice(ebase)
	n.Span.End = j
	return n
}

func (y *fastYAML) skipFlowBlank(j int) int {
	t := y.text
	for j < len(t) && t[j] == ' ' {
		j++
	}
	if j >= len(t) || t[j] == '#' || t[j] == '\n' { // flow collections over several lines: yaml.v3's job
		y.bail()
	}
	return j
}

func (y *fastYAML) flowItem(j int) *Node {
	t := y.text
	switch t[j] {
	case '"', '\'':
		s, end := y.quoted(j)
		n := y.p.newNode(String, j)
		n.Str, n.Span.End = s, end
		n.style = styleYAMLSingle
		if t[j] == '"' {
			n.style = styleYAMLDouble
		}
		return n
	case '[', '{':
		return y.flow(j)
	}
	end := y.flowPlainEnd(j)
	if end == j {
		y.bail()
	}
	// A `key: value` pair inside [ ] is a one-entry mapping: not handled.
	k := end
	for k < len(t) && t[k] == ' ' {
		k++
	}
	if k < len(t) && t[k] == ':' {
		y.bail()
	}
	return y.plain(j, end)
}

// flowPlainEnd ends a plain scalar inside a flow collection; it must stay
// on its line.
func (y *fastYAML) flowPlainEnd(j int) int {
	t := y.text
	switch t[j] {
	case '&', '*', '!', '%', '@', '`', '|', '>', '#', ',', '[', ']', '{', '}', '"', '\'':
		y.bail()
	case '-', '?', ':':
		if j+1 < len(t) && (isBlank(t[j+1]) || strings.IndexByte(",[]{}", t[j+1]) >= 0) {
			y.bail()
		}
	}
	end := j
	for end < len(t) {
		c := t[end]
		if c == '\n' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' {
			break
		}
		if c == ':' && blankFollows(t, end) {
			break
		}
		if c == ':' && strings.IndexByte(",[]{}", t[end+1]) >= 0 {
			y.bail() // `a:{`: yaml.v3 has its own ideas here
		}
		if c == '#' && t[end-1] == ' ' {
			y.bail()
		}
		end++
	}
	for end > j && t[end-1] == ' ' {
		end--
	}
	if end < len(t) && t[end] == '\n' {
		// A plain scalar running to the end of a line inside a flow
		// collection may continue on the next one: leave it to yaml.v3.
		y.bail()
	}
	return end
}

// blockScalar parses a | or > scalar whose header is at i.
func (y *fastYAML) blockScalar(i, parentIndent int) *Node {
	t := y.text
	folded := t[i] == '>'
	chomp := byte(0)
	h := i + 1
	if h < len(t) && (t[h] == '-' || t[h] == '+') {
		chomp = t[h]
		h++
	}
	y.endLine(h) // no indentation indicator, nothing but a comment after the header
	var lines []string
	indent := -1
	last := y.pos // end of the last content line
	for y.pos < len(t) {
		ls := y.pos
		j := ls
		for j < len(t) && t[j] == ' ' {
			j++
		}
		le := y.lineEnd(ls)
		lineEnd := le
		if lineEnd > ls && t[lineEnd-1] == '\n' {
			lineEnd--
		}
		if j == lineEnd { // blank line
			if indent >= 0 && j-ls > indent {
				y.bail() // spaces past the indentation on a blank line
			}
			if indent < 0 {
				y.bail() // leading blank lines
			}
			lines = append(lines, "")
			y.pos = le
			continue
		}
		if indent < 0 {
			indent = j - ls
			if indent <= parentIndent {
				y.bail() // an empty block scalar
			}
		}
		if j-ls < indent {
			break
		}
		if j-ls > indent && folded {
			y.bail() // more-indented lines fold differently
		}
		lines = append(lines, y.p.src[ls+indent:lineEnd])
		last = lineEnd
		y.pos = le
	}
	if indent < 0 || last == len(t) {
		y.bail() // no content, or no line break after the last line
	}
	// Trailing blank lines belong to chomping, not to the content.
	trailing := 0
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
		trailing++
	}
	var b strings.Builder
	for k, l := range lines {
		if k > 0 {
			switch {
			case !folded:
				b.WriteByte('\n')
			case l == "":
				b.WriteByte('\n')
			case lines[k-1] == "":
				// the blank lines before already wrote the breaks
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	switch chomp {
	case '-':
	case '+':
		b.WriteString(strings.Repeat("\n", trailing+1))
	default:
		b.WriteByte('\n')
	}
	n := y.p.newNode(String, i)
	n.Str = b.String()
	n.Span.End = last
	n.style = styleYAMLLiteral
	if folded {
		n.style = styleYAMLFolded
	}
	// Where the yaml.v3 path would see the end (its own rule): must agree.
	if end := (&yamlBuilder{text: t}).blockEnd(i); end != last {
		y.bail()
	}
	return n
}

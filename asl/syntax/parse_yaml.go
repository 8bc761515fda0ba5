package syntax

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/source"
	"gopkg.in/yaml.v3"
)

// ParseYAML parses a YAML document (the first of a multi-document stream)
// into the same Node tree as Parse, with byte spans for keys and values.
// CloudFormation short tags (!Sub, !GetAtt, !Ref, ...) are kept as Tag on
// the node. yaml.v3 stops at its first error: that error is reported on
// its line and the offending lines are blanked out and the text parsed
// again, a bounded number of times, so a half-typed file still has a tree.
func ParseYAML(text []byte) *File {
	if root, errs, size, ok := parseYAMLFast(text); ok {
		sortErrors(errs)
		return &File{Text: text, Format: YAML, Root: root, Errors: errs, dialect: dialectYAMLFast, size: size}
	}
	return parseYAMLSlow(text)
}

// parseYAMLSlow parses with yaml.v3, whatever the text holds.
func parseYAMLSlow(text []byte) *File {
	f := &File{Text: text, Format: YAML}
	work := text
	var firstErr *Error
	var pendingKeys []source.Span // half-typed keys blanked out, put back after
	for attempt := 0; ; attempt++ {
		doc, err := decodeYAML(work)
		if err == nil {
			b := newYAMLBuilder(work)
			f.Root = b.document(doc)
			f.Errors = b.p.errs
			for _, k := range pendingKeys {
				restoreKey(f.Root, text, k)
			}
			break
		}
		line := yamlErrorLine(work, err)
		if firstErr == nil {
			e := yamlError(text, err, line)
			firstErr = &e
		}
		if attempt == maxYAMLRetries || line < 0 {
			f.Root = &Node{Kind: Invalid, Span: source.Span{Start: 0, End: len(text)}, Str: string(text)}
			break
		}
		msg := err.Error()
		if strings.Contains(msg, "end of stream") {
			// An unclosed quote: drop the string, keep its key.
			if work2, ok := blankFromQuote(work, line); ok {
				work = work2
				continue
			}
		}
		if strings.Contains(msg, "could not find expected ':'") {
			if k := trimmedLine(work, line); k.Start < k.End && isPlainKeyText(work[k.Start:k.End]) {
				pendingKeys = append(pendingKeys, k)
			}
		}
		if work2, ok := blankLine(work, line); ok {
			work = work2
		} else {
			f.Root = &Node{Kind: Invalid, Span: source.Span{Start: 0, End: len(text)}, Str: string(text)}
			break
		}
	}
	if firstErr != nil {
		// An empty document after recovery blanked the text out is no news.
		kept := f.Errors[:0]
		for _, e := range f.Errors {
			if e.Code != CodeEmptyDocument {
				kept = append(kept, e)
			}
		}
		f.Errors = append([]Error{*firstErr}, kept...)
	}
	sortErrors(f.Errors)
	return f
}

// maxYAMLRetries bounds how many lines recovery may blank out.
const maxYAMLRetries = 12

// decodeYAML runs yaml.v3, turning a panic inside it into an error.
func decodeYAML(text []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	var n yaml.Node
	if err := yaml.Unmarshal(text, &n); err != nil {
		return nil, err
	}
	return &n, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlErrorLine finds the zero-based line of a yaml.v3 error. The message
// names the line where the failing construct started, which can be well
// before the problem; the first prefix of the text (cut at a line end)
// that fails to parse pins down the line that breaks it.
func yamlErrorLine(text []byte, err error) int {
	lines := lineStarts(text)
	named := 0
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		named, _ = strconv.Atoi(m[1])
		named--
	}
	named = min(max(named, 0), len(lines)-1)
	// A prefix cut inside a quoted scalar or flow collection fails with
	// "end of stream" without being wrong; such failures only count when
	// the whole text fails that way too, and then the search starts at the
	// top because the message names the end of the text.
	atEOF := strings.Contains(err.Error(), "end of stream")
	if atEOF {
		named = 0
	}
	fails := func(line int) bool {
		end := len(text)
		if line+1 < len(lines) {
			end = lines[line+1]
		}
		_, err := decodeYAML(text[:end])
		return err != nil && (atEOF || !strings.Contains(err.Error(), "end of stream"))
	}
	// Gallop forward from the named line to a failing prefix, then bisect.
	lo, step := named, 1
	hi := -1
	for l := named; ; {
		if fails(l) {
			hi = l
			break
		}
		lo = l + 1
		if l >= len(lines)-1 {
			break
		}
		l = min(l+step, len(lines)-1)
		step *= 2
	}
	if hi < 0 {
		return named
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}

// yamlError turns a yaml.v3 error into an Error on the non-blank part of
// its line, with advice for the usual mistakes.
func yamlError(text []byte, err error, line int) Error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	switch {
	case strings.Contains(msg, "could not find expected ':'"):
		msg += "; a key needs a ':' after it"
	case strings.Contains(msg, "mapping values are not allowed"):
		msg += "; quote a value that contains ': ', or check the indentation"
	case strings.Contains(msg, "did not find expected key"):
		msg += "; check the indentation of this line"
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token"):
		msg += "; YAML is indented with spaces, and some characters must be quoted"
	}
	span := source.Span{Start: len(text), End: len(text)}
	if line >= 0 {
		span = trimmedLine(text, line)
		starts := lineStarts(text)
		if line < len(starts) {
			if indent := text[starts[line]:span.Start]; bytes.IndexByte(indent, '\t') >= 0 {
				return Error{Span: source.Span{Start: starts[line], End: span.Start}, Code: CodeYAML,
					Message: "a tab indents this line; YAML indentation must use spaces"}
			}
		}
		if strings.Contains(msg, "end of stream") {
			for i := span.Start; i < span.End; i++ {
				if (text[i] == '"' || text[i] == '\'') && (i == span.Start || text[i-1] == ' ') {
					span.Start = i
					msg = "this quoted string is never closed; add the closing quote"
					break
				}
			}
		}
	}
	return Error{Span: span, Code: CodeYAML, Message: msg}
}

func lineStarts(text []byte) []int {
	starts := make([]int, 1, len(text)/24+1)
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// trimmedLine is the span of a line without its indentation, trailing
// blanks and line break.
func trimmedLine(text []byte, line int) source.Span {
	starts := lineStarts(text)
	if line >= len(starts) {
		return source.Span{Start: len(text), End: len(text)}
	}
	s := starts[line]
	e := len(text)
	if line+1 < len(starts) {
		e = starts[line+1] - 1
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	for s < e && (text[s] == ' ' || text[s] == '\t') {
		s++
	}
	return source.Span{Start: s, End: e}
}

// blankFromQuote blanks a line from its first quote that opens a scalar
// (at the start of the content or after a space) to its end.
func blankFromQuote(text []byte, line int) ([]byte, bool) {
	sp := trimmedLine(text, line)
	for i := sp.Start; i < sp.End; i++ {
		if (text[i] == '"' || text[i] == '\'') && (i == sp.Start || text[i-1] == ' ') {
			out := append([]byte(nil), text...)
			for j := i; j < sp.End; j++ {
				out[j] = ' '
			}
			return out, true
		}
	}
	return nil, false
}

// isPlainKeyText reports whether a line is a lone word being typed as a key.
func isPlainKeyText(b []byte) bool {
	for _, c := range b {
		if c == ' ' || c == ':' || c == '#' || c == '"' || c == '\'' || c == '[' || c == '{' {
			return false
		}
	}
	return len(b) > 0 && b[0] != '-'
}

// restoreKey puts a half-typed key (a line holding just a word, which
// yaml.v3 rejects) back into the tree as a member with no colon and no
// value, the way the JSON parser keeps `"Nex`, so that completion sees it.
// It joins the mapping whose keys sit at its indentation, or becomes the
// first key of an empty value just above it.
func restoreKey(root *Node, text []byte, key source.Span) {
	indent := key.Start - (bytes.LastIndexByte(text[:key.Start], '\n') + 1)
	column := func(off int) int { return off - (bytes.LastIndexByte(text[:off], '\n') + 1) }
	// The last member before the key, in document order.
	var last *Member
	var lastObj *Node
	Walk(root, func(n *Node) bool {
		for _, m := range n.Members {
			if m.KeySpan.Start < key.Start && (last == nil || m.KeySpan.Start > last.KeySpan.Start) {
				last, lastObj = m, n
			}
		}
		return true
	})
	if last == nil {
		return
	}
	m := &Member{Key: string(text[key.Start:key.End]), KeySpan: key, Span: key, ColonOffset: -1}
	var obj *Node
	switch c := column(last.KeySpan.Start); {
	case c < indent && last.Value != nil && last.Value.Kind == Null && last.Value.Span.Len() == 0:
		obj = &Node{Kind: Object, Span: key, Parent: lastObj}
		last.Value = obj
	case c >= indent:
		for obj = lastObj; obj != nil && len(obj.Members) > 0 && column(obj.Members[0].KeySpan.Start) > indent; obj = obj.Parent {
		}
		if obj == nil || obj.Kind != Object || len(obj.Members) == 0 || column(obj.Members[0].KeySpan.Start) != indent {
			return
		}
	default:
		return
	}
	at := len(obj.Members) // keep source order
	for at > 0 && obj.Members[at-1].KeySpan.Start > key.Start {
		at--
	}
	obj.Members = slices.Insert(obj.Members, at, m)
	// Widen the spans on the way up so that PathAt finds the key.
	for n := obj; n != nil; n = n.Parent {
		n.Span.End = max(n.Span.End, key.End)
		if p := n.Parent; p != nil {
			for _, pm := range p.Members {
				if pm.Value == n {
					pm.Span.End = max(pm.Span.End, key.End)
				}
			}
		}
	}
}

// blankLine returns a copy of text with the line's characters (its
// indentation too: a tab may be the problem) replaced by spaces, so offsets
// stay valid. A line that is already blank makes it blank the closest
// non-blank line above instead.
func blankLine(text []byte, line int) ([]byte, bool) {
	starts := lineStarts(text)
	for line = min(line, len(starts)-1); line >= 0; line-- {
		s, e := starts[line], len(text)
		if line+1 < len(starts) {
			e = starts[line+1] - 1
		}
		blank := true
		for _, c := range text[s:e] {
			if c != ' ' && c != '\r' {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		out := append([]byte(nil), text...)
		for i := s; i < e; i++ {
			if out[i] != '\r' {
				out[i] = ' '
			}
		}
		return out, true
	}
	return nil, false
}

// maxAliasNodes bounds the nodes alias expansion may copy, against
// "billion laughs" documents; real definitions copy a few dozen.
const maxAliasNodes = 20000

// yamlBuilder converts yaml.v3 nodes into Nodes, computing byte spans from
// yaml's line/column marks (columns count characters, not bytes).
type yamlBuilder struct {
	p     *parser // allocation slabs and error list
	text  []byte
	lines []int
	// expanding guards alias expansion against cycles; budget bounds the
	// nodes aliases may copy (a "billion laughs" document).
	expanding  map[*yaml.Node]bool
	budget     int
	overBudget bool
}

func newYAMLBuilder(text []byte) *yamlBuilder {
	return &yamlBuilder{p: newParser(text, Options{}), text: text, lines: lineStarts(text), budget: maxAliasNodes}
}

func (b *yamlBuilder) document(doc *yaml.Node) *Node {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.DocumentNode || doc.Kind == 0 {
		root := b.p.newNode(Invalid, len(b.text))
		b.p.errorf(len(b.text), len(b.text), CodeEmptyDocument,
			"the document is empty; a state machine definition is a mapping with StartAt and States")
		return root
	}
	return b.node(doc, nil, 0)
}

// offset converts a 1-based line and character column to a byte offset.
func (b *yamlBuilder) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(b.lines) {
		return len(b.text)
	}
	i := b.lines[line-1]
	for c := 1; c < col && i < len(b.text) && b.text[i] != '\n'; c++ {
		if b.text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(b.text[i:])
			i += size
		}
	}
	return i
}

func (b *yamlBuilder) node(y *yaml.Node, parent *Node, depth int) *Node {
	start := b.offset(y.Line, y.Column)
	if y.Kind == yaml.AliasNode {
		return b.alias(y, parent, depth)
	}
	if depth >= maxDepth {
		n := b.p.newNode(Invalid, start)
		n.Parent = parent
		b.p.errorf(start, start, CodeTooDeep, fmt.Sprintf("nesting deeper than %d levels; the parser skips this value", maxDepth))
		return n
	}
	var n *Node
	switch y.Kind {
	case yaml.MappingNode:
		n = b.mapping(y, start, depth)
	case yaml.SequenceNode:
		n = b.p.newNode(Array, start)
		base := len(b.p.estack)
		for _, c := range y.Content {
			e := b.node(c, n, depth+1)
			b.p.estack = append(b.p.estack, e)
		}
		n.Elems = b.p.elemSlice(base)
		end := start
		if len(n.Elems) > 0 {
			end = n.Elems[len(n.Elems)-1].Span.End
		}
		n.Span.End = b.collectionEnd(y, end, start)
	default:
		n = b.scalar(y, start)
	}
	if y.Style&yaml.TaggedStyle != 0 && !strings.HasPrefix(y.Tag, "!!") {
		n.Tag = y.Tag
	}
	n.Parent = parent
	return n
}

func (b *yamlBuilder) alias(y *yaml.Node, parent *Node, depth int) *Node {
	start := b.offset(y.Line, y.Column)
	target := y.Alias
	if target == nil || b.expanding[target] || b.budget <= 0 {
		n := b.p.newNode(Invalid, start)
		n.Span.End = b.plainEnd(start, "*"+y.Value)
		n.Str = "*" + y.Value
		n.Parent = parent
		switch {
		case b.budget > 0:
			b.p.errorf(start, n.Span.End, CodeYAML, fmt.Sprintf("alias *%s refers to a node that contains it", y.Value))
		case !b.overBudget:
			b.overBudget = true
			b.p.errorf(start, n.Span.End, CodeYAML, fmt.Sprintf("aliases expand to more than %d nodes; this and later aliases are not expanded", maxAliasNodes))
		}
		return n
	}
	if b.expanding == nil {
		b.expanding = map[*yaml.Node]bool{}
	}
	b.expanding[target] = true
	before := b.p.nodeCount()
	n := b.node(target, parent, depth) // a copy, with the anchor's spans...
	delete(b.expanding, target)
	b.budget -= max(b.p.nodeCount()-before, 1)
	// ...except its own, which is the alias so that the parent's span and
	// PathAt stay right.
	n.Span = source.Span{Start: start, End: b.plainEnd(start, "*"+y.Value)}
	return n
}

func (b *yamlBuilder) mapping(y *yaml.Node, start, depth int) *Node {
	n := b.p.newNode(Object, start)
	base := len(b.p.mstack)
	var keys keySet
	ownEnd := start // merged members keep the anchor's spans; the mapping ends after its own
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			b.merge(n, y, v, depth)
			ownEnd = max(ownEnd, b.offset(v.Line, v.Column))
			continue
		}
		m := b.p.newMember()
		ks := b.offset(k.Line, k.Column)
		m.Key = k.Value
		if k.Kind == yaml.ScalarNode {
			m.KeySpan = source.Span{Start: ks, End: b.scalarEnd(k, ks)}
		} else {
			kn := b.node(k, n, depth+1) // a complex key: keep its span only
			m.KeySpan = kn.Span
		}
		m.Span = m.KeySpan
		m.ColonOffset = b.colonAfter(m.KeySpan.End)
		if v.Kind == yaml.ScalarNode && v.Value == "" && v.Tag == "!!null" && v.Style == 0 && m.ColonOffset >= 0 {
			// An empty value: place it right after the colon, not at the
			// next token (which may be on another line).
			vn := b.p.newNode(Null, m.ColonOffset+1)
			vn.Parent = n
			m.Value = vn
		} else {
			m.Value = b.node(v, n, depth+1)
		}
		m.Span.End = max(m.Value.Span.End, m.KeySpan.End)
		if m.ColonOffset >= 0 {
			m.Span.End = max(m.Span.End, m.ColonOffset+1)
		}
		ownEnd = max(ownEnd, m.Span.End)
		b.p.mstack = append(b.p.mstack, m)
		b.p.checkDuplicate(&keys, base, m)
	}
	n.Members = b.p.memberSlice(base)
	n.Span.End = b.collectionEnd(y, ownEnd, start)
	return n
}

// merge inlines the members of a `<<: *anchor` merge key (a list of them
// is taken in order, the first winning); keys the mapping sets itself win.
func (b *yamlBuilder) merge(n *Node, y, v *yaml.Node, depth int) {
	sources := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		sources = v.Content
	}
	taken := map[string]bool{}
	for i := 0; i+1 < len(y.Content); i += 2 {
		if k := y.Content[i]; k.Tag != "!!merge" {
			taken[k.Value] = true
		}
	}
	for _, s := range sources {
		src := b.node(s, n, depth+1)
		for _, m := range src.Members {
			if taken[m.Key] {
				continue
			}
			taken[m.Key] = true
			if m.Value != nil {
				m.Value.Parent = n
			}
			b.p.mstack = append(b.p.mstack, m)
		}
	}
}

// colonAfter finds the ':' that follows a key ending at end.
func (b *yamlBuilder) colonAfter(end int) int {
	for i := end; i < len(b.text); i++ {
		switch b.text[i] {
		case ':':
			return i
		case ' ', '\t':
			continue
		}
		return -1
	}
	return -1
}

// collectionEnd is where a mapping or sequence ends: after its last child,
// or after the closing bracket of a flow collection.
func (b *yamlBuilder) collectionEnd(y *yaml.Node, end, start int) int {
	if y.Style&yaml.FlowStyle == 0 {
		return max(end, start)
	}
	// Flow style: find the closing bracket, skipping blanks, commas and comments.
	closer := byte('}')
	if y.Kind == yaml.SequenceNode {
		closer = ']'
	}
	i := max(end, start)
	if len(y.Content) == 0 {
		i = b.skipProperties(start)
		if i < len(b.text) && (b.text[i] == '{' || b.text[i] == '[') {
			i++
		}
	}
	for i < len(b.text) {
		switch c := b.text[i]; {
		case c == closer:
			return i + 1
		case c == '#':
			for i < len(b.text) && b.text[i] != '\n' {
				i++
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			i++
		default:
			return max(end, start)
		}
	}
	return max(end, start)
}

// skipProperties skips a node's `!tag` and `&anchor` before its content.
func (b *yamlBuilder) skipProperties(i int) int {
	return skipTagsAndAnchors(b.text, i, len(b.text))
}

func (b *yamlBuilder) scalar(y *yaml.Node, start int) *Node {
	n := b.p.newNode(String, start)
	n.Str = y.Value
	n.Span.End = b.scalarEnd(y, start)
	switch {
	case y.Style&yaml.DoubleQuotedStyle != 0:
		n.style = styleYAMLDouble
	case y.Style&yaml.SingleQuotedStyle != 0:
		n.style = styleYAMLSingle
	case y.Style&yaml.LiteralStyle != 0:
		n.style = styleYAMLLiteral
	case y.Style&yaml.FoldedStyle != 0:
		n.style = styleYAMLFolded
	default:
		n.style = styleYAMLPlain
	}
	if n.style != styleYAMLPlain && y.Style&yaml.TaggedStyle == 0 {
		return n // quoted and block scalars are strings unless tagged otherwise
	}
	switch y.Tag {
	case "!!null":
		n.Kind = Null
	case "!!bool":
		n.Kind = Bool
		n.Bool = strings.EqualFold(y.Value, "true")
	case "!!int", "!!float":
		if f, ok := yamlNumber(y.Value); ok {
			n.Kind = Number
			n.Num = f
		} else {
			b.p.errorf(n.Span.Start, n.Span.End, CodeBadNumber, fmt.Sprintf("%q is not a number", y.Value))
		}
	}
	return n
}

// scalarEnd finds where a scalar starting at start (its tag or anchor
// included) ends in the text.
func (b *yamlBuilder) scalarEnd(y *yaml.Node, start int) int {
	v := b.skipProperties(start)
	switch {
	case y.Style&yaml.DoubleQuotedStyle != 0:
		return b.quotedEnd(v, '"')
	case y.Style&yaml.SingleQuotedStyle != 0:
		return b.quotedEnd(v, '\'')
	case y.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return b.blockEnd(v)
	case y.Value == "":
		// Nothing but properties (`!Ref` alone): end after them rather than
		// at the next line's token.
		e := start
		for e < len(b.text) && !isYAMLSpaceOrFlow(b.text[e]) {
			e++
		}
		return e
	}
	return b.plainEnd(v, y.Value)
}

func isYAMLSpaceOrFlow(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}':
		return true
	}
	return false
}

// yamlNumber reads the YAML 1.2 core schema number forms yaml.v3 resolves.
func yamlNumber(s string) (float64, bool) {
	plain := strings.ReplaceAll(s, "_", "")
	switch strings.ToLower(strings.TrimLeft(plain, "+-")) {
	case ".inf":
		if strings.HasPrefix(plain, "-") {
			return -math.MaxFloat64, true
		}
		return math.MaxFloat64, true
	case ".nan":
		return 0, true
	}
	if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return float64(i), true
	}
	if u, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return float64(u), true
	}
	body := strings.TrimLeft(plain, "+-")
	neg := strings.HasPrefix(plain, "-")
	if strings.HasPrefix(body, "0b") || strings.HasPrefix(body, "0o") {
		if u, err := strconv.ParseUint(body[2:], map[byte]int{'b': 2, 'o': 8}[body[1]], 64); err == nil {
			if neg {
				return -float64(u), true
			}
			return float64(u), true
		}
	}
	f, err := strconv.ParseFloat(plain, 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return saturate(f), true
}

// plainEnd finds the end of a plain scalar whose folded value is val by
// walking the text and the value together (folding turns line breaks and
// indentation into single spaces).
func (b *yamlBuilder) plainEnd(start int, val string) int {
	if val == "" {
		return start
	}
	return alignOffset(b.text, start, len(b.text), val, len(val), styleYAMLPlain)
}

// quotedEnd finds the closing quote of a quoted scalar starting at i.
func (b *yamlBuilder) quotedEnd(i int, q byte) int {
	t := b.text
	if i >= len(t) || t[i] != q {
		return i
	}
	for j := i + 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			if q == '\'' && j+1 < len(t) && t[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(t)
}

// blockEnd finds the end of a | or > block scalar whose header starts at i:
// the last non-blank line indented at least as much as its first line.
func (b *yamlBuilder) blockEnd(i int) int {
	t := b.text
	for i < len(t) && t[i] != '\n' {
		i++
	}
	end := i
	indent := -1
	for i < len(t) {
		i++ // past '\n'
		ls := i
		for i < len(t) && t[i] == ' ' {
			i++
		}
		le := i
		for le < len(t) && t[le] != '\n' {
			le++
		}
		content := le
		for content > i && (t[content-1] == ' ' || t[content-1] == '\t' || t[content-1] == '\r') {
			content--
		}
		if content == i { // blank line: part of the block if more follows
			i = le
			continue
		}
		if indent < 0 {
			indent = i - ls
		}
		if i-ls < indent {
			break
		}
		end = content
		i = le
	}
	return end
}

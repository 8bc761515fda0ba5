package expr

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseMode says where a path is embedded, which decides what ends a
// dot-notation field name.
type parseMode uint8

const (
	modeTop       parseMode = iota // the whole string is the path
	modeIntrinsic                  // an argument of an intrinsic call
	modeFilter                     // an operand inside [?( ... )]
)

// lengthMinusScript matches the Jayway script "(@.length-N)", the N-th item
// from the end, which we read as the index -N.
var lengthMinusScript = regexp.MustCompile(`^\(\s*@\.length\s*-\s*([0-9]+)\s*\)`)

// maxNesting bounds recursion (filters inside filters, nested calls) so that
// hostile input cannot exhaust the stack.
const maxNesting = 64

type pathParser struct {
	s     string
	pos   int
	mode  parseMode
	depth int
}

func (p *pathParser) peek() byte {
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *pathParser) skipSpaces() {
	for p.pos < len(p.s) && isSpace(p.s[p.pos]) {
		p.pos++
	}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// unexpected reports the character at pos as out of place.
func (p *pathParser) unexpected(pos int) Error {
	if pos >= len(p.s) {
		return errAt(len(p.s), len(p.s), "the path ends too early")
	}
	r, size := utf8.DecodeRuneInString(p.s[pos:])
	if isSpace(p.s[pos]) {
		return errAt(pos, pos+size, "unexpected whitespace in the path: remove it, or write the field name in bracket notation such as $['a b']")
	}
	return errAt(pos, pos+size, "unexpected %q in the path: write a field as .name or ['name'], an index as [0]", r)
}

// parsePath reads a path starting at start ("$", "$$", "$name" or "@" in a
// filter). It stops at the first character that cannot continue the path;
// in modeTop the caller reports anything left over.
func (p *pathParser) parsePath(start int) (*Path, *Error) {
	p.pos = start
	path := &Path{}
	defer func() {
		path.Span = Span{Start: start, End: p.pos}
		path.Text = p.s[start:p.pos]
	}()
	switch {
	case p.peek() == '@' && p.mode == modeFilter:
		p.pos++
		path.Root = RootCurrent
	case p.peek() == '$':
		p.pos++
		if p.peek() == '$' {
			p.pos++
			path.Root = RootContext
			if r, size := utf8.DecodeRuneInString(p.s[p.pos:]); p.pos < len(p.s) && isIDStart(r) {
				path.RootSpan = Span{Start: start, End: p.pos}
				e := errAt(p.pos, p.pos+size, "unexpected %q after $$: write $$.Field for the Context object, or $name (one $) for a variable", r)
				return path, &e
			}
			break
		}
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		if p.pos < len(p.s) && r != utf8.RuneError && isIDContinue(r) {
			if !isIDStart(r) {
				e := errAt(p.pos, p.pos+size, "a variable name must start with a letter, not %q", r)
				path.RootSpan = Span{Start: start, End: p.pos}
				return path, &e
			}
			nameStart := p.pos
			for p.pos < len(p.s) {
				r, size := utf8.DecodeRuneInString(p.s[p.pos:])
				if r == utf8.RuneError || !isIDContinue(r) {
					break
				}
				p.pos += size
			}
			path.Root = RootVariable
			path.Variable = p.s[nameStart:p.pos]
			path.VariableSpan = Span{Start: nameStart, End: p.pos}
			if n := utf8.RuneCountInString(path.Variable); n > maxVariableNameLength {
				path.RootSpan = Span{Start: start, End: p.pos}
				e := errAt(nameStart, p.pos, "variable name is %d characters long; the limit is %d", n, maxVariableNameLength)
				return path, &e
			}
		} else {
			path.Root = RootInput
		}
	default:
		e := errAt(start, start+1, "a path must start with $ (input), $$ (Context object) or $name (variable)")
		if start >= len(p.s) {
			e.Span = Span{Start: start, End: start}
		}
		return path, &e
	}
	path.RootSpan = Span{Start: start, End: p.pos}
	path.Segments = make([]Segment, 0, countSegmentStarts(p.s[p.pos:]))

	for p.pos < len(p.s) {
		b := p.s[p.pos]
		var seg Segment
		var err *Error
		switch b {
		case '.':
			seg, err = p.parseDot()
		case '[':
			seg, err = p.parseBracket(p.pos, false)
		default:
			return path, nil
		}
		if err != nil {
			return path, err
		}
		path.Segments = append(path.Segments, seg)
	}
	return path, nil
}

// parseDot reads ".name", ".*", ".[...]" or a ".." deep scan step.
func (p *pathParser) parseDot() (Segment, *Error) {
	start := p.pos
	p.pos++
	descendant := false
	if p.peek() == '.' {
		descendant = true
		p.pos++
	}
	switch p.peek() {
	case '*':
		p.pos++
		return Segment{Kind: SegWildcard, Span: Span{Start: start, End: p.pos}, Descendant: descendant}, nil
	case '[':
		seg, err := p.parseBracket(start, descendant)
		return seg, err
	}
	seg, err := p.parseName(start)
	seg.Descendant = descendant
	return seg, err
}

// stopsName reports whether b ends a dot-notation field name in this mode.
func (p *pathParser) stopsName(b byte) bool {
	switch b {
	case '.', '[', ']', '(', ')', '\'', '"', ',', ' ', '\t', '\n', '\r':
		return true
	case '=', '<', '>', '!', '&', '|', '~':
		return p.mode == modeFilter
	}
	return b < 0x20
}

// parseName reads a dot-notation field name; a backslash escapes the next
// character (`$.store\.book` is the field "store.book").
func (p *pathParser) parseName(segStart int) (Segment, *Error) {
	nameStart := p.pos
	// Fast path: no escapes, the name is a slice of the input.
	for p.pos < len(p.s) && p.s[p.pos] != '\\' && !p.stopsName(p.s[p.pos]) {
		p.pos++
	}
	var sb strings.Builder
	escaped := p.pos < len(p.s) && p.s[p.pos] == '\\'
	if escaped {
		sb.WriteString(p.s[nameStart:p.pos])
	}
	for escaped && p.pos < len(p.s) {
		b := p.s[p.pos]
		if b == '\\' {
			if p.pos+1 >= len(p.s) {
				e := errAt(p.pos, p.pos+1, "a backslash at the end of a field name escapes nothing: remove it or write \\\\")
				return Segment{}, &e
			}
			escaped = true
			p.pos++
			if r, n, ok := readUnicodeEscape(p.s, p.pos); ok {
				sb.WriteRune(r)
				p.pos += n
				continue
			}
			_, size := utf8.DecodeRuneInString(p.s[p.pos:])
			sb.WriteString(p.s[p.pos : p.pos+size])
			p.pos += size
			continue
		}
		if p.stopsName(b) {
			break
		}
		_, size := utf8.DecodeRuneInString(p.s[p.pos:])
		sb.WriteString(p.s[p.pos : p.pos+size])
		p.pos += size
	}
	if p.pos == nameStart {
		e := errAt(segStart, p.pos, "expected a field name after '.'")
		if p.pos < len(p.s) {
			e = p.unexpected(p.pos)
			e.Message += " (a field name must follow '.')"
		}
		return Segment{}, &e
	}
	name := p.s[nameStart:p.pos]
	if escaped {
		name = sb.String()
	}
	seg := Segment{Kind: SegField, Span: Span{Start: segStart, End: p.pos}, Name: name, NameSpan: Span{Start: nameStart, End: p.pos}}
	if p.mode == modeIntrinsic {
		for i := nameStart; i < p.pos; i++ {
			b := p.s[i]
			if b < utf8.RuneSelf && !(b == '_' || isASCIIAlnum(b)) {
				e := errAt(nameStart, p.pos, "in an intrinsic function argument, a field name with %q must use bracket notation: write ['%s']", rune(b), escapeQuoted(name, '\''))
				return seg, &e
			}
		}
	}
	return seg, nil
}

func isASCIIAlnum(b byte) bool {
	return ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') || ('0' <= b && b <= '9')
}

// readUnicodeEscape decodes "uXXXX" (and a following "\uXXXX" low surrogate)
// at s[i:], returning the rune and the bytes consumed.
func readUnicodeEscape(s string, i int) (rune, int, bool) {
	hex4 := func(j int) (rune, bool) {
		if j+5 > len(s) || s[j] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(s[j+1:j+5], 16, 32)
		return rune(v), err == nil
	}
	r, ok := hex4(i)
	if !ok {
		return 0, 0, false
	}
	if r >= 0xD800 && r < 0xDC00 && i+6 < len(s) && s[i+5] == '\\' {
		if lo, ok := hex4(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
			return (r-0xD800)<<10 + (lo - 0xDC00) + 0x10000, 11, true
		}
	}
	if r >= 0xD800 && r < 0xE000 {
		return utf8.RuneError, 5, true
	}
	return r, 5, true
}

// parseBracket reads "[...]" starting at p.pos; segStart is where the
// segment's text starts (at ".." for a deep scan).
func (p *pathParser) parseBracket(segStart int, descendant bool) (Segment, *Error) {
	open := p.pos
	p.pos++ // '['
	p.skipSpaces()
	seg := Segment{Descendant: descendant, Bracket: true}
	finish := func() (Segment, *Error) {
		p.skipSpaces()
		if p.peek() != ']' {
			e := errAt(open, p.pos, "'[' is not closed: add ']'")
			if p.pos < len(p.s) {
				e = p.unexpected(p.pos)
				e.Message += " (expected ']')"
			}
			return seg, &e
		}
		p.pos++
		seg.Span = Span{Start: segStart, End: p.pos}
		return seg, nil
	}
	switch b := p.peek(); {
	case b == '*':
		p.pos++
		seg.Kind = SegWildcard
		return finish()
	case b == '\'' || b == '"':
		_, nameSpan, err := p.parseQuoted()
		if err != nil {
			return seg, err
		}
		name := quotedText(p.s, nameSpan)
		p.skipSpaces()
		if p.peek() == ',' {
			seg.Kind = SegUnion
			seg.Union = []UnionMember{{Name: name, Span: nameSpan}}
			if err := p.parseUnionRest(&seg); err != nil {
				return seg, err
			}
			return finish()
		}
		seg.Kind = SegField
		seg.Name = name
		seg.NameSpan = Span{Start: nameSpan.Start + 1, End: nameSpan.End - 1}
		return finish()
	case b == '?':
		p.pos++
		f, err := p.parseFilter()
		seg.Kind = SegFilter
		seg.Filter = f
		if err != nil {
			return seg, err
		}
		return finish()
	case b == '(':
		// Only the "n-th from the end" script is supported; it is an index.
		if m := lengthMinusScript.FindStringSubmatch(p.s[p.pos:]); m != nil && len(m[1]) <= maxIndexDigits {
			n, _ := strconv.Atoi(m[1])
			p.pos += len(m[0])
			seg.Kind, seg.Index = SegIndex, -n
			return finish()
		}
		e := errAt(p.pos, p.pos+1, "script expressions [( ... )] are not supported: use an index such as [-1], a slice such as [-2:] or a filter [?( ... )]")
		return seg, &e
	case b == '-' || b == ':' || ('0' <= b && b <= '9'):
		var first *int
		numStart := p.pos
		if b != ':' {
			n, err := p.parseInt()
			if err != nil {
				return seg, err
			}
			first = &n
		}
		p.skipSpaces()
		switch p.peek() {
		case ':':
			seg.Kind = SegSlice
			seg.Slice[0] = first
			for i := 1; i < 3 && p.peek() == ':'; i++ {
				p.pos++
				p.skipSpaces()
				if c := p.peek(); c == '-' || ('0' <= c && c <= '9') {
					n, err := p.parseInt()
					if err != nil {
						return seg, err
					}
					seg.Slice[i] = &n
					p.skipSpaces()
				}
			}
			if st := seg.Slice[2]; st != nil && *st == 0 {
				e := errAt(segStart, p.pos, "a slice step of 0 selects nothing: use a positive step or leave it out")
				return seg, &e
			}
			return finish()
		case ',':
			seg.Kind = SegUnion
			seg.Union = []UnionMember{{IsIndex: true, Index: *first, Span: Span{Start: numStart, End: p.pos}}}
			if err := p.parseUnionRest(&seg); err != nil {
				return seg, err
			}
			return finish()
		}
		seg.Kind = SegIndex
		seg.Index = *first
		return finish()
	case b == ']':
		e := errAt(open, p.pos+1, "empty brackets: write a field name ['name'], an index [0], [*], a slice [1:3] or a filter [?(@.x)]")
		return seg, &e
	}
	e := errAt(open, p.pos, "'[' is not closed: add ']'")
	if p.pos < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		e = errAt(p.pos, p.pos+size, "unexpected %q after '[': write a quoted field name ['name'], an index [0], [*], a slice [1:3] or a filter [?(@.x)]", r)
	}
	return seg, &e
}

// parseUnionRest reads ", member" repeats after the first member.
func (p *pathParser) parseUnionRest(seg *Segment) *Error {
	for {
		p.skipSpaces()
		if p.peek() != ',' {
			return nil
		}
		p.pos++
		p.skipSpaces()
		start := p.pos
		switch b := p.peek(); {
		case b == '\'' || b == '"':
			_, span, err := p.parseQuoted()
			if err != nil {
				return err
			}
			seg.Union = append(seg.Union, UnionMember{Name: quotedText(p.s, span), Span: span})
		case b == '-' || ('0' <= b && b <= '9'):
			n, err := p.parseInt()
			if err != nil {
				return err
			}
			seg.Union = append(seg.Union, UnionMember{IsIndex: true, Index: n, Span: Span{Start: start, End: p.pos}})
		default:
			e := errAt(start, start, "expected a quoted field name or an index after ',' in a union")
			if start < len(p.s) {
				e = p.unexpected(start)
				e.Message += " (a union lists quoted names or indexes: [0,1] or ['a','b'])"
			}
			return &e
		}
	}
}

const maxIndexDigits = 9

func (p *pathParser) parseInt() (int, *Error) {
	start := p.pos
	if p.peek() == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.s) && '0' <= p.s[p.pos] && p.s[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == digits {
		e := errAt(start, p.pos+1, "expected digits after '-'")
		if p.pos >= len(p.s) {
			e.Span.End = p.pos
		}
		return 0, &e
	}
	if p.pos-digits > maxIndexDigits {
		e := errAt(start, p.pos, "index %s is too large", p.s[start:p.pos])
		return 0, &e
	}
	n, _ := strconv.Atoi(p.s[start:p.pos])
	return n, nil
}

// parseQuoted reads a '...' or "..." field name with backslash escapes and
// returns the decoded text and the span including the quotes.
func (p *pathParser) parseQuoted() (string, Span, *Error) {
	quote := p.s[p.pos]
	start := p.pos
	p.pos++
	var sb strings.Builder
	for p.pos < len(p.s) {
		b := p.s[p.pos]
		switch b {
		case quote:
			p.pos++
			return sb.String(), Span{Start: start, End: p.pos}, nil
		case '\\':
			p.pos++
			if p.pos >= len(p.s) {
				break
			}
			c := p.s[p.pos]
			switch c {
			case 'n':
				sb.WriteByte('\n')
			case 't':
				sb.WriteByte('\t')
			case 'r':
				sb.WriteByte('\r')
			case 'b':
				sb.WriteByte('\b')
			case 'f':
				sb.WriteByte('\f')
			case 'u':
				if r, n, ok := readUnicodeEscape(p.s, p.pos); ok {
					sb.WriteRune(r)
					p.pos += n
					continue
				}
				sb.WriteByte('u')
			default:
				_, size := utf8.DecodeRuneInString(p.s[p.pos:])
				sb.WriteString(p.s[p.pos : p.pos+size])
				p.pos += size
				continue
			}
			p.pos++
		default:
			sb.WriteByte(b)
			p.pos++
		}
	}
	e := errAt(start, len(p.s), "the quoted name is not closed: add %c", quote)
	return "", Span{}, &e
}

// countSegmentStarts estimates how many segments follow, to size the slice
// once (a Segment is large enough that regrowing dominates the parse).
func countSegmentStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '[':
			n++
		case ',', ')', ' ':
			if n > 0 {
				return n
			}
		}
	}
	return n
}

// quotedText is the text between the quotes of a bracketed field name,
// backslashes kept: AWS (Jayway) looks up $['a\"b'] as the key a\"b
// (recorded in test_escape_sequence_parsing); a backslash only stops the
// next quote from closing the name.
func quotedText(s string, span Span) string { return s[span.Start+1 : span.End-1] }

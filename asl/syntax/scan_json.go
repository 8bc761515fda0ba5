package syntax

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/source"
)

// jsonSpace marks JSON whitespace; plainStringByte marks bytes a string's
// fast path copies without a second look (not a quote, backslash, control
// character or non-ASCII byte).
var jsonSpace, plainStringByte [256]bool

func init() {
	for _, c := range []byte(" \t\n\r") {
		jsonSpace[c] = true
	}
	for c := 0x20; c < 0x80; c++ {
		plainStringByte[c] = c != '"' && c != '\'' && c != '\\'
	}
}

// specialBytes flags (in the high bit of each byte) the bytes of w that
// are the quote, a backslash, below 0x20 or non-ASCII. The lowest flag is
// exact (the zero-byte test can only misflag bytes after a true hit).
func specialBytes(w uint64, quote byte) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * uint64(quote))
	b := w ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b | (w-ones*0x20)&^w | w) & highs
}

// skipTrivia skips whitespace and comments. Plain JSON reports each comment
// (AWS rejects them) but still reads past it.
func (p *parser) skipTrivia() {
	t := p.text
	i := p.pos
	if i < len(t) && t[i] > ' ' && t[i] != '/' && t[i] < utf8.RuneSelf {
		return // the usual case: a token right here
	}
	for {
		i = skipSpaces(t, i)
		p.pos = i
		if i >= len(t) {
			return
		}
		switch c := t[i]; {
		case c == '/':
			if !p.skipComment() {
				return
			}
			i = p.pos
		case !p.json5:
			return
		case c == '\v' || c == '\f':
			i++
		case c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0: // U+00A0 no-break space
			i += 2
		case c == 0xEF && i+2 < len(t) && t[i+1] == 0xBB && t[i+2] == 0xBF: // U+FEFF
			i += 3
		default:
			return
		}
	}
}

// skipSpaces skips JSON whitespace from i. Indentation comes in runs of
// spaces, so it looks at eight bytes at a time.
func skipSpaces(t []byte, i int) int {
	if i < len(t) && t[i] == '\n' {
		i++ // the usual line break before the indentation
	}
	for {
		if i+8 <= len(t) {
			w := binary.LittleEndian.Uint64(t[i:]) ^ 0x2020202020202020
			if w == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(w) >> 3 // past the leading spaces
		}
		if i < len(t) && jsonSpace[t[i]] {
			i++
			continue
		}
		return i
	}
}

// skipComment skips the comment at pos ('/' seen) and reports whether there
// was one.
func (p *parser) skipComment() bool {
	t := p.text
	start := p.pos
	if start+1 >= len(t) {
		return false
	}
	switch t[start+1] {
	case '/':
		end := start + 2
		for end < len(t) && t[end] != '\n' {
			end++
		}
		if end > start+2 && t[end-1] == '\r' && end == len(t) {
			end--
		}
		p.pos = end
	case '*':
		i := strings.Index(p.src[start+2:], "*/")
		if i < 0 {
			p.pos = len(t)
			p.errorf(start, start+2, CodeComment, "this comment is never closed; add '*/'")
			return true
		}
		p.pos = start + 2 + i + 2
	default:
		return false
	}
	if !p.json5 {
		p.errorf(start, p.pos, CodeComment, "comments are not allowed in JSON (AWS rejects them); remove it, or name the file .json5")
	}
	return true
}

// parseKey reads a property name: a quoted string, or an identifier
// (JSON5 only; an error in JSON, but the name is kept).
func (p *parser) parseKey() (string, source.Span, bool) {
	start := p.pos
	c := p.text[start]
	if c == '"' || c == '\'' {
		s, unclosed := p.scanString()
		if c == '\'' && !p.json5 {
			p.errorf(start, p.pos, CodeBadKey, "property names need double quotes, not single quotes")
		}
		return s, source.Span{Start: start, End: p.pos}, unclosed
	}
	end := start
	ident := true
	for end < len(p.text) && !isKeyWordEnd(p.text[end]) {
		ident = ident && isIdentPart(p.text[end])
		end++
	}
	if end == start { // a byte isKeyStart let through but no word follows
		end++
	}
	p.pos = end
	p.lastEnd = end
	s := p.src[start:end]
	if !p.json5 || !ident || !isIdentStart(s[0]) {
		p.errorf(start, end, CodeBadKey, fmt.Sprintf("property names need double quotes: %q", s))
	}
	return s, source.Span{Start: start, End: end}, false
}

func (p *parser) parseString() *Node {
	n := p.newNode(String, p.pos)
	quote := p.text[p.pos]
	s, unclosed := p.scanString()
	n.Str = s
	n.Span.End = p.pos
	n.Unclosed = unclosed
	if quote == '\'' && !p.json5 {
		p.errorf(n.Span.Start, n.Span.End, CodeBadValue, "strings need double quotes, not single quotes")
	}
	return n
}

// scanString reads the string at pos (opening quote included), decoding
// escapes. A string missing its closing quote ends at the end of its line.
func (p *parser) scanString() (s string, unclosed bool) {
	t := p.text
	quote := t[p.pos]
	start := p.pos + 1
	i := start
	ascii := true
	for i < len(t) {
		// Eight bytes at a time while none is a quote, backslash, control
		// character or non-ASCII byte.
		for i+8 <= len(t) {
			m := specialBytes(binary.LittleEndian.Uint64(t[i:]), quote)
			if m != 0 {
				i += bits.TrailingZeros64(m) >> 3 // the first special byte
				break
			}
			i += 8
		}
		for i < len(t) && plainStringByte[t[i]] {
			i++
		}
		if i >= len(t) {
			break
		}
		c := t[i]
		if c == quote {
			if ascii || utf8.ValidString(p.src[start:i]) {
				p.pos = i + 1
				p.lastEnd = p.pos
				return p.src[start:i], false
			}
			i = start // invalid UTF-8 somewhere: decode it all the slow way
			break
		}
		if c == '\\' || c < 0x20 {
			break
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
		i++
	}
	// Slow path: escapes, control characters, invalid UTF-8, no end quote.
	if !ascii {
		i = start // the bytes skipped so far may hold invalid UTF-8
	}
	buf := append(p.buf[:0], t[start:i]...)
	for i < len(t) {
		c := t[i]
		switch {
		case c == quote:
			p.pos = i + 1
			p.lastEnd = p.pos
			p.buf = buf
			return string(buf), false
		case c == '\n' || c == '\r':
			return p.endUnterminated(buf, i)
		case c == '\\':
			var n int
			var class escClass
			buf, n, class = appendEscape(buf, t, i)
			if class == escBad || class == escJSON5 && !p.json5 {
				p.errorf(i, min(i+n, len(t)), CodeBadEscape, badEscapeMessage(t[i:min(i+n, len(t))]))
			}
			i += n
		case c < 0x20:
			if !p.json5 || c == 0 {
				p.errorf(i, i+1, CodeControlChar, fmt.Sprintf("raw control character %q in a string; write it as an escape", rune(c)))
			}
			buf = append(buf, c)
			i++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError && size == 1 {
				buf = utf8.AppendRune(buf, utf8.RuneError) // as encoding/json does
			} else {
				buf = append(buf, t[i:i+size]...)
			}
			i += size
		default:
			buf = append(buf, c)
			i++
		}
	}
	return p.endUnterminated(buf, i)
}

func (p *parser) endUnterminated(buf []byte, end int) (string, bool) {
	start := p.pos
	// `"A,` at the end of a line most likely meant `"A",`: leave the comma
	// outside so that it still separates.
	t := p.text
	raw := end
	for raw > start+1 && (t[raw-1] == ' ' || t[raw-1] == '\t') {
		raw--
	}
	if raw > start+1 && t[raw-1] == ',' && t[raw-2] != '\\' && len(buf) >= end-raw+1 {
		buf = buf[:len(buf)-(end-raw+1)]
		end = raw - 1
	}
	p.buf = buf
	p.pos = end
	p.lastEnd = end
	p.errorf(start, end, CodeUnterminatedStr, fmt.Sprintf("unterminated string; add the closing %c", p.text[start]))
	return string(buf), true
}

func badEscapeMessage(esc []byte) string {
	switch {
	case len(esc) >= 2 && esc[1] == 'u':
		return "invalid \\u escape; it needs four hex digits, as in \\u00e9"
	case len(esc) >= 2 && (esc[1] == '\n' || esc[1] == '\r'):
		return "a backslash before a line break is not JSON; use \\n"
	}
	return fmt.Sprintf("invalid escape %q; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX (write \\\\ for a backslash)", esc)
}

// parsePlaceholder reads a template placeholder such as ${MaxConcurrency}
// standing where a value belongs. Such definitions become valid JSON after
// substitution, so the placeholder is a tagged String and no error.
func (p *parser) parsePlaceholder() *Node {
	t := p.text
	if p.pos+1 >= len(t) || t[p.pos+1] != '{' {
		return nil
	}
	for i := p.pos + 2; i < len(t); i++ {
		switch t[i] {
		case '}':
			if i == p.pos+2 {
				return p.badPlaceholder(i+1, "empty placeholder; write a name inside ${}")
			}
			n := p.newNode(String, p.pos)
			n.Span.End = i + 1
			n.Str = p.src[p.pos : i+1]
			n.Tag = PlaceholderTag
			p.pos = i + 1
			p.lastEnd = p.pos
			return n
		case '\n', '\r', '"', '{', ',':
			return p.badPlaceholder(i, "unterminated placeholder; add '}'")
		}
	}
	return p.badPlaceholder(len(t), "unterminated placeholder; add '}'")
}

func (p *parser) badPlaceholder(end int, msg string) *Node {
	n := p.newNode(Invalid, p.pos)
	for end > p.pos+2 && (p.text[end-1] == ' ' || p.text[end-1] == '\t') {
		end--
	}
	n.Span.End = end
	n.Str = p.src[p.pos:end]
	p.errorf(p.pos, end, CodeBadValue, msg)
	p.pos = end
	p.lastEnd = end
	return n
}

// PlaceholderTag is the Tag of a String node made from a bare ${Name}
// template placeholder.
const PlaceholderTag = "${}"

func (p *parser) parseNumber() *Node {
	t := p.text
	start := p.pos
	end := start + 1
	for end < len(t) && isNumberPart(t[end]) {
		end++
	}
	p.pos = end
	p.lastEnd = end
	lit := p.src[start:end]
	n := p.newNode(Number, start)
	n.Span.End = end
	n.Str = lit
	if isJSONNumber(lit) {
		n.Num = parseFloat(lit)
		return n
	}
	if v, ok := json5Number(lit); ok {
		n.Num = v
		if !p.json5 {
			p.errorf(start, end, CodeBadNumber, numberAdvice(lit, v))
		}
		return n
	}
	n.Kind = Invalid
	p.errorf(start, end, CodeBadNumber, fmt.Sprintf("%q is not a number", lit))
	return n
}

// parseWord reads a bare word (or any run of stray characters) where a
// value belongs: true/false/null, JSON5's Infinity/NaN, or an error.
func (p *parser) parseWord() *Node {
	t := p.text
	start := p.pos
	end := start
	for end < len(t) && !isWordEnd(t[end]) {
		end++
	}
	if end == start {
		_, size := utf8.DecodeRune(t[start:])
		end = start + size
	}
	p.pos = end
	p.lastEnd = end
	w := p.src[start:end]
	n := p.newNode(Invalid, start)
	n.Span.End = end
	n.Str = w
	switch w {
	case "true":
		n.Kind, n.Bool = Bool, true
		return n
	case "false":
		n.Kind = Bool
		return n
	case "null":
		n.Kind = Null
		return n
	case "Infinity", "NaN":
		n.Kind = Number
		n.Num, _ = json5Number(w)
		if !p.json5 {
			p.errorf(start, end, CodeBadNumber, numberAdvice(w, n.Num))
		}
		return n
	}
	switch lower := strings.ToLower(w); lower {
	case "true", "false":
		n.Kind, n.Bool = Bool, lower == "true"
		p.errorf(start, end, CodeBadValue, fmt.Sprintf("JSON literals are lowercase: write %s", lower))
		return n
	case "null", "none", "nil", "undefined":
		n.Kind = Null
		p.errorf(start, end, CodeBadValue, fmt.Sprintf("%s is not JSON; write null", w))
		return n
	}
	if isIdentStart(t[start]) {
		p.errorf(start, end, CodeBadValue, fmt.Sprintf("unexpected word %q; put strings in double quotes", w))
	} else {
		p.errorf(start, end, CodeUnexpected, fmt.Sprintf("unexpected %q; expected a value", w))
	}
	return n
}

// isJSONNumber checks the strict JSON grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i >= len(s) {
		return false
	}
	if s[i] == '0' {
		i++
	} else if s[i] >= '1' && s[i] <= '9' {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	} else {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		d := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(s)
}

// json5Number reads the number forms JSON5 adds (leading '+', leading or
// trailing '.', hex, Infinity, NaN) plus leading zeros, which are an error
// in both but unambiguous. NaN reads as 0 and infinities saturate.
func json5Number(s string) (float64, bool) {
	body := s
	sign := 1.0
	if body != "" && (body[0] == '+' || body[0] == '-') {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch {
	case body == "Infinity":
		return sign * math.MaxFloat64, true
	case body == "NaN":
		return 0, true
	case len(body) > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X'):
		u, err := strconv.ParseUint(body[2:], 16, 64)
		if err != nil && !isRangeErr(err) {
			return 0, false
		}
		if err != nil {
			return sign * math.MaxFloat64, true
		}
		return sign * float64(u), true
	}
	if body == "" || strings.ContainsAny(body, "_xXpPinfINF") || !isDigit(body[0]) && body[0] != '.' {
		return 0, false
	}
	if body[0] == '.' && (len(body) == 1 || !isDigit(body[1])) {
		return 0, false
	}
	f, err := strconv.ParseFloat(body, 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return sign * saturate(f), true
}

func numberAdvice(lit string, v float64) string {
	body := strings.TrimLeft(lit, "+-")
	switch {
	case strings.HasSuffix(body, "Infinity") || body == "NaN":
		return fmt.Sprintf("%s is not a JSON number", lit)
	case strings.HasPrefix(body, "0x") || strings.HasPrefix(body, "0X"):
		return fmt.Sprintf("hex numbers are not JSON; write %s", strconv.FormatFloat(v, 'f', -1, 64))
	case lit[0] == '+':
		return "a JSON number cannot start with '+'; remove it"
	case body[0] == '.':
		return fmt.Sprintf("write %s0%s, not %s", lit[:len(lit)-len(body)], body, lit)
	case strings.Contains(body, ".e") || strings.Contains(body, ".E") || strings.HasSuffix(body, "."):
		return "a '.' in a JSON number needs digits after it"
	case len(body) > 1 && body[0] == '0':
		return "JSON numbers cannot have leading zeros"
	}
	return fmt.Sprintf("%q is not a valid JSON number", lit)
}

func parseFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return saturate(f)
}

func saturate(f float64) float64 {
	switch {
	case math.IsInf(f, 1):
		return math.MaxFloat64
	case math.IsInf(f, -1):
		return -math.MaxFloat64
	case math.IsNaN(f):
		return 0
	}
	return f
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNumberPart(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '+' || c == '-' || c == '_'
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= utf8.RuneSelf
}

func isIdentPart(c byte) bool { return isIdentStart(c) || isDigit(c) }

func isKeyStart(c byte) bool { return c == '"' || c == '\'' || isIdentStart(c) }

// isValueStart reports whether c can begin a value (or junk read as one).
func isValueStart(c byte) bool {
	switch c {
	case ',', ':', '}', ']', ' ', '\t', '\n', '\r':
		return false
	}
	return true
}

// isKeyWordEnd ends an unquoted property name.
func isKeyWordEnd(c byte) bool {
	return c == ':' || c == '\'' || isWordEnd(c)
}

// isWordEnd ends a bare word in value position. ':' is part of the word so
// an unquoted ARN reads as one token.
func isWordEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

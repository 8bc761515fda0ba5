package syntax

import "unicode/utf8"

// scalarStyle is how a string was written in the source.
type scalarStyle uint8

const (
	styleJSON        scalarStyle = iota // JSON/JSON5 quotes with backslash escapes
	styleYAMLPlain                      // YAML plain scalar
	styleYAMLSingle                     // YAML 'single quoted' ('' escapes a quote)
	styleYAMLDouble                     // YAML "double quoted" (backslash escapes)
	styleYAMLLiteral                    // YAML | block
	styleYAMLFolded                     // YAML > block
)

// SourceOffset maps byte index i of the decoded string n.Str to an offset in
// text (the document the node was parsed from). Escapes, YAML quote
// doubling, line folding and block indentation make the two differ, so an
// expression parser that finds a problem at n.Str[i:] places it with
// SourceOffset(text, i). Indexes inside a multi-byte escape map to the
// escape's start; i == len(n.Str) maps to the end of the contents (before
// the closing quote). For a non-string node it returns Span.Start + i,
// clamped to the span.
func (n *Node) SourceOffset(text []byte, i int) int {
	if n == nil {
		return 0
	}
	start := min(max(n.Span.Start, 0), len(text))
	end := min(max(n.Span.End, start), len(text))
	if n.Kind != String || n.Tag == PlaceholderTag {
		return min(max(start+max(i, 0), start), end)
	}
	cs, ce := n.contentSpan(text, start, end)
	if n.style == styleJSON {
		if i <= 0 {
			return cs
		}
		return jsonOffset(text, cs, ce, i)
	}
	return alignOffset(text, cs, ce, n.Str, i, n.style)
}

// contentSpan is the part of the node's span between its quotes or after
// its block header, past any YAML tag or anchor.
func (n *Node) contentSpan(text []byte, start, end int) (int, int) {
	if n.style != styleJSON {
		start = skipTagsAndAnchors(text, start, end)
	}
	switch n.style {
	case styleJSON, styleYAMLSingle, styleYAMLDouble:
		if start < end && (text[start] == '"' || text[start] == '\'') {
			if !n.Unclosed && end-1 > start && text[end-1] == text[start] {
				end--
			}
			start++
		}
	case styleYAMLLiteral, styleYAMLFolded:
		for start < end && text[start] != '\n' {
			start++
		}
		if start < end {
			start++
		}
	}
	return start, end
}

// skipTagsAndAnchors skips YAML properties (`!Sub `, `&name `) before a
// scalar's text.
func skipTagsAndAnchors(text []byte, start, end int) int {
	for start < end && (text[start] == '!' || text[start] == '&') {
		for start < end && text[start] != ' ' && text[start] != '\t' && text[start] != '\n' {
			start++
		}
		for start < end && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n') {
			start++
		}
	}
	return start
}

// jsonOffset walks a JSON string's contents decoding exactly as the parser
// does.
func jsonOffset(text []byte, r, end, i int) int {
	var buf [8]byte
	d := 0
	for r < end {
		if d >= i {
			return r
		}
		c := text[r]
		switch {
		case c == '\\':
			dec, size, _ := appendEscape(buf[:0], text, r)
			if d+len(dec) > i {
				return r
			}
			d += len(dec)
			r += size
		case c >= utf8.RuneSelf:
			rr, size := utf8.DecodeRune(text[r:])
			n := size
			if rr == utf8.RuneError && size == 1 {
				n = utf8.RuneLen(utf8.RuneError)
			}
			if d+n > i {
				return r
			}
			d += n
			r += size
		default:
			d++
			r++
		}
	}
	return min(r, end)
}

// alignOffset maps a YAML scalar by walking the raw text and the decoded
// string side by side: equal bytes advance both, a run of raw whitespace
// (folding, indentation) pairs with the run of whitespace it became, a
// doubled single quote is one quote, and escapes are decoded. It is exact
// for single-line scalars and self-correcting at each line break for the
// rest.
func alignOffset(text []byte, r, end int, str string, i int, style scalarStyle) int {
	var buf [8]byte
	d := 0
	for d < i && r < end {
		c := text[r]
		switch {
		case c == '\\' && style == styleYAMLDouble:
			if r+1 < end && (text[r+1] == '\n' || text[r+1] == '\r') {
				r += 2 // escaped line break: joins lines with nothing
				for r < end && (text[r] == ' ' || text[r] == '\t' || text[r] == '\n') {
					r++
				}
				continue
			}
			dec, size, _ := appendEscape(buf[:0], text, r)
			n := len(dec)
			if r+1 < end {
				n = yamlEscapeLen(text[r+1], n)
			}
			if d+n > i {
				return r
			}
			d += n
			r += size
		case c == '\'' && style == styleYAMLSingle && r+1 < end && text[r+1] == '\'':
			r += 2
			d++
		case isBlank(c):
			rs := r
			for r < end && isBlank(text[r]) {
				r++
			}
			ds := d
			for d < len(str) && isBlank(str[d]) {
				if d == i {
					return min(rs+(d-ds), r)
				}
				d++
			}
		case d < len(str) && c == str[d]:
			r++
			d++
		default:
			r++
			d++
		}
	}
	if d < len(str) && !isBlank(str[d]) {
		for r < end && isBlank(text[r]) {
			r++ // land on the character, not on the indentation before it
		}
	}
	return min(r, end)
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// yamlEscapeLen corrects the decoded length for escapes YAML has and JSON
// does not.
func yamlEscapeLen(c byte, jsonLen int) int {
	switch c {
	case 'N', '_': // U+0085, U+00A0
		return 2
	case 'L', 'P': // U+2028, U+2029
		return 3
	case 'U':
		return 4
	}
	return jsonLen
}

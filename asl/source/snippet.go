package source

import "strings"

// Snippet draws the line holding span.Start with carets under the span, the
// way compilers show errors. A span reaching past the line is drawn to the
// line's end; an empty span gets one caret. Tabs in the prefix are kept so
// the carets line up in a terminal.
func Snippet(m *Mapper, span Span) string {
	line := m.Line(span.Start)
	ls := m.LineSpan(line)
	text := m.text[ls.Start:ls.End]
	start := span.Start - ls.Start
	end := min(span.End, ls.End) - ls.Start
	var b strings.Builder
	b.Write(text)
	b.WriteByte('\n')
	for i := 0; i < start; i++ {
		if text[i] == '\t' {
			b.WriteByte('\t')
		} else if text[i]&0xC0 != 0x80 { // one space per character, not per byte
			b.WriteByte(' ')
		}
	}
	n := 0
	for i := start; i < end; i++ {
		if text[i]&0xC0 != 0x80 {
			n++
		}
	}
	b.WriteString(strings.Repeat("^", max(n, 1)))
	return b.String()
}

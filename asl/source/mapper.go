package source

import (
	"bytes"
	"encoding/binary"
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Position is a zero-based line and column. Column units depend on the call:
// UTF-16 code units for LSP, bytes for terminal output.
type Position struct {
	Line, Column int
}

// Mapper converts between byte offsets and line/column positions for one
// text. Build it once per document version; every conversion in the project
// goes through it so that UTF-16 handling lives in one place.
type Mapper struct {
	text       []byte
	lineStarts []int // byte offset of the start of each line
	ascii      bool  // fast path: UTF-16 column == byte column
}

// NewMapper indexes the line starts of text. Lines end at "\n"; a "\r\n"
// pair ends a line at the "\n" (the "\r" belongs to the line's content).
func NewMapper(text []byte) *Mapper {
	// A keystroke in a 1 MB document rebuilds this: bytes.IndexByte and a
	// word-at-a-time ASCII test are several times faster than a byte loop.
	m := &Mapper{text: text, lineStarts: make([]int, 1, len(text)/32+1), ascii: isASCII(text)}
	for at := 0; ; {
		i := bytes.IndexByte(text[at:], '\n')
		if i < 0 {
			break
		}
		at += i + 1
		m.lineStarts = append(m.lineStarts, at)
	}
	return m
}

// isASCII reports whether no byte of text has its high bit set.
func isASCII(text []byte) bool {
	const highBits = 0x8080808080808080
	for len(text) >= 8 {
		if binary.LittleEndian.Uint64(text)&highBits != 0 {
			return false
		}
		text = text[8:]
	}
	for _, b := range text {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Text returns the text the mapper was built for.
func (m *Mapper) Text() []byte { return m.text }

func (m *Mapper) clamp(offset int) int {
	if offset < 0 {
		return 0
	}
	if offset > len(m.text) {
		return len(m.text)
	}
	return offset
}

// Line returns the zero-based line holding offset.
func (m *Mapper) Line(offset int) int {
	offset = m.clamp(offset)
	return sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
}

// LineSpan returns the byte span of a line without its line terminator.
func (m *Mapper) LineSpan(line int) Span {
	if line < 0 {
		line = 0
	}
	if line >= len(m.lineStarts) {
		return Span{len(m.text), len(m.text)}
	}
	start := m.lineStarts[line]
	end := len(m.text)
	if line+1 < len(m.lineStarts) {
		end = m.lineStarts[line+1] - 1
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	}
	return Span{start, end}
}

// BytePosition converts an offset to a line and byte column.
func (m *Mapper) BytePosition(offset int) Position {
	offset = m.clamp(offset)
	line := m.Line(offset)
	return Position{line, offset - m.lineStarts[line]}
}

// UTF16Position converts an offset to a line and UTF-16 column (LSP's default).
// An offset inside a multi-byte character maps to the character's start.
func (m *Mapper) UTF16Position(offset int) Position {
	offset = m.clamp(offset)
	line := m.Line(offset)
	start := m.lineStarts[line]
	if m.ascii {
		return Position{line, offset - start}
	}
	col := 0
	for i := start; i < offset; {
		r, size := utf8.DecodeRune(m.text[i:])
		if i+size > offset {
			break
		}
		col += utf16.RuneLen(r)
		if r == utf8.RuneError && size == 1 {
			col = col - utf16.RuneLen(r) + 1
		}
		i += size
	}
	return Position{line, col}
}

// OffsetFromUTF16 converts an LSP position to a byte offset. Columns past the
// end of the line clamp to the line's end; lines past the end clamp to the
// end of the text (clients send such positions while a document changes).
func (m *Mapper) OffsetFromUTF16(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.lineStarts) {
		return len(m.text)
	}
	ls := m.LineSpan(p.Line)
	if p.Column <= 0 {
		return ls.Start
	}
	if m.ascii {
		return min(ls.Start+p.Column, ls.End)
	}
	col := 0
	for i := ls.Start; i < ls.End; {
		if col >= p.Column {
			return i
		}
		r, size := utf8.DecodeRune(m.text[i:])
		n := utf16.RuneLen(r)
		if r == utf8.RuneError && size == 1 {
			n = 1
		}
		col += n
		i += size
	}
	return ls.End
}

// OffsetFromBytes converts a line and byte column to an offset, clamped to the line.
func (m *Mapper) OffsetFromBytes(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.lineStarts) {
		return len(m.text)
	}
	ls := m.LineSpan(p.Line)
	return min(ls.Start+max(p.Column, 0), ls.End)
}

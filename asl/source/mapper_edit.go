package source

import "bytes"

// Edited returns the Mapper of newText, which is m's text with the bytes
// [start, end) replaced by newText[start:start+newLen]. Only the lines the
// edit touches are scanned again; those after it move by the length
// change. A keystroke in a 1 MB document costs a copy of the line index
// instead of a scan of the text.
func (m *Mapper) Edited(newText []byte, start, end, newLen int) *Mapper {
	delta := newLen - (end - start)
	if start < 0 || start > end || end > len(m.text) || newLen < 0 || len(newText) != len(m.text)+delta {
		return NewMapper(newText)
	}
	// Lines starting at or before start stay; lines starting after end move.
	keep := m.Line(start) + 1
	after := keep
	for after < len(m.lineStarts) && m.lineStarts[after] <= end {
		after++
	}
	starts := make([]int, keep, len(m.lineStarts)+bytes.Count(newText[start:start+newLen], []byte{'\n'})-(after-keep))
	copy(starts, m.lineStarts[:keep])
	for at := start; ; {
		i := bytes.IndexByte(newText[at:start+newLen], '\n')
		if i < 0 {
			break
		}
		at += i + 1
		starts = append(starts, at)
	}
	for _, s := range m.lineStarts[after:] {
		starts = append(starts, s+delta)
	}
	// Removing bytes may remove the text's only non-ASCII ones: look again
	// only then.
	ascii := m.ascii && isASCII(newText[start:start+newLen])
	if !m.ascii && !isASCII(m.text[start:end]) {
		ascii = isASCII(newText)
	}
	return &Mapper{text: newText, lineStarts: starts, ascii: ascii}
}

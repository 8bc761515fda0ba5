package source

import (
	"strings"
	"testing"
)

// The word-at-a-time line index must agree with the obvious byte loop.
func TestNewMapperIndexesLikeAByteLoop(t *testing.T) {
	long := strings.Repeat("abcdefg\n", 9)
	for _, text := range []string{
		"", "\n", "\n\n", "a", "abc\n", "abc\r\ndef", "no newline at all, and longer than a word",
		long, long + "é", "é" + long, long[:13] + "\u00e9" + long[13:], "1234567\u00e9", "12345678\u00e9",
		"🎉\n", "x\n🎉", strings.Repeat("\n", 17),
	} {
		m := NewMapper([]byte(text))
		wantStarts, wantASCII := []int{0}, true
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				wantStarts = append(wantStarts, i+1)
			} else if text[i] >= 0x80 {
				wantASCII = false
			}
		}
		if m.ascii != wantASCII || len(m.lineStarts) != len(wantStarts) {
			t.Errorf("%q: ascii %v lines %d, want %v %d", text, m.ascii, len(m.lineStarts), wantASCII, len(wantStarts))
			continue
		}
		for i := range wantStarts {
			if m.lineStarts[i] != wantStarts[i] {
				t.Errorf("%q: line %d starts at %d, want %d", text, i, m.lineStarts[i], wantStarts[i])
			}
		}
	}
}

func benchText() string {
	return strings.Repeat(`      "Comment": "Process the ledger record for block 0",`+"\n", 18000)
}

func BenchmarkNewMapper1MB(b *testing.B) {
	text := []byte(benchText())
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		NewMapper(text)
	}
}

package syntax

import (
	"encoding/binary"
	"math/bits"
	"math/rand"
	"testing"
	"unicode/utf8"
)

// TestWordAtATimeScans checks the eight-byte scans against byte loops on
// random words drawn from the bytes that matter.
func TestWordAtATimeScans(t *testing.T) {
	alphabet := []byte{' ', '\n', '\t', '\r', '"', '\'', '\\', 'a', 0x1F, 0x20, 0x7F, 0x80, 0xFF, 0x00, 0x21, 0x5B}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		var b [8]byte
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		w := binary.LittleEndian.Uint64(b[:])
		for _, quote := range []byte{'"', '\''} {
			want := 8
			for i, c := range b {
				if c == quote || c == '\\' || c < 0x20 || c >= 0x80 {
					want = i
					break
				}
			}
			got := 8
			if m := specialBytes(w, quote); m != 0 {
				got = bits.TrailingZeros64(m) >> 3
			}
			if got != want {
				t.Fatalf("specialBytes(%q, %q): first special byte %d, want %d", b, quote, got, want)
			}
		}
		text := append(b[:], b[:]...)
		want := 0
		for want < len(text) && jsonSpace[text[want]] {
			want++
		}
		if got := skipSpaces(text, 0); got != want {
			t.Fatalf("skipSpaces(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestYAMLCandidateScan checks fastYAMLCandidate's word-at-a-time masks and
// counts against a byte loop.
func TestYAMLCandidateScan(t *testing.T) {
	alphabet := []byte{' ', '\n', '\t', '\r', '-', 'a', ':', 0x00, 0x01, 0x0B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xA9, 0xFF}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
			if r.Intn(4) > 0 {
				b[i] = "ab -\n:"[r.Intn(6)] // mostly candidates, so that counts get compared
			}
		}
		wantOK, wantLines, wantEntries := true, 0, 0
		for i, c := range b {
			switch {
			case c < 0x20 && c != '\n' || c == 0x7F:
				wantOK = false
			case c == '\n':
				wantLines++
			case c == '-' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\n'):
				wantEntries++
			}
		}
		if wantOK && !utf8.Valid(b) {
			wantOK = false
		}
		ok, lines, entries := fastYAMLCandidate(b)
		if ok != wantOK || ok && (lines != wantLines || entries != wantEntries) {
			t.Fatalf("fastYAMLCandidate(%q) = %v, %d lines, %d entries; want %v, %d, %d", b, ok, lines, entries, wantOK, wantLines, wantEntries)
		}
	}
}

// TestIndexAny3AndSkipRun checks the word-at-a-time searches of the fast
// YAML path against byte loops, from every start offset.
func TestIndexAny3AndSkipRun(t *testing.T) {
	alphabet := []byte{' ', ' ', ' ', ':', '#', '\n', 'a', 0x00, 0x80, 0xFF, 0x3A ^ 0x80}
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		b := make([]byte, r.Intn(30))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		for from := 0; from <= len(b); from++ {
			want := from
			for want < len(b) && b[want] != ':' && b[want] != '#' && b[want] != '\n' {
				want++
			}
			if got := indexAny3(b, from, ':', '#', '\n'); got != want {
				t.Fatalf("indexAny3(%q, %d) = %d, want %d", b, from, got, want)
			}
			want = from
			for want < len(b) && b[want] == ' ' {
				want++
			}
			if got := skipRun(b, from, ' '); got != want {
				t.Fatalf("skipRun(%q, %d) = %d, want %d", b, from, got, want)
			}
		}
	}
}

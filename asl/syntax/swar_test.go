package syntax

import (
	"encoding/binary"
	"math/bits"
	"math/rand"
	"testing"
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

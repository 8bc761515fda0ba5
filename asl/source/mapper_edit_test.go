package source

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Edited must give the Mapper NewMapper builds for the new text, whatever
// the edit removes or inserts (line breaks, "\r\n", non-ASCII).
func TestEditedMatchesNewMapper(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "bc", "\n", "\r\n", "é", "🎉", "x\ny", "\n\n", ""}
	for range 5000 {
		var text []byte
		for range rng.IntN(12) {
			text = append(text, pieces[rng.IntN(len(pieces))]...)
		}
		start := rng.IntN(len(text) + 1)
		end := start + rng.IntN(len(text)-start+1)
		insert := pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]
		newText := slices.Concat(text[:start], []byte(insert), text[end:])
		got := NewMapper(text).Edited(newText, start, end, len(insert))
		want := NewMapper(newText)
		if !slices.Equal(got.lineStarts, want.lineStarts) || got.ascii != want.ascii || string(got.text) != string(newText) {
			t.Fatalf("%q, replacing [%d,%d) with %q: lines %v ascii %v, want %v %v",
				text, start, end, insert, got.lineStarts, got.ascii, want.lineStarts, want.ascii)
		}
	}
}

func BenchmarkEditedMapper1MB(b *testing.B) {
	text := []byte(benchText())
	m := NewMapper(text)
	newText := slices.Clone(text)
	newText[20] = 'X'
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Edited(newText, 20, 21, 1)
	}
}

package assist

import (
	"fmt"
	"testing"
)

// Each candidate's rank gets its position appended (no rank is "5"), and
// the sort keeps a provider's order among equal ranks.
func TestRankCandidates(t *testing.T) {
	in := []Candidate{{Label: "a", SortText: "4"}, {Label: "b"}, {Label: "c", SortText: "1"}, {Label: "d", SortText: "4"}}
	var got []string
	for _, c := range rankCandidates(in) {
		got = append(got, c.Label+"="+c.SortText)
	}
	if want := "[c=11002 a=41000 d=41003 b=51001]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

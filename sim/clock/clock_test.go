package clock

import (
	"testing"
	"time"
)

func TestQueueOrdersByTimeThenSequence(t *testing.T) {
	q := New(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	var got []string
	q.At(2*time.Second, func() { got = append(got, "b@2") })
	q.At(0, func() {
		got = append(got, "a@0")
		q.At(0, func() { got = append(got, "c@0") })
	})
	q.At(2*time.Second, func() { got = append(got, "d@2") })
	q.At(365*24*time.Hour, func() { got = append(got, "e@1y") })
	for q.Step() {
	}
	want := []string{"a@0", "c@0", "b@2", "d@2", "e@1y"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if q.Elapsed() != 365*24*time.Hour {
		t.Errorf("elapsed %v", q.Elapsed())
	}
	if !q.Now().Equal(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("now %v", q.Now())
	}
}

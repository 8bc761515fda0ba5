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

// Work due now (the FIFO) and work due later (the heap) interleave in
// (time, sequence) order, whatever mix of delays is scheduled.
func TestQueueMixesNowAndLaterInOrder(t *testing.T) {
	q := New(time.Unix(0, 0))
	type stamp struct {
		at  time.Duration
		seq int
	}
	var got []stamp
	n := 0
	var schedule func(depth int)
	schedule = func(depth int) {
		for i := 0; i < 3; i++ {
			n++
			id := n
			delay := time.Duration((id*7)%3) * time.Second
			q.At(delay, func() {
				got = append(got, stamp{q.Elapsed(), id})
				if depth < 3 {
					schedule(depth + 1)
				}
			})
		}
	}
	schedule(0)
	for q.Step() {
	}
	for i := 1; i < len(got); i++ {
		if got[i].at < got[i-1].at {
			t.Fatalf("time went back at %d: %v", i, got)
		}
	}
	if len(got) != n {
		t.Fatalf("ran %d of %d items", len(got), n)
	}
}

// ScheduleNow is Schedule(0, r): mixed with it, work runs in scheduling
// order, across FIFO growth and after time moved on.
func TestScheduleNowIsScheduleZero(t *testing.T) {
	q := New(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	var got []int
	n := 0
	add := func() {
		i := n
		n++
		run := funcRunner(func() { got = append(got, i) })
		if i%2 == 0 {
			q.ScheduleNow(run)
		} else {
			q.Schedule(0, run)
		}
	}
	q.At(time.Second, func() {
		for range 40 {
			add()
		}
	})
	for range 40 {
		add()
	}
	for q.Step() {
	}
	if len(got) != 80 {
		t.Fatalf("ran %d, want 80", len(got))
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("order %v", got)
		}
	}
}

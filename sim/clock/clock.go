// Package clock is the simulator's virtual time: a discrete-event queue
// ordered by (virtual time, sequence). Nothing here reads the wall clock, so
// a Wait of one year completes instantly and ties break deterministically in
// scheduling order.
package clock

import (
	"container/heap"
	"time"
)

// Queue holds the pending work of one simulation.
type Queue struct {
	start time.Time
	now   time.Duration
	seq   uint64
	items itemHeap
}

// New makes a queue whose virtual time starts at start.
func New(start time.Time) *Queue { return &Queue{start: start} }

// Now is the current virtual instant.
func (q *Queue) Now() time.Time { return q.start.Add(q.now) }

// Elapsed is the virtual time since the start.
func (q *Queue) Elapsed() time.Duration { return q.now }

// Start is the instant virtual time began at.
func (q *Queue) Start() time.Time { return q.start }

// At schedules fn after delay (negative delays count as zero). Work
// scheduled for the same instant runs in scheduling order.
func (q *Queue) At(delay time.Duration, fn func()) {
	if delay < 0 {
		delay = 0
	}
	q.seq++
	heap.Push(&q.items, item{at: q.now + delay, seq: q.seq, fn: fn})
}

// Len is the number of pending items.
func (q *Queue) Len() int { return len(q.items) }

// Step runs the earliest pending item, advancing virtual time to it. It
// reports false when nothing is pending.
func (q *Queue) Step() bool {
	if len(q.items) == 0 {
		return false
	}
	it := heap.Pop(&q.items).(item)
	q.now = it.at
	it.fn()
	return true
}

// Clear drops every pending item (the run ended).
func (q *Queue) Clear() { q.items = q.items[:0] }

type item struct {
	at  time.Duration
	seq uint64
	fn  func()
}

type itemHeap []item

func (h itemHeap) Len() int { return len(h) }
func (h itemHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *itemHeap) Pop() any {
	old := *h
	n := len(old)
	it := old[n-1]
	old[n-1] = item{}
	*h = old[:n-1]
	return it
}

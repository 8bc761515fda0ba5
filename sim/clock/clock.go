// Package clock is the simulator's virtual time: a discrete-event queue
// ordered by (virtual time, sequence). Nothing here reads the wall clock, so
// a Wait of one year completes instantly and ties break deterministically in
// scheduling order.
package clock

import (
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
	q.items.push(item{at: q.now + delay, seq: q.seq, fn: fn})
}

// Runner is work that runs itself (scheduling one saves a closure).
type Runner interface{ Run() }

// Schedule is At for a Runner.
func (q *Queue) Schedule(delay time.Duration, r Runner) {
	if delay < 0 {
		delay = 0
	}
	q.seq++
	q.items.push(item{at: q.now + delay, seq: q.seq, r: r})
}

// Len is the number of pending items.
func (q *Queue) Len() int { return len(q.items) }

// Step runs the earliest pending item, advancing virtual time to it. It
// reports false when nothing is pending.
func (q *Queue) Step() bool {
	if len(q.items) == 0 {
		return false
	}
	it := q.items.pop()
	q.now = it.at
	if it.r != nil {
		it.r.Run()
	} else {
		it.fn()
	}
	return true
}

// Clear drops every pending item (the run ended).
func (q *Queue) Clear() { q.items = q.items[:0] }

type item struct {
	at  time.Duration
	seq uint64
	fn  func()
	r   Runner
}

// itemHeap is a binary min-heap by (at, seq), written out so that items
// are not boxed in interfaces on every push and pop.
type itemHeap []item

func (h itemHeap) less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}

func (h *itemHeap) push(it item) {
	*h = append(*h, it)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if !a.less(i, p) {
			break
		}
		a[i], a[p] = a[p], a[i]
		i = p
	}
}

func (h *itemHeap) pop() item {
	a := *h
	top := a[0]
	n := len(a) - 1
	a[0] = a[n]
	a[n] = item{}
	a = a[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && a.less(l, m) {
			m = l
		}
		if r < n && a.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}

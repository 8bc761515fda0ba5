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
	// fifo holds work due at the current instant in scheduling order
	// (most work is): a FIFO is cheaper than the heap, and since time never
	// goes back, comparing its head with the heap's top by (time, seq)
	// keeps the order exact. It is a ring of n items from head (its length
	// a power of two); taken slots are not cleared (a store costs a write
	// barrier while the GC runs) but overwritten, and Clear drops them.
	fifo []item
	head int
	n    int
	// nowTime is start+now, kept as time moves (rarely): every event
	// asks for the instant, and Now stays cheap enough to inline.
	nowTime time.Time
}

// New makes a queue whose virtual time starts at start.
func New(start time.Time) *Queue { return &Queue{start: start, nowTime: start} }

// Now is the current virtual instant.
func (q *Queue) Now() time.Time { return q.nowTime }

// Elapsed is the virtual time since the start.
func (q *Queue) Elapsed() time.Duration { return q.now }

// Start is the instant virtual time began at.
func (q *Queue) Start() time.Time { return q.start }

// At schedules fn after delay (negative delays count as zero). Work
// scheduled for the same instant runs in scheduling order.
func (q *Queue) At(delay time.Duration, fn func()) { q.Schedule(delay, funcRunner(fn)) }

// funcRunner runs a function as a Runner (a func is pointer-shaped: the
// conversion allocates nothing).
type funcRunner func()

func (f funcRunner) Run() { f() }

// Runner is work that runs itself (scheduling one saves a closure).
type Runner interface{ Run() }

// Schedule is At for a Runner.
func (q *Queue) Schedule(delay time.Duration, r Runner) {
	if delay < 0 {
		delay = 0
	}
	q.seq++
	q.add(item{at: q.now + delay, seq: q.seq, r: r})
}

// ScheduleNow is Schedule(0, r): the simulator's every state transition.
func (q *Queue) ScheduleNow(r Runner) {
	q.seq++
	if q.n == len(q.fifo) {
		q.growFIFO()
	}
	q.fifo[(q.head+q.n)&(len(q.fifo)-1)] = item{at: q.now, seq: q.seq, r: r}
	q.n++
}

func (q *Queue) add(it item) {
	if it.at == q.now {
		if q.n == len(q.fifo) {
			q.growFIFO()
		}
		q.fifo[(q.head+q.n)&(len(q.fifo)-1)] = it
		q.n++
		return
	}
	q.items.push(it)
}

// growFIFO doubles the FIFO's ring (at least 16 slots), keeping its order.
func (q *Queue) growFIFO() {
	grown := make([]item, max(16, 2*len(q.fifo)))
	n := copy(grown, q.fifo[q.head:])
	copy(grown[n:], q.fifo[:q.head])
	q.fifo, q.head = grown, 0
}

// Len is the number of pending items.
func (q *Queue) Len() int { return len(q.items) + q.n }

// Step runs the earliest pending item, advancing virtual time to it. It
// reports false when nothing is pending.
func (q *Queue) Step() bool {
	var it item
	switch {
	case q.n > 0 && (len(q.items) == 0 || q.items[0].at > q.now || !q.items.before(0, &q.fifo[q.head])):
		// The FIFO's items are all due now: a later heap top cannot come
		// first (the common case: the heap holds the execution's deadline).
		it = q.fifo[q.head]
		q.head = (q.head + 1) & (len(q.fifo) - 1)
		q.n--
	case len(q.items) > 0:
		it = q.items.pop()
	default:
		return false
	}
	if it.at != q.now {
		q.now, q.nowTime = it.at, q.start.Add(it.at)
	}
	it.r.Run()
	return true
}

// Clear drops every pending item (the run ended).
func (q *Queue) Clear() {
	clear(q.items)
	clear(q.fifo)
	q.items, q.head, q.n = q.items[:0], 0, 0
}

type item struct {
	at  time.Duration
	seq uint64
	r   Runner
}

// itemHeap is a binary min-heap by (at, seq), written out so that items
// are not boxed in interfaces on every push and pop.
type itemHeap []item

// before reports whether h[i] comes before it.
func (h itemHeap) before(i int, it *item) bool {
	if h[i].at != it.at {
		return h[i].at < it.at
	}
	return h[i].seq < it.seq
}

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

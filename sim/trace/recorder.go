package trace

import (
	"math"
	"time"
	"unsafe"

	"github.com/aslkit/aslkit/asl/source"
)

// Recorder keeps every event in memory, compactly: state names and
// types are interned, timestamps are kept as offsets and ids as 32-bit
// numbers; the rare events with an error or cause are kept whole. A
// record takes 96 bytes instead of an Event's 176, with fewer pointers
// for the garbage collector to follow, which is what recording a long
// run mostly costs.
type Recorder struct {
	chunks [][]record
	n      int

	strs  []string
	index map[string]uint32
	cache [128]internSlot

	// Timestamps are base + (Elapsed - baseElapsed) for every event the
	// simulator makes; others are kept whole in odd.
	base        time.Time
	baseElapsed time.Duration
	hasBase     bool
	// odd holds copies of events that do not fit a record.
	odd map[int]*Event
}

type record struct {
	id, prev               int32
	typ, state             uint32
	attempt                int32
	spanStart, spanEnd     int32
	hasSpan, hasIn, hasOut bool
	elapsed                time.Duration
	scope                  string // unique per Map iteration: not worth interning
	input, output          any
	details                *Details
}

const recorderChunk = 1024

// Event records a copy of e.
func (r *Recorder) Event(e *Event) {
	if len(r.chunks) == 0 || len(r.chunks[len(r.chunks)-1]) == recorderChunk {
		r.chunks = append(r.chunks, make([]record, 0, recorderChunk))
	}
	if !r.hasBase {
		r.base, r.baseElapsed, r.hasBase = e.Timestamp, e.Elapsed, true
	}
	c := &r.chunks[len(r.chunks)-1]
	*c = (*c)[:len(*c)+1]
	rec := &(*c)[len(*c)-1]
	rec.id, rec.prev = int32(e.ID), int32(e.PreviousEventID)
	rec.typ, rec.state, rec.scope = r.intern(e.Type), r.intern(e.State), e.Scope
	rec.attempt, rec.spanStart, rec.spanEnd = e.Attempt, int32(e.Span.Start), int32(e.Span.End)
	rec.hasSpan, rec.hasIn, rec.hasOut = e.HasSpan, e.HasInput, e.HasOutput
	rec.elapsed, rec.input, rec.output = e.Elapsed, e.Input, e.Output
	rec.details = e.Details
	if !r.fits(e) {
		if r.odd == nil {
			r.odd = map[int]*Event{}
		}
		cp := *e
		r.odd[r.n] = &cp
	}
	r.n++
}

// fits reports whether a record restores e exactly.
func (r *Recorder) fits(e *Event) bool {
	return e.Error == nil && e.Cause == nil && // rare: failures keep whole events
		small(e.ID) && small(e.PreviousEventID) && small(e.Span.Start) && small(e.Span.End) &&
		(e.Elapsed == r.baseElapsed && e.Timestamp == r.base || r.stamp(e.Elapsed) == e.Timestamp)
}

func small(n int) bool { return n >= math.MinInt32 && n <= math.MaxInt32 }

func (r *Recorder) stamp(elapsed time.Duration) time.Time {
	return r.base.Add(elapsed - r.baseElapsed)
}

// intern returns the index of s in r.strs, adding it when new. The
// simulator passes the same few strings over and over, so a small cache
// keyed by the string's address answers most calls without hashing.
func (r *Recorder) intern(s string) uint32 {
	if len(s) == 0 {
		return r.internSlow(s)
	}
	p := unsafe.StringData(s)
	slot := &r.cache[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(s)))&(uintptr(len(r.cache))-1)]
	if slot.p == p && slot.n == len(s) {
		return slot.i
	}
	i := r.internSlow(s)
	*slot = internSlot{p: p, n: len(s), i: i}
	return i
}

func (r *Recorder) internSlow(s string) uint32 {
	i, ok := r.index[s]
	if !ok {
		if r.index == nil {
			r.index = map[string]uint32{}
		}
		i = uint32(len(r.strs))
		r.strs = append(r.strs, s)
		r.index[s] = i
	}
	return i
}

type internSlot struct {
	p *byte
	n int
	i uint32
}

// Len is the number of recorded events.
func (r *Recorder) Len() int { return r.n }

// At returns a copy of the i-th recorded event (0-based).
func (r *Recorder) At(i int) *Event {
	if e, ok := r.odd[i]; ok {
		cp := *e
		return &cp
	}
	rec := &r.chunks[i/recorderChunk][i%recorderChunk]
	return &Event{
		ID: int(rec.id), PreviousEventID: int(rec.prev),
		Type: r.strs[rec.typ], Timestamp: r.stamp(rec.elapsed), Elapsed: rec.elapsed,
		Scope: rec.scope, State: r.strs[rec.state],
		Span:    source.Span{Start: int(rec.spanStart), End: int(rec.spanEnd)},
		Attempt: rec.attempt, HasSpan: rec.hasSpan,
		HasInput: rec.hasIn, HasOutput: rec.hasOut, Input: rec.input, Output: rec.output,
		Details: rec.details,
	}
}

// Events returns copies of the recorded events in order.
func (r *Recorder) Events() []*Event {
	out := make([]*Event, r.n)
	for i := range out {
		out[i] = r.At(i)
	}
	return out
}

// Types lists the recorded event types in order.
func (r *Recorder) Types() []string {
	out := make([]string, 0, r.n)
	for _, c := range r.chunks {
		for i := range c {
			out = append(out, r.strs[c[i].typ])
		}
	}
	return out
}

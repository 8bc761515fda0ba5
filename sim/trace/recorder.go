package trace

import (
	"sort"
	"time"
	"unsafe"

	"github.com/aslkit/aslkit/asl/source"
)

// Recorder keeps every event in memory, compactly: an event's type,
// state, span and Map name are interned together as a "site", scopes are
// interned, ids are kept as 32-bit numbers (the previous event's as the
// distance back, 16 bits), the virtual time only where it
// changes, and a record refers to one data value (the input or the output)
// kept in a separate list. Retry attempts, debugger extras and Details go
// to a side list; the rare events with an error or cause, or with both an
// input and an output, are kept whole. A record takes 24 bytes instead of
// an Event's 232 and holds no pointer, so the garbage collector neither
// scans the records nor pays a write barrier for them; that is what
// recording a long run mostly costs.
type Recorder struct {
	// chunks hold the records; cur is the last one (n%recorderChunk used).
	chunks []*recordChunk
	cur    *recordChunk
	n      int

	// values holds the records' data values in chunks (nValues used).
	values   []*valueChunk
	curValue *valueChunk
	nValues  int

	// scopes holds scope strings, one entry per string address seen
	// (equal strings at different addresses may repeat: harmless, and
	// cheaper than a map of every Map iteration's scope).
	// They are kept in chunks (nScopes used; entry 0 is ""): a slice grown
	// by appending would copy them over and over in a long Map.
	scopes     []*scopeChunk
	nScopes    int
	scopeCache [128]internSlot

	sites     []siteKey
	siteIndex map[siteKey]uint32
	// siteResults holds, by site, the first Result seen there: a state
	// with a literal Result gives the same value on every exit.
	siteResults []any
	siteCache   [64]siteSlot

	// more holds, in record order and in chunks, what records flagged
	// recMore lack.
	more    []*extraChunk
	curMore *extraChunk
	nMore   int

	// Timestamps are base + (Elapsed - baseElapsed) for every event the
	// simulator makes; others are kept whole in odd.
	base        time.Time
	baseElapsed time.Duration
	hasBase     bool
	// lastStamp and lastElapsed are the last pair found to fit (most
	// events share the instant of the one before).
	lastStamp   time.Time
	lastElapsed time.Duration
	// elapsed lists, by record, where Elapsed changed (virtual time moves
	// rarely: most events share the instant of the one before);
	// lastListed is its last entry's d.
	elapsed    []elapsedFrom
	lastListed time.Duration
	// odd holds copies of events that do not fit a record.
	odd map[int]*Event

	// instantAt and instantElapsed are the instant of the PlainEvent and
	// PlainExit calls (see Instant); instantFits: a record may take it as
	// it is (the last instant found to fit, and the last listed). Whatever
	// may change those (EventAt) works it out again.
	instantAt      time.Time
	instantElapsed time.Duration
	instantFits    bool
}

type record struct {
	id int32
	// back is id - PreviousEventID (mostly a few events back).
	back  uint16
	flags uint16
	site  uint32
	scope uint32
	index int32
	// value is 1 + the index in values of the input, else of the output
	// (recOutput); 0 for nil.
	value uint32
}

// elapsedFrom says that records from n on have Elapsed d.
type elapsedFrom struct {
	n int
	d time.Duration
}

const (
	recHasIn = 1 << iota
	recHasOut
	recHasIndex
	recOutput // value is the output
	recMore   // the record has an entry in more
	recHasEffectiveInput
	recHasResult
	recEffectiveIsValue // EffectiveInput is the same object as value
	recResultIsSite     // Result is the site's constant result
)

// extra is what a record lacks: the retry attempt, the debugger extras
// and the Details.
type extra struct {
	n                      int32
	attempt                int32
	effectiveInput, result any
	details                *Details
}

// siteKey is what the events of one state (or execution) and type share.
type siteKey struct {
	typ, state, name string
	span             source.Span
	hasSpan          bool
}

// siteSlot caches a site by the addresses of its strings.
type siteSlot struct {
	typ, state, name *byte
	// lens is siteLens of the site: its lengths and HasSpan in one word.
	lens uint64
	span source.Span
	i    uint32
}

// siteLens packs the lengths of e's site strings and HasSpan into one word
// (so that a cache hit takes few comparisons); ok is false when a length
// does not fit, and the site is then looked up without the cache.
func siteLens(e *Event) (lens uint64, ok bool) {
	a, b, c := uint64(len(e.Type)), uint64(len(e.State)), uint64(len(e.Name))
	if (a|b|c)>>20 != 0 {
		return 0, false
	}
	lens = a | b<<20 | c<<40
	if e.HasSpan {
		lens |= 1 << 60
	}
	return lens, true
}

const recorderChunk = 1024

type (
	recordChunk [recorderChunk]record
	extraChunk  [recorderChunk]extra
	valueChunk  [recorderChunk]any
	scopeChunk  [recorderChunk]string
)

// Event records a copy of e.
func (r *Recorder) Event(e *Event) { r.EventAt(e, r.site(e), r.scope(e.Scope)) }

// Site numbers, for EventAt, the site of events like e: their Type, State,
// Name, Span and HasSpan.
func (r *Recorder) Site(e *Event) uint32 { return r.site(e) }

// Scope numbers, for EventAt, the scope s (by the string's address: the
// same text at another address may get another number).
func (r *Recorder) Scope(s string) uint32 { return r.scope(s) }

// EventAt is Event for a caller that has numbered e's site and scope: site
// is what Site returned for an event with e's Type, State, Name, Span and
// HasSpan, scope what Scope(e.Scope) returned, both from this Recorder.
// The simulator numbers each state's sites and each thread's scope once
// instead of having every event looked up.
func (r *Recorder) EventAt(e *Event, site, scope uint32) {
	slot := uint(r.n) % recorderChunk
	if slot == 0 {
		r.newChunk(e)
	}
	hasIn := e.HasInput || e.Input != nil
	hasOut := e.HasOutput || e.Output != nil
	// A record cannot restore both an input and an output, a failure or
	// big numbers; the common case (the instant of the event before) is
	// checked inline, another instant out of line.
	if hasIn && hasOut || e.Error != nil || e.Cause != nil || !small(e.ID, e.PreviousEventID, e.Span.Start, e.Span.End, e.Index) {
		r.keepWhole(e)
	} else if e.Elapsed != r.lastElapsed || e.Timestamp != r.lastStamp {
		r.checkStamp(e)
	}
	rec := &r.cur[slot]
	rec.id, rec.back = int32(e.ID), uint16(e.ID-e.PreviousEventID)
	rec.site, rec.scope = site, scope
	rec.index = int32(e.Index)
	if e.Elapsed != r.lastListed {
		r.elapsed = append(r.elapsed, elapsedFrom{n: r.n, d: e.Elapsed})
		r.lastListed = e.Elapsed
	}
	var flags uint16
	if e.HasInput {
		flags |= recHasIn
	}
	if e.HasOutput {
		flags |= recHasOut
	}
	if e.HasIndex {
		flags |= recHasIndex
	}
	switch {
	case hasIn:
		rec.value = r.keepValue(e.Input)
	case hasOut:
		rec.value = r.keepValue(e.Output)
		flags |= recOutput
	}
	if e.HasEffectiveInput {
		flags |= recHasEffectiveInput
	}
	if e.HasResult {
		flags |= recHasResult
	}
	effective := e.EffectiveInput
	if effective != nil && flags&recOutput != 0 && sameObject(effective, e.Output) {
		// A state without ResultPath/OutputPath outputs its effective
		// input's object itself: keep it once, in the record.
		flags |= recEffectiveIsValue
		effective = nil
	}
	result := e.Result
	if result != nil && r.isSiteResult(rec.site, result) {
		flags |= recResultIsSite
		result = nil
	}
	if e.Attempt != 0 || effective != nil || result != nil || e.Details != nil {
		flags |= recMore
		if r.nMore%recorderChunk == 0 {
			r.curMore = new(extraChunk)
			r.more = append(r.more, r.curMore)
		}
		r.curMore[r.nMore%recorderChunk] = extra{n: int32(r.n), attempt: e.Attempt,
			effectiveInput: effective, result: result, details: e.Details}
		r.nMore++
	}
	rec.flags = flags
	r.n++
	r.instantFits = r.fitsInstant()
}

// Instant sets the Timestamp and Elapsed of the events that PlainEvent
// and PlainExit record from now on (the simulator tells it when its
// virtual time moves, instead of passing it with every event).
func (r *Recorder) Instant(at time.Time, elapsed time.Duration) {
	r.instantAt, r.instantElapsed = at, elapsed
	r.instantFits = r.fitsInstant()
}

// fitsInstant reports whether the instant set by Instant is the record
// before's, as the records restore it.
func (r *Recorder) fitsInstant() bool {
	return r.hasBase && r.instantElapsed == r.lastElapsed && r.instantElapsed == r.lastListed && r.instantAt == r.lastStamp
}

// PlainEvent is EventAt for an event that has nothing but ids, an
// instant, an input and a Map index: it records what EventAt records for
// Event{ID: id, PreviousEventID: prev, HasInput: hasInput, Input: input,
// HasIndex: hasIndex, Index: index} with the Timestamp and Elapsed set by
// Instant, the Type, State, Name, Span and HasSpan of the site numbered
// site and the scope numbered scope. It spares the simulator building an Event
// for its most frequent events (states entered, Map iterations started and
// ended).
//
// same is a hint: the number of a value this Recorder kept (see holds)
// that input may be, as a state's input mostly is the output of the
// thread's event before. It reports the number input's value is kept as.
func (r *Recorder) PlainEvent(id, prev int, site, scope uint32,
	input any, hasInput bool, index int, hasIndex bool, same uint32) (kept uint32) {
	slot := uint(r.n) % recorderChunk
	if slot == 0 || !r.instantFits || !small(id, prev, index, 0, 0) || !hasInput && input != nil {
		// A new chunk, another instant or big numbers: the general way.
		s := &r.sites[site]
		e := Event{ID: id, PreviousEventID: prev, Type: s.typ, Timestamp: r.instantAt, Elapsed: r.instantElapsed,
			Scope: r.scopeAt(scope), State: s.state, Span: s.span, HasSpan: s.hasSpan,
			HasInput: hasInput, Input: input, Index: index, Name: s.name, HasIndex: hasIndex}
		r.EventAt(&e, site, scope)
		return 0
	}
	rec := &r.cur[slot]
	rec.id, rec.back = int32(id), uint16(id-prev)
	rec.site, rec.scope = site, scope
	rec.index = int32(index)
	var flags uint16
	if hasInput {
		flags = recHasIn
		if r.holds(same, &input) {
			rec.value = same
		} else {
			rec.value = r.keepValue(input)
		}
	}
	if hasIndex {
		flags |= recHasIndex
	}
	rec.flags = flags
	r.n++
	return rec.value
}

// PlainExit is EventAt for a state's exited event as the simulator makes
// it: it records what EventAt records for Event{ID: id, PreviousEventID:
// prev, HasOutput: true, Output: output, HasEffectiveInput: hasEffective,
// EffectiveInput: effective, HasResult: hasResult, Result: result} with
// the Timestamp and Elapsed set by Instant, the Type, State, Name, Span
// and HasSpan of the site numbered site and the scope numbered scope. It reports false,
// having recorded nothing, when the event needs more than a record (a
// new chunk, another instant, big numbers, an effective input other than
// the output or a result other than the site's): the caller then sends the
// Event itself. same is PlainEvent's hint; kept is the number output's
// value is kept as.
func (r *Recorder) PlainExit(id, prev int, site, scope uint32,
	output, effective, result any, hasEffective, hasResult bool, same uint32) (kept uint32, ok bool) {
	slot := uint(r.n) % recorderChunk
	if slot == 0 || !r.instantFits || !small(id, prev, 0, 0, 0) || effective != nil && !sameObject(effective, output) {
		return 0, false
	}
	flags := uint16(recHasOut | recOutput)
	if effective != nil {
		flags |= recEffectiveIsValue
	}
	if hasEffective {
		flags |= recHasEffectiveInput
	}
	if hasResult {
		flags |= recHasResult
	}
	// Last: the check makes result the site's when it has none yet.
	if result != nil {
		if !r.isSiteResult(site, result) {
			return 0, false
		}
		flags |= recResultIsSite
	}
	rec := &r.cur[slot]
	rec.id, rec.back = int32(id), uint16(id-prev)
	rec.site, rec.scope = site, scope
	if r.holds(same, &output) {
		rec.value = same
	} else {
		rec.value = r.keepValue(output)
	}
	rec.flags = flags
	r.n++
	return rec.value, true
}

// holds reports whether the value numbered n (0: none) is *v, the same
// interface words. The simulator's events pass values on from state to
// state, and it hints at the number of the one kept last (see
// PlainEvent): such a value is kept once, which saves the garbage
// collector two words to scan per event. (Finding it without the hint,
// by its interface words, cost more than the collector saved.)
func (r *Recorder) holds(n uint32, v *any) bool {
	i := n - 1
	if n == 0 || i >= uint32(r.nValues) {
		return false
	}
	kept := (*[2]unsafe.Pointer)(unsafe.Pointer(&r.values[i/recorderChunk][i%recorderChunk]))
	w := (*[2]unsafe.Pointer)(unsafe.Pointer(v))
	return kept[1] == w[1] && kept[0] == w[0]
}

// keepValue adds v to values and returns 1 + its index; 0 for nil.
func (r *Recorder) keepValue(v any) uint32 {
	if v == nil {
		return 0
	}
	slot := uint(r.nValues) % recorderChunk
	if slot == 0 {
		r.curValue = new(valueChunk)
		r.values = append(r.values, r.curValue)
	}
	r.curValue[slot] = v
	r.nValues++
	return uint32(r.nValues)
}

// sameWords reports whether a and b are the same interface words.
func sameWords(a, b any) bool {
	// Word by word: comparing the arrays whole calls memequal.
	wa, wb := (*[2]unsafe.Pointer)(unsafe.Pointer(&a)), (*[2]unsafe.Pointer)(unsafe.Pointer(&b))
	return wa[1] == wb[1] && wa[0] == wb[0]
}

// valueAt is the value that keepValue numbered i.
func (r *Recorder) valueAt(i uint32) any {
	if i == 0 {
		return nil
	}
	i--
	return r.values[i/recorderChunk][i%recorderChunk]
}

// newChunk starts a chunk of records (and, at the first event, the base
// of timestamps and the Elapsed list).
func (r *Recorder) newChunk(e *Event) {
	r.cur = new(recordChunk)
	r.chunks = append(r.chunks, r.cur)
	if !r.hasBase {
		r.base, r.baseElapsed, r.hasBase = e.Timestamp, e.Elapsed, true
		r.lastStamp, r.lastElapsed = e.Timestamp, e.Elapsed
		r.elapsed = append(r.elapsed, elapsedFrom{n: 0, d: e.Elapsed})
		r.lastListed = e.Elapsed
	}
}

// keepWhole keeps a copy of e, which its record cannot restore.
func (r *Recorder) keepWhole(e *Event) {
	if r.odd == nil {
		r.odd = map[int]*Event{}
	}
	cp := *e
	r.odd[r.n] = &cp
}

// checkStamp keeps e whole unless its timestamp is the base plus its
// Elapsed, the pair then remembered as the last that fit.
func (r *Recorder) checkStamp(e *Event) {
	if r.stamp(e.Elapsed) != e.Timestamp {
		r.keepWhole(e)
		return
	}
	r.lastStamp, r.lastElapsed = e.Timestamp, e.Elapsed
}

// small reports whether a record holds the numbers: id and the others in
// an int32, prev at most 65535 before id (one test for all: each is
// shifted to [0, 2^32) when it fits).
func small(id, prev, c, d, e int) bool {
	const off = 1 << 31
	return (uint64(id+off)|uint64(c+off)|uint64(d+off)|uint64(e+off))>>32 == 0 && uint(id-prev) <= 0xffff
}

func (r *Recorder) stamp(elapsed time.Duration) time.Time {
	return r.base.Add(elapsed - r.baseElapsed)
}

// site returns the index of e's site in r.sites, adding it when new. The
// simulator passes the same strings for every event of a state, so a
// small cache keyed by their addresses answers most calls without hashing.
func (r *Recorder) site(e *Event) uint32 {
	typ, state, name := unsafe.StringData(e.Type), unsafe.StringData(e.State), unsafe.StringData(e.Name)
	lens, cacheable := siteLens(e)
	// Multiplicative hashing spreads the addresses over the slots; a
	// site probes two slots, so that two hot sites rarely evict each other.
	h := ((uint64(uintptr(unsafe.Pointer(typ))) ^ uint64(uintptr(unsafe.Pointer(state)))<<1 ^
		uint64(uintptr(unsafe.Pointer(name)))<<2 ^ uint64(e.Span.Start)) * 0x9e3779b97f4a7c15) >> 58
	first := &r.siteCache[h]
	if first.typ == typ && first.state == state && first.name == name && first.lens == lens && first.span == e.Span && cacheable {
		return first.i
	}
	second := &r.siteCache[(h+1)&(uint64(len(r.siteCache))-1)]
	if second.typ == typ && second.state == state && second.name == name && second.lens == lens && second.span == e.Span && cacheable {
		return second.i
	}
	k := siteKey{typ: e.Type, state: e.State, name: e.Name, span: e.Span, hasSpan: e.HasSpan}
	i, ok := r.siteIndex[k]
	if !ok {
		if r.siteIndex == nil {
			r.siteIndex = map[siteKey]uint32{}
		}
		i = uint32(len(r.sites))
		r.sites = append(r.sites, k)
		r.siteIndex[k] = i
	}
	if cacheable {
		if first.typ != nil {
			// Keep the newer site in the first slot, the older in the second.
			*second = *first
		}
		*first = siteSlot{typ: typ, state: state, name: name, lens: lens, span: e.Span, i: i}
	}
	return i
}

// scope returns an index of s in r.scopes: 0 for "", else the entry
// added when s's address was last seen (a thread passes the same string
// for all its events), else a new entry.
func (r *Recorder) scope(s string) uint32 {
	if len(s) == 0 {
		return 0
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	slot := &r.scopeCache[(p>>3^uintptr(len(s)))&(uintptr(len(r.scopeCache))-1)]
	if slot.p == p && slot.n == len(s) {
		return slot.i
	}
	if r.nScopes == 0 {
		r.nScopes = 1 // entry 0 is ""
	}
	if r.nScopes%recorderChunk == 0 || len(r.scopes) == 0 {
		r.scopes = append(r.scopes, new(scopeChunk))
	}
	i := uint32(r.nScopes)
	r.scopes[i/recorderChunk][i%recorderChunk] = s
	r.nScopes++
	*slot = internSlot{p: p, n: len(s), i: i}
	return i
}

// scopeAt is the scope numbered i by scope.
func (r *Recorder) scopeAt(i uint32) string {
	if i == 0 {
		return ""
	}
	return r.scopes[i/recorderChunk][i%recorderChunk]
}

// internSlot caches a scope by its string's address and length. The
// address is a number, only compared (a pointer would cost a write barrier
// per new scope while the GC marks): scopes keeps the string alive, so no
// other string can have its address meanwhile.
type internSlot struct {
	p uintptr
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
	site := &r.sites[rec.site]
	elapsed := r.elapsedAt(i)
	e := &Event{
		ID: int(rec.id), PreviousEventID: int(rec.id) - int(rec.back),
		Type: site.typ, Timestamp: r.stamp(elapsed), Elapsed: elapsed,
		Scope: r.scopeAt(rec.scope), State: site.state,
		Span: site.span, HasSpan: site.hasSpan,
		HasInput: rec.flags&recHasIn != 0, HasOutput: rec.flags&recHasOut != 0,
		Index: int(rec.index), Name: site.name, HasIndex: rec.flags&recHasIndex != 0,
		HasEffectiveInput: rec.flags&recHasEffectiveInput != 0, HasResult: rec.flags&recHasResult != 0,
	}
	value := r.valueAt(rec.value)
	if rec.flags&recOutput != 0 {
		e.Output = value
	} else {
		e.Input = value
	}
	if rec.flags&recMore != 0 {
		x := r.extraOf(i)
		e.Attempt = x.attempt
		e.EffectiveInput, e.Result = x.effectiveInput, x.result
		e.Details = x.details
	}
	if rec.flags&recResultIsSite != 0 {
		e.Result = r.siteResults[rec.site]
	}
	if rec.flags&recEffectiveIsValue != 0 {
		e.EffectiveInput = value
	}
	return e
}

// isSiteResult reports whether v is the same value (the same interface
// words) as the first result recorded at the site, which it becomes when
// the site has none yet.
func (r *Recorder) isSiteResult(site uint32, v any) bool {
	if int(site) >= len(r.siteResults) {
		r.siteResults = append(r.siteResults, make([]any, len(r.sites)-len(r.siteResults))...)
	}
	first := r.siteResults[site]
	if first == nil {
		r.siteResults[site] = v
		return true
	}
	return sameWords(first, v)
}

// sameObject reports whether a and b are the same JSON object (one map,
// not merely equal ones).
func sameObject(a, b any) bool {
	ma, ok := a.(map[string]any)
	if !ok {
		return false
	}
	mb, ok := b.(map[string]any)
	// A map value is one pointer to the runtime's map (what reflect's
	// UnsafePointer reads, without its kind switch).
	return ok && ma != nil && *(*unsafe.Pointer)(unsafe.Pointer(&ma)) == *(*unsafe.Pointer)(unsafe.Pointer(&mb))
}

// elapsedAt is record i's Elapsed.
func (r *Recorder) elapsedAt(i int) time.Duration {
	// The first entry with n > i follows the one that applies.
	k := sort.Search(len(r.elapsed), func(k int) bool { return r.elapsed[k].n > i })
	return r.elapsed[k-1].d
}

// extraOf finds record i's entry in more (sorted by n).
func (r *Recorder) extraOf(i int) *extra {
	lo, hi := 0, r.nMore
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(r.more[m/recorderChunk][m%recorderChunk].n) < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return &r.more[lo/recorderChunk][lo%recorderChunk]
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
	for i := range r.n {
		out = append(out, r.sites[r.chunks[i/recorderChunk][i%recorderChunk].site].typ)
	}
	return out
}

package sim

import (
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/sim/trace"
)

// history is one execution's event log: the main execution, or a child
// execution of a Distributed Map (which AWS records separately, with its
// own ids).
type history struct {
	r      *run
	exec   string // "" for the main execution
	nextID int
	ended  bool
	// plainBelow bounds the ids (nextID < plainBelow) for which an event
	// may take a Recorder's plain way: set while a Recorder records the
	// main execution, short of the history quota; 0 once it ended.
	plainBelow int
	top        *thread
	// onEnd receives the execution's end.
	onEnd func(status Status, out any, f *failure)
}

// setEnded marks the execution ended.
func (h *history) setEnded() {
	h.ended, h.plainBelow = true, 0
	h.r.halting = true
}

// start emits ExecutionStarted and schedules the scope's first state.
func (h *history) start(sc *scopeProg, input any, execObj map[string]any) {
	e := h.newEvent("ExecutionStarted", nil)
	e.Input, e.HasInput = input, true
	h.send(&e, 0)
	th := &thread{h: h, r: h.r, execObj: execObj, vars: &varScope{}, ownVars: true}
	th.done = func(out any, f *failure) {
		if f != nil {
			h.fail(th, f)
			return
		}
		h.succeed(th, out)
	}
	h.top = th
	th.startScope(sc, input)
}

// newEvent makes an event of the given type (of sp's state, when set).
// Events are values that live on the stack until send: observers never
// keep the struct, so nothing is allocated or cleared per event.
func (h *history) newEvent(typ string, sp *stateProg) trace.Event {
	var e trace.Event
	h.initEvent(&e, typ, sp)
	return e
}

// initEvent is newEvent filling a zero event in place (hot paths: no
// copy of the struct).
// It is small enough to inline, so that writes to a caller's local event
// need no write barriers while the collector marks.
func (h *history) initEvent(e *trace.Event, typ string, sp *stateProg) {
	e.Type, e.Timestamp, e.Elapsed = typ, h.r.q.Now(), h.r.q.Elapsed()
	if sp != nil {
		e.State = sp.name
		e.Span, e.HasSpan = sp.span, true
	}
}

// send numbers the event, chains it to prev and hands it to the observer.
// The history quota works as on AWS: once the history holds max-1 events,
// the next one may only be ExecutionSucceeded; anything else is replaced
// by ExecutionFailed, which ends the execution.
func (h *history) send(e *trace.Event, prev int) int { return h.sendAt(e, prev, nil, nil) }

// The kinds of event whose Recorder site a run caches per state (sites).
const (
	siteEntered = iota
	siteExited
	siteIterationStarted // of a Map state's iterations
	siteIterationSucceeded
	siteKinds
)

// siteOf is where the run caches the site number of sp's events of the
// given kind (nil: no Recorder). The events must be as initEvent makes
// them for sp (Name unset), or MapIteration* events named after sp.
func (r *run) siteOf(sp *stateProg, kind int) *uint32 {
	if r.sites == nil {
		return nil
	}
	return &r.sites[sp.idx*siteKinds+kind]
}

// sendAt is send for an event of th whose Recorder site number is cached
// in *site (when both are set): the Recorder then skips its look-ups.
func (h *history) sendAt(e *trace.Event, prev int, site *uint32, th *thread) int {
	if !h.ended && h.nextID >= h.r.maxEvents-1 && !strings.HasPrefix(e.Type, "Execution") {
		h.fail(&thread{prev: prev}, &failure{Error: strp(ErrRuntime), runtime: true,
			Cause: strp("The execution reached the maximum number of history events (" + strconv.Itoa(h.r.maxEvents) + ").")})
		return h.nextID
	}
	h.nextID++
	e.ID, e.PreviousEventID = h.nextID, prev
	if h.exec != "" {
		// A Distributed Map child execution names itself on every event.
		h.r.details(e).Execution = h.exec
	}
	switch {
	case h.r.rec != nil && site != nil:
		rec := h.r.rec
		if *site == 0 {
			*site = rec.Site(e) + 1
		}
		if th.scopeNo == 0 {
			th.scopeNo = rec.Scope(th.scope) + 1
		}
		rec.EventAt(e, *site-1, th.scopeNo-1)
	case h.r.rec != nil:
		h.r.rec.Event(e)
	case h.r.obs != nil:
		// Other observers see a heap copy, so that e can stay on the
		// caller's stack (a Recorder is known not to keep it).
		if h.r.scratch == nil {
			h.r.scratch = new(trace.Event)
		}
		*h.r.scratch = *e
		h.r.obs.Event(h.r.scratch)
	}
	return h.nextID
}

func (h *history) succeed(th *thread, out any) {
	if h.ended {
		return
	}
	e := h.newEvent("ExecutionSucceeded", nil)
	e.Output, e.HasOutput = out, true
	h.send(&e, th.prev)
	h.setEnded()
	h.onEnd(StatusSucceeded, out, nil)
}

// fail ends the execution as FAILED (uncaught error or States.Runtime).
func (h *history) fail(th *thread, f *failure) {
	if h.ended {
		return
	}
	h.setEnded()
	e := h.newEvent("ExecutionFailed", nil)
	e.Error, e.Cause = f.Error, f.Cause
	prev := 0
	if th != nil {
		prev = th.prev
	}
	h.send(&e, prev)
	h.onEnd(StatusFailed, nil, f)
}

// timeOut ends the execution when it exceeds its maximum duration.
func (h *history) timeOut() {
	if h.ended {
		return
	}
	h.setEnded()
	f := &failure{Error: strp(ErrTimeout)}
	e := h.newEvent("ExecutionTimedOut", nil)
	e.Error = f.Error
	h.send(&e, h.nextID)
	h.onEnd(StatusTimedOut, nil, f)
}

// abort ends the execution when the caller cancels the run.
func (h *history) abort(reason string) {
	if h.ended {
		return
	}
	h.setEnded()
	f := &failure{Cause: strp(reason)}
	e := h.newEvent("ExecutionAborted", nil)
	e.Cause = f.Cause
	h.send(&e, h.nextID)
	h.onEnd(StatusAborted, nil, f)
}

// thread runs one scope: the top level, a Parallel branch or a Map
// iteration. It is not a goroutine: its steps are queue items.
type thread struct {
	r *run
	h *history
	// scope is the path prefix of events ("Par/branch[1]/Map/iter[3]");
	// scopeNo is 1 + the Recorder's number for it (0: not asked yet).
	scope   string
	scopeNo uint32
	// prev is the id of this thread's last event (previousEventId chaining).
	prev int
	// valueNo is the Recorder's number for the value (input or output) of
	// an earlier event of the thread, mostly the last: a hint, since the
	// next state's input is that output (see Recorder.PlainEvent).
	valueNo uint32
	// parent thread (nil at top) and whether this thread was stopped
	// because a sibling failed.
	parent  *thread
	stopped bool
	// waiting is the state currently in flight on a timer (for the
	// <Type>StateAborted event when the thread is stopped).
	waiting *stateProg
	// execObj is $$.Execution; mapItem is $$.Map.Item inside ItemSelector.
	execObj map[string]any
	// vars is the variable scope; a branch or iteration shares its
	// parent's until it assigns (ownVars), which saves a scope per
	// iteration of Maps that assign nothing.
	vars    *varScope
	ownVars bool
	done    func(out any, f *failure)
	// iter, when set, receives the end instead of done (inline Map
	// iterations: saves a closure per iteration).
	iter *mapIteration
	// children are the running branch/iteration threads of the state this
	// thread is in (to stop them when one fails); ended Map iterations
	// leave a nil so that they can be collected.
	children []*thread
}

// dead reports whether the thread must not take any more steps.
func (th *thread) dead() bool {
	if !th.r.halting {
		return false // the common case, in one test
	}
	if th.r.done || th.h.ended {
		return true
	}
	if !th.r.anyStopped {
		return false // no thread was ever stopped: no need to walk up
	}
	for t := th; t != nil; t = t.parent {
		if t.stopped {
			return true
		}
	}
	return false
}

// end reports the end of the thread's scope: its output, or the failure.
func (th *thread) end(out any, f *failure) {
	if th.iter != nil {
		th.iter.done(out, f)
		return
	}
	th.done(out, f)
}

func (th *thread) emit(e *trace.Event) int {
	e.Scope = th.scope
	th.prev = th.h.send(e, th.prev)
	return th.prev
}

// emitPlain is emitAt for an event that has nothing but what
// Recorder.PlainEvent takes, sent without building the Event when the run
// records into a Recorder that numbered its site already and nothing else
// applies (not a child execution, far from the history quota). It reports
// the event's id, or false: the caller then emits the event the ordinary
// way.
func (th *thread) emitPlain(site *uint32, input any, hasInput bool, index int, hasIndex bool) (int, bool) {
	h := th.h
	if h.nextID >= h.plainBelow || *site == 0 { // plainBelow > 0: site is set
		return 0, false
	}
	rec := h.r.rec
	if th.scopeNo == 0 {
		th.scopeNo = rec.Scope(th.scope) + 1
	}
	if h.r.q.Elapsed() != h.r.recElapsed {
		h.r.tellInstant()
	}
	h.nextID++
	kept := rec.PlainEvent(h.nextID, th.prev, *site-1, th.scopeNo-1, input, hasInput, index, hasIndex, th.valueNo)
	if hasInput {
		th.valueNo = kept
	}
	th.prev = h.nextID
	return h.nextID, true
}

// emitExit is emitPlain for a state's exited event that has nothing but
// what Recorder.PlainExit takes (see extras for effective and result: a
// non-nil result is shown). It reports whether it sent the event.
func (th *thread) emitExit(site *uint32, output, effective, result any, hasEffective bool) bool {
	h := th.h
	if h.nextID >= h.plainBelow || *site == 0 { // plainBelow > 0: site is set
		return false
	}
	rec := h.r.rec
	if th.scopeNo == 0 {
		th.scopeNo = rec.Scope(th.scope) + 1
	}
	if h.r.q.Elapsed() != h.r.recElapsed {
		h.r.tellInstant()
	}
	kept, ok := rec.PlainExit(h.nextID+1, th.prev, *site-1, th.scopeNo-1,
		output, effective, result, hasEffective, result != nil, th.valueNo)
	if !ok {
		return false
	}
	th.valueNo = kept
	h.nextID++
	th.prev = h.nextID
	return true
}

// tellInstant gives the Recorder the current virtual instant for its
// plain events (only when it moved: recElapsed).
func (r *run) tellInstant() {
	r.rec.Instant(r.q.Now(), r.q.Elapsed())
	r.recElapsed = r.q.Elapsed()
}

// emitAt is emit for an event whose Recorder site number is cached in
// *site (see run.siteOf).
func (th *thread) emitAt(e *trace.Event, site *uint32) int {
	e.Scope = th.scope
	th.prev = th.h.sendAt(e, th.prev, site, th)
	return th.prev
}

// emitNew emits a new event of the given type.
func (th *thread) emitNew(typ string, sp *stateProg) int {
	var e trace.Event
	th.h.initEvent(&e, typ, sp)
	return th.emit(&e)
}

func (th *thread) child(scope string) *thread {
	return &thread{r: th.r, h: th.h, scope: scope, parent: th, prev: th.h.nextID, execObj: th.execObj, vars: th.vars}
}

// startScope schedules the scope's StartAt state.
func (th *thread) startScope(sc *scopeProg, input any) {
	th.enter(sc.start, input)
}

// stop stops the thread and everything under it, emitting the aborted
// events AWS records for what was in flight.
func (th *thread) stop(iterationIndex int, isIteration bool, mapName string) {
	if th.stopped {
		return
	}
	for _, c := range th.children {
		if c != nil { // nil: a Map iteration that ended
			c.stop(-1, false, "")
		}
	}
	if th.waiting != nil {
		e := th.h.newEvent(th.waiting.typ+"StateAborted", th.waiting)
		th.emit(&e)
		th.waiting = nil
	}
	if isIteration {
		e := th.h.newEvent("MapIterationAborted", nil)
		e.Name, e.Index, e.HasIndex = mapName, iterationIndex, true
		th.emit(&e)
	}
	th.stopped = true
	th.r.anyStopped, th.r.halting = true, true
}

// assignVar sets a workflow variable in the thread's own scope.
func (th *thread) assignVar(name string, v any) {
	if !th.ownVars {
		th.vars = &varScope{parent: th.vars}
		th.ownVars = true
	}
	th.vars.set(name, v)
}

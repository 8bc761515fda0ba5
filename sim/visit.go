package sim

import (
	"strconv"

	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/trace"
)

// visit is one entry into a state (retries included).
type visit struct {
	th        *thread
	sp        *stateProg
	raw       any // the state's raw input
	enteredID int
	entered   bool   // the Entered event is out
	enteredAt string // EnteredTime
	attempts  []int
	retries   int
	token     string
	mapItem   map[string]any
	ctxCache  *dataflow.Context
	// giveUp emits the state's failed event (ParallelStateFailed,
	// MapStateFailed) once no retry will happen: AWS records it only then.
	giveUp func()
	// catching is set while a catcher's ResultPath/Output/Assign apply: an
	// error there fails the state instead of being caught again (which
	// would loop forever).
	catching bool
	// rerun: exit scheduled this visit again for the next state.
	rerun bool
}

// enter schedules a state transition.
func (th *thread) enter(sp *stateProg, raw any) {
	r := th.r
	var v *visit
	if n := len(r.freeVisits); n > 0 {
		v = r.freeVisits[n-1]
		r.freeVisits = r.freeVisits[:n-1]
	} else {
		v = &visit{}
	}
	v.th, v.sp, v.raw = th, sp, raw
	r.q.ScheduleNow(v)
}

// recycle returns the visit of a state that finished synchronously (Pass,
// Choice, Succeed, Fail: nothing refers to it any more). It resets only
// what is set (each pointer store costs a write barrier while the GC
// runs); th, sp and raw stay until enter overwrites them.
func (v *visit) recycle() {
	r := v.th.r
	v.enteredID, v.entered, v.retries, v.catching = 0, false, 0, false
	if v.enteredAt != "" {
		v.enteredAt = ""
	}
	if v.attempts != nil {
		v.attempts = nil
	}
	if v.token != "" {
		v.token = ""
	}
	if v.mapItem != nil {
		v.mapItem = nil
	}
	if v.ctxCache != nil {
		v.ctxCache = nil
	}
	if v.giveUp != nil {
		v.giveUp = nil
	}
	if v.rerun {
		v.rerun = false // scheduled again as the next state's visit (exit)
		return
	}
	r.freeVisits = append(r.freeVisits, v)
}

// Run enters the state: the queue item for one state transition.
func (v *visit) Run() {
	th, sp, raw := v.th, v.sp, v.raw
	if th.dead() {
		return
	}
	r := th.r
	if !v.entered {
		r.transitions++
		site := r.siteOf(sp, siteEntered)
		if id, ok := th.emitPlain(site, raw, true, 0, false); ok {
			v.enteredID = id
		} else {
			var e trace.Event
			th.h.initEvent(&e, sp.enteredType, sp)
			e.Input, e.HasInput = raw, true
			v.enteredID = th.emitAt(&e, site)
		}
		v.entered = true
		if th.dead() {
			return
		}
		if th.parent != nil {
			// Inside a Parallel branch or Map iteration the state's work is
			// a second queue item, so concurrent branches all enter their
			// states before any exits, the order AWS recorded.
			r.q.ScheduleNow(v)
			return
		}
	}
	if r.transitions > r.maxTrans {
		th.h.fail(th, &failure{Error: strp(ErrRuntime), runtime: true,
			Cause: strp("The simulation stopped after " + strconv.Itoa(r.maxTrans) + " state transitions (Limits.MaxTransitions).")})
		return
	}
	if sp.jsonata {
		switch sp.typKind {
		case kindPass:
			v.jpass()
			v.recycle()
		case kindChoice:
			v.jchoice()
			v.recycle()
		case kindWait:
			v.jwait()
		case kindSucceed:
			v.jsucceed()
			v.recycle()
		case kindFail:
			v.jfail()
			v.recycle()
		case kindTask:
			v.task()
		case kindParallel:
			v.parallel()
		case kindMap:
			v.mapState()
		}
		return
	}
	switch sp.typKind {
	case kindPass:
		v.pass()
		v.recycle()
	case kindTask:
		v.task()
	case kindChoice:
		v.choice()
		v.recycle()
	case kindWait:
		v.wait()
	case kindSucceed:
		v.succeed()
		v.recycle()
	case kindFail:
		v.fail()
		v.recycle()
	case kindParallel:
		v.parallel()
	case kindMap:
		v.mapState()
	}
}

// ctx is the Context object and variables for this visit's evaluations;
// the object is built only for states that mention "$$".
func (v *visit) ctx() *dataflow.Context {
	if v.sp.sharedCtx {
		// The usual case, inlined (such a visit never sets ctxCache, and
		// only Map states set mapItem).
		if c := v.th.vars.ctx; c != nil {
			return c
		}
	}
	return v.newCtx()
}

// newCtx is ctx making or remembering the context.
func (v *visit) newCtx() *dataflow.Context {
	if v.ctxCache != nil {
		return v.ctxCache
	}
	if !v.sp.usesContext && v.mapItem == nil {
		// No $$: share the thread's context (variables and random source).
		vs := v.th.vars
		if vs.ctx == nil {
			vs.ctx = &dataflow.Context{Rand: v.th.r.rng, Vars: vs.lookup}
		}
		if v.sp.varsFixed {
			// Nothing to remember (which would be two pointer stores,
			// setting and clearing, each a write barrier while the GC
			// marks): the scope cannot change during the visit.
			return vs.ctx
		}
		v.ctxCache = vs.ctx
		return v.ctxCache
	}
	c := &dataflow.Context{Rand: v.th.r.rng, Vars: v.th.vars.lookup}
	{
		if v.enteredAt == "" {
			v.enteredAt = formatTimestamp(v.th.r.q.Now())
		}
		state := map[string]any{"EnteredTime": v.enteredAt, "Name": v.sp.name}
		if v.sp.typ == "Task" || v.sp.typ == "Parallel" || v.sp.typ == "Map" {
			// Observed: $$.State of a Pass state has no RetryCount.
			state["RetryCount"] = int64(v.retries)
		}
		obj := map[string]any{
			"Execution":    v.th.execObj,
			"StateMachine": v.th.r.machineObj,
			"State":        state,
		}
		if v.token != "" {
			obj["Task"] = map[string]any{"Token": v.token}
		}
		if v.mapItem != nil {
			obj["Map"] = map[string]any{"Item": v.mapItem}
		}
		c.Object = obj
	}
	v.ctxCache = c
	return c
}

// resetCtx forgets the cached context (RetryCount or Map.Item changed).
func (v *visit) resetCtx() { v.ctxCache = nil }

// runtime fails the execution with States.Runtime, worded as AWS does:
// "An error occurred while executing the state 'X' (entered at the event id #N). <cause>".
func (v *visit) runtime(cause string) {
	v.th.h.fail(v.th, &failure{Error: strp(ErrRuntime), Cause: strp(v.prefix() + cause), runtime: true})
}

func (v *visit) prefix() string {
	return "An error occurred while executing the state '" + v.sp.name + "' (entered at the event id #" + strconv.Itoa(v.enteredID) + "). "
}

// dataErr turns an error from dataflow into the failure AWS reports.
func (v *visit) dataErr(err error) {
	de, ok := err.(*dataflow.Error)
	if !ok {
		v.runtime(err.Error())
		return
	}
	cause := de.Cause
	if !de.Bare {
		cause = v.prefix() + cause
	}
	f := &failure{Error: strp(de.Name), Cause: strp(cause), runtime: de.Name == ErrRuntime}
	if f.runtime {
		v.th.h.fail(v.th, f)
		return
	}
	v.handleError(f)
}

// inputPath applies InputPath ($ by default, null gives {}). It and the
// other field appliers below are small enough to inline, so that the
// usual absent field costs no call.
func (v *visit) inputPath(raw any) (any, bool) {
	if !v.sp.inputPath.present { // never for JSONata states (compile)
		return raw, true
	}
	return v.applyInputPath(raw)
}

func (v *visit) applyInputPath(raw any) (any, bool) { return v.optPath(&v.sp.inputPath, raw) }

// outputPath applies OutputPath.
func (v *visit) outputPath(out any) (any, bool) {
	if !v.sp.outputPath.present {
		return out, true
	}
	return v.applyOutputPath(out)
}

func (v *visit) applyOutputPath(out any) (any, bool) { return v.optPath(&v.sp.outputPath, out) }

// optPath applies an InputPath or OutputPath to x.
func (v *visit) optPath(p *optPath, x any) (any, bool) {
	switch {
	case !p.present:
		return x, true
	case p.null:
		return map[string]any{}, true
	}
	out, err := p.path.Get(x, v.ctx())
	if err != nil {
		v.dataErr(err)
		return nil, false
	}
	return out, true
}

// resultPath merges result into the raw input.
func (v *visit) resultPath(rp *optResultPath, raw, result any) (any, bool) {
	if !rp.present {
		return result, true
	}
	return v.applyResultPath(rp, raw, result)
}

func (v *visit) applyResultPath(rp *optResultPath, raw, result any) (any, bool) {
	if rp.null {
		return raw, true
	}
	out, err := rp.rp.Apply(raw, result)
	if err != nil {
		v.dataErr(err)
		return nil, false
	}
	return out, true
}

// applyTemplate evaluates a payload template (nil: input unchanged).
func (v *visit) applyTemplate(t *dataflow.Template, input any) (any, bool) {
	if t == nil {
		return input, true
	}
	return v.evalTemplate(t, input)
}

// applyParameters is applyTemplate for the state's Parameters, also
// reporting whether the result surely fits the payload quota (measured
// as it is built: see dataflow.Template.ApplyWithin).
func (v *visit) applyParameters(input any) (out any, fits, ok bool) {
	out, fits, err := v.sp.parameters.ApplyWithin(input, v.ctx(), payloadLimit)
	if err != nil {
		v.dataErr(err)
		return nil, false, false
	}
	return out, fits, true
}

func (v *visit) evalTemplate(t *dataflow.Template, input any) (any, bool) {
	out, err := t.Apply(input, v.ctx())
	if err != nil {
		v.dataErr(err)
		return nil, false
	}
	return out, true
}

// assign evaluates an Assign block against input and applies it to the
// thread's variables; the assigned values go on the exited event.
func (v *visit) assign(t *dataflow.Template, input any, e *trace.Event) bool {
	if t == nil {
		return true
	}
	vals, ok := v.applyTemplate(t, input)
	if !ok {
		return false
	}
	v.setVars(vals, e)
	return true
}

// setVars applies an evaluated Assign object to the thread's variables
// and records the assigned values on the exited event e.
func (v *visit) setVars(vals any, e *trace.Event) {
	m, _ := vals.(map[string]any)
	if len(m) == 0 {
		return
	}
	for k, val := range m {
		v.th.assignVar(k, val)
	}
	v.th.r.details(e).AssignedVariables = m
}

// exit emits e (made by initExit) with the output and moves on to next
// (nil: the scope ends).
func (v *visit) exit(out any, next *stateProg, e *trace.Event) {
	th := v.th
	e.Output, e.HasOutput = out, true
	th.emitAt(e, th.r.siteOf(v.sp, siteExited))
	v.moveOn(out, next)
}

// moveOn follows the exited event: to the next state, or the scope ends.
func (v *visit) moveOn(out any, next *stateProg) {
	th := v.th
	if th.dead() {
		return
	}
	if next != nil {
		if v.sp.recycled {
			// The visit would be recycled on return: it becomes the next
			// state's, saving a round trip through the free list (and the
			// pointer stores, each a write barrier while the GC marks).
			v.sp, v.raw, v.rerun = next, out, true
			th.r.q.ScheduleNow(v)
			return
		}
		th.enter(next, out)
		return
	}
	th.end(out, nil)
}

// exitPlain is exit for a state without Assign, whose exited event
// carries nothing but the output and the extras of eff and result: it is
// sent without building the event when the Recorder takes it so.
func (v *visit) exitPlain(out any, next *stateProg, eff, result any) {
	th, sp := v.th, v.sp
	if !sp.showsEffective {
		eff = nil
	}
	if !sp.showsResult {
		result = nil
	}
	if !th.emitExit(th.r.siteOf(sp, siteExited), out, eff, result, sp.showsEffective) {
		var e trace.Event
		v.initExit(&e)
		v.extras(&e, eff, result)
		e.Output, e.HasOutput = out, true
		th.emitAt(&e, th.r.siteOf(sp, siteExited))
	}
	v.moveOn(out, next)
}

// exitNew is exit with a new exited event (its own function: zeroing an
// event costs, and most callers bring theirs, filled by initExit).
func (v *visit) exitNew(out any, next *stateProg) {
	var e trace.Event
	v.initExit(&e)
	v.exit(out, next, &e)
}

// initExit fills a zero event as the exited event, made up front so that
// Assign can fill it.
func (v *visit) initExit(e *trace.Event) { v.th.h.initEvent(e, v.sp.exitedType, v.sp) }

// checkSize fails with States.DataLimitExceeded when a result is over the
// 256 KiB payload quota.
func (v *visit) checkSize(result any, who string) bool {
	if !overSize(result, payloadLimit) {
		return true
	}
	v.handleError(&failure{Error: strp(ErrDataLimitExceeded),
		Cause: strp("The state/task '" + who + "' returned a result with a size exceeding the maximum number of bytes service limit.")})
	return false
}

// handleError applies Retry, then Catch, else fails the thread.
func (v *visit) handleError(f *failure) {
	th, sp := v.th, v.sp
	if f.runtime {
		th.h.fail(th, f)
		return
	}
	if v.catching {
		th.end(nil, f)
		return
	}
	if len(sp.retry) > 0 {
		if v.attempts == nil {
			v.attempts = make([]int, len(sp.retry))
		}
		delay, _, ok := RetryDecision(sp.retry, v.attempts, f.name(), th.r.rng.Float64)
		if ok {
			v.retries++
			v.giveUp = nil // the next attempt sets it again if it fails
			v.resetCtx()
			th.r.q.At(delay, func() {
				if th.dead() {
					return
				}
				th.r.transitions++
				v.attemptAgain()
			})
			return
		}
	}
	if g := v.giveUp; g != nil {
		v.giveUp = nil
		g()
		if th.dead() {
			return
		}
	}
	for _, c := range sp.catch {
		if !ErrorMatches(c.errorEquals, f.name()) {
			continue
		}
		errOut := map[string]any{"Error": strOrNil(f.Error), "Cause": strOrNil(f.Cause)}
		v.catching = true
		if sp.jsonata {
			v.jexit(c.joutput, c.jassign, errOut, map[string]any{"errorOutput": errOut}, c.next)
			return
		}
		out, ok := v.resultPath(&c.resultPath, v.raw, errOut)
		if !ok {
			return
		}
		var e trace.Event
		v.initExit(&e)
		if !v.assign(c.assign, errOut, &e) {
			return
		}
		v.exit(out, c.next, &e)
		return
	}
	th.end(nil, f)
}

// attemptAgain re-runs the state's work after a retry wait.
func (v *visit) attemptAgain() {
	switch v.sp.typ {
	case "Task":
		v.task()
	case "Parallel":
		v.parallel()
	case "Map":
		v.mapState()
	}
}

func strOrNil(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// overSize reports whether v's JSON text is longer than limit bytes,
// stopping early.
func overSize(v any, limit int) bool {
	n := 0
	return sizeOver(v, &n, limit)
}

// sizeOver adds an estimate of v's JSON length to *n and reports whether
// it passed limit (dataflow.SizeOver).
func sizeOver(x any, n *int, limit int) bool { return dataflow.SizeOver(x, n, limit) }

// varScope holds the workflow variables of one scope (top level, a
// Parallel branch, a Map iteration). Inner scopes read outer ones.
type varScope struct {
	parent *varScope
	vals   map[string]any
	// ctx is the evaluation context of states that need no $$ object.
	ctx *dataflow.Context
}

func (s *varScope) lookup(name string) (any, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vals[name]; ok {
			return v, true
		}
	}
	return nil, false
}

func (s *varScope) set(name string, v any) {
	if s.vals == nil {
		s.vals = map[string]any{}
	}
	s.vals[name] = v
}

// extras records on an exited event what a debugger wants besides AWS's
// data: the effective input (after InputPath/Parameters) and the result,
// when they differ from what the event already shows.
func (v *visit) extras(e *trace.Event, eff, result any) {
	sp := v.sp
	if sp.showsEffective {
		e.EffectiveInput, e.HasEffectiveInput = eff, true
	}
	if result != nil && sp.showsResult {
		e.Result, e.HasResult = result, true
	}
}

package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

func (v *visit) task() {
	th, sp, r := v.th, v.sp, v.th.r
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	var timeout, heartbeat int64
	if sp.jsonata {
		t, _, ok := v.jnumber(sp.j.timeout, "TimeoutSeconds")
		if !ok {
			return
		}
		h, _, ok := v.jnumber(sp.j.heartbeat, "HeartbeatSeconds")
		if !ok {
			return
		}
		timeout, heartbeat = int64(t), int64(h)
	} else {
		if timeout, ok = v.seconds(sp.timeoutSeconds, eff); !ok {
			return
		}
		if heartbeat, ok = v.seconds(sp.heartbeatSeconds, eff); !ok {
			return
		}
	}
	if sp.pattern == ".waitForTaskToken" || sp.kind == kindActivity {
		r.tokens++
		v.token = fmt.Sprintf("sim-task-token-%d-%d", r.opts.Seed, r.tokens)
		v.resetCtx()
	}
	var params any
	if sp.jsonata {
		params, ok = v.jstateInput()
	} else {
		params, ok = v.applyTemplate(sp.parameters, eff)
	}
	if !ok {
		return
	}
	n := r.invocations[sp.name]
	var resp mock.Response
	responded := false
	if r.opts.Respond != nil {
		resp, responded = r.opts.Respond(TaskCall{State: sp.name, Path: th.scope, Resource: sp.resource,
			Invocation: n, Attempt: v.retries, Input: params, Token: v.token})
	}
	if responded {
		r.invocations[sp.name]++
	} else if !r.opts.Mocks.Has(sp.name) {
		if sp.kind == kindActivity {
			v.runtime("The activity " + sp.resource + " does not exist.")
			return
		}
		v.runtime(fmt.Sprintf("The simulator has no mock for the Task state '%s' (resource %s). Give it one in mocks.json, e.g. {%q: [{\"Return\": {...}}]}, or in a MockConfigFile test case.", sp.name, sp.resource, sp.name))
		return
	} else {
		r.invocations[sp.name]++
		if resp, ok = r.opts.Mocks.Response(sp.name, n); !ok {
			v.runtime(fmt.Sprintf("The simulator has no mocked response for invocation #%d (zero-based) of the Task state '%s'; add one to its mocks (retries and Map iterations count as invocations).", n, sp.name))
			return
		}
	}

	// Scheduled, Started and (for .sync/callback) Submitted.
	e := v.taskEvent("Scheduled")
	switch sp.kind {
	case kindService:
		ed := v.th.r.details(&e)
		ed.Parameters, ed.HasParameters = params, true
	default:
		e.Input, e.HasInput = params, true
	}
	ed := v.th.r.details(&e)
	ed.TimeoutSeconds, ed.HeartbeatSeconds = timeout, heartbeat
	e.EffectiveInput, e.HasEffectiveInput = params, true
	th.emit(&e)
	// A mocked failure may name its event (mocks.json "event"): a failure
	// to schedule, start or submit ends the sequence early, as on AWS.
	phase := failurePhase(resp)
	if phase != "ScheduleFailed" {
		if phase != "StartFailed" {
			v.emitTaskEvent("Started")
		}
		if sp.kind == kindService && sp.pattern != "" && phase != "StartFailed" && phase != "SubmitFailed" {
			v.emitTaskEvent("Submitted")
		}
	}
	if th.dead() {
		return
	}

	// When does the outcome arrive, and does a timeout come first?
	arrive := secondsDuration(resp.Delay)
	var f *failure
	if t := resp.Throw; t != nil {
		f = &failure{Error: t.Error, Cause: t.Cause}
		switch f.name() {
		case ErrTimeout:
			// A mocked timeout happens when the state's timeout (or a
			// missed heartbeat) expires.
			if at, ok := expiry(math.MaxInt64, timeout, heartbeat, resp.Heartbeats); ok {
				arrive = max(arrive, at)
			}
		case ErrHeartbeatTimeout:
			arrive = max(arrive, time.Duration(heartbeat)*time.Second)
		}
	}
	if at, ok := expiry(arrive, timeout, heartbeat, resp.Heartbeats); ok {
		arrive, f = at, &failure{Error: strp(ErrTimeout)}
	}
	if f != nil && (f.name() == ErrTimeout || f.name() == ErrHeartbeatTimeout) && f.Cause == nil {
		// The service timed the task out: AWS records TaskTimedOut
		// (LambdaFunctionTimedOut...) with an empty cause.
		f.Cause = strp("")
	}
	th.waiting = sp
	r.q.At(arrive, func() {
		th.waiting = nil
		if th.dead() {
			return
		}
		if f != nil {
			kind := "Failed"
			if n := f.name(); n == ErrTimeout || n == ErrHeartbeatTimeout {
				kind = "TimedOut"
			}
			if phase != "" {
				kind = phase
			}
			fe := v.taskEvent(kind)
			fe.Error, fe.Cause = f.Error, f.Cause
			th.emit(&fe)
			if !th.dead() {
				v.handleError(f)
			}
			return
		}
		v.taskSucceeded(resp.Return)
	})
}

// expiry finds the first timeout before a response arriving at arrive:
// TimeoutSeconds, or a gap between heartbeats longer than HeartbeatSeconds.
// AWS reports both as States.Timeout (observed for heartbeat expiry).
func expiry(arrive time.Duration, timeout, heartbeat int64, beats []float64) (time.Duration, bool) {
	at, ok := time.Duration(0), false
	if timeout > 0 && arrive > time.Duration(timeout)*time.Second {
		at, ok = time.Duration(timeout)*time.Second, true
	}
	if heartbeat > 0 {
		hb := time.Duration(heartbeat) * time.Second
		last := time.Duration(0)
		for _, b := range append(beats, math.Inf(1)) {
			next := secondsDuration(b)
			if next > arrive {
				next = arrive
			}
			if next-last > hb {
				if !ok || last+hb < at {
					at, ok = last+hb, true
				}
				break
			}
			if next >= arrive {
				break
			}
			last = next
		}
	}
	return at, ok
}

func secondsDuration(s float64) time.Duration {
	if s <= 0 || math.IsNaN(s) {
		return 0
	}
	if s > 1e9 { // about 31 years: beyond any execution, and no overflow
		s = 1e9
	}
	return time.Duration(s * float64(time.Second))
}

// taskSucceeded handles a task result.
func (v *visit) taskSucceeded(result any) {
	th, sp := v.th, v.sp
	if overSize(result, payloadLimit) {
		f := &failure{Error: strp(ErrDataLimitExceeded), Cause: strp("The state/task '" + sp.resource + "' returned a result with a size exceeding the maximum number of bytes service limit.")}
		fe := v.taskEvent("Failed")
		fe.Error, fe.Cause = f.Error, f.Cause
		th.emit(&fe)
		if !th.dead() {
			v.handleError(f)
		}
		return
	}
	se := v.taskEvent("Succeeded")
	se.Output, se.HasOutput = result, true
	th.emit(&se)
	if th.dead() {
		return
	}
	v.finishResult(result)
}

// taskEvent makes a Task/LambdaFunction/Activity event of the given phase.
func (v *visit) taskEvent(phase string) trace.Event {
	sp := v.sp
	var typ string
	switch sp.kind {
	case kindLambda:
		typ = "LambdaFunction" + phase
	case kindActivity:
		typ = "Activity" + phase
	default:
		typ = "Task" + phase
	}
	e := v.th.h.newEvent(typ, sp)
	e.Attempt = int32(v.retries)
	switch sp.kind {
	case kindService:
		ed := v.th.r.details(&e)
		ed.ResourceType, ed.Resource = sp.resourceType, sp.resourceName
	default:
		if phase == "Scheduled" {
			v.th.r.details(&e).Resource = sp.resource
		}
	}
	return e
}

// emitTaskEvent emits a task event that carries no data.
func (v *visit) emitTaskEvent(phase string) {
	e := v.taskEvent(phase)
	v.th.emit(&e)
}

// finishResult runs the result side of Task/Parallel/Map: ResultSelector,
// Assign, ResultPath, OutputPath, then exits.
func (v *visit) finishResult(result any) {
	if v.sp.jsonata {
		v.jexit(v.sp.j.output, v.sp.j.assign, result, map[string]any{"result": result}, v.sp.next)
		return
	}
	sel, ok := v.applyTemplate(v.sp.resultSelector, result)
	if !ok {
		return
	}
	var e trace.Event
	v.initExit(&e)
	e.Result, e.HasResult = result, true
	if !v.assign(v.sp.assign, result, &e) {
		return
	}
	out, ok := v.resultPath(&v.sp.resultPath, v.raw, sel)
	if !ok {
		return
	}
	if out, ok = v.outputPath(out); !ok {
		return
	}
	if !v.checkSize(out, v.sp.name) {
		return
	}
	v.exit(out, v.sp.next, &e)
}

// seconds evaluates TimeoutSeconds(Path)/HeartbeatSeconds(Path).
func (v *visit) seconds(f intOrPath, eff any) (int64, bool) {
	if !f.set {
		return 0, true
	}
	if f.path == nil {
		return int64(f.value), true
	}
	val, err := f.path.Get(eff, v.ctx())
	if err != nil {
		v.dataErr(err)
		return 0, false
	}
	n, ok := number(val)
	if !ok || n != math.Trunc(n) || n < 0 {
		v.runtime("The " + "field referenced by " + f.pathText + " is not a valid non-negative integer: " + javaText(val))
		return 0, false
	}
	return int64(n), true
}

// intField evaluates a Map number field given literally or by path, with
// AWS's messages for values of the wrong type.
func (v *visit) intField(f intOrPath, field string, eff any, float bool) (float64, bool) {
	if !f.set {
		return 0, true
	}
	if f.path == nil {
		return f.value, true
	}
	val, err := f.path.Get(eff, v.ctx())
	if err != nil {
		v.dataErr(err)
		return 0, false
	}
	n, isNum := number(val)
	if s, isStr := val.(string); isStr {
		if parsed, err := strconv.ParseFloat(s, 64); err == nil {
			n, isNum = parsed, true
		}
	}
	if !isNum || (!float && n != math.Trunc(n)) {
		kind := "integer"
		if float {
			kind = "float"
		}
		v.runtime("The " + field + "Path field refers to value \"" + javaText(val) + "\" which is not a valid " + kind + ": " + f.pathText)
		return 0, false
	}
	return n, true
}

// TaskCall describes one Task invocation to Options.Respond.
type TaskCall struct {
	State, Path, Resource string
	// Invocation counts this state's invocations in the run (retries and
	// Map iterations included), from 0; Attempt counts retries of this
	// visit.
	Invocation, Attempt int
	// Input is what the resource receives (after Parameters/Arguments);
	// Token is $$.Task.Token for callback and activity tasks.
	Input any
	Token string
}

// failurePhase reads the failure event a mocked Throw names ("TaskStartFailed",
// "LambdaFunctionScheduleFailed", ...) as its phase: "StartFailed",
// "ScheduleFailed", "SubmitFailed", "TimedOut" or "Failed"; "" when none.
func failurePhase(resp mock.Response) string {
	if resp.Throw == nil || resp.Event == "" {
		return ""
	}
	for _, p := range []string{"ScheduleFailed", "StartFailed", "SubmitFailed", "TimedOut", "Failed"} {
		if strings.HasSuffix(resp.Event, p) {
			return p
		}
	}
	return ""
}

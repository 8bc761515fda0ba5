package sim

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/aslkit/aslkit/sim/trace"
)

func (v *visit) task() {
	th, sp, r := v.th, v.sp, v.th.r
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	timeout, ok := v.seconds(sp.timeoutSeconds, eff)
	if !ok {
		return
	}
	heartbeat, ok := v.seconds(sp.heartbeatSeconds, eff)
	if !ok {
		return
	}
	if sp.pattern == ".waitForTaskToken" || sp.kind == kindActivity {
		r.tokens++
		v.token = fmt.Sprintf("sim-task-token-%d-%d", r.opts.Seed, r.tokens)
		v.resetCtx()
	}
	params, ok := v.applyTemplate(sp.parameters, eff)
	if !ok {
		return
	}
	if !r.opts.Mocks.Has(sp.name) {
		if sp.kind == kindActivity {
			v.runtime("The activity " + sp.resource + " does not exist.")
			return
		}
		v.runtime(fmt.Sprintf("The simulator has no mock for the Task state '%s' (resource %s). Give it one in mocks.json, e.g. {%q: [{\"Return\": {...}}]}, or in a MockConfigFile test case.", sp.name, sp.resource, sp.name))
		return
	}
	n := r.invocations[sp.name]
	r.invocations[sp.name]++
	resp, ok := r.opts.Mocks.Response(sp.name, n)
	if !ok {
		v.runtime(fmt.Sprintf("The simulator has no mocked response for invocation #%d (zero-based) of the Task state '%s'; add one to its mocks (retries and Map iterations count as invocations).", n, sp.name))
		return
	}

	// Scheduled, Started and (for .sync/callback) Submitted.
	e := v.taskEvent("Scheduled")
	switch sp.kind {
	case kindService:
		ed := e.Detail()
		ed.Parameters, ed.HasParameters = params, true
	default:
		e.Input, e.HasInput = params, true
	}
	ed := e.Detail()
	ed.TimeoutSeconds, ed.HeartbeatSeconds = timeout, heartbeat
	ed.EffectiveInput, ed.HasEffectiveInput = params, true
	th.emit(e)
	th.emit(v.taskEvent("Started"))
	if sp.kind == kindService && sp.pattern != "" {
		th.emit(v.taskEvent("Submitted"))
	}
	if th.dead() {
		return
	}

	if t := resp.Throw; t != nil {
		f := &failure{Error: t.Error, Cause: t.Cause}
		kind := "Failed"
		var delay time.Duration
		switch f.name() {
		case ErrTimeout, ErrHeartbeatTimeout:
			// The service timed the task out: AWS records TaskTimedOut
			// (LambdaFunctionTimedOut...) with an empty cause, after the
			// timeout on the virtual clock.
			kind = "TimedOut"
			delay = time.Duration(timeout) * time.Second
			if f.name() == ErrHeartbeatTimeout || (heartbeat > 0 && heartbeat < timeout) {
				delay = time.Duration(heartbeat) * time.Second
			}
			if f.Cause == nil {
				f.Cause = strp("")
			}
		}
		th.waiting = sp
		r.q.At(delay, func() {
			th.waiting = nil
			if th.dead() {
				return
			}
			fe := v.taskEvent(kind)
			fe.Error, fe.Cause = f.Error, f.Cause
			th.emit(fe)
			if th.dead() {
				return
			}
			v.handleError(f)
		})
		return
	}
	result := resp.Return
	if overSize(result, payloadLimit) {
		f := &failure{Error: strp(ErrDataLimitExceeded), Cause: strp("The state/task '" + sp.resource + "' returned a result with a size exceeding the maximum number of bytes service limit.")}
		fe := v.taskEvent("Failed")
		fe.Error, fe.Cause = f.Error, f.Cause
		th.emit(fe)
		if !th.dead() {
			v.handleError(f)
		}
		return
	}
	se := v.taskEvent("Succeeded")
	se.Output, se.HasOutput = result, true
	th.emit(se)
	if th.dead() {
		return
	}
	v.finishResult(result)
}

// taskEvent makes a Task/LambdaFunction/Activity event of the given phase.
func (v *visit) taskEvent(phase string) *trace.Event {
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
		ed := e.Detail()
		ed.ResourceType, ed.Resource = sp.resourceType, sp.resourceName
	default:
		if phase == "Scheduled" {
			e.Detail().Resource = sp.resource
		}
	}
	return e
}

// finishResult runs the result side of Task/Parallel/Map: ResultSelector,
// Assign, ResultPath, OutputPath, then exits.
func (v *visit) finishResult(result any) {
	sel, ok := v.applyTemplate(v.sp.resultSelector, result)
	if !ok {
		return
	}
	e := v.exitEvent()
	ed := e.Detail()
	ed.Result, ed.HasResult = result, true
	if !v.assign(v.sp.assign, result, e) {
		return
	}
	out, ok := v.resultPath(v.sp.resultPath, v.raw, sel)
	if !ok {
		return
	}
	if out, ok = v.outputPath(out); !ok {
		return
	}
	if !v.checkSize(out, v.sp.name) {
		return
	}
	v.exit(out, v.sp.next, e)
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

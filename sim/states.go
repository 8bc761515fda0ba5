package sim

import (
	"math"
	"strconv"
	"time"

	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/trace"
)

func (v *visit) pass() {
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	paramsFit := false // the Parameters result is known to fit the quota
	if v.sp.parameters != nil {
		if eff, paramsFit, ok = v.applyParameters(eff); !ok {
			return
		}
	}
	result, fits := eff, paramsFit
	if v.sp.hasResult {
		result, fits = v.sp.result, v.sp.resultFits
	}
	if !fits && !v.checkSize(result, v.sp.name) {
		return
	}
	if v.sp.assign == nil {
		out, ok := v.resultPath(&v.sp.resultPath, v.raw, result)
		if !ok {
			return
		}
		if out, ok = v.outputPath(out); !ok {
			return
		}
		v.exitPlain(out, v.sp.next, eff, result)
		return
	}
	var e trace.Event
	v.initExit(&e)
	v.extras(&e, eff, result)
	if !v.assign(v.sp.assign, result, &e) {
		return
	}
	out, ok := v.resultPath(&v.sp.resultPath, v.raw, result)
	if !ok {
		return
	}
	if out, ok = v.outputPath(out); !ok {
		return
	}
	v.exit(out, v.sp.next, &e)
}

func (v *visit) succeed() {
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	out, ok := v.outputPath(eff)
	if !ok {
		return
	}
	v.exitNew(out, nil)
}

func (v *visit) choice() {
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	next, assign := v.sp.deflt, v.sp.assign
	matched := false
	for _, c := range v.sp.choices {
		hit, err := c.rule.Eval(eff, v.ctx())
		if err != nil {
			v.dataErr(err)
			return
		}
		if hit {
			next, assign, matched = c.next, c.assign, true
			break
		}
	}
	if !matched && next == nil {
		v.th.end(nil, &failure{Error: strp(ErrNoChoiceMatched),
			Cause: strp("An error occurred while executing the state '" + v.sp.name + "' (entered at the event id #" + strconv.Itoa(v.enteredID) + "). Failed to transition out of the state. The state does not point to a next state.")})
		return
	}
	if assign == nil {
		out, ok := v.outputPath(eff)
		if !ok {
			return
		}
		v.exitPlain(out, next, eff, nil)
		return
	}
	var e trace.Event
	v.initExit(&e)
	v.extras(&e, eff, nil)
	if !v.assign(assign, eff, &e) {
		return
	}
	out, ok := v.outputPath(eff)
	if !ok {
		return
	}
	v.exit(out, next, &e)
}

func (v *visit) fail() {
	f := &failure{Error: v.sp.errorLit, Cause: v.sp.causeLit}
	for _, fe := range []*fieldExpr{v.sp.errorPath, v.sp.causePath} {
		if fe == nil {
			continue
		}
		var val any
		var err error
		if fe.intrinsic != nil {
			var obj any
			obj, err = fe.intrinsic.Apply(v.raw, v.ctx())
			if m, ok := obj.(map[string]any); ok {
				val = m["v"]
			}
		} else {
			val, err = fe.path.GetField(v.raw, v.ctx(), fe.field)
		}
		if err != nil {
			v.dataErr(err)
			return
		}
		s, ok := val.(string)
		if !ok {
			s = dataflow.EncodeJSON(val)
		}
		if fe.field == "ErrorPath" {
			f.Error = strp(s)
		} else {
			f.Cause = strp(s)
		}
	}
	v.th.end(nil, f)
}

func (v *visit) wait() {
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	sp := v.sp
	var delay time.Duration
	switch {
	case sp.seconds.set:
		delay = time.Duration(sp.seconds.value * float64(time.Second))
	case sp.secondsPath.set:
		val, found := sp.secondsPath.path.Lookup(eff, v.ctx())
		if !found {
			v.runtime("The SecondsPath parameter does not reference an input value: " + sp.secondsPath.pathText)
			return
		}
		n, isNum := number(val)
		switch {
		case !isNum || n != math.Trunc(n) || math.Abs(n) > 9.2e18:
			v.runtime("The SecondsPath parameter cannot be parsed as a long value: " + sp.secondsPath.pathText + " == " + javaText(val))
			return
		case n < 0:
			v.runtime("The SecondsPath parameter references a negative value: " + sp.secondsPath.pathText + " == " + javaText(val))
			return
		}
		if n > 1e11 {
			n = 1e11
		}
		delay = time.Duration(n) * time.Second
	case sp.hasTimestamp:
		t, ok := parseTimestamp(sp.timestamp)
		if !ok {
			v.runtime("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + sp.timestamp)
			return
		}
		delay = t.Sub(v.th.r.q.Now())
	case sp.timestampPath != nil:
		val, found := sp.timestampPath.Lookup(eff, v.ctx())
		s, isStr := val.(string)
		t, ok := parseTimestamp(s)
		if !found || !isStr || !ok {
			v.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: " + sp.timestampPathText + " == " + javaText(val))
			return
		}
		delay = t.Sub(v.th.r.q.Now())
	}
	v.sleep(delay, func() {
		var e trace.Event
		v.initExit(&e)
		if !v.assign(sp.assign, eff, &e) {
			return
		}
		out, ok := v.outputPath(eff)
		if !ok {
			return
		}
		v.exit(out, sp.next, &e)
	})
}

// sleep runs resume after delay (none when negative), the state in
// flight meanwhile; the main execution fails instead when the wait would
// end after its maximum duration.
func (v *visit) sleep(delay time.Duration, resume func()) {
	if delay < 0 {
		delay = 0
	}
	if v.th.r.q.Elapsed()+delay > v.th.r.maxDuration && v.th.h == v.th.r.main {
		v.runtime("Wait state delay is too long.")
		return
	}
	th := v.th
	th.waiting = v.sp
	th.r.q.At(delay, func() {
		th.waiting = nil
		if th.dead() {
			return
		}
		resume()
	})
}

// number reports the value of a JSON number.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	case int:
		return float64(n), true
	}
	return 0, false
}

// javaText renders a value as AWS quotes it in messages: strings bare,
// everything else as JSON.
func javaText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return dataflow.EncodeJSON(v)
}

// parseTimestamp reads an RFC 3339 timestamp with uppercase T and Z (or a
// numeric offset), fractional seconds allowed.
func parseTimestamp(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

package sim

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/trace"
)

// JSONata mode: field values are JSON in which every string written
// "{% expr %}" is a JSONata expression evaluated with $states (input,
// context, result, errorOutput) and the workflow variables bound.

// jvalue is a compiled JSONata-mode field value.
type jvalue struct {
	lit    any // the value when it holds no expression
	expr   *jsonata.Expression
	src    string
	keys   []string
	fields map[string]*jvalue
	elems  []*jvalue
	isObj  bool
	isArr  bool
	dyn    bool // holds an expression somewhere
}

// isJSONataString reports whether s is "{% ... %}".
func isJSONataString(s string) bool {
	return len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

func compileJValue(v any) (*jvalue, error) {
	switch x := v.(type) {
	case string:
		if !isJSONataString(x) {
			return &jvalue{lit: x}, nil
		}
		src := strings.TrimSpace(x[2 : len(x)-2])
		e, err := jsonata.Compile(src)
		if err != nil {
			return nil, fmt.Errorf("JSONata %q: %v", src, err)
		}
		return &jvalue{expr: e, src: src, dyn: true}, nil
	case map[string]any:
		j := &jvalue{lit: x, isObj: true, fields: map[string]*jvalue{}}
		for k, e := range x {
			c, err := compileJValue(e)
			if err != nil {
				return nil, err
			}
			j.keys = append(j.keys, k)
			j.fields[k] = c
			j.dyn = j.dyn || c.dyn
		}
		sort.Strings(j.keys)
		return j, nil
	case []any:
		j := &jvalue{lit: x, isArr: true}
		for _, e := range x {
			c, err := compileJValue(e)
			if err != nil {
				return nil, err
			}
			j.elems = append(j.elems, c)
			j.dyn = j.dyn || c.dyn
		}
		return j, nil
	}
	return &jvalue{lit: v}, nil
}

// jerr is a JSONata evaluation failure: the field location and the cause
// (without the state prefix).
type jerr struct{ location, cause string }

func (j *jvalue) eval(field string, bind map[string]any, opts []jsonata.Option) (any, *jerr) {
	if !j.dyn {
		return j.lit, nil
	}
	switch {
	case j.expr != nil:
		out, err := j.expr.Evaluate(nil, bind, opts...)
		if err != nil {
			return nil, &jerr{field, "The JSONata expression '" + j.src + "' specified for the field '" + field + "' threw an error during evaluation. " + err.Error()}
		}
		if jsonata.IsUndefined(out) {
			return nil, &jerr{field, "The JSONata expression '" + j.src + "' specified for the field '" + field + "' returned nothing (undefined)."}
		}
		if !isJSONValue(out) {
			return nil, &jerr{field, "The JSONata expression '" + j.src + "' specified for the field '" + field + "' returned an unsupported result type."}
		}
		return out, nil
	case j.isObj:
		m := make(map[string]any, len(j.keys))
		for _, k := range j.keys {
			v, e := j.fields[k].eval(field+"/"+k, bind, opts)
			if e != nil {
				return nil, e
			}
			m[k] = v
		}
		return m, nil
	case j.isArr:
		a := make([]any, len(j.elems))
		for i, c := range j.elems {
			v, e := c.eval(field+"/"+strconv.Itoa(i), bind, opts)
			if e != nil {
				return nil, e
			}
			a[i] = v
		}
		return a, nil
	}
	return j.lit, nil
}

func isJSONValue(v any) bool {
	switch x := v.(type) {
	case nil, string, bool, float64, int64, int:
		return true
	case []any:
		for _, e := range x {
			if !isJSONValue(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range x {
			if !isJSONValue(e) {
				return false
			}
		}
		return true
	}
	return false
}

// jfields are a JSONata state's compiled fields.
type jfields struct {
	arguments, output, assign, items, itemSelector *jvalue
	seconds, timestamp, errorV, causeV             *jvalue
	timeout, heartbeat, maxConc, tolCount, tolPct  *jvalue
}

// jstates builds the $states binding plus the visible variables.
func (v *visit) jbind(extra map[string]any) map[string]any {
	bind := map[string]any{}
	var chain []*varScope
	for s := v.th.vars; s != nil; s = s.parent {
		chain = append(chain, s)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for k, val := range chain[i].vals {
			bind[k] = val
		}
	}
	states := map[string]any{"input": v.raw, "context": v.ctx().Object}
	for k, val := range extra {
		states[k] = val
	}
	bind["states"] = states
	return bind
}

func (v *visit) jopts() []jsonata.Option {
	r := v.th.r
	return []jsonata.Option{
		jsonata.WithNow(r.q.Now),
		jsonata.WithRandom(r.rng.Float64),
		jsonata.WithUUID(func() string { return dataflow.NewUUID(r.rng) }),
		jsonata.WithContext(r.ctx),
		jsonata.WithMaxSteps(10_000_000),
	}
}

// jeval evaluates a JSONata-mode field; on failure it records
// EvaluationFailed and fails the state with States.QueryEvaluationError.
func (v *visit) jeval(j *jvalue, field string, def any, extra map[string]any) (any, bool) {
	if j == nil {
		return def, true
	}
	if !j.dyn {
		return j.lit, true
	}
	out, e := j.eval(field, v.jbind(extra), v.jopts())
	if e != nil {
		v.queryError(e.location, e.cause)
		return nil, false
	}
	return out, true
}

// queryError records EvaluationFailed and fails the state with
// States.QueryEvaluationError (catchable on Task, Parallel and Map).
func (v *visit) queryError(location, cause string) {
	th := v.th
	f := &failure{Error: strp(ErrQueryEvaluation), Cause: strp(v.prefix() + cause)}
	e := th.h.newEvent("EvaluationFailed", v.sp)
	e.Error, e.Cause = f.Error, f.Cause
	e.Name = location
	// AWS records EvaluationFailed with previousEventId 0; what follows
	// chains to it.
	e.Scope = th.scope
	th.prev = th.h.send(&e, 0)
	if th.dead() {
		return
	}
	v.handleError(f)
}

// jnumber evaluates a numeric JSONata-mode field (TimeoutSeconds, Seconds,
// MaxConcurrency...).
func (v *visit) jnumber(j *jvalue, field string) (float64, bool, bool) {
	if j == nil {
		return 0, false, true
	}
	val, ok := v.jeval(j, field, nil, nil)
	if !ok {
		return 0, false, false
	}
	n, isNum := number(val)
	if !isNum {
		v.queryError(field, "The JSONata expression '"+j.src+"' specified for the field '"+field+"' returned an unexpected result type. Expected 'number', but was '"+dataflow.TypeName(val)+"' for value: "+dataflow.EncodeJSON(val))
		return 0, false, false
	}
	return n, true, true
}

// --- JSONata versions of the states' data handling ---

// jstateInput is the input a Task or Parallel works on: Arguments, or the
// state input.
func (v *visit) jstateInput() (any, bool) {
	return v.jeval(v.sp.j.arguments, "Arguments", v.raw, nil)
}

// jexit evaluates Output and Assign (both from the same bindings) and exits.
func (v *visit) jexit(output, assign *jvalue, def any, extra map[string]any, next *stateProg) {
	out, ok := v.jeval(output, "Output", def, extra)
	if !ok {
		return
	}
	var e trace.Event
	v.initExit(&e)
	if assign != nil {
		vals, ok := v.jeval(assign, "Assign", nil, extra)
		if !ok {
			return
		}
		v.setVars(vals, &e)
	}
	if !v.checkSize(out, v.sp.name) {
		return
	}
	v.exit(out, next, &e)
}

func (v *visit) jpass() {
	v.jexit(v.sp.j.output, v.sp.j.assign, v.raw, nil, v.sp.next)
}

func (v *visit) jsucceed() {
	out, ok := v.jeval(v.sp.j.output, "Output", v.raw, nil)
	if !ok {
		return
	}
	v.exitNew(out, nil)
}

func (v *visit) jfail() {
	f := &failure{}
	for _, p := range []struct {
		j     *jvalue
		field string
		dst   **string
	}{{v.sp.j.errorV, "Error", &f.Error}, {v.sp.j.causeV, "Cause", &f.Cause}} {
		if p.j == nil {
			continue
		}
		val, ok := v.jeval(p.j, p.field, nil, nil)
		if !ok {
			return
		}
		s, isStr := val.(string)
		if !isStr {
			s = dataflow.EncodeJSON(val)
		}
		*p.dst = strp(s)
	}
	v.th.end(nil, f)
}

func (v *visit) jchoice() {
	for i, c := range v.sp.choices {
		field := "Choices/" + strconv.Itoa(i) + "/Condition"
		val, ok := v.jeval(c.jcond, field, nil, nil)
		if !ok {
			return
		}
		b, isBool := val.(bool)
		if !isBool {
			src := ""
			if c.jcond != nil {
				src = c.jcond.src
			}
			v.queryError(field, "The JSONata expression '"+src+"' specified for the field '"+field+"' returned an unexpected result type. Expected 'boolean', but was '"+dataflow.TypeName(val)+"' for value: "+dataflow.EncodeJSON(val))
			return
		}
		if b {
			v.jexit(c.joutput, c.jassign, v.raw, nil, c.next)
			return
		}
	}
	if v.sp.deflt == nil {
		v.th.end(nil, &failure{Error: strp(ErrNoChoiceMatched),
			Cause: strp(v.prefix() + "Failed to transition out of the state. The state does not point to a next state.")})
		return
	}
	v.jexit(v.sp.j.output, v.sp.j.assign, v.raw, nil, v.sp.deflt)
}

func (v *visit) jwait() {
	sp := v.sp
	var delay time.Duration
	switch {
	case sp.j.seconds != nil:
		n, _, ok := v.jnumber(sp.j.seconds, "Seconds")
		if !ok {
			return
		}
		if n < 0 {
			v.queryError("Seconds", "The Seconds field must be a non-negative integer.")
			return
		}
		delay = secondsDuration(n)
	case sp.j.timestamp != nil:
		val, ok := v.jeval(sp.j.timestamp, "Timestamp", nil, nil)
		if !ok {
			return
		}
		s, _ := val.(string)
		t, ok := dataflow.ParseTimestamp(s)
		if !ok {
			v.queryError("Timestamp", "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "+javaText(val))
			return
		}
		delay = t.Sub(v.th.r.q.Now())
	}
	v.sleep(delay, func() { v.jexit(sp.j.output, sp.j.assign, v.raw, nil, sp.next) })
}

// jmap is a JSONata-mode Map: Items (default: the state input), per-item
// ItemSelector, MaxConcurrency and the tolerated-failure fields.
func (v *visit) jmap() {
	th, sp := v.th, v.sp
	// An evaluation failure before the iterations start fails the Map
	// (MapStateFailed), as recorded on AWS.
	v.giveUp = func() { th.emitNew("MapStateFailed", sp) }
	var val any = v.raw
	var ok bool
	if sp.itemReader != nil {
		if val, ok = v.readItems(v.raw); !ok {
			return
		}
	}
	if val, ok = v.jeval(sp.j.items, "Items", val, nil); !ok {
		return
	}
	items, isArr := val.([]any)
	if !isArr {
		if sp.j.items != nil && sp.j.items.dyn {
			v.queryError("Items", "The JSONata expression '"+sp.j.items.src+"' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"+dataflow.TypeName(val)+"' for value: "+dataflow.EncodeJSON(val))
		} else {
			v.queryError("Items", "Map state input must be an array but was: "+dataflow.EncodeJSON(val))
		}
		return
	}
	maxConc, _, ok := v.jnumber(sp.j.maxConc, "MaxConcurrency")
	if !ok {
		return
	}
	m := &mapRun{v: v, eff: v.raw, maxConc: int(maxConc), distributed: sp.distributed}
	if sp.distributed {
		var set bool
		if m.tolCount, set, ok = v.jnumber(sp.j.tolCount, "ToleratedFailureCount"); !ok {
			return
		}
		m.countSet = set
		if m.tolPct, set, ok = v.jnumber(sp.j.tolPct, "ToleratedFailurePercentage"); !ok {
			return
		}
		m.pctSet = set
	}
	inputs := make([]any, len(items))
	for i, it := range items {
		in := it
		if sp.j.itemSelector != nil {
			v.mapItem = map[string]any{"Index": int64(i), "Value": it}
			v.resetCtx()
			if in, ok = v.jeval(sp.j.itemSelector, "ItemSelector", nil, nil); !ok {
				return
			}
		}
		inputs[i] = in
	}
	v.mapItem = nil
	v.resetCtx()
	if sp.batcher != nil {
		if inputs, ok = v.batch(inputs, v.raw); !ok {
			return
		}
	}
	v.giveUp = nil
	m.start(inputs)
}

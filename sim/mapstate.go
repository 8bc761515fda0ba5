package sim

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/aslkit/aslkit/sim/trace"
)

// mapRun tracks the iterations of one Map visit.
type mapRun struct {
	v           *visit
	eff         any
	items       []any
	results     []any
	next        int
	running     int
	completed   int
	failed      int
	maxConc     int
	over        bool
	distributed bool
	mapRunArn   string
	// which tolerated-failure thresholds are set
	countSet, pctSet bool
	runStartedID     int
	tolCount         float64
	tolPct           float64
	// scopes holds the scopes of iterations scopesFrom.. built ahead in one
	// string (one allocation for many iterations); scopeEnds[k] is where
	// iteration scopesFrom+k's ends, for k < nScopes.
	scopes     string
	scopesFrom int
	nScopes    int
	scopeEnds  [scopesAhead]uint32
}

// scopesAhead is how many iteration scopes are built at once.
const scopesAhead = 64

func (v *visit) mapState() {
	sp := v.sp
	eff, ok := v.inputPath(v.raw)
	if !ok {
		return
	}
	var items []any
	if sp.jsonata {
		v.jmap()
		return
	}
	if sp.itemReader != nil && !sp.itemsPath.present {
		if items, ok = v.readItems(eff); !ok {
			return
		}
	} else {
		val := eff
		if sp.itemReader != nil {
			// The reader's items are the items: AWS ignores ItemsPath then,
			// even one that matches nothing (recorded case
			// test_map_item_reader_base_json_with_items_path_INVALID_ITEMS_PATH
			// succeeds; the spec's "applied to the ItemReader result" is not
			// what AWS does).
			read, ok := v.readItems(eff)
			if !ok {
				return
			}
			val = read
		} else if sp.itemsPath.present && !sp.itemsPath.null {
			got, err := sp.itemsPath.path.Get(eff, v.ctx())
			if err != nil {
				v.dataErr(err)
				return
			}
			val = got
		}
		arr, isArr := val.([]any)
		if !isArr {
			path := "$"
			if sp.itemsPath.path != nil {
				path = sp.itemsPath.path.String()
			}
			// AWS words this one without the state prefix (spec/errors.md §1.2).
			v.th.h.fail(v.th, &failure{Error: strp(ErrRuntime), Cause: strp("Reference path \"" + path + "\" must point to array."), runtime: true})
			return
		}
		items = arr
	}
	maxConc, ok := v.intField(sp.maxConcurrency, "MaxConcurrency", eff, false)
	if !ok {
		return
	}
	m := &mapRun{v: v, eff: eff, maxConc: int(maxConc), distributed: sp.distributed,
		countSet: sp.toleratedCount.set, pctSet: sp.toleratedPercent.set}
	// Item inputs: ItemSelector per item, then batching. Without a
	// selector they are the items themselves (read only: no copy).
	inputs := items
	if sp.itemSelector != nil {
		inputs = make([]any, len(items))
		for i, it := range items {
			v.mapItem = map[string]any{"Index": int64(i), "Value": it}
			v.resetCtx()
			in, ok := v.applyTemplate(sp.itemSelector, eff)
			if !ok {
				return
			}
			inputs[i] = in
		}
		v.mapItem = nil
		v.resetCtx()
	}
	if sp.batcher != nil {
		if inputs, ok = v.batch(inputs, eff); !ok {
			return
		}
	}
	m.start(inputs)
}

// start emits MapStateStarted (and MapRunStarted) and launches the
// iterations over the prepared inputs.
func (m *mapRun) start(inputs []any) {
	th, sp := m.v.th, m.v.sp
	m.items = inputs
	m.results = make([]any, len(inputs))
	started := th.h.newEvent("MapStateStarted", sp)
	startedd := th.r.details(&started)
	startedd.Length, startedd.HasLength = len(inputs), true
	if sp.distributed {
		th.r.details(&started).Length = 0
	}
	th.emit(&started)
	if sp.distributed && !sp.jsonata && !m.tolerance(m.eff) {
		return
	}
	if sp.distributed {
		label := sp.label
		if label == "" {
			label = "map-run"
		}
		m.mapRunArn = "arn:aws:states:" + region + ":" + account + ":mapRun:" + th.r.opts.StateMachineName + "/" + label + ":" + strconv.Itoa(th.r.transitions)
		e := th.h.newEvent("MapRunStarted", sp)
		th.r.details(&e).MapRunArn = m.mapRunArn
		m.runStartedID = th.emit(&e)
	}
	th.children = th.children[:0]
	if len(inputs) == 0 {
		m.finish()
		return
	}
	m.launch()
}

// launch starts iterations up to MaxConcurrency.
func (m *mapRun) launch() {
	for m.next < len(m.items) && (m.maxConc <= 0 || m.running < m.maxConc) && !m.over {
		i := m.next
		m.next++
		m.running++
		if m.distributed {
			m.startChild(i)
		} else {
			m.startIteration(i)
		}
	}
}

func (m *mapRun) startIteration(i int) {
	th, sp := m.v.th, m.v.sp
	var it *mapIteration
	if n := len(th.r.freeIters); n > 0 {
		it = th.r.freeIters[n-1]
		th.r.freeIters = th.r.freeIters[:n-1]
	} else {
		it = new(mapIteration)
	}
	c := &it.thread
	c.initIteration(th, m.iterationScope(th.scope, sp.name, i))
	it.m, it.i = m, i
	if len(th.children) == cap(th.children) {
		th.compactChildren()
	}
	it.slot = len(th.children)
	th.children = append(th.children, c)
	it.emit("MapIterationStarted", siteIterationStarted)
	if c.iter != it { // a reused iteration's thread points to it already
		c.iter = it
	}
	c.startScope(sp.processor, m.items[i])
}

// initIteration makes c, a new or reused iteration's thread, a child of
// th. A reused one mostly holds the right pointers already (its Map's):
// each store skipped saves a write barrier while the collector marks.
func (c *thread) initIteration(th *thread, scope string) {
	if c.r != th.r {
		c.r = th.r
	}
	if c.h != th.h {
		c.h = th.h
	}
	c.scope, c.scopeNo, c.prev = scope, 0, th.h.nextID
	if c.parent != th {
		c.parent = th
	}
	c.stopped, c.ownVars = false, false
	if c.waiting != nil {
		c.waiting = nil
	}
	if !sameMap(c.execObj, th.execObj) {
		c.execObj = th.execObj
	}
	if c.vars != th.vars {
		c.vars = th.vars
	}
	if c.done != nil {
		c.done = nil
	}
	if c.children != nil {
		c.children = nil
	}
}

// sameMap reports whether a and b are the same map (a map value is one
// pointer to the runtime's map).
func sameMap(a, b map[string]any) bool {
	return *(*unsafe.Pointer)(unsafe.Pointer(&a)) == *(*unsafe.Pointer)(unsafe.Pointer(&b))
}

// compactChildren drops the ended iterations (nil) from th.children,
// keeping the order of the others, so that a long Map's children stay
// about MaxConcurrency long instead of growing to one per item.
func (th *thread) compactChildren() {
	n := 0
	for _, c := range th.children {
		if c == nil {
			continue
		}
		if c.iter == nil {
			return // not an inline iteration: leave as is
		}
		n++
	}
	if n > len(th.children)/2 {
		return // too few ended: growing the slice is cheaper (amortized)
	}
	kept := th.children[:0]
	for _, c := range th.children {
		if c != nil {
			c.iter.slot = len(kept)
			kept = append(kept, c)
		}
	}
	clear(th.children[len(kept):])
	th.children = kept
}

// mapIteration is one inline Map iteration: its thread and where it
// reports (one allocation instead of a thread and a closure).
type mapIteration struct {
	thread
	m *mapRun
	i int
	// slot is the iteration's index in the Map's thread's children.
	slot int
}

// emit emits one of the iteration's MapIteration* events; kind is its
// siteKind, or -1 for a rare one.
func (it *mapIteration) emit(typ string, kind int) {
	sp := it.m.v.sp
	var site *uint32
	if kind >= 0 {
		site = it.r.siteOf(sp, kind)
		if _, ok := it.thread.emitPlain(site, nil, false, it.i, true); ok {
			return
		}
	}
	var e trace.Event
	it.h.initEvent(&e, typ, nil)
	e.Name, e.Index, e.HasIndex = sp.name, it.i, true
	if site == nil {
		it.thread.emit(&e)
		return
	}
	it.thread.emitAt(&e, site)
}

func (it *mapIteration) done(out any, f *failure) {
	m, i, c := it.m, it.i, &it.thread
	v, th, sp := m.v, m.v.th, m.v.sp
	if m.over || th.dead() {
		return
	}
	m.running--
	if it.slot < len(th.children) && th.children[it.slot] == c {
		th.children[it.slot] = nil
	}
	if f != nil {
		it.emit("MapIterationFailed", -1)
		m.over = true
		// The running iterations, in the order they started (by index):
		// th.children keeps it.
		for _, o := range th.children {
			if o != nil {
				o.stop(o.iter.i, true, sp.name)
			}
		}
		th.prev = th.h.nextID
		th.children = nil
		v.giveUp = func() { th.emitNew("MapStateFailed", sp) }
		v.handleError(f)
		return
	}
	it.emit("MapIterationSucceeded", siteIterationSucceeded)
	m.results[i] = out
	m.completed++
	if m.completed == len(m.items) {
		m.finish()
		return
	}
	m.launch()
	if sp.processor.synchronous {
		// Nothing refers to the ended iteration any more: reuse it.
		th.r.freeIters = append(th.r.freeIters, it)
	}
}

// iterationScope is iterScope(scope, name, i) cut from a string holding
// the scopes of the next iterations too: Map iterations start in order.
func (m *mapRun) iterationScope(scope, name string, i int) string {
	k := i - m.scopesFrom
	if k < 0 || k >= m.nScopes {
		m.buildScopes(scope, name, i)
		k = 0
	}
	start := uint32(0)
	if k > 0 {
		start = m.scopeEnds[k-1]
	}
	return m.scopes[start:m.scopeEnds[k]]
}

// buildScopes builds the scopes of iterations from on, up to scopesAhead
// of them and not past the last item.
func (m *mapRun) buildScopes(scope, name string, from int) {
	n := min(scopesAhead, len(m.items)-from)
	if n < 1 || len(scope)+len(name) > 1<<20 {
		// Out of the items (not expected) or a huge name: one at a time.
		m.scopes, m.scopesFrom, m.nScopes = iterScope(scope, name, from), from, 1
		m.scopeEnds[0] = uint32(len(m.scopes))
		return
	}
	prefix := len(scope) + 1 + len(name) + len("/iter[")
	buf := make([]byte, 0, n*(prefix+len(strconv.Itoa(from+n-1))+1))
	// The index's digits, counted up in place (cheaper than formatting
	// each number).
	var digits [20]byte
	num := strconv.AppendInt(digits[:0], int64(from), 10)
	for k := range n {
		if scope != "" {
			buf = append(buf, scope...)
			buf = append(buf, '/')
		}
		buf = append(buf, name...)
		buf = append(buf, "/iter["...)
		buf = append(buf, num...)
		buf = append(buf, ']')
		m.scopeEnds[k] = uint32(len(buf))
		num = incrementDecimal(num)
	}
	m.scopes, m.scopesFrom, m.nScopes = string(buf), from, n
}

// incrementDecimal adds one to the non-negative decimal number in d (its
// array has room for one more digit).
func incrementDecimal(d []byte) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] != '9' {
			d[i]++
			return d
		}
		d[i] = '0'
	}
	d = append(d, '0')
	d[0] = '1'
	return d
}

// iterScope is joinScope(scope, name+"/iter[i]") in one allocation.
func iterScope(scope, name string, i int) string {
	var num [20]byte
	digits := strconv.AppendInt(num[:0], int64(i), 10)
	var b strings.Builder
	b.Grow(len(scope) + 1 + len(name) + len("/iter[]") + len(digits))
	if scope != "" {
		b.WriteString(scope)
		b.WriteByte('/')
	}
	b.WriteString(name)
	b.WriteString("/iter[")
	b.Write(digits)
	b.WriteByte(']')
	return b.String()
}

// finish ends a Map whose iterations all ended (distributed: within the
// tolerated failures).
func (m *mapRun) finish() {
	v, th, sp := m.v, m.v.th, m.v.sp
	m.over = true
	th.children = nil
	// previousEventId as recorded: MapStateSucceeded follows the last
	// event; MapStateExited chains to the same event as MapStateSucceeded
	// (inline) or to MapRunStarted (distributed).
	if m.distributed {
		th.emitNew("MapRunSucceeded", sp)
	}
	before := th.h.nextID
	th.prev = before
	th.emitNew("MapStateSucceeded", sp)
	if th.dead() {
		return
	}
	th.prev = before
	if m.distributed {
		th.prev = m.runStartedID
	}
	var result any = m.results
	if sp.resultWriter != nil {
		var ok bool
		if result, ok = v.writeResults(m); !ok {
			return
		}
	}
	v.finishResult(result)
}

package trace

import (
	"math"
	"testing"
	"time"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/google/go-cmp/cmp"
)

// A Recorder gives back exactly the events it was given, including those
// that do not fit its compact records (huge ids, a timestamp that is not
// the start plus Elapsed), even when the observed struct is reused.
func TestRecorderRestoresEvents(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	cause := "boom"
	events := []Event{
		{ID: 1, Type: "ExecutionStarted", Timestamp: start, HasInput: true, Input: map[string]any{"a": int64(1)}},
		{ID: 2, PreviousEventID: 1, Type: "PassStateEntered", Timestamp: start.Add(time.Second), Elapsed: time.Second,
			Scope: "Map/iter[3]", State: "P", Span: source.Span{Start: 10, End: 42}, HasSpan: true, Attempt: 2,
			HasInput: true, Input: []any{"x"}},
		{ID: 3, PreviousEventID: 2, Type: "PassStateExited", Timestamp: start.Add(time.Second), Elapsed: time.Second,
			State: "P", HasOutput: true, Output: "y", Name: "M", Index: 3, HasIndex: true, HasResult: true, Result: 7, Details: &Details{Length: 2, HasLength: true}},
		{ID: 4, PreviousEventID: 3, Type: "TaskSucceeded", Timestamp: start.Add(time.Second), Elapsed: time.Second,
			HasInput: true, Input: "in", HasOutput: true, Output: "out", HasEffectiveInput: true, EffectiveInput: "eff"},
		{ID: 1 << 40, PreviousEventID: 3, Type: "ExecutionFailed", Timestamp: start.Add(time.Hour), Elapsed: time.Minute, Cause: &cause},
		{ID: 5, Type: "ExecutionFailed", Timestamp: start.In(time.FixedZone("X", 3600)), Error: &cause},
		{ID: 6, PreviousEventID: 5, Type: "PassStateEntered", Timestamp: start.Add(time.Hour), Elapsed: 2 * time.Second},
		{ID: 7, PreviousEventID: 6, Type: "PassStateEntered", Timestamp: start.In(time.FixedZone("X", 3600))},
	}
	rec := &Recorder{}
	var reused Event
	for _, e := range events {
		reused = e
		rec.Event(&reused)
		reused = Event{Type: "garbage"}
	}
	if rec.Len() != len(events) {
		t.Fatalf("Len %d, want %d", rec.Len(), len(events))
	}
	for i, got := range rec.Events() {
		if diff := cmp.Diff(&events[i], got); diff != "" {
			t.Errorf("event %d (-want +got):\n%s", i, diff)
		}
	}
	if got := rec.Types(); got[1] != "PassStateEntered" || len(got) != len(events) {
		t.Errorf("Types %v", got)
	}
}

// Records span several chunks; At reads any of them.
func TestRecorderManyEvents(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	rec := &Recorder{}
	var e Event
	for i := 1; i <= 2500; i++ {
		e = Event{ID: i, PreviousEventID: i - 1, Type: "PassStateEntered", State: "P",
			Timestamp: start.Add(time.Duration(i) * time.Millisecond), Elapsed: time.Duration(i) * time.Millisecond}
		rec.Event(&e)
	}
	got := rec.At(2049)
	if got.ID != 2050 || got.PreviousEventID != 2049 || !got.Timestamp.Equal(start.Add(2050*time.Millisecond)) || got.State != "P" {
		t.Errorf("At(2049) = %+v", got)
	}
	if n := len(rec.Types()); n != 2500 || rec.Len() != 2500 {
		t.Errorf("Types %d, Len %d, want 2500", n, rec.Len())
	}
}

// small accepts exactly the int32 range for the id and the other numbers,
// and a previous event at most 65535 back.
func TestSmallIsInt32Range(t *testing.T) {
	for _, n := range []int{0, 1, -1, math.MaxInt32, math.MinInt32} {
		if !small(n, n, 0, 0, 0) || !small(0, 0, 0, 0, n) || !small(n, n-65535, n, 0, 0) {
			t.Errorf("small(%d) = false", n)
		}
	}
	for _, n := range []int{math.MaxInt32 + 1, math.MinInt32 - 1, math.MaxInt64, math.MinInt64, 1 << 40} {
		if small(n, n, 0, 0, 0) || small(0, 0, n, 0, 0) || small(0, 0, 0, 0, n) {
			t.Errorf("small(%d) = true", n)
		}
	}
	for _, back := range []int{-1, 65536, 1 << 31} {
		if small(100, 100-back, 0, 0, 0) {
			t.Errorf("small with the previous event %d back = true", back)
		}
	}
}

func TestRecorderEffectiveInputSameObject(t *testing.T) {
	out := map[string]any{"v": int64(1)}
	other := map[string]any{"v": int64(1)}
	var r Recorder
	r.Event(&Event{ID: 1, Type: "PassStateExited", Output: out, HasOutput: true, EffectiveInput: out, HasEffectiveInput: true})
	r.Event(&Event{ID: 2, Type: "PassStateExited", Output: out, HasOutput: true, EffectiveInput: other, HasEffectiveInput: true})
	r.Event(&Event{ID: 3, Type: "PassStateExited", Output: "x", HasOutput: true, EffectiveInput: "x", HasEffectiveInput: true})
	for i, want := range []any{out, other, "x"} {
		e := r.At(i)
		if e.HasEffectiveInput != true {
			t.Fatalf("%d: HasEffectiveInput lost", i)
		}
		if wm, ok := want.(map[string]any); ok {
			got, ok := e.EffectiveInput.(map[string]any)
			if !ok || len(got) != len(wm) {
				t.Fatalf("%d: EffectiveInput %v, want %v", i, e.EffectiveInput, want)
			}
			got["probe"] = true // the same object, not a copy
			_, same := wm["probe"]
			delete(got, "probe")
			if !same {
				t.Fatalf("%d: EffectiveInput is not the recorded object", i)
			}
		} else if e.EffectiveInput != want {
			t.Fatalf("%d: EffectiveInput %v, want %v", i, e.EffectiveInput, want)
		}
	}
	if r.nMore != 2 {
		t.Fatalf("side entries %d, want 2 (the first event keeps its effective input in the record)", r.nMore)
	}
}

func TestRecorderValuesKeepIdentity(t *testing.T) {
	a := map[string]any{"v": int64(1)}
	b := map[string]any{"v": int64(1)} // equal to a, another object
	var r Recorder
	vals := []any{a, a, b, nil, int64(1 << 40), int64(1 << 40), "s", a}
	for i, v := range vals {
		r.Event(&Event{ID: i + 1, Type: "PassStateEntered", Input: v, HasInput: v != nil})
	}
	for i, v := range vals {
		got := r.At(i).Input
		switch want := v.(type) {
		case map[string]any:
			m, ok := got.(map[string]any)
			if !ok {
				t.Fatalf("%d: %v, want %v", i, got, v)
			}
			m["probe"] = true
			_, same := want["probe"]
			delete(m, "probe")
			if !same {
				t.Fatalf("%d: not the recorded object", i)
			}
		default:
			if got != v {
				t.Fatalf("%d: %v, want %v", i, got, v)
			}
		}
	}
}

func TestRecorderSiteResult(t *testing.T) {
	var done any = "done"
	other := map[string]any{"x": int64(1)}
	results := []any{done, done, other, done, "fresh" + string(rune('a')), nil, other}
	var r Recorder
	for i, res := range results {
		r.Event(&Event{ID: i + 1, Type: "PassStateExited", State: "C", Output: int64(i), HasOutput: true, Result: res, HasResult: res != nil})
	}
	r.Event(&Event{ID: 99, Type: "PassStateExited", State: "D", Output: int64(0), HasOutput: true, Result: other, HasResult: true})
	for i, want := range append(results, other) {
		got := r.At(i).Result
		if m, ok := want.(map[string]any); ok {
			gm, ok := got.(map[string]any)
			if !ok || len(gm) != len(m) {
				t.Fatalf("%d: Result %v, want %v", i, got, want)
			}
			continue
		}
		if got != want {
			t.Fatalf("%d: Result %v, want %v", i, got, want)
		}
	}
	if r.nMore != 3 { // other, "fresha", other at C; D's first result is its site's
		t.Fatalf("side entries %d, want 3", r.nMore)
	}
}

// PlainEvent records what EventAt records for the Event it stands for,
// across chunks, instants and numbers that do not fit a record.
func TestPlainEventIsEventAt(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	site := Event{Type: "PassStateEntered", State: "P", Span: source.Span{Start: 3, End: 9}, HasSpan: true}
	iter := Event{Type: "MapIterationStarted", Name: "M"}
	plain, general := &Recorder{}, &Recorder{}
	var told time.Duration
	for i := 1; i <= 2600; i++ {
		e := site
		if i%3 == 0 {
			e = iter
			e.Index, e.HasIndex = i, true
		} else {
			e.Input, e.HasInput = map[string]any{"i": int64(i)}, true
		}
		e.ID, e.PreviousEventID = i, i-1
		switch i {
		case 1500:
			e.ID = 1 << 40 // kept whole
		case 2000:
			e.Index, e.HasIndex = 7, true // an index and an input: kept whole
		case 2100:
			e.PreviousEventID = i - 70000 // too far back for a record
		}
		elapsed := time.Duration(i/700) * time.Second
		e.Timestamp, e.Elapsed = start.Add(elapsed), elapsed
		e.Scope = "Map/iter[1]"
		general.Event(&e)
		s, sc := plain.Site(&e), plain.Scope(e.Scope)
		if i == 1 || e.Elapsed != told {
			// As the simulator does: only when the instant moves.
			plain.Instant(e.Timestamp, e.Elapsed)
			told = e.Elapsed
		}
		plain.PlainEvent(e.ID, e.PreviousEventID, s, sc, e.Input, e.HasInput, e.Index, e.HasIndex, uint32(i%4))
		if i%97 == 0 {
			// An event of another instant in between, the general way.
			odd := Event{ID: 1, Type: "Odd", Timestamp: start.Add(time.Hour), Elapsed: time.Duration(i)}
			general.Event(&odd)
			plain.Event(&odd)
		}
	}
	requireSameEvents(t, general.Events(), plain.Events())
}

// PlainExit records what EventAt records for the exited event it stands
// for, or declines and records nothing (the caller then sends the event).
func TestPlainExitIsEventAt(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	site := Event{Type: "PassStateExited", State: "P", Span: source.Span{Start: 3, End: 9}, HasSpan: true}
	var done any = "done"
	plain, general := &Recorder{}, &Recorder{}
	declined := 0
	for i := 1; i <= 2600; i++ {
		e := site
		out := map[string]any{"i": int64(i)}
		e.Output, e.HasOutput = out, true
		switch i % 5 {
		case 1:
			e.EffectiveInput, e.HasEffectiveInput = out, true // the output itself
		case 2:
			e.EffectiveInput, e.HasEffectiveInput = map[string]any{"i": int64(i)}, true // another object
		case 3:
			e.Result, e.HasResult = done, true // the site's
		case 4:
			e.Result, e.HasResult = "other", true
			e.HasEffectiveInput = true // a null effective input
		}
		e.ID, e.PreviousEventID = i, i-1
		switch i {
		case 1500:
			e.ID = 1 << 40
		case 2100:
			e.PreviousEventID = i - 70000
		}
		elapsed := time.Duration(i/700) * time.Second
		e.Timestamp, e.Elapsed = start.Add(elapsed), elapsed
		e.Scope = "Map/iter[1]"
		general.Event(&e)
		s, sc := plain.Site(&e), plain.Scope(e.Scope)
		plain.Instant(e.Timestamp, e.Elapsed)
		if _, ok := plain.PlainExit(e.ID, e.PreviousEventID, s, sc,
			e.Output, e.EffectiveInput, e.Result, e.HasEffectiveInput, e.HasResult, uint32(i%4)); !ok {
			declined++
			plain.EventAt(&e, s, sc)
		}
	}
	if declined == 0 || declined > 1500 {
		t.Fatalf("%d of 2600 declined", declined)
	}
	requireSameEvents(t, general.Events(), plain.Events())
}

// A value hinted at by its number is kept once; a wrong or stale hint
// keeps the value anew, and every event gives back its own value.
func TestPlainEventsKeepAHintedValueOnce(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	a := map[string]any{"v": int64(1)}
	b := map[string]any{"v": int64(1)} // equal to a, another object
	entered := Event{Type: "PassStateEntered", State: "P"}
	exited := Event{Type: "PassStateExited", State: "P"}
	var r Recorder
	r.Event(&Event{ID: 1, Type: "ExecutionStarted", Timestamp: start}) // the first chunk
	es, xs := r.Site(&entered), r.Site(&exited)
	r.Instant(start, 0)
	n1 := r.PlainEvent(2, 1, es, 0, a, true, 0, false, 0)
	n2, ok := r.PlainExit(3, 2, xs, 0, a, nil, nil, false, false, n1)
	if !ok || n2 != n1 {
		t.Fatalf("exit of the same value kept as %d (ok %v), want %d", n2, ok, n1)
	}
	n3 := r.PlainEvent(4, 3, es, 0, b, true, 0, false, n2) // b is not a
	n4 := r.PlainEvent(5, 4, es, 0, int64(1), true, 0, false, 99)
	n5 := r.PlainEvent(6, 5, es, 0, true, true, 0, false, n4) // maybe the same data word, another type
	if n3 == n1 || n4 == n3 || n5 == n4 || r.nValues != 4 {
		t.Fatalf("numbers %d %d %d %d %d, %d values kept", n1, n2, n3, n4, n5, r.nValues)
	}
	for i, want := range []any{a, a, b, int64(1), true} {
		e := r.At(i + 1)
		got := e.Input
		if e.HasOutput {
			got = e.Output
		}
		if !sameWords(got, want) {
			t.Fatalf("event %d: %v, want %v (the same value)", i+2, got, want)
		}
	}
}

// requireSameEvents fails t at the first event of got that is not want's.
func requireSameEvents(t *testing.T, want, got []*Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i := range want {
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Fatalf("event %d (-want +got):\n%s", i, diff)
		}
	}
}

package sim

import (
	"context"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/sim/trace"
)

// A Recorder keeps an event whose previous event is more than 65535 events
// back (a record holds the distance in 16 bits) whole: here one branch
// waits while the other runs a Map of 20,000 items at the same instant, so
// that the waiting branch's WaitStateExited follows its WaitStateEntered
// some 80,000 events later.
func TestRecorderKeepsFarPreviousEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("a Map of 20,000 items")
	}
	prog := compileText(t, `{"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "ResultPath": null, "End": true,
	  "Branches": [
	    {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}},
	    {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ResultPath": null, "End": true,
	      "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}]}}}`)
	items := make([]any, 20000)
	for i := range items {
		items[i] = int64(i)
	}
	run := func(obs trace.Observer) {
		res := prog.Run(context.Background(), items, Options{Observer: obs, Limits: Limits{MaxEvents: -1}})
		if res.Status != StatusSucceeded {
			t.Fatalf("status %s: %s %s", res.Status, res.ErrorString(), res.CauseString())
		}
	}
	var streamed, recorded strings.Builder
	far := 0
	run(trace.ObserverFunc(func(e *trace.Event) {
		if e.ID-e.PreviousEventID > 65535 {
			far++
		}
		trace.JSONLWriter{W: &streamed}.Event(e)
	}))
	if far == 0 {
		t.Fatal("no event's previous event is more than 65535 back: the test needs a wider Map")
	}
	rec := &trace.Recorder{}
	run(rec)
	for _, e := range rec.Events() {
		trace.JSONLWriter{W: &recorded}.Event(e)
	}
	if recorded.String() != streamed.String() {
		a, b := strings.Split(streamed.String(), "\n"), strings.Split(recorded.String(), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("event %d differs:\nstreamed %.300s\nrecorded %.300s", i, a[i], b[i])
			}
		}
		t.Fatalf("%d streamed lines, %d recorded", len(a), len(b))
	}
}

package sim

import (
	"bytes"
	"context"
	"testing"

	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

// The same seed gives the same history byte for byte, and a Recorder
// (which copies the events the simulator reuses) gives back what was
// streamed: Map iterations, retries with full jitter, a caught failure,
// States.UUID.
func TestSameSeedSameHistory(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 3,
	  "ItemProcessor": {"StartAt": "Call", "States": {
	    "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"id.$": "States.UUID()", "v.$": "$"},
	             "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 2, "IntervalSeconds": 2, "JitterStrategy": "FULL"}],
	             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Caught"}], "End": true},
	    "Caught": {"Type": "Pass", "End": true}}},
	  "End": true}}}`)
	run := func(seed uint64) (streamed, recorded string) {
		mocks := &mock.Set{}
		for i := 0; i < 12; i++ {
			if i%3 == 1 {
				mocks.Add("Call", mock.Response{Throw: &mock.Throw{Error: strp("Boom"), Cause: strp("try again")}})
			} else {
				mocks.Add("Call", mock.Response{Return: map[string]any{"ok": int64(i)}})
			}
		}
		var live, again bytes.Buffer
		rec := &trace.Recorder{}
		res := prog.Run(context.Background(), []any{int64(1), int64(2), int64(3), int64(4), int64(5)},
			Options{Mocks: mocks, Seed: seed, Observer: trace.Tee(trace.JSONLWriter{W: &live}, rec)})
		if res.Status != StatusSucceeded {
			t.Fatalf("status %s: %s %s", res.Status, res.ErrorString(), res.CauseString())
		}
		for _, e := range rec.Events() {
			trace.JSONLWriter{W: &again}.Event(e)
		}
		return live.String(), again.String()
	}
	first, recorded := run(7)
	for _, want := range []string{"TaskFailed", "MapIterationSucceeded", "PassStateEntered"} {
		if !bytes.Contains([]byte(first), []byte(want)) {
			t.Errorf("the history has no %s:\n%s", want, first)
		}
	}
	if recorded != first {
		t.Errorf("the Recorder's events differ from the streamed ones:\n%s\nvs\n%s", recorded, first)
	}
	if second, _ := run(7); second != first {
		t.Errorf("seed 7 twice gave different histories:\n%s\nvs\n%s", first, second)
	}
	if other, _ := run(8); other == first {
		t.Error("seeds 7 and 8 gave the same history (UUIDs and jitter should differ)")
	}
}

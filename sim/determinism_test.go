package sim

import (
	"bytes"
	"context"
	"strings"
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
			switch i % 4 {
			case 1:
				mocks.Add("Call", mock.Response{Throw: &mock.Throw{Error: strp("Boom"), Cause: strp("try again")}})
			case 3:
				mocks.Add("Call", mock.Response{Throw: &mock.Throw{Error: strp("Fatal"), Cause: strp("no retry")}})
			default:
				mocks.Add("Call", mock.Response{Return: map[string]any{"ok": int64(i)}})
			}
		}
		var live, again bytes.Buffer
		rec := &trace.Recorder{}
		res := prog.Run(context.Background(), []any{obj(1), obj(2), obj(3), obj(4), obj(5)},
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

func obj(n int64) map[string]any { return map[string]any{"n": n} }

// A catcher whose ResultPath cannot be applied fails the state with that
// error; it is not caught again by the same catcher (which looped until
// the stack overflowed).
func TestCatcherResultPathFailureFailsTheState(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Call", "States": {
	  "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
	           "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Caught"}], "End": true},
	  "Caught": {"Type": "Pass", "End": true}}}`)
	mocks := &mock.Set{}
	mocks.Add("Call", mock.Response{Throw: &mock.Throw{Error: strp("Boom"), Cause: strp("no")}})
	rec := &trace.Recorder{}
	res := prog.Run(context.Background(), int64(4), Options{Mocks: mocks, Observer: rec})
	if res.Status != StatusFailed || res.ErrorString() != ErrResultPathMatch {
		t.Fatalf("status %s error %q cause %q", res.Status, res.ErrorString(), res.CauseString())
	}
	want := "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed ExecutionFailed"
	if got := strings.Join(rec.Types(), " "); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
}

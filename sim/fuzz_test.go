package sim

import (
	"context"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

// FuzzRun compiles and runs arbitrary definitions against arbitrary input:
// nothing may panic, every run must end with a status, and a Recorder as
// the observer (fed through the simulator's fast path) must keep exactly
// the events an ordinary observer sees.
func FuzzRun(f *testing.F) {
	f.Add([]byte(loopMachine), []byte(`{}`))
	f.Add([]byte(mapMachine), []byte(`[1, 2, 3]`))
	f.Add([]byte(`{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}], "End": true}}}`), []byte(`{"s": 2}`))
	f.Add([]byte(`{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL"}], "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.e", "Next": "F"}], "End": true}, "F": {"Type": "Fail", "ErrorPath": "$.e.Error"}}}`), []byte(`{}`))
	f.Add([]byte(`{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemBatcher": {"MaxItemsPerBatch": 2}, "ToleratedFailurePercentage": 50, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.Items[0]", "NumericEquals": 1, "Next": "X"}], "Default": "Y"}, "X": {"Type": "Fail"}, "Y": {"Type": "Succeed"}}}, "End": true}}}`), []byte(`[1, 2, 3]`))
	f.Add([]byte(`{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.a + 1 %}", "Assign": {"x": "{% $states.input %}"}, "Next": "C"}, "C": {"Type": "Choice", "Choices": [{"Condition": "{% $x.a > 1 %}", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`), []byte(`{"a": 2}`))
	f.Fuzz(func(t *testing.T, def, input []byte) {
		prog, err := Compile(model.Build(syntax.Parse(def)))
		if err != nil {
			return
		}
		in, err := dataflow.DecodeJSON(input)
		if err != nil {
			return
		}
		run := func(obs trace.Observer) *Result {
			mocks := &mock.Set{}
			for _, s := range prog.def.All {
				mocks.Add(s.Name, mock.Response{Throw: &mock.Throw{Error: strp("E")}})
				mocks.Add(s.Name, mock.Response{Return: in})
			}
			return prog.Run(context.Background(), in, Options{Mocks: mocks, Observer: obs, Limits: Limits{MaxTransitions: 200, MaxEvents: 1000}})
		}
		var streamed, recorded strings.Builder
		res := run(trace.JSONLWriter{W: &streamed})
		switch res.Status {
		case StatusSucceeded, StatusFailed, StatusTimedOut, StatusAborted:
		default:
			t.Fatalf("run ended with status %q", res.Status)
		}
		rec := &trace.Recorder{}
		run(rec)
		for _, e := range rec.Events() {
			trace.JSONLWriter{W: &recorded}.Event(e)
		}
		if recorded.String() != streamed.String() {
			t.Fatalf("the Recorder's events differ:\n%s\n---\n%s", recorded.String(), streamed.String())
		}
	})
}

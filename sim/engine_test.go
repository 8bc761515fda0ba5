package sim

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

func compileText(t testing.TB, text string) *Program {
	t.Helper()
	prog, err := Compile(model.Build(syntax.Parse([]byte(text))))
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

// A task result over 256 KiB fails with States.DataLimitExceeded; AWS was
// observed catching it with States.ALL.
func TestTaskResultOverPayloadLimitIsCaught(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Big", "States": {
	  "Big": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "big"},
	          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Small"}], "End": true},
	  "Small": {"Type": "Pass", "End": true}}}`)
	mocks := &mock.Set{}
	mocks.Add("Big", mock.Response{Return: map[string]any{"Payload": strings.Repeat("x", 300_000)}})
	rec := &trace.Recorder{}
	res := prog.Run(context.Background(), map[string]any{}, Options{Mocks: mocks, Observer: rec})
	if res.Status != StatusSucceeded {
		t.Fatalf("status %s (%s: %s)", res.Status, res.ErrorString(), res.CauseString())
	}
	out := res.Output.(map[string]any)
	if out["Error"] != ErrDataLimitExceeded {
		t.Errorf("output %v", out)
	}
	want := "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskFailed TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded"
	if got := strings.Join(rec.Types(), " "); got != want {
		t.Errorf("events\n got %s\nwant %s", got, want)
	}
}

// A cancelled context stops the run as ABORTED.
func TestCancelledRunIsAborted(t *testing.T) {
	prog := compileText(t, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}`)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	res := prog.Run(ctx, nil, Options{Limits: Limits{MaxEvents: -1, MaxTransitions: -1}, Observer: trace.ObserverFunc(func(*trace.Event) {
		if n++; n == 100 {
			cancel()
		}
	})})
	if res.Status != StatusAborted {
		t.Fatalf("status %s", res.Status)
	}
}

// Compile reports what makes a definition impossible to run.
func TestCompileRejectsUnrunnableDefinitions(t *testing.T) {
	for _, text := range []string{
		`{"StartAt": "Nope", "States": {"A": {"Type": "Pass", "End": true}}}`,
		`{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Missing"}}}`,
		`{"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$[", "End": true}}}`,
		`{"StartAt": "A", "States": {"A": {"Type": "Teleport", "End": true}}}`,
	} {
		if _, err := Compile(model.Build(syntax.Parse([]byte(text)))); err == nil {
			t.Errorf("Compile(%s) succeeded", text)
		}
	}
}

// The JSONL encoder writes AWS-shaped history events.
func TestJSONLObserverWritesHistoryEvents(t *testing.T) {
	prog := compileText(t, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}}`)
	var b strings.Builder
	prog.Run(context.Background(), map[string]any{}, Options{Observer: trace.JSONLWriter{W: &b}, StartTime: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	for _, want := range []string{`"type":"PassStateEntered"`, `"stateEnteredEventDetails":{"input":"{}"`, `"previousEventId":0`, `"timestamp":"2025-01-02T03:04:05Z"`} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("line %s lacks %s", lines[1], want)
		}
	}
}

// Express workflows cannot use callbacks, .sync or activities: AWS refuses
// the definition, so there is no execution.
func TestExpressRejectsCallbackTasks(t *testing.T) {
	prog := compileText(t, `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}`)
	res := prog.Run(context.Background(), map[string]any{}, Options{Express: true})
	want := "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/T/Resource'"
	if res.Status != StatusFailed || res.CauseString() != want {
		t.Errorf("got %s %q", res.Status, res.CauseString())
	}
}

// A Distributed Map reads its items from Options.Files in place of S3
// (CSV with a header row here) and writes its results through
// Options.WriteFile.
func TestDistributedMapReadsAndWritesFiles(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Each", "States": {"Each": {"Type": "Map",
	  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 2},
	                 "Parameters": {"Bucket": "data", "Key.$": "$.key"}},
	  "ItemSelector": {"name.$": "$$.Map.Item.Value.name", "i.$": "$$.Map.Item.Index"},
	  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}},
	  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
	  "End": true}}}`)
	files := fstest.MapFS{"data/people.csv": {Data: []byte("name,age\nada,36\nalan,41\ngrace,85\n")}}
	written := map[string]string{}
	res := prog.Run(context.Background(), map[string]any{"key": "people.csv"}, Options{Files: files,
		WriteFile: func(name string, data []byte) error { written[name] = string(data); return nil }})
	if res.Status != StatusSucceeded {
		t.Fatalf("%s: %s %s", res.Status, res.ErrorString(), res.CauseString())
	}
	out := res.Output.(map[string]any)
	if out["ResultWriterDetails"].(map[string]any)["Key"] != "runs/sim-map-run/manifest.json" {
		t.Errorf("output %v", out)
	}
	got := written["out/runs/sim-map-run/SUCCEEDED_0.json"]
	for _, want := range []string{`\"name\":\"ada\"`, `\"name\":\"alan\"`} {
		if !strings.Contains(got, want) {
			t.Errorf("SUCCEEDED_0.json lacks %s: %s", want, got)
		}
	}
	if strings.Contains(got, "grace") {
		t.Errorf("MaxItems 2 ignored: %s", got)
	}
	if _, ok := written["out/runs/sim-map-run/manifest.json"]; !ok {
		t.Errorf("no manifest among %v", written)
	}
}

// A compiled Program may run concurrently (the language server caches one
// per document version); runs share nothing mutable.
func TestProgramRunsConcurrently(t *testing.T) {
	prog := compileText(t, mapMachine)
	items := []any{int64(1), int64(2), int64(3)}
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() {
			var b strings.Builder
			res := prog.Run(context.Background(), items, Options{Observer: trace.TextWriter{W: &b}})
			done <- string(res.Status) + b.String()
		}()
	}
	first := <-done
	for i := 1; i < 4; i++ {
		if got := <-done; got != first {
			t.Errorf("runs differ:\n%s\n%s", first, got)
		}
	}
}

// Options.Respond supplies task outcomes from code: here a callback task
// is answered after 90 s with a result built from its input and token.
func TestRespondSuppliesCallbackResults(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
	  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	  "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "who.$": "$.who"}}, "End": true}}}`)
	var calls []TaskCall
	res := prog.Run(context.Background(), map[string]any{"who": "ada"}, Options{Seed: 3,
		Respond: func(c TaskCall) (mock.Response, bool) {
			calls = append(calls, c)
			body := c.Input.(map[string]any)["MessageBody"].(map[string]any)
			return mock.Response{Return: map[string]any{"hello": body["who"], "token": c.Token}, Delay: 90}, true
		}})
	if res.Status != StatusSucceeded || len(calls) != 1 || calls[0].Token == "" {
		t.Fatalf("%s %s %+v", res.Status, res.CauseString(), calls)
	}
	out := res.Output.(map[string]any)
	if out["hello"] != "ada" || out["token"] != calls[0].Token || res.VirtualDuration != 90*time.Second {
		t.Errorf("output %v after %v", out, res.VirtualDuration)
	}
}

// A JSONata Distributed Map reads its items with ItemReader Arguments.
func TestJSONataItemReader(t *testing.T) {
	prog := compileText(t, `{"QueryLanguage": "JSONata", "StartAt": "Each", "States": {"Each": {"Type": "Map",
	  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
	                 "Arguments": {"Bucket": "b", "Key": "{% $states.input.key %}"}},
	  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P",
	                    "States": {"P": {"Type": "Pass", "Output": "{% $states.input.n * 2 %}", "End": true}}},
	  "End": true}}}`)
	files := fstest.MapFS{"b/items.jsonl": {Data: []byte("{\"n\": 1}\n{\"n\": 2}\n")}}
	res := prog.Run(context.Background(), map[string]any{"key": "items.jsonl"}, Options{Files: files})
	if res.Status != StatusSucceeded || trace.JSONText(res.Output) != "[2,4]" {
		t.Fatalf("%s %s %s: %v", res.Status, res.ErrorString(), res.CauseString(), res.Output)
	}
}

// A mocked failure that names a start failure skips the Started event.
func TestMockedStartFailure(t *testing.T) {
	prog := compileText(t, `{"StartAt": "F", "States": {"F": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:nope", "End": true}}}`)
	mocks, err := mock.Load([]byte(`{"F": [{"Throw": {"Error": "Lambda.ResourceNotFoundException", "Cause": "Function not found"}, "event": "LambdaFunctionStartFailed"}]}`), "", "")
	if err != nil {
		t.Fatal(err)
	}
	rec := &trace.Recorder{}
	res := prog.Run(context.Background(), map[string]any{}, Options{Mocks: mocks, Observer: rec})
	want := "ExecutionStarted TaskStateEntered LambdaFunctionScheduled LambdaFunctionStartFailed ExecutionFailed"
	if got := strings.Join(rec.Types(), " "); got != want || res.ErrorString() != "Lambda.ResourceNotFoundException" {
		t.Errorf("events %s, error %s", got, res.ErrorString())
	}
}

// With an ItemReader, ItemsPath is ignored, as AWS recorded in
// test_map_item_reader_base_json_with_items_path_INVALID_ITEMS_PATH: a path
// that matches neither the input nor the file does not fail the Map.
func TestItemReaderIgnoresItemsPath(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Each", "States": {"Each": {"Type": "Map",
	  "ItemsPath": "$.no_such_path_in_bucket_result",
	  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON"},
	                 "Parameters": {"Bucket": "b", "Key": "file.json"}},
	  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P",
	                    "States": {"P": {"Type": "Pass", "End": true}}},
	  "End": true}}}`)
	files := fstest.MapFS{"b/file.json": {Data: []byte(`["from-bucket-item-0"]`)}}
	res := prog.Run(context.Background(), map[string]any{"from_input_items": []any{"input-item-0"}}, Options{Files: files})
	if res.Status != StatusSucceeded || trace.JSONText(res.Output) != `["from-bucket-item-0"]` {
		t.Fatalf("%s %s %s: %v", res.Status, res.ErrorString(), res.CauseString(), res.Output)
	}
}

// incrementDecimal counts like strconv.Itoa, across carries.
func TestIncrementDecimal(t *testing.T) {
	var a [20]byte
	d := strconv.AppendInt(a[:0], 0, 10)
	for i := range 100_500 {
		if string(d) != strconv.Itoa(i) {
			t.Fatalf("after %d increments: %s", i, d)
		}
		d = incrementDecimal(d)
	}
}

// When an inline Map iteration fails, the iterations still running are
// aborted in the order they started, even after many ended out of order.
func TestMapIterationFailureAbortsRunningInOrder(t *testing.T) {
	prog := compileText(t, `{"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 7,
  "ItemProcessor": {"StartAt": "W", "States": {
    "W": {"Type": "Wait", "SecondsPath": "$.w", "Next": "F?"},
    "F?": {"Type": "Choice", "Choices": [{"Variable": "$.f", "BooleanEquals": true, "Next": "F"}], "Default": "Done"},
    "F": {"Type": "Fail", "Error": "E"},
    "Done": {"Type": "Succeed"}}},
  "End": true}}}`)
	items := make([]any, 60)
	for i := range items {
		items[i] = map[string]any{"w": int64((i * 7919) % 13), "f": i == 41}
	}
	rec := &trace.Recorder{}
	res := prog.Run(context.Background(), items, Options{Observer: rec})
	if res.Status != StatusFailed {
		t.Fatalf("status %s", res.Status)
	}
	running := map[int]bool{}
	var aborted []int
	for _, e := range rec.Events() {
		switch e.Type {
		case "MapIterationStarted":
			running[e.Index] = true
		case "MapIterationSucceeded", "MapIterationFailed":
			delete(running, e.Index)
		case "MapIterationAborted":
			if !running[e.Index] {
				t.Errorf("iteration %d aborted but not running", e.Index)
			}
			aborted = append(aborted, e.Index)
		}
	}
	if len(aborted) != len(running) || len(aborted) == 0 {
		t.Fatalf("aborted %v, running %v", aborted, running)
	}
	for k := 1; k < len(aborted); k++ {
		if aborted[k] <= aborted[k-1] {
			t.Fatalf("aborted out of order: %v", aborted)
		}
	}
}

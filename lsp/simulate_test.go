package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/lsp/ext"
)

func (h *harness) execute(command string, arg any) (json.RawMessage, error) {
	raw, err := json.Marshal(arg)
	if err != nil {
		h.t.Fatal(err)
	}
	res, err := h.server.ExecuteCommand(h.ctx, &protocol.ExecuteCommandParams{Command: command, Arguments: []protocol.LSPAny{raw}})
	return json.RawMessage(res), err
}

func (h *harness) simulationEvents(runID string) []ext.SimulationEvent {
	var out []ext.SimulationEvent
	for _, n := range h.notificationsOf(ext.NotificationSimulationEvent) {
		var ev ext.SimulationEvent
		if err := json.Unmarshal(n.Params, &ev); err != nil {
			h.t.Fatalf("bad %s: %v", n.Method, err)
		}
		if ev.RunID == runID {
			out = append(out, ev)
		}
	}
	return out
}

func (h *harness) simulationDone(runID string) *ext.SimulationDone {
	h.t.Helper()
	for _, n := range h.notificationsOf(ext.NotificationSimulationDone) {
		var d ext.SimulationDone
		if err := json.Unmarshal(n.Params, &d); err != nil {
			h.t.Fatalf("bad %s: %v", n.Method, err)
		}
		if d.RunID == runID {
			return &d
		}
	}
	h.t.Fatalf("no %s for %s", ext.NotificationSimulationDone, runID)
	return nil
}

func startRun(t *testing.T, h *harness, arg any) string {
	t.Helper()
	res, err := h.execute(ext.CommandSimulate, arg)
	if err != nil {
		t.Fatalf("asl.simulate: %v", err)
	}
	var r ext.SimulateResult
	if err := json.Unmarshal(res, &r); err != nil || r.RunID == "" {
		t.Fatalf("asl.simulate answered %s (%v), want {runId}", res, err)
	}
	return r.RunID
}

const passMachine = `{
  "StartAt": "Greet",
  "States": {
    "Greet": { "Type": "Pass", "Parameters": { "greeting.$": "States.Format('hello {}', $.name)" }, "Next": "Done" },
    "Done": { "Type": "Succeed" }
  }
}
`

func TestSimulateStreamsEvents(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("greet.asl.json", "asl", passMachine)
		h.settle()
		id := startRun(t, h, ext.SimulateParams{URI: string(u), Input: map[string]any{"name": "Ada"}})
		h.settle()
		events := h.simulationEvents(id)
		if len(events) == 0 {
			t.Fatal("no simulation events")
		}
		var types []string
		for i, ev := range events {
			if ev.Seq != i+1 {
				t.Errorf("event %d has seq %d", i, ev.Seq)
			}
			types = append(types, ev.Event["type"].(string))
		}
		want := "ExecutionStarted PassStateEntered PassStateExited SucceedStateEntered SucceedStateExited ExecutionSucceeded"
		if got := strings.Join(types, " "); got != want {
			t.Errorf("event types:\n got %s\nwant %s", got, want)
		}
		// The Greet events point at the state in the document (line 3).
		rng, ok := events[1].Event[ext.EventRange].(map[string]any)
		if !ok {
			t.Fatalf("PassStateEntered has no range: %v", events[1].Event)
		}
		if line := rng["start"].(map[string]any)["line"].(float64); line != 3 {
			t.Errorf("Greet range starts on line %v, want 3", line)
		}
		done := h.simulationDone(id)
		if done.Status != "SUCCEEDED" {
			t.Fatalf("status %s (%v %v)", done.Status, done.Error, done.Cause)
		}
		out, _ := json.Marshal(done.Output)
		if string(out) != `{"greeting":"hello Ada"}` {
			t.Errorf("output %s", out)
		}
		if done.Transitions != 2 {
			t.Errorf("transitions %d, want 2", done.Transitions)
		}
		// Work-done progress was created, begun and ended.
		h.client.mu.Lock()
		created, progress := len(h.client.created), len(h.client.progress)
		h.client.mu.Unlock()
		if created != 1 || progress < 2 {
			t.Errorf("progress: %d created, %d $/progress, want 1 and >= 2", created, progress)
		}
	})
}

// Default input and mocks come from <stem>.input.json and <stem>.mocks.json
// beside the definition; the definition itself is read from disk when it
// is not open.
func TestSimulateDefaultsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("order.asl.json", `{
  "StartAt": "Charge",
  "States": {
    "Charge": {
      "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["Flaky"], "MaxAttempts": 2 }],
      "End": true
    }
  }
}`)
	write("order.input.json", `{"amount": 42}`)
	write("order.mocks.json", `{"Charge": [{"Throw": {"Error": "Flaky", "Cause": "try again"}}, {"Return": {"charged": 42}}]}`)
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		id := startRun(t, h, ext.SimulateParams{URI: string(uri.File(filepath.Join(dir, "order.asl.json")))})
		h.settle()
		done := h.simulationDone(id)
		if done.Status != "SUCCEEDED" {
			t.Fatalf("status %s (%v %v)", done.Status, deref(done.Error), deref(done.Cause))
		}
		out, _ := json.Marshal(done.Output)
		if !strings.Contains(string(out), `"charged":42`) {
			t.Errorf("output %s, want the mocked result", out)
		}
		if done.Transitions != 2 {
			t.Errorf("transitions %d, want 2 (one retry)", done.Transitions)
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestSimulateRefusesBrokenDefinition(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("broken.asl.json", "asl", brokenMachine)
		_, err := h.execute(ext.CommandSimulate, string(u)) // a bare URI works too
		if err == nil {
			t.Fatal("a definition with errors was run")
		}
		if !strings.Contains(err.Error(), "Wrold") || !strings.Contains(err.Error(), "4:") {
			t.Errorf("error %q should name the problem and its line", err)
		}
		var rpcErr *jsonrpc2.Error
		_ = rpcErr
		if got := len(h.notificationsOf(ext.NotificationSimulationDone)); got != 0 {
			t.Errorf("%d simulationDone notifications for a refused run", got)
		}
	})
}

func TestSimulateCancel(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		// Loops until cancelled (or the transition limit).
		u := h.open("loop.asl.json", "asl", `{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "B"},
  "B": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "End"}], "Default": "A"},
  "End": {"Type": "Succeed"}}}`)
		id := startRun(t, h, ext.SimulateParams{URI: string(u), RunID: "mine"})
		if id != "mine" {
			t.Errorf("run id %q, want the client's", id)
		}
		res, err := h.execute(ext.CommandSimulateCancel, ext.CancelParams{RunID: id})
		if err != nil {
			t.Fatal(err)
		}
		if string(res) != `{"cancelled":true}` {
			t.Errorf("cancel answered %s", res)
		}
		h.settle()
		if done := h.simulationDone(id); done.Status != "ABORTED" {
			t.Errorf("status %s, want ABORTED", done.Status)
		}
		res, _ = h.execute(ext.CommandSimulateCancel, ext.CancelParams{RunID: id})
		if string(res) != `{"cancelled":false}` {
			t.Errorf("cancelling a finished run answered %s", res)
		}
	})
}

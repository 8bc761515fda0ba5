package lsp

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/lsp/ext"
)

// initializationOptions reach the checks; a client that sends none gets
// the defaults (covered by every other test).
func TestInitializationOptions(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := newHarness(t, Options{})
		h.initialize(map[string]any{"asl": map[string]any{"workflowType": "EXPRESS", "disabledCodes": []string{"ASL101"}}})
		s := serverOf(h.serverConn)
		s.mu.Lock()
		wt, off := s.settings.WorkflowType, s.settings.Disabled["ASL101"]
		s.mu.Unlock()
		if wt != "EXPRESS" || !off {
			t.Errorf("settings after initialize: %s, ASL101 disabled %v", wt, off)
		}
		u := h.open("m.asl.json", "asl", brokenMachine)
		h.settle()
		for _, c := range codes(h.lastDiagnostics(u)) {
			if c == "ASL101" {
				t.Errorf("ASL101 reported although disabled")
			}
		}
	})
}

// A change to a document that is not open, or a stale version, is logged
// and does not disturb the session.
func TestOddChangesKeepServing(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		h.version[fileURI("ghost.asl.json")] = 5
		h.replaceAll(fileURI("ghost.asl.json"), "{}")
		u := h.open("m.asl.json", "asl", brokenMachine)
		h.version[u] = 0 // the next change claims version 1 again
		h.replaceAll(u, `{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}`)
		h.settle()
		if p := h.lastDiagnostics(u); len(p.Diagnostics) != 0 {
			t.Errorf("the latest text has no problems, got %v", codes(p))
		}
		res, err := h.server.DocumentSymbol(h.ctx, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
		if err != nil {
			t.Fatal(err)
		}
		if syms := res.(protocol.DocumentSymbolSlice); len(syms) != 1 || syms[0].Name != "A" {
			t.Errorf("symbols %v", syms)
		}
	})
}

// Clients without hierarchical symbols get a flat list with containers.
func TestFlatSymbols(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := newHarness(t, Options{})
		if _, err := h.server.Initialize(h.ctx, &protocol.InitializeParams{}); err != nil {
			t.Fatal(err)
		}
		u := h.open("p.asl.json", "asl", `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
  "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}`)
		res, err := h.server.DocumentSymbol(h.ctx, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
		if err != nil {
			t.Fatal(err)
		}
		flat, ok := res.(protocol.SymbolInformationSlice)
		if !ok {
			t.Fatalf("got %T, want SymbolInformationSlice", res)
		}
		var got []string
		for _, s := range flat {
			c := ""
			if s.ContainerName != nil {
				c = *s.ContainerName
			}
			got = append(got, c+"/"+s.Name)
		}
		if want := "/P P/Branch 1 Branch 1/X"; strings.Join(got, " ") != want {
			t.Errorf("flat symbols %q, want %q", strings.Join(got, " "), want)
		}
	})
}

// window/workDoneProgress/cancel on the run's token cancels the run.
func TestProgressCancelStopsRun(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		h := start(t, Options{})
		u := h.open("loop.asl.json", "asl", `{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "B"},
  "B": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "End"}], "Default": "A"},
  "End": {"Type": "Succeed"}}}`)
		raw, _ := json.Marshal(ext.SimulateParams{URI: string(u)})
		params := &protocol.ExecuteCommandParams{Command: ext.CommandSimulate, Arguments: []protocol.LSPAny{raw}}
		params.WorkDoneToken = protocol.String("tok-1")
		res, err := h.server.ExecuteCommand(h.ctx, params)
		if err != nil {
			t.Fatal(err)
		}
		var r ext.SimulateResult
		_ = json.Unmarshal(res, &r)
		if err := h.server.WorkDoneProgressCancel(h.ctx, &protocol.WorkDoneProgressCancelParams{Token: protocol.String("tok-1")}); err != nil {
			t.Fatal(err)
		}
		h.settle()
		if done := h.simulationDone(r.RunID); done.Status != "ABORTED" {
			t.Errorf("status %s, want ABORTED", done.Status)
		}
		h.client.mu.Lock()
		created := len(h.client.created)
		h.client.mu.Unlock()
		if created != 0 {
			t.Errorf("the client's token was given, yet the server created %d", created)
		}
	})
}

// The server leaves when the process named by initialize's processId is
// gone.
func TestExitsWhenParentDies(t *testing.T) {
	child := exec.Command("true")
	if err := child.Run(); err != nil {
		t.Skipf("cannot run a child process: %v", err)
	}
	dead := int32(child.Process.Pid)
	runBubble(t, func(t *testing.T) {
		h := newHarness(t, Options{})
		p := &protocol.InitializeParams{ProcessID: &dead}
		if _, err := h.server.Initialize(h.ctx, p); err != nil {
			t.Fatal(err)
		}
		h.settle()
		select {
		case <-h.serverConn.Done():
		default:
			t.Fatalf("the server is still serving although process %d is gone", dead)
		}
	})
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The built binary over stdio: what an editor actually starts. Feature
// behaviour is tested in-process in package lsp; these tests cover what only
// the real process shows: framing on stdout with logs kept off it, the
// lifecycle, exit codes and the custom simulate command.

var buildOnce struct {
	sync.Once
	path string
	err  error
}

func builtBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "asl-bin-")
		if err != nil {
			buildOnce.err = err
			return
		}
		buildOnce.path = filepath.Join(dir, "asl")
		out, err := exec.Command("go", "build", "-o", buildOnce.path, ".").CombinedOutput()
		if err != nil {
			buildOnce.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildOnce.err != nil {
		t.Fatal(buildOnce.err)
	}
	return buildOnce.path
}

// stdioClient speaks JSON-RPC with Content-Length framing to a child process.
type stdioClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *strings.Builder
	// stderrLock guards stderr, which the child's output copier writes.
	stderrLock *lockedWriter
	nextID     int
	msgs       chan map[string]any
}

func startServer(t *testing.T, args ...string) *stdioClient {
	t.Helper()
	cmd := exec.Command(builtBinary(t), append([]string{"lsp"}, args...)...)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &stdioClient{t: t, cmd: cmd, in: in, out: bufio.NewReader(out), stderr: &strings.Builder{}, msgs: make(chan map[string]any, 1024)}
	c.stderrLock = &lockedWriter{w: c.stderr}
	cmd.Stderr = c.stderrLock
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go c.readLoop()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return c
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// readLoop fails the test on anything on stdout that is not a framed
// JSON-RPC message: a stray log line there would break every client.
func (c *stdioClient) readLoop() {
	defer close(c.msgs)
	for {
		header, err := c.out.ReadString('\n')
		if err != nil {
			return
		}
		if !strings.HasPrefix(header, "Content-Length: ") {
			c.t.Errorf("stdout carried a non-protocol line: %q", header)
			return
		}
		n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(header, "Content-Length: ")))
		if blank, _ := c.out.ReadString('\n'); blank != "\r\n" {
			c.t.Errorf("header not followed by a blank line: %q", blank)
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(c.out, body); err != nil {
			return
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("stdout message is not JSON: %s", body)
			return
		}
		c.msgs <- m
	}
}

// stderrText is what the server has logged so far.
func (c *stdioClient) stderrText() string {
	c.stderrLock.mu.Lock()
	defer c.stderrLock.mu.Unlock()
	return c.stderr.String()
}

func (c *stdioClient) send(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	body, _ := json.Marshal(msg)
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *stdioClient) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and returns its response, collecting notifications
// that arrive meanwhile.
func (c *stdioClient) call(method string, params any) (resp map[string]any, notes []map[string]any) {
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	for {
		m := c.next()
		if m["id"] != nil && m["method"] == nil && int(m["id"].(float64)) == id {
			return m, notes
		}
		notes = append(notes, m)
	}
}

func (c *stdioClient) next() map[string]any {
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatalf("server closed stdout; stderr:\n%s", c.stderrText())
		}
		return m
	case <-time.After(60 * time.Second):
		c.t.Fatalf("no message from the server in 60s; stderr:\n%s", c.stderrText())
	}
	return nil
}

// waitFor reads messages until one has the given method.
func (c *stdioClient) waitFor(method string, match func(map[string]any) bool) map[string]any {
	for {
		m := c.next()
		if m["method"] == method && (match == nil || match(m)) {
			return m
		}
	}
}

func initialize(c *stdioClient, root string) map[string]any {
	resp, _ := c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + root, "capabilities": map[string]any{}})
	c.notify("initialized", map[string]any{})
	return resp
}

func fileURI(path string) string { return "file://" + filepath.ToSlash(path) }

func TestStdioLifecycle(t *testing.T) {
	c := startServer(t, "--log-level", "debug")
	if resp, _ := c.call("textDocument/hover", map[string]any{}); resp["error"] == nil {
		t.Errorf("a request before initialize must fail: %v", resp)
	} else if code := resp["error"].(map[string]any)["code"].(float64); code != -32002 {
		t.Errorf("error code %v, want -32002 (server not initialized)", code)
	}
	resp := initialize(c, t.TempDir())
	caps, _ := resp["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["textDocumentSync"] == nil {
		t.Fatalf("initialize result lacks capabilities: %v", resp)
	}
	cmds := fmt.Sprint(caps["executeCommandProvider"])
	if !strings.Contains(cmds, "asl.simulate") {
		t.Errorf("executeCommandProvider does not list asl.simulate: %s", cmds)
	}
	if resp, _ := c.call("shutdown", nil); resp["error"] != nil {
		t.Fatalf("shutdown: %v", resp)
	}
	c.notify("exit", nil)
	if err := c.cmd.Wait(); err != nil {
		t.Errorf("exit after shutdown should end with status 0: %v", err)
	}
	if !strings.Contains(c.stderrText(), "initialize") {
		t.Errorf("debug logs should go to stderr; got:\n%s", c.stderrText())
	}
}

func TestStdioExitWithoutShutdown(t *testing.T) {
	c := startServer(t)
	initialize(c, t.TempDir())
	c.notify("exit", nil)
	err := c.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Errorf("exit without shutdown should end with status 1, got %v", err)
	}
}

func TestStdioDiagnosticsAndSimulate(t *testing.T) {
	dir := t.TempDir()
	def := filepath.Join(dir, "order.asl.json")
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"order.asl.json": example, "order.input.json": "../../docs/examples/order.input.json", "order.mocks.json": "../../docs/examples/order.mocks.json"} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t)
	initialize(c, dir)
	uri := fileURI(def)

	// A broken edit is reported...
	t.Log("didOpen with an unknown Next target")
	broken := strings.Replace(string(text), `"Next": "Ship"`, `"Next": "Shipp"`, 1)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "asl", "version": 1, "text": broken}})
	d := c.waitFor("textDocument/publishDiagnostics", nil)
	if diags := d["params"].(map[string]any)["diagnostics"].([]any); len(diags) == 0 || !strings.Contains(fmt.Sprint(diags), "Shipp") {
		t.Fatalf("expected a diagnostic about Shipp, got %v", diags)
	}
	// ...and a broken definition is not simulated.
	resp, _ := c.call("workspace/executeCommand", map[string]any{"command": "asl.simulate", "arguments": []any{map[string]any{"uri": uri}}})
	if resp["error"] == nil {
		t.Errorf("simulating a definition with errors should fail: %v", resp)
	}

	// The fix clears them.
	t.Log("didChange to the fixed text")
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": string(text)}}})
	d = c.waitFor("textDocument/publishDiagnostics", func(m map[string]any) bool {
		return m["params"].(map[string]any)["version"] == float64(2)
	})
	if diags := d["params"].(map[string]any)["diagnostics"].([]any); len(diags) != 0 {
		t.Errorf("fixed document still has diagnostics: %v", diags)
	}

	t.Log("asl.simulate on the fixed definition")
	// asl.simulate answers at once with a run id, streams events and ends
	// with simulationDone. The input and mocks default to the files beside
	// the definition; in the CardDeclined case the Charge task fails, the
	// Catch routes to PaymentFailed, and the run ends FAILED with its error.
	resp, notes := c.call("workspace/executeCommand", map[string]any{"command": "asl.simulate", "arguments": []any{map[string]any{"uri": uri, "testCase": "CardDeclined"}}})
	if resp["error"] != nil {
		t.Fatalf("asl.simulate: %v", resp["error"])
	}
	runID := resp["result"].(map[string]any)["runId"]
	if runID == nil || runID == "" {
		t.Fatalf("no runId in %v", resp)
	}
	events := 0
	var done map[string]any
	// Notifications may overtake the response (the run starts at once), so
	// the ones that arrived before it count too.
	take := func(m map[string]any) {
		switch m["method"] {
		case "asl/simulationEvent":
			events++
		case "asl/simulationDone":
			done = m["params"].(map[string]any)
		}
	}
	for _, m := range notes {
		take(m)
	}
	for done == nil {
		take(c.next())
	}
	if events < 3 {
		t.Errorf("only %d simulation events streamed", events)
	}
	if done["runId"] != runID || done["status"] != "FAILED" || done["error"] != "PaymentFailed" {
		t.Errorf("simulationDone = %v, want FAILED with PaymentFailed for run %v", done, runID)
	}
}

func TestStdioPanicIsAnsweredAndServerLivesOn(t *testing.T) {
	c := startServer(t, "--debug-methods")
	initialize(c, t.TempDir())
	resp, _ := c.call("asl/debug/panic", map[string]any{})
	e, _ := resp["error"].(map[string]any)
	if e == nil || e["code"] != float64(-32603) || !strings.Contains(fmt.Sprint(e["message"]), "deliberate panic") {
		t.Fatalf("a panicking handler should answer -32603 naming the panic, got %v", resp)
	}
	// The log line is written by the server after it answers; give it a moment.
	logged := false
	for deadline := time.Now().Add(10 * time.Second); !logged && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		logged = strings.Contains(c.stderrText(), "handler panicked")
	}
	if !logged {
		t.Errorf("the panic should be logged on stderr:\n%s", c.stderrText())
	}
	// The server keeps serving.
	uri := fileURI(filepath.Join(t.TempDir(), "m.asl.json"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "asl", "version": 1, "text": `{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}`}})
	resp, _ = c.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if resp["error"] != nil || !strings.Contains(fmt.Sprint(resp["result"]), "A") {
		t.Errorf("after the panic, documentSymbol = %v", resp)
	}
	// Without the flag the method does not exist.
	plain := startServer(t)
	initialize(plain, t.TempDir())
	resp, _ = plain.call("asl/debug/panic", map[string]any{})
	if e, _ := resp["error"].(map[string]any); e == nil || e["code"] != float64(-32601) {
		t.Errorf("asl/debug/panic without --debug-methods should be method-not-found, got %v", resp)
	}
}

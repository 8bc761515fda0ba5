package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslkit/aslkit/internal/testkit"
)

// The server benchmarks, measured as an editor sees them: the built
// binary over stdio (its own process, its own garbage collector) on
// ../shared/corpus/large. Each op is timed from the moment the client
// writes until the answer is read; latencies are reported as p50/p99.
// The client reads answers as raw frames: decoding them is the editor's
// cost, not the server's.

// largeDoc is one corpus file and where a keystroke toggles a letter of its
// top-level Comment ("Generated benchmark machine...").
type largeDoc struct {
	name, lang string
	editLine   int
	editChar   int
}

var largeDocs = []largeDoc{
	{"large.asl.json", "asl", 1, 14},
	{"large.asl.yaml", "asl-yaml", 0, 10},
}

func BenchmarkStdioInitialize(b *testing.B) {
	bin := builtBinary(b)
	var took []time.Duration
	for b.Loop() {
		c := startBenchServer(b, bin)
		start := time.Now()
		c.call("initialize", `{"processId":null,"capabilities":{}}`)
		took = append(took, time.Since(start))
		c.stop()
	}
	testkit.ReportLatencies(b, took)
}

// BenchmarkStdioDidChangeToDiagnostics runs the whole pipeline per
// keystroke: no debounce, so parse, model and rules all count.
func BenchmarkStdioDidChangeToDiagnostics(b *testing.B) {
	benchDidChange(b, 0)
}

// BenchmarkStdioDidChangeToDiagnosticsBeyondDebounce uses the default
// debounce and reports what the user waits beyond it: the server parses and
// models the new text during the debounce, so what is left is the rules.
func BenchmarkStdioDidChangeToDiagnosticsBeyondDebounce(b *testing.B) {
	benchDidChange(b, 75*time.Millisecond)
}

func benchDidChange(b *testing.B, debounce time.Duration) {
	for _, doc := range largeDocs {
		b.Run(doc.name, func(b *testing.B) {
			c, uri := openLarge(b, doc, "--debounce", max(debounce, time.Nanosecond).String())
			var took []time.Duration
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				version := c.keystroke(doc, uri, i)
				c.waitDiagnostics(version)
				took = append(took, time.Since(start)-debounce)
			}
			testkit.ReportLatencies(b, took)
			c.reportMemory(b)
		})
	}
}

var (
	completionKeys = []string{"next_value_mid", "property_key_mid", "jsonata_var_mid", "next_value_end"}
	hoverKeys      = []string{"type_key_mid", "state_name_mid", "next_value_end"}
)

// The request goes out at once after the keystroke, and the op is timed
// from the keystroke: the worst case.
func BenchmarkStdioCompletionAfterEdit(b *testing.B) {
	benchRequestAfterEdit(b, "textDocument/completion", "complete", 0, completionKeys...)
}

func BenchmarkStdioHoverAfterEdit(b *testing.B) {
	benchRequestAfterEdit(b, "textDocument/hover", "hover", 0, hoverKeys...)
}

// VS Code asks for completion 10 ms after a keystroke (its default
// editor.quickSuggestionsDelay); these time the request alone.
func BenchmarkStdioCompletionAfterEditVSCodeDelay(b *testing.B) {
	benchRequestAfterEdit(b, "textDocument/completion", "complete", 10*time.Millisecond, completionKeys...)
}

func BenchmarkStdioHoverAfterEditVSCodeDelay(b *testing.B) {
	benchRequestAfterEdit(b, "textDocument/hover", "hover", 10*time.Millisecond, hoverKeys...)
}

// benchRequestAfterEdit times a keystroke followed by the request; with a
// delay, the request goes out that long after the keystroke and is timed on
// its own.
func benchRequestAfterEdit(b *testing.B, method, group string, delay time.Duration, keys ...string) {
	for _, doc := range largeDocs {
		for _, key := range keys {
			b.Run(doc.name+"/"+key, func(b *testing.B) {
				c, uri := openLarge(b, doc)
				line, char := corpusPosition(b, doc.name, group, key)
				params := fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":%d,"character":%d}}`, uri, line, char)
				var took []time.Duration
				size := 0
				for i := 0; b.Loop(); i++ {
					start := time.Now()
					c.keystroke(doc, uri, i)
					if delay > 0 {
						time.Sleep(delay)
						start = time.Now()
					}
					answer := c.call(method, params)
					took = append(took, time.Since(start))
					if bytes.Contains(answer, []byte(`"result":null`)) || bytes.Contains(answer, []byte(`"error":`)) {
						b.Fatalf("%s at %s: %s", method, key, answer)
					}
					size = len(answer)
				}
				testkit.ReportLatencies(b, took)
				b.ReportMetric(float64(size), "answer-bytes")
			})
		}
	}
}

// openLarge starts the server, opens doc and waits for its first
// diagnostics.
func openLarge(b *testing.B, doc largeDoc, args ...string) (*benchServer, string) {
	text := testkit.SharedFile(b, "corpus", "large", doc.name)
	c := startBenchServer(b, builtBinary(b), args...)
	b.Cleanup(c.stop)
	c.call("initialize", `{"processId":null,"capabilities":{}}`)
	c.notify("initialized", `{}`)
	uri := "file:///bench/" + doc.name
	item, _ := json.Marshal(map[string]any{"uri": uri, "languageId": doc.lang, "version": 1, "text": string(text)})
	c.notify("textDocument/didOpen", `{"textDocument":`+string(item)+`}`)
	c.waitDiagnostics(1)
	return c, uri
}

// corpusPosition reads a 1-based "line:column" of NAME.positions.json as a
// zero-based LSP position.
func corpusPosition(b *testing.B, name, group, key string) (line, char int) {
	data := testkit.SharedFile(b, "corpus", "large", name+".positions.json")
	var pos map[string]map[string]string
	if err := json.Unmarshal(data, &pos); err != nil {
		b.Fatal(err)
	}
	if _, err := fmt.Sscanf(pos[group][key], "%d:%d", &line, &char); err != nil {
		b.Fatalf("%s %s.%s: %v", name, group, key, err)
	}
	return line - 1, char - 1
}

// benchServer is a lean stdio client: it frames requests by hand and reads
// frames without decoding them.
type benchServer struct {
	tb      testing.TB
	cmd     *exec.Cmd
	in      io.WriteCloser
	out     *bufio.Reader
	nextID  int
	version int
}

func startBenchServer(tb testing.TB, bin string, args ...string) *benchServer {
	cmd := exec.Command(bin, append([]string{"lsp", "--log-level", "error"}, args...)...)
	in, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	return &benchServer{tb: tb, cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<20), version: 1}
}

func (c *benchServer) stop() {
	_ = c.in.Close()
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

func (c *benchServer) write(body string) {
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.tb.Fatalf("write: %v", err)
	}
}

func (c *benchServer) notify(method, params string) {
	c.write(`{"jsonrpc":"2.0","method":"` + method + `","params":` + params + `}`)
}

// call sends a request and returns the raw response, skipping the
// notifications that come before it.
func (c *benchServer) call(method, params string) []byte {
	c.nextID++
	id := strconv.Itoa(c.nextID)
	c.write(`{"jsonrpc":"2.0","id":` + id + `,"method":"` + method + `","params":` + params + `}`)
	for {
		frame := c.read()
		if head := frame[:min(len(frame), 64)]; bytes.Contains(head, []byte(`"id":`+id+`,`)) && !bytes.Contains(head, []byte(`"method"`)) {
			return frame
		}
	}
}

func (c *benchServer) read() []byte {
	var size int
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			c.tb.Fatalf("server output ended: %v", err)
		}
		if line == "\r\n" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			size, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	frame := make([]byte, size)
	if _, err := io.ReadFull(c.out, frame); err != nil {
		c.tb.Fatalf("server output ended: %v", err)
	}
	return frame
}

// keystroke toggles the letter of doc's Comment and returns the new version.
func (c *benchServer) keystroke(doc largeDoc, uri string, i int) int {
	c.version++
	letter := "g"
	if i%2 == 1 {
		letter = "G"
	}
	c.notify("textDocument/didChange", fmt.Sprintf(
		`{"textDocument":{"uri":%q,"version":%d},"contentChanges":[{"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},"text":%q}]}`,
		uri, c.version, doc.editLine, doc.editChar, doc.editLine, doc.editChar+1, letter))
	return c.version
}

// waitDiagnostics reads until the diagnostics of version arrive.
func (c *benchServer) waitDiagnostics(version int) {
	want := []byte(`"version":` + strconv.Itoa(version))
	for {
		frame := c.read()
		if bytes.Contains(frame[:min(len(frame), 80)], []byte("publishDiagnostics")) && bytes.Contains(frame, want) {
			return
		}
	}
}

// reportMemory adds the server's resident memory now and at its peak.
func (c *benchServer) reportMemory(b *testing.B) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid))
	if err != nil {
		return // not Linux
	}
	for _, line := range strings.Split(string(status), "\n") {
		for field, metric := range map[string]string{"VmRSS:": "server-rss-MB", "VmHWM:": "server-peak-rss-MB"} {
			if v, ok := strings.CutPrefix(line, field); ok {
				if kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))); err == nil {
					b.ReportMetric(float64(kb)/1024, metric)
				}
			}
		}
	}
}

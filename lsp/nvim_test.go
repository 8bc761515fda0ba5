package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestNeovim drives the editors/nvim plugin and the built server in a real
// headless Neovim (testdata/nvim/test.lua): diagnostics appear, an edit
// that fixes them clears them, symbols and definition answer, completion
// and hover answer when the server offers them, and :ASLSimulate streams
// events and ends with asl/simulationDone. NVIM picks the binary.
func TestNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the headless Neovim test")
	}
	nvim := os.Getenv("NVIM")
	if nvim == "" {
		nvim = "nvim"
	}
	nvimPath, err := exec.LookPath(nvim)
	if err != nil {
		t.Skipf("Neovim is not installed (%v); install it (apt-get install neovim) or set NVIM to run this test", err)
	}
	dir := t.TempDir()
	server := buildServer(t, dir)
	for _, name := range []string{"flow.asl.json", "flow.input.json"} {
		data, err := os.ReadFile(filepath.Join("testdata/nvim", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plugin, _ := filepath.Abs("../editors/nvim")
	script, _ := filepath.Abs("testdata/nvim/test.lua")
	outPath := filepath.Join(dir, "out.jsonl")

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvimPath, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	xdg := filepath.Join(dir, "xdg")
	cmd.Env = append(os.Environ(),
		"ASL_PLUGIN="+plugin, "ASL_SERVER="+server, "ASL_FILE="+filepath.Join(dir, "flow.asl.json"), "ASL_OUT="+outPath,
		"ASL_LSP_LOG="+filepath.Join(dir, "server.log"),
		"XDG_CONFIG_HOME="+xdg+"/config", "XDG_STATE_HOME="+xdg+"/state", "XDG_CACHE_HOME="+xdg+"/cache", "XDG_DATA_HOME="+xdg+"/data")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()

	f, err := os.Open(outPath)
	if err != nil {
		t.Fatalf("no output from Neovim (%v): %v\n%s", runErr, err, stderr.String())
	}
	defer f.Close()
	steps := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Errorf("bad output line %s: %v", sc.Text(), err)
			continue
		}
		steps++
		switch {
		case ev["skipped"] != nil:
			t.Logf("skipped %v: %v", ev["step"], ev["skipped"])
		case ev["ok"] != true:
			t.Errorf("step %v failed: %s", ev["step"], sc.Text())
		default:
			t.Logf("ok %s", sc.Text())
		}
	}
	if runErr != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		t.Errorf("neovim exited with %v\nstderr: %s\nserver log:\n%s", runErr, stderr.String(), tailLines(string(log), 30))
	}
	if steps < 9 {
		t.Errorf("only %d steps reported, want 9", steps)
	}
}

// buildServer builds testdata/nvim/server (lsp.RunStdio on stdin/stdout)
// once per test binary; TestMain removes it.
func buildServer(t *testing.T, _ string) string {
	t.Helper()
	path, err := builtServer()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

var serverDir string

var builtServer = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "asl-lsp-test")
	if err != nil {
		return "", err
	}
	serverDir = dir
	server := filepath.Join(dir, "asl-lsp")
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if out, err := exec.Command(gobin, "build", "-o", server, "./testdata/nvim/server").CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the server: %v\n%s", err, out)
	}
	return server, nil
})

func TestMain(m *testing.M) {
	code := m.Run()
	if serverDir != "" {
		os.RemoveAll(serverDir)
	}
	os.Exit(code)
}

// TestStdioExit runs the built server as a child process: its stdin is an
// inherited blocking pipe, which Close does not interrupt, so exit must end
// the process anyway (exit code 0 after shutdown, 1 without).
func TestStdioExit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the subprocess test")
	}
	server := buildServer(t, t.TempDir())
	for _, shutdown := range []bool{true, false} {
		cmd := exec.Command(server)
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r := bufio.NewReader(stdout)
		send := func(msg string) {
			fmt.Fprintf(stdin, "Content-Length: %d\r\n\r\n%s", len(msg), msg)
		}
		readResponse := func() string {
			n := 0
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					t.Fatalf("reading: %v", err)
				}
				if line == "\r\n" {
					break
				}
				fmt.Sscanf(line, "Content-Length: %d", &n)
			}
			body := make([]byte, n)
			if _, err := io.ReadFull(r, body); err != nil {
				t.Fatal(err)
			}
			return string(body)
		}
		send(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`)
		if resp := readResponse(); !bytes.Contains([]byte(resp), []byte(`"serverInfo"`)) {
			t.Fatalf("initialize answered %s", resp)
		}
		if shutdown {
			send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
			readResponse()
		}
		send(`{"jsonrpc":"2.0","method":"exit"}`)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			want := 1
			if shutdown {
				want = 0
			}
			if code != want {
				t.Errorf("shutdown=%v: exit code %d, want %d", shutdown, code, want)
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("shutdown=%v: the server did not exit with its stdin still open", shutdown)
		}
		stdin.Close()
	}
}

func tailLines(s string, n int) string {
	lines := bytes.Split([]byte(s), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

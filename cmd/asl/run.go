package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aslkit/aslkit/internal/checkrun"
	"github.com/aslkit/aslkit/sim/dataflow"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/sim"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

func init() {
	register(&command{name: "run", summary: "simulate a definition locally on a virtual clock, streaming the trace", run: runRun})
}

func runRun(ctx context.Context, e *env, args []string) int {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	inputPath := fl.String("input", "", "execution input: a JSON `file`, or - for standard input (default {})")
	mockPath := fl.String("mock-config", "", "task results: a MockConfigFile (or a {\"State\": [...]} mocks `file`)")
	testCase := fl.String("test-case", "", "the MockConfigFile test case `name` to use")
	machineName := fl.String("state-machine", "", "the MockConfigFile state machine `name` (default: the only one, else the file stem)")
	express := fl.Bool("express", false, "run with Express workflow limits")
	traceFormat := fl.String("trace", "text", "trace `format`: text, jsonl or none")
	seed := fl.Uint64("seed", 0, "seed for jitter, UUIDs, random numbers and task tokens (same seed, same trace)")
	resultOnly := fl.Bool("result-only", false, "print only {\"status\",\"output\",\"error\",\"cause\"} as one JSON object")
	filesDir := fl.String("files", "", "`folder` standing in for S3 for Distributed Map ItemReader (bucket/key is read as folder/bucket/key)")
	maxTransitions := fl.Int("max-transitions", 0, "stop after this many states entered (default 1,000,000)")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: asl run DEF [--input FILE|-] [--mock-config FILE --test-case NAME] [--express]")
		fmt.Fprintln(e.stderr, "               [--trace text|jsonl|none] [--seed N] [--result-only]")
		fmt.Fprintln(e.stderr, "\nRuns the state machine in DEF with mocked tasks and prints the trace as it happens, then")
		fmt.Fprintln(e.stderr, "the result. Exit 0: the execution succeeded; 1: it failed, timed out or was aborted;")
		fmt.Fprintln(e.stderr, "2: bad flags, unreadable files, input that is not JSON, or a definition with errors.")
		fl.PrintDefaults()
	}
	positional, err := parseInterleaved(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(positional) != 1 {
		fmt.Fprintln(e.stderr, "asl run: give exactly one definition file")
		fl.Usage()
		return exitUsage
	}
	var observer trace.Observer
	switch *traceFormat {
	case "text":
		observer = trace.TextWriter{W: e.stdout}
	case "jsonl":
		observer = trace.JSONLWriter{W: e.stdout}
	case "none":
	default:
		fmt.Fprintf(e.stderr, "asl run: --trace must be text, jsonl or none, not %q\n", *traceFormat)
		return exitUsage
	}
	if *resultOnly {
		observer = nil
	}

	path := positional[0]
	doc, err := loadDocument(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl run: %v\n", err)
		return exitUsage
	}
	opts := check.Options{WorkflowType: check.Standard}
	if *express {
		opts.WorkflowType = check.Express
	}
	if diags := checkrun.Run(doc.def, opts); check.HasErrors(diags) {
		fmt.Fprintf(e.stderr, "asl run: %s has errors; fix them first:\n", path)
		r := &textReporter{w: e.stderr}
		r.file(doc, onlyErrors(diags))
		return exitUsage
	}
	prog, err := sim.Compile(doc.def)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl run: %s: %v\n", path, err)
		return exitUsage
	}
	input, err := readInput(e.stdin, *inputPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "asl run: %v\n", err)
		return exitUsage
	}
	runOpts := sim.Options{
		Observer:         observer,
		Seed:             *seed,
		Express:          *express,
		StateMachineName: stem(path),
		Limits:           sim.Limits{MaxTransitions: *maxTransitions},
	}
	if *mockPath != "" {
		data, err := os.ReadFile(*mockPath)
		if err != nil {
			fmt.Fprintf(e.stderr, "asl run: %v\n", err)
			return exitUsage
		}
		name := *machineName
		if name == "" {
			name = mockMachineName(data, stem(path))
		}
		if runOpts.Mocks, err = mock.Load(data, name, *testCase); err != nil {
			fmt.Fprintf(e.stderr, "asl run: %s: %v\n", *mockPath, err)
			return exitUsage
		}
	}
	if *filesDir != "" {
		runOpts.Files = os.DirFS(*filesDir)
	}

	res := prog.Run(ctx, input, runOpts)
	if *resultOnly {
		out := map[string]any{"status": string(res.Status), "output": nil, "error": nil, "cause": nil}
		if res.Status == sim.StatusSucceeded {
			out["output"] = res.Output
		}
		if res.Error != nil {
			out["error"] = *res.Error
		}
		if res.Cause != nil {
			out["cause"] = *res.Cause
		}
		fmt.Fprintln(e.stdout, trace.JSONText(out))
	} else if *traceFormat == "jsonl" {
		fmt.Fprintln(e.stdout, trace.JSONText(sim.SummaryJSON(res)))
	} else {
		if *traceFormat == "text" {
			fmt.Fprintln(e.stdout)
		}
		sim.WriteSummary(e.stdout, res)
	}
	if res.Status != sim.StatusSucceeded {
		return exitFound
	}
	return exitOK
}

func onlyErrors(ds []check.Diagnostic) []check.Diagnostic {
	var out []check.Diagnostic
	for _, d := range ds {
		if d.Severity == check.Error {
			out = append(out, d)
		}
	}
	return out
}

// readInput reads the execution input; no flag means {}.
func readInput(stdin io.Reader, path string) (any, error) {
	return readInputWith(stdin, path, dataflow.DecodeJSON)
}

// readInputWith reads JSON from a file or standard input ("-") with the
// given decoder; no path means {}.
func readInputWith(stdin io.Reader, path string, decode func([]byte) (any, error)) (any, error) {
	var data []byte
	var err error
	switch path {
	case "":
		return map[string]any{}, nil
	case "-":
		data, err = io.ReadAll(stdin)
	default:
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	v, err := decode(data)
	if err != nil {
		name := path
		if name == "-" {
			name = "standard input"
		}
		return nil, fmt.Errorf("the input in %s is not JSON: %v", name, err)
	}
	return v, nil
}

// stem is a definition's name without folder and ASL extensions.
func stem(path string) string {
	base := filepath.Base(path)
	for _, ext := range []string{".asl.json", ".asl.yaml", ".asl.yml", ".asl.json5", ".json", ".yaml", ".yml", ".json5"} {
		if strings.HasSuffix(strings.ToLower(base), ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return base
}

// mockMachineName picks the MockConfigFile machine when the user named none:
// the only one in the file, else the one named like the definition.
func mockMachineName(data []byte, fallback string) string {
	var probe struct {
		StateMachines map[string]json.RawMessage
	}
	if json.Unmarshal(data, &probe) == nil && len(probe.StateMachines) == 1 {
		for name := range probe.StateMachines {
			return name
		}
	}
	return fallback
}

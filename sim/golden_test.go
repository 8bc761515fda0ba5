package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/sim/dataflow"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

var update = flag.Bool("update", false, "rewrite the golden sections of sim/testdata/*.txtar")

// goldenOptions is the optional options.json of a golden test.
type goldenOptions struct {
	Seed           uint64 `json:"seed"`
	Express        bool   `json:"express"`
	MaxTransitions int    `json:"maxTransitions"`
	MaxEvents      int    `json:"maxEvents"`
}

// TestGolden runs each sim/testdata/*.txtar: machine.asl.json with
// input.json (and mocks.json, options.json when present), and compares
// the trace (one event per line: id(previous id), virtual time, scope,
// type, state) and the run summary with the @trace and @output sections.
// Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string][]byte{}
			for _, f := range ar.Files {
				sections[f.Name] = f.Data
			}
			gotTrace, gotOutput, streamed := runGolden(t, sections, false)
			// Determinism: a second run gives byte-identical results.
			again, againOut, _ := runGolden(t, sections, false)
			if gotTrace != again || gotOutput != againOut {
				t.Errorf("two runs differ:\n%s\n---\n%s", gotTrace, again)
			}
			// A Recorder as the observer (which the simulator feeds
			// through its own fast path) keeps the same events, data,
			// spans and debugger extras included.
			if _, _, recorded := runGolden(t, sections, true); recorded != streamed {
				t.Errorf("the Recorder's events differ:\n%s\n---\n%s", recorded, streamed)
			}
			if *update {
				setSection(ar, "@trace", gotTrace)
				setSection(ar, "@output", gotOutput)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(sections["@trace"]); want != gotTrace {
				t.Errorf("trace differs (run with -update to accept)\n--- got\n%s--- want\n%s", gotTrace, want)
			}
			if want := string(sections["@output"]); want != gotOutput {
				t.Errorf("output differs (run with -update to accept)\n--- got\n%s--- want\n%s", gotOutput, want)
			}
		})
	}
}

// runGolden runs a golden test's machine and returns its trace as text
// lines and as JSON lines (all of each event), and the run summary; with
// recorded, the events come from a Recorder that was the run's observer.
func runGolden(t *testing.T, sections map[string][]byte, recorded bool) (traceText, output, jsonl string) {
	t.Helper()
	def := model.Build(syntax.Parse(sections["machine.asl.json"]))
	prog, err := Compile(def)
	if err != nil {
		return "", "compile error: " + err.Error() + "\n", ""
	}
	var input any
	if in := bytes.TrimSpace(sections["input.json"]); len(in) > 0 {
		if input, err = dataflow.DecodeJSON(in); err != nil {
			t.Fatalf("input.json: %v", err)
		}
	}
	var opts Options
	if data, ok := sections["options.json"]; ok {
		var o goldenOptions
		if err := json.Unmarshal(data, &o); err != nil {
			t.Fatalf("options.json: %v", err)
		}
		opts.Seed, opts.Express = o.Seed, o.Express
		opts.Limits = Limits{MaxTransitions: o.MaxTransitions, MaxEvents: o.MaxEvents}
	}
	if data, ok := sections["mocks.json"]; ok {
		if opts.Mocks, err = mock.Load(data, "", ""); err != nil {
			t.Fatalf("mocks.json: %v", err)
		}
	}
	var b, j strings.Builder
	line := func(e *trace.Event) {
		fmt.Fprintf(&b, "%d(%d) %s\n", e.ID, e.PreviousEventID, trace.TextLine(e))
		trace.JSONLWriter{W: &j}.Event(e)
	}
	opts.Observer = trace.ObserverFunc(line)
	rec := &trace.Recorder{}
	if recorded {
		opts.Observer = rec
	}
	res := prog.Run(context.Background(), input, opts)
	for _, e := range rec.Events() {
		line(e)
	}
	var out strings.Builder
	WriteSummary(&out, res)
	return b.String(), out.String(), j.String()
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

package sim

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
	"github.com/aslkit/aslkit/sim/mock"
)

// TestRealWorldCorpus compiles and runs every definition of the shared
// real-world corpus with every Task mocked to return its input (twice:
// once failing, once succeeding), an empty-object input and small limits.
// Nothing may panic; it reports how many compiled and how the runs ended.
func TestRealWorldCorpus(t *testing.T) {
	dir := filepath.Join(testkit.Shared(t), "corpus", "realworld")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("real-world corpus not found at %s: %v", dir, err)
	}
	counts := map[string]int{}
	files := 0
	for _, ent := range entries {
		name := ent.Name()
		if ent.IsDir() || strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".tsv") {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files++
		outcome := func() (outcome string) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic: %v", name, r)
					outcome = "panic"
				}
			}()
			f := syntax.ParseAuto(name, text)
			prog, err := Compile(model.Build(f))
			if err != nil {
				return "does not compile"
			}
			mocks := &mock.Set{}
			for _, s := range prog.def.All {
				mocks.Add(s.Name, mock.Response{Throw: &mock.Throw{Error: strp("Sim.Mocked"), Cause: strp("first attempt fails")}})
				mocks.Add(s.Name, mock.Response{Return: map[string]any{}})
			}
			res := prog.Run(context.Background(), map[string]any{}, Options{Mocks: mocks, Limits: Limits{MaxTransitions: 2000}})
			if res.Status == StatusFailed && res.ErrorString() == "Sim.InternalError" {
				t.Errorf("%s: %s", name, res.CauseString())
			}
			if os.Getenv("SIM_RW_DEBUG") != "" && res.Status == StatusFailed {
				fmt.Printf("RW %s %s\n", res.ErrorString(), firstN(res.CauseString(), 140))
			}
			return "ran: " + string(res.Status)
		}()
		counts[outcome]++
	}
	var parts []string
	for k, n := range counts {
		parts = append(parts, fmt.Sprintf("%s %d", k, n))
	}
	fmt.Printf("real-world corpus: %d files: %s\n", files, strings.Join(parts, ", "))
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

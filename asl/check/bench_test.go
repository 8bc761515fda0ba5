package check_test

import (
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// BenchmarkCheckLargeJSON measures the whole pipeline (parse, model, every
// rule) on the 1 MB / 2,002-state definition. Target: <= 10 ms.
func BenchmarkCheckLargeJSON(b *testing.B) { benchmarkCheck(b, "large.asl.json") }

// BenchmarkCheckLargeYAML is the same definition in YAML. Target: <= 30 ms.
func BenchmarkCheckLargeYAML(b *testing.B) { benchmarkCheck(b, "large.asl.yaml") }

// BenchmarkRulesLargeJSON measures model.Build and the rules on an already
// parsed file. The model is rebuilt each time: rules that share an analysis
// remember it per definition, and reusing one would hide that cost.
func BenchmarkRulesLargeJSON(b *testing.B) {
	text := readLarge(b, "large.asl.json")
	f := syntax.ParseAuto("large.asl.json", text)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	cpu := processCPU()
	for b.Loop() {
		check.Run(model.Build(f), check.Options{})
	}
	reportCPU(b, cpu)
}

func benchmarkCheck(b *testing.B, name string) {
	text := readLarge(b, name)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	cpu := processCPU()
	for b.Loop() {
		f := syntax.ParseAuto(name, text)
		check.Run(model.Build(f), check.Options{})
	}
	reportCPU(b, cpu)
}

// reportCPU adds the process CPU time per op since start (GC included). On a
// busy machine it is the number to compare; run with GOMAXPROCS=1 so that it
// is not inflated by idle workers.
func reportCPU(b *testing.B, start int64) {
	if b.N > 0 && start > 0 {
		b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
	}
}

func readLarge(b testing.TB, name string) []byte {
	return testkit.SharedFile(b, "corpus", "large", name)
}

// BenchmarkEachRuleLargeJSON times every rule on its own (with model.Build,
// see BenchmarkRulesLargeJSON), to find the hot ones.
func BenchmarkEachRuleLargeJSON(b *testing.B) {
	text := readLarge(b, "large.asl.json")
	f := syntax.ParseAuto("large.asl.json", text)
	for _, r := range check.Rules() {
		off := map[string]bool{}
		for _, o := range check.Rules() {
			off[o.Code] = o.Code != r.Code
		}
		b.Run(r.Code+"-"+r.Name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				check.Run(model.Build(f), check.Options{Disabled: off})
			}
			reportCPU(b, cpu)
		})
	}
}

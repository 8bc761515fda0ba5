package syntax

import (
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"
)

func benchmarkLarge(b *testing.B, name string, parse func([]byte) *File) {
	text := testkit.SharedFile(b, "corpus", "large", name)
	if f := parse(text); len(f.Errors) > 0 {
		b.Fatalf("%s: %d syntax errors, first %s %s", name, len(f.Errors), f.Errors[0].Code, f.Errors[0].Message)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	cpu := processCPU()
	for b.Loop() {
		parse(text)
	}
	if b.N > 0 && cpu > 0 {
		// CPU time per op, GC included: on a busy machine it is the number
		// to compare (run with GOMAXPROCS=1).
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkParseLargeJSON(b *testing.B) { benchmarkLarge(b, "large.asl.json", Parse) }

func BenchmarkParseLargeYAML(b *testing.B) { benchmarkLarge(b, "large.asl.yaml", ParseYAML) }

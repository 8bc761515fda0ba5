package checkrun

import (
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// What `asl check` and the server do with the 1 MB / 2,002-state
// definition: parse, model, then the rules in two halves on two cores.
// asl/check's BenchmarkCheckLarge* is the same on one core.
func BenchmarkPipelineLargeJSON(b *testing.B) { benchmarkPipeline(b, "large.asl.json") }

func BenchmarkPipelineLargeYAML(b *testing.B) { benchmarkPipeline(b, "large.asl.yaml") }

func benchmarkPipeline(b *testing.B, name string) {
	text := testkit.SharedFile(b, "corpus", "large", name)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Run(model.Build(syntax.ParseAuto(name, text)), check.Options{})
	}
}

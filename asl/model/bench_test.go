package model_test

import (
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// BenchmarkBuildLargeJSON measures model.Build alone on the 1 MB /
// 2,002-state definition, parsed once: the server rebuilds the model on
// every keystroke, and asl check builds it once per run.
func BenchmarkBuildLargeJSON(b *testing.B) { benchmarkBuild(b, "large.asl.json") }

// BenchmarkBuildLargeYAML is the same definition in YAML.
func BenchmarkBuildLargeYAML(b *testing.B) { benchmarkBuild(b, "large.asl.yaml") }

func benchmarkBuild(b *testing.B, name string) {
	// SharedFile skips the benchmark with a message when ../shared is absent.
	text := testkit.SharedFile(b, "corpus", "large", name)
	f := syntax.ParseAuto(name, text)
	b.ReportAllocs()
	for b.Loop() {
		model.Build(f)
	}
}

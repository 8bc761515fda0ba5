package testkit

import (
	"math"
	"slices"
	"testing"
	"time"
)

// ReportLatencies adds the median and the 99th percentile of a benchmark's
// per-op latencies, in milliseconds, as p50-ms and p99-ms.
func ReportLatencies(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	at := func(p float64) float64 {
		i := min(len(took)-1, max(0, int(math.Ceil(p*float64(len(took))))-1))
		return float64(took[i]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

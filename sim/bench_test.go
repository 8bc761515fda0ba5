package sim

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aslkit/aslkit/sim/trace"
)

const loopMachine = `{"StartAt": "Init", "States": {
  "Init": {"Type": "Pass", "Result": {"n": 0}, "Next": "Check"},
  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 10000, "Next": "Inc"}], "Default": "Done"},
  "Inc": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Check"},
  "Done": {"Type": "Succeed"}}}`

const mapMachine = `{"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 40,
  "ItemProcessor": {"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Parameters": {"v.$": "$"}, "Next": "B"},
    "B": {"Type": "Choice", "Choices": [{"Variable": "$.v", "NumericGreaterThanEquals": 0, "Next": "C"}], "Default": "C"},
    "C": {"Type": "Pass", "Result": "done", "ResultPath": "$.r", "End": true}}},
  "ResultPath": null, "End": true}}}`

func unlimited() Limits { return Limits{MaxEvents: -1, MaxTransitions: -1} }

// BenchmarkChoicePassLoop runs a 10,000-iteration Choice/Pass loop with
// every event recorded.
func BenchmarkChoicePassLoop(b *testing.B) {
	prog := compileText(b, loopMachine)
	b.ReportAllocs()
	transitions := 0
	cpu0 := cpuTime()
	for b.Loop() {
		rec := &trace.Recorder{}
		res := prog.Run(context.Background(), map[string]any{}, Options{Observer: rec, Limits: unlimited()})
		if res.Status != StatusSucceeded {
			b.Fatalf("%s %s", res.ErrorString(), res.CauseString())
		}
		transitions += res.Transitions
	}
	reportRates(b, transitions, cpuTime()-cpu0)
}

// BenchmarkInlineMap10k runs an inline Map over 10,000 items, three states
// per item, with every event recorded; it also reports the peak heap.
func BenchmarkInlineMap10k(b *testing.B) {
	prog := compileText(b, mapMachine)
	items := make([]any, 10000)
	for i := range items {
		items[i] = int64(i)
	}
	b.ReportAllocs()
	transitions := 0
	var peak uint64
	cpu0 := cpuTime()
	for b.Loop() {
		rec := &trace.Recorder{}
		res := prog.Run(context.Background(), items, Options{Observer: rec, Limits: unlimited()})
		if res.Status != StatusSucceeded {
			b.Fatalf("%s %s", res.ErrorString(), res.CauseString())
		}
		transitions += res.Transitions
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
	}
	reportRates(b, transitions, cpuTime()-cpu0)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	if rss, ok := peakRSS(); ok {
		// The whole process's high-water mark (earlier benchmarks included).
		b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
	}
}

// peakRSS reads the process's peak resident set size (Linux VmHWM).
func peakRSS() (int64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// reportRates reports transitions per wall-clock second and per CPU second
// of the process (the latter is stable on a loaded machine; it includes
// the garbage collector's work on other threads).
func reportRates(b *testing.B, transitions int, cpu time.Duration) {
	b.ReportMetric(float64(transitions)/b.Elapsed().Seconds(), "transitions/s")
	if cpu > 0 {
		b.ReportMetric(float64(transitions)/cpu.Seconds(), "transitions/cpu-s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

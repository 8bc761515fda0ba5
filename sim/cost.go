package sim

import (
	"fmt"
	"io"
	"math"

	"github.com/aslkit/aslkit/sim/trace"
)

// Cost estimates what the run would cost on AWS (US East list prices, see
// ../shared/spec/limits.md): Standard bills per state transition; Express
// per request plus GB-seconds (duration rounded up to 100 ms, at the
// smallest 64 MB memory step).
type Cost struct {
	Standard float64 // USD
	Express  float64 // USD
}

const (
	standardPerTransition = 0.000025
	expressPerRequest     = 0.000001
	expressPerGBSecond    = 0.00001667
	expressMemoryGB       = 64.0 / 1024
)

// EstimateCost prices a run of the given transitions and duration.
func EstimateCost(transitions int, d interface{ Seconds() float64 }) Cost {
	billed := math.Ceil(d.Seconds()*10) / 10
	if billed < 0.1 {
		billed = 0.1
	}
	return Cost{
		Standard: float64(transitions) * standardPerTransition,
		Express:  expressPerRequest + billed*expressMemoryGB*expressPerGBSecond,
	}
}

// WriteSummary writes the end-of-run summary in text form.
func WriteSummary(w io.Writer, r *Result) {
	fmt.Fprintf(w, "status: %s\n", r.Status)
	if r.Status == StatusSucceeded {
		fmt.Fprintf(w, "output: %s\n", trace.JSONText(r.Output))
	} else {
		if r.Error != nil {
			fmt.Fprintf(w, "error: %s\n", *r.Error)
		}
		if r.Cause != nil {
			fmt.Fprintf(w, "cause: %s\n", *r.Cause)
		}
	}
	fmt.Fprintf(w, "transitions: %d\nevents: %d\nvirtual duration: %s\n", r.Transitions, r.Events, trace.FormatElapsed(r.VirtualDuration))
	if r.VirtualDuration > expressMaxDuration {
		// An Express workflow cannot run this long, so its price means nothing.
		fmt.Fprintf(w, "estimated cost: standard $%.6f, express n/a (longer than Express's 5-minute limit)\n", r.Cost.Standard)
		return
	}
	fmt.Fprintf(w, "estimated cost: standard $%.6f, express $%.8f\n", r.Cost.Standard, r.Cost.Express)
}

// SummaryJSON is the summary as one JSON object (the last line of a JSONL
// trace).
func SummaryJSON(r *Result) map[string]any {
	m := map[string]any{
		"type":            "Summary",
		"status":          string(r.Status),
		"transitions":     r.Transitions,
		"events":          r.Events,
		"virtualDuration": trace.FormatElapsed(r.VirtualDuration),
		"virtualSeconds":  r.VirtualDuration.Seconds(),
		"cost":            map[string]any{"standardUSD": r.Cost.Standard, "expressUSD": r.Cost.Express},
	}
	if r.Status == StatusSucceeded {
		m["output"] = r.Output
	}
	if r.Error != nil {
		m["error"] = *r.Error
	}
	if r.Cause != nil {
		m["cause"] = *r.Cause
	}
	return m
}

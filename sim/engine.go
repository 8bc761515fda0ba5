// Package sim runs ASL state machines deterministically on a virtual clock.
// Compile a definition once, then Run it as often as needed: each run gets
// its own discrete-event queue, so a Wait of a year takes no time, Parallel
// branches and Map iterations interleave in a fixed order (no goroutines),
// and every Task is answered by a mock. The history events match AWS Step
// Functions' (types, ids, previousEventId), so AWS's cause texts that quote
// "entered at the event id #N" come out the same.
package sim

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/aslkit/aslkit/sim/clock"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

// Status is how an execution ended.
type Status string

const (
	StatusSucceeded Status = "SUCCEEDED"
	StatusFailed    Status = "FAILED"
	StatusTimedOut  Status = "TIMED_OUT"
	StatusAborted   Status = "ABORTED"
)

// Limits bound a run.
type Limits struct {
	// MaxTransitions stops a run after this many states entered (retries
	// included). 0 means 1,000,000; negative means no limit.
	MaxTransitions int
	// MaxEvents is the execution history quota: AWS fails an execution
	// whose history reaches 25,000 events (the default when 0; negative
	// means no limit).
	MaxEvents int
	// The wall-clock guard is the ctx passed to Run (context.WithTimeout):
	// when it is done the run stops as ABORTED.
}

// Options configure one run.
type Options struct {
	// Mocks answer Task states; a Task without one fails the run with an
	// error saying how to mock it.
	Mocks *mock.Set
	// Respond, when set, is asked first for every Task invocation (a
	// debugger or test supplying results, callbacks and heartbeats as
	// mock.Response values); returning false falls back to Mocks. It runs
	// on the caller's goroutine, inside Run.
	Respond func(TaskCall) (mock.Response, bool)
	// Observer receives every history event as it happens (may be nil).
	// The *trace.Event is reused once the call returns: keep a copy (as
	// trace.Recorder does), never the pointer.
	Observer trace.Observer
	Limits   Limits
	// Seed feeds JitterStrategy FULL, States.UUID/MathRandom and task
	// tokens; equal seeds give byte-identical traces.
	Seed uint64
	// Express runs with Express limits (5-minute duration).
	Express bool
	// Names and start instant of the simulated execution; defaults are
	// "Machine", "exec" and 2024-01-01T00:00:00Z.
	StateMachineName string
	ExecutionName    string
	StartTime        time.Time
	// Files stands in for S3 for Distributed Map ItemReader: Bucket "b" and
	// Key "k" read the file "b/k" (listObjectsV2 lists "b/<prefix>...").
	Files fs.FS
	// WriteFile receives ResultWriter output ("bucket/prefix/.../x.json");
	// nil discards it.
	WriteFile func(name string, data []byte) error
}

// Result is how a run ended.
type Result struct {
	Status Status
	// Output is set when SUCCEEDED. Error and Cause are set when FAILED,
	// TIMED_OUT or ABORTED (nil when AWS would give none).
	Output       any
	Error, Cause *string
	// Transitions counts states entered, retries included (what Standard
	// workflows bill).
	Transitions     int
	VirtualDuration time.Duration
	// Events is the length of the main execution history.
	Events int
	Cost   Cost
}

// ErrorString returns Error or "".
func (r *Result) ErrorString() string {
	if r.Error == nil {
		return ""
	}
	return *r.Error
}

// CauseString returns Cause or "".
func (r *Result) CauseString() string {
	if r.Cause == nil {
		return ""
	}
	return *r.Cause
}

const (
	defaultMaxTransitions = 1_000_000
	awsMaxEvents          = 25_000
	payloadLimit          = 256 * 1024
	standardMaxDuration   = 365 * 24 * time.Hour
	expressMaxDuration    = 5 * time.Minute
	region                = "us-east-1"
	account               = "123456789012"
)

// DefaultStartTime is the virtual start of a run when Options.StartTime is zero.
var DefaultStartTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// run is the state of one execution.
type run struct {
	p     *Program
	ctx   context.Context
	opts  Options
	q     *clock.Queue
	obs   trace.Observer
	rng   *rand.Rand
	main  *history
	input any

	done       bool
	anyStopped bool // some thread was stopped (thread.dead walks up only then)
	// halting: done, an execution ended or a thread was stopped (until
	// then thread.dead has nothing to check).
	halting     bool
	result      Result
	transitions int
	maxTrans    int
	maxEvents   int
	maxDuration time.Duration
	invocations map[string]int
	freeVisits  []*visit
	freeIters   []*mapIteration
	detailSlab  []trace.Details
	// rec is obs when it is a Recorder (called directly: it keeps no
	// event pointer, so events need no heap copy); scratch is the copy
	// other observers get.
	rec     *trace.Recorder
	scratch *trace.Event
	// recElapsed is the virtual time rec was last told (Recorder.Instant;
	// -1 before).
	recElapsed time.Duration
	// sites caches, by state and siteKind, 1 + the rec's number of the
	// site of the state's hot events (0: not asked yet).
	sites  []uint32
	tokens int

	execObj, machineObj map[string]any
	execArn, machineArn string
}

// Run executes the program on input (a plain Go JSON value). It never
// panics: an internal failure ends the run as FAILED with the error
// "Sim.InternalError".
func (p *Program) Run(ctx context.Context, input any, opts Options) (res *Result) {
	defer func() {
		if x := recover(); x != nil {
			res = &Result{Status: StatusFailed, Error: strp("Sim.InternalError"), Cause: strp(fmt.Sprintf("internal simulator error: %v", x))}
		}
	}()
	r := &run{p: p, ctx: ctx, opts: opts, obs: opts.Observer, input: input, invocations: map[string]int{}}
	r.rec, _ = opts.Observer.(*trace.Recorder)
	r.recElapsed = -1
	if r.rec != nil {
		r.sites = make([]uint32, p.states*siteKinds)
	}
	if opts.StartTime.IsZero() {
		opts.StartTime = DefaultStartTime
	}
	if opts.StateMachineName == "" {
		opts.StateMachineName = "Machine"
	}
	if opts.ExecutionName == "" {
		opts.ExecutionName = "exec"
	}
	r.opts = opts
	if opts.Express && len(p.notExpress) > 0 {
		// AWS refuses to create such an Express state machine: there is
		// no execution at all.
		return &Result{Status: StatusFailed, Error: strp("InvalidDefinition"),
			Cause: strp("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: " + strings.Join(p.notExpress, ", ") + "'")}
	}
	r.q = clock.New(opts.StartTime)
	r.rng = rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	r.maxTrans = pick(opts.Limits.MaxTransitions, defaultMaxTransitions)
	r.maxEvents = pick(opts.Limits.MaxEvents, awsMaxEvents)
	r.maxDuration = standardMaxDuration
	if opts.Express {
		r.maxDuration = expressMaxDuration
	}
	deadline := r.maxDuration
	if p.timeout > 0 && p.timeout < deadline {
		deadline = p.timeout
	}
	r.machineArn = "arn:aws:states:" + region + ":" + account + ":stateMachine:" + opts.StateMachineName
	r.execArn = "arn:aws:states:" + region + ":" + account + ":execution:" + opts.StateMachineName + ":" + opts.ExecutionName
	r.machineObj = map[string]any{"Id": r.machineArn, "Name": opts.StateMachineName}
	r.execObj = map[string]any{
		"Id": r.execArn, "Input": input, "Name": opts.ExecutionName,
		"RoleArn":   "arn:aws:iam::" + account + ":role/StepFunctionsRole",
		"StartTime": formatTimestamp(opts.StartTime), "RedriveCount": int64(0),
	}

	r.main = &history{r: r}
	if r.rec != nil {
		r.main.plainBelow = r.maxEvents - 1
	}
	r.main.onEnd = r.finish
	r.main.start(p.top, input, r.execObj)
	r.q.At(deadline, func() { r.main.timeOut() })
	// A context that can never be canceled (Done is nil) is not asked
	// at every step.
	cancelable := ctx.Done() != nil
	for !r.done {
		if cancelable {
			if err := ctx.Err(); err != nil {
				r.main.abort(err.Error())
				break
			}
		}
		if !r.q.Step() {
			break
		}
	}
	if !r.done { // nothing left to do but the execution never ended
		r.main.fail(r.main.top, &failure{Error: strp(ErrRuntime), Cause: strp("The simulation stalled: no state is running and the execution did not end.")})
	}
	r.result.Transitions = r.transitions
	r.result.VirtualDuration = r.q.Elapsed()
	r.result.Events = r.main.nextID
	r.result.Cost = EstimateCost(r.transitions, r.result.VirtualDuration)
	return &r.result
}

func pick(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return int(^uint(0) >> 1)
	}
	return v
}

// finish records the end of the main execution.
func (r *run) finish(status Status, out any, f *failure) {
	r.done, r.halting = true, true
	r.result.Status = status
	if status == StatusSucceeded {
		r.result.Output = out
	} else if f != nil {
		r.result.Error, r.result.Cause = f.Error, f.Cause
	}
	r.q.Clear()
}

// failure is an error travelling up: Error/Cause as AWS reports them
// (nullable), runtime when it cannot be retried or caught.
type failure struct {
	Error, Cause *string
	runtime      bool
}

func (f *failure) name() string {
	if f.Error == nil {
		return ""
	}
	return *f.Error
}

func strp(s string) *string { return &s }

func formatTimestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// details returns e's Details, taking new ones from a slab.
func (r *run) details(e *trace.Event) *trace.Details {
	if e.Details == nil {
		if len(r.detailSlab) == 0 {
			r.detailSlab = make([]trace.Details, 128)
		}
		e.Details = &r.detailSlab[0]
		r.detailSlab = r.detailSlab[1:]
	}
	return e.Details
}

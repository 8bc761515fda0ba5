// Package trace holds the simulator's history events. They are named and
// shaped like the HistoryEvents of AWS Step Functions' GetExecutionHistory
// (same type names, ids and previousEventId chaining, so cause texts that
// quote "entered at the event id #N" match) plus debugger extras: the
// state's source span, a hierarchical path and the data at each step.
package trace

import (
	"strconv"
	"strings"
	"time"

	"github.com/aslkit/aslkit/asl/source"
)

// Event is one history event. The common fields are inline; the
// details few events carry live in *Details (nil when none), which keeps
// the recorded trace small.
type Event struct {
	// ID is 1-based and strictly increasing within one execution history;
	// PreviousEventID chains events as AWS does (0 for the first event).
	ID, PreviousEventID int
	Type                string
	// Timestamp is virtual; Elapsed is the time since the execution started.
	Timestamp time.Time
	Elapsed   time.Duration

	// Scope locates the event: "" at top level, else e.g.
	// "Par/branch[1]/Map/iter[3]". State is the state's name ("" for
	// execution-level events); Attempt counts retries (0 = first attempt).
	Scope string
	State string
	// Span is the state's source span when HasSpan.
	Span    source.Span
	Attempt int32
	HasSpan bool

	// Input and Output are the details' input/output as plain Go JSON
	// values (map[string]any, []any, string, float64/int64, bool, nil).
	// They are shared with the run and other events: never modify them.
	HasInput, HasOutput bool
	Input, Output       any
	// Error and Cause are nullable, as in AWS.
	Error, Cause *string

	// Index and Name (the Map state) of MapIteration* events; Name is
	// also EvaluationFailed's location. Inline rather than in Details:
	// every Map iteration has them.
	Index    int
	Name     string
	HasIndex bool
	// Extras for debuggers (never part of AWS's history): the state's
	// effective input (after InputPath/Parameters) and raw result. Inline
	// because most exited events of Pass and Task states carry one.
	HasEffectiveInput, HasResult bool
	EffectiveInput, Result       any

	*Details
}

// Details are the less common members of an event.
type Details struct {
	// Execution names a child execution (Distributed Map); its events have
	// their own id sequence. "" for the main execution.
	Execution              string
	Resource, ResourceType string
	Parameters             any
	TimeoutSeconds         int64
	HeartbeatSeconds       int64
	// Length of MapStateStarted.
	Length            int
	MapRunArn         string
	AssignedVariables map[string]any
	// The flags sit together so that Details packs tightly.
	HasParameters, HasLength bool
}

// ExecutionName is Details.Execution, or "" (the main execution).
func (e *Event) ExecutionName() string {
	if e.Details == nil {
		return ""
	}
	return e.Details.Execution
}

// Detail returns the event's Details, allocating them on first use.
func (e *Event) Detail() *Details {
	if e.Details == nil {
		e.Details = &Details{}
	}
	return e.Details
}

// Path names where the event happened: scope, state and attempt, e.g.
// "Par/branch[1]/Map/iter[3]/Fetch#attempt2".
func (e *Event) Path() string {
	var b strings.Builder
	b.WriteString(e.Scope)
	if e.State != "" {
		if b.Len() > 0 {
			b.WriteByte('/')
		}
		b.WriteString(e.State)
		if e.Attempt > 0 {
			b.WriteString("#attempt")
			b.WriteString(strconv.Itoa(int(e.Attempt) + 1))
		}
	}
	return b.String()
}

// Observer receives events as they happen. The *Event is valid only
// during the call: the simulator reuses it for a later event. What it
// points to (Input, Output, Error, Cause, Details) stays valid and is never
// modified, so an observer that keeps an event keeps a copy of the struct
// (Recorder does).
type Observer interface{ Event(*Event) }

// ObserverFunc adapts a function to an Observer.
type ObserverFunc func(*Event)

// Event calls f.
func (f ObserverFunc) Event(e *Event) { f(e) }

// Tee sends each event to every observer in turn (nil ones are skipped).
func Tee(obs ...Observer) Observer {
	var keep []Observer
	for _, o := range obs {
		if o != nil {
			keep = append(keep, o)
		}
	}
	if len(keep) == 1 {
		return keep[0]
	}
	return ObserverFunc(func(e *Event) {
		for _, o := range keep {
			o.Event(e)
		}
	})
}

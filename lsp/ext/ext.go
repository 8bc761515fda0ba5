// Package ext holds the server's custom protocol: command names and the
// JSON shapes of their arguments, results and notifications. It is plain
// JSON types only, documented in docs/protocol.md; editors implement the
// same shapes.
package ext

// Commands run with workspace/executeCommand.
const (
	// CommandSimulate starts a simulation: one SimulateParams argument (or
	// just the document URI as a string); answers SimulateResult at once.
	CommandSimulate = "asl.simulate"
	// CommandSimulateCancel stops a run: one CancelParams argument;
	// answers CancelResult.
	CommandSimulateCancel = "asl.simulate.cancel"
)

// Notifications the server sends during a simulation.
const (
	NotificationSimulationEvent = "asl/simulationEvent"
	NotificationSimulationDone  = "asl/simulationDone"
)

// SimulateParams is the argument of asl.simulate. Only URI is required.
type SimulateParams struct {
	// URI is the state machine document (open in the editor or on disk).
	URI string `json:"uri"`
	// Input is the execution input (any JSON value). When absent,
	// InputURI is read; when that is absent too, <stem>.input.json beside
	// the definition; else {}.
	Input any `json:"input,omitempty"`
	// InputURI names a JSON file holding the input.
	InputURI string `json:"inputUri,omitempty"`
	// MockConfigURI names the Task mocks: a Step Functions Local
	// MockConfigFile or the simple {"State": [{"Return": ...}]} form.
	// Default: <stem>.mocks.json beside the definition, when present.
	MockConfigURI string `json:"mockConfigUri,omitempty"`
	// TestCase picks a test case of a MockConfigFile.
	TestCase string `json:"testCase,omitempty"`
	// Express runs with Express workflow limits.
	Express bool `json:"express,omitempty"`
	// RunID lets the client choose the run's id (so it can match
	// notifications that arrive before the response); the server picks one
	// when empty.
	RunID string `json:"runId,omitempty"`
}

// SimulateResult answers asl.simulate.
type SimulateResult struct {
	RunID string `json:"runId"`
}

// CancelParams is the argument of asl.simulate.cancel.
type CancelParams struct {
	RunID string `json:"runId"`
}

// CancelResult answers asl.simulate.cancel: false when the run had already
// ended or never existed.
type CancelResult struct {
	Cancelled bool `json:"cancelled"`
}

// Position and Range are LSP's (zero-based lines, UTF-16 columns).
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// SimulationEvent is one history event of a run, in order (Seq counts
// from 1).
type SimulationEvent struct {
	RunID string `json:"runId"`
	Seq   int    `json:"seq"`
	Event Event  `json:"event"`
}

// Event is an AWS GetExecutionHistory HistoryEvent (id, previousEventId,
// type, timestamp, <type>EventDetails, plus the simulator's "x-sim"
// extras) with the editor-facing members below added.
type Event map[string]any

// Members the server adds to Event:
//
//	"range": Range   the state's range in the document (when the event has a state)
//	"uri":   string  the document the range is in
//	"text":  string  a one-line summary: `+00:00:03.000 Par/branch[0] TaskStateEntered "Fetch"`
const (
	EventRange = "range"
	EventURI   = "uri"
	EventText  = "text"
)

// SimulationDone ends a run.
type SimulationDone struct {
	RunID string `json:"runId"`
	// Status is SUCCEEDED, FAILED, TIMED_OUT or ABORTED (cancelled).
	Status string `json:"status"`
	// Output is the execution output when SUCCEEDED.
	Output any `json:"output"`
	// Error and Cause are set when the run did not succeed (AWS may give
	// none).
	Error *string `json:"error"`
	Cause *string `json:"cause"`
	// Transitions counts states entered, retries included.
	Transitions int `json:"transitions"`
	// Events is the number of history events.
	Events int `json:"events"`
	// VirtualSeconds is the simulated duration.
	VirtualSeconds float64 `json:"virtualSeconds"`
	Cost           Cost    `json:"cost"`
}

// Cost estimates the run's price in USD (US East list prices).
type Cost struct {
	StandardUSD float64 `json:"standardUSD"`
	ExpressUSD  float64 `json:"expressUSD"`
}

package trace

import (
	"testing"
	"time"
)

func TestTextLine(t *testing.T) {
	e := &Event{ID: 7, Type: "TaskStateEntered", Elapsed: 3*time.Second + 250*time.Millisecond,
		Scope: "Par/branch[1]", State: "Fetch", Attempt: 1}
	if got, want := TextLine(e), `+00:00:03.250 Par/branch[1] TaskStateEntered "Fetch" attempt 2`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := e.Path(), "Par/branch[1]/Fetch#attempt2"; got != want {
		t.Errorf("Path() = %s, want %s", got, want)
	}
	f := &Event{Type: "MapIterationStarted", Scope: "Map/iter[3]", Elapsed: 26 * time.Hour}
	f.Index, f.HasIndex, f.Detail().Execution = 3, true, "Run/0"
	if got, want := TextLine(f), `+26:00:00.000 [Run/0] Map/iter[3] MapIterationStarted index=3`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestDetailsKey(t *testing.T) {
	for typ, want := range map[string]string{
		"PassStateEntered":    "stateEnteredEventDetails",
		"MapStateExited":      "stateExitedEventDetails",
		"TaskScheduled":       "taskScheduledEventDetails",
		"MapIterationStarted": "mapIterationStartedEventDetails",
		"ExecutionFailed":     "executionFailedEventDetails",
	} {
		if got := DetailsKey(typ); got != want {
			t.Errorf("DetailsKey(%s) = %s, want %s", typ, got, want)
		}
	}
}

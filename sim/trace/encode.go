package trace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FormatElapsed renders a virtual offset as "+HH:MM:SS.mmm" (days are
// folded into hours).
func FormatElapsed(d time.Duration) string {
	ms := d.Milliseconds()
	h := ms / 3600000
	m := ms / 60000 % 60
	s := ms / 1000 % 60
	return fmt.Sprintf("+%02d:%02d:%02d.%03d", h, m, s, ms%1000)
}

// TextLine is the one-line human form of an event:
// `+00:00:03.000 Par/branch[1] TaskStateEntered "Fetch"`.
func TextLine(e *Event) string {
	var b strings.Builder
	b.WriteString(FormatElapsed(e.Elapsed))
	if x := e.ExecutionName(); x != "" {
		b.WriteString(" [")
		b.WriteString(x)
		b.WriteString("]")
	}
	if e.Scope != "" {
		b.WriteByte(' ')
		b.WriteString(e.Scope)
	}
	b.WriteByte(' ')
	b.WriteString(e.Type)
	if e.State != "" {
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(e.State))
		if e.Attempt > 0 {
			fmt.Fprintf(&b, " attempt %d", e.Attempt+1)
		}
	}
	if d := e.Details; d != nil && d.HasLength {
		fmt.Fprintf(&b, " length=%d", d.Length)
	}
	if e.HasIndex {
		fmt.Fprintf(&b, " index=%d", e.Index)
	}
	if e.Error != nil {
		b.WriteString(" error=")
		b.WriteString(strconv.Quote(*e.Error))
	}
	if e.Cause != nil {
		b.WriteString(" cause=")
		b.WriteString(strconv.Quote(*e.Cause))
	}
	if e.HasOutput && (strings.HasSuffix(e.Type, "Exited") || strings.HasPrefix(e.Type, "Execution")) {
		b.WriteString(" output=")
		b.WriteString(JSONText(e.Output))
	}
	if d := e.Details; d != nil && len(d.AssignedVariables) > 0 {
		b.WriteString(" assigned=")
		b.WriteString(JSONText(d.AssignedVariables))
	}
	return b.String()
}

// JSONText renders a JSON value compactly with keys sorted.
func JSONText(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// DetailsKey is the name of the AWS details member for an event type, e.g.
// "taskScheduledEventDetails", "stateEnteredEventDetails".
func DetailsKey(typ string) string {
	switch {
	case strings.HasSuffix(typ, "StateEntered"):
		return "stateEnteredEventDetails"
	case strings.HasSuffix(typ, "StateExited"):
		return "stateExitedEventDetails"
	}
	r := []rune(typ)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r) + "EventDetails"
}

// AWSJSON is the event as a GetExecutionHistory HistoryEvent (data members
// as JSON text, like the API), plus an "x-sim" member with our extras.
func AWSJSON(e *Event) map[string]any {
	out := map[string]any{
		"id":              e.ID,
		"previousEventId": e.PreviousEventID,
		"type":            e.Type,
		"timestamp":       e.Timestamp.UTC().Format(time.RFC3339Nano),
	}
	d := map[string]any{}
	if e.State != "" && (strings.HasSuffix(e.Type, "StateEntered") || strings.HasSuffix(e.Type, "StateExited")) {
		d["name"] = e.State
	}
	if e.HasInput {
		d["input"] = JSONText(e.Input)
		d["inputDetails"] = map[string]any{"truncated": false}
	}
	if e.HasOutput {
		d["output"] = JSONText(e.Output)
		d["outputDetails"] = map[string]any{"truncated": false}
	}
	if e.HasIndex {
		d["index"] = e.Index
		d["name"] = e.Name
	}
	if x := e.Details; x != nil {
		if x.HasLength {
			d["length"] = x.Length
		}
		if x.HasParameters {
			d["parameters"] = JSONText(x.Parameters)
		}
		if x.Resource != "" {
			d["resource"] = x.Resource
		}
		if x.ResourceType != "" {
			d["resourceType"] = x.ResourceType
		}
		if x.TimeoutSeconds > 0 {
			d["timeoutInSeconds"] = x.TimeoutSeconds
		}
		if x.HeartbeatSeconds > 0 {
			d["heartbeatInSeconds"] = x.HeartbeatSeconds
		}
		if x.MapRunArn != "" {
			d["mapRunArn"] = x.MapRunArn
		}
		if len(x.AssignedVariables) > 0 {
			av := map[string]any{}
			for k, v := range x.AssignedVariables {
				av[k] = JSONText(v)
			}
			d["assignedVariables"] = av
			d["assignedVariablesDetails"] = map[string]any{"truncated": false}
		}
	}
	if e.Error != nil {
		d["error"] = *e.Error
	}
	if e.Cause != nil {
		d["cause"] = *e.Cause
	}
	if len(d) > 0 {
		out[DetailsKey(e.Type)] = d
	}
	x := map[string]any{"path": e.Path(), "elapsed": FormatElapsed(e.Elapsed)}
	if name := e.ExecutionName(); name != "" {
		x["execution"] = name
	}
	if e.HasSpan {
		x["span"] = []int{e.Span.Start, e.Span.End}
	}
	if e.HasEffectiveInput {
		x["effectiveInput"] = e.EffectiveInput
	}
	if e.HasResult {
		x["result"] = e.Result
	}
	out["x-sim"] = x
	return out
}

// TextWriter is an Observer writing one TextLine per event.
type TextWriter struct{ W io.Writer }

// Event writes the line.
func (t TextWriter) Event(e *Event) { io.WriteString(t.W, TextLine(e)+"\n") }

// JSONLWriter is an Observer writing one AWSJSON object per line.
type JSONLWriter struct{ W io.Writer }

// Event writes the object.
func (j JSONLWriter) Event(e *Event) { io.WriteString(j.W, JSONText(AWSJSON(e))+"\n") }

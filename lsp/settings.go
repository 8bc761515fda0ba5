package lsp

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/aslkit/aslkit/asl/check"
)

// settings are the user-tunable parts of the server. They start from
// Options and are updated by initializationOptions and
// workspace/didChangeConfiguration, either at the top level or under an
// "asl" key:
//
//	{"asl": {"workflowType": "EXPRESS", "disabledCodes": ["ASL123"], "debounceMs": 75}}
type settings struct {
	Debounce     time.Duration
	WorkflowType check.WorkflowType
	Disabled     map[string]bool
}

func settingsFromOptions(o Options) settings {
	st := settings{Debounce: o.Debounce, WorkflowType: o.WorkflowType, Disabled: map[string]bool{}}
	for _, c := range o.Disabled {
		st.Disabled[c] = true
	}
	return st
}

func (st settings) checkOptions() check.Options {
	return check.Options{WorkflowType: st.WorkflowType, Disabled: st.Disabled}
}

// wireSettings is the JSON shape clients send. Every field is optional;
// absent fields keep their current value.
type wireSettings struct {
	WorkflowType  *string   `json:"workflowType"`
	DisabledCodes *[]string `json:"disabledCodes"`
	// DisabledHints is accepted as an alias of DisabledCodes.
	DisabledHints *[]string `json:"disabledHints"`
	DebounceMs    *int      `json:"debounceMs"`
}

// merge applies a settings object (raw JSON; null or empty leaves st
// alone) and reports what it could not understand.
func (st settings) merge(raw []byte) (settings, []string) {
	if len(raw) == 0 || string(raw) == "null" {
		return st, nil
	}
	var outer map[string]json.RawMessage
	if err := json.Unmarshal(raw, &outer); err != nil {
		return st, []string{"settings are not an object: " + err.Error()}
	}
	if inner, ok := outer["asl"]; ok {
		raw = inner
	}
	var w wireSettings
	if err := json.Unmarshal(raw, &w); err != nil {
		return st, []string{"bad settings: " + err.Error()}
	}
	var problems []string
	out := st
	out.Disabled = map[string]bool{}
	for k, v := range st.Disabled {
		out.Disabled[k] = v
	}
	if w.WorkflowType != nil {
		switch strings.ToUpper(*w.WorkflowType) {
		case "STANDARD":
			out.WorkflowType = check.Standard
		case "EXPRESS":
			out.WorkflowType = check.Express
		default:
			problems = append(problems, "workflowType must be STANDARD or EXPRESS, not "+*w.WorkflowType)
		}
	}
	codes := w.DisabledCodes
	if codes == nil {
		codes = w.DisabledHints
	}
	if codes != nil {
		out.Disabled = map[string]bool{}
		for _, c := range *codes {
			out.Disabled[c] = true
		}
	}
	if w.DebounceMs != nil && *w.DebounceMs >= 0 {
		out.Debounce = time.Duration(*w.DebounceMs) * time.Millisecond
	}
	return out, problems
}

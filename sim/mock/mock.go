// Package mock answers Task states in a simulation. Nothing in the
// simulator calls a real service: every Task result comes from here.
//
// Two file formats are read:
//
//   - Step Functions Local's MockConfigFile:
//     {"StateMachines": {"<machine>": {"TestCases": {"<case>": {"<State>": "<response>"}}}},
//     "MockedResponses": {"<response>": {"0": {"Return": ...}, "1-2": {"Throw": {"Error": ..., "Cause": ...}}}}}
//     Invocation keys are zero-based per state within one execution; retries
//     and Map iterations count as invocations.
//   - the simpler mocks.json: {"<State>": [{"Return": ...} | {"Throw": {...}}, ...]},
//     one element per invocation in order (other members such as "input" are ignored).
package mock

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/sim/dataflow"
)

// Response is one mocked task outcome: a result (Return) or an error (Throw).
//
// Two optional members (our extension of both formats) place the outcome
// on the virtual clock: "DelaySeconds" is how long the task runs before the
// response arrives, and "HeartbeatSeconds" lists the instants (seconds
// after the task started) at which the worker calls SendTaskHeartbeat.
// The simulator then applies the state's TimeoutSeconds/HeartbeatSeconds:
// a response later than the timeout becomes States.Timeout, a gap between
// heartbeats longer than HeartbeatSeconds becomes States.HeartbeatTimeout.
type Response struct {
	Return     any
	Throw      *Throw
	Delay      float64
	Heartbeats []float64
	// Event optionally names the history event of a Throw, as the
	// corpus's mocks.json records it ("TaskFailed", "TaskTimedOut",
	// "LambdaFunctionStartFailed", ...).
	Event string
}

// Throw is a mocked failure. Error and Cause are nullable, as in
// SendTaskFailure without them.
type Throw struct {
	Error, Cause *string
}

// Set holds the responses per Task state name.
type Set struct {
	byState map[string]map[int]Response
}

// Has reports whether the state has any mocked response.
func (s *Set) Has(state string) bool {
	if s == nil {
		return false
	}
	_, ok := s.byState[state]
	return ok
}

// Response returns the response for the n-th (0-based) invocation of the
// named state.
func (s *Set) Response(state string, n int) (Response, bool) {
	if s == nil {
		return Response{}, false
	}
	r, ok := s.byState[state][n]
	return r, ok
}

// States lists the mocked state names, sorted.
func (s *Set) States() []string {
	if s == nil {
		return nil
	}
	var out []string
	for k := range s.byState {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Add appends a response for state's next invocation (for tests and
// callers building mocks in code).
func (s *Set) Add(state string, r Response) {
	if s.byState == nil {
		s.byState = map[string]map[int]Response{}
	}
	m := s.byState[state]
	if m == nil {
		m = map[int]Response{}
		s.byState[state] = m
	}
	m[len(m)] = r
}

// Load reads either format. For a MockConfigFile, machine and testCase pick
// the test case; either may be "" when the file holds exactly one.
func Load(data []byte, machine, testCase string) (*Set, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("mocks: %v", err)
	}
	if _, ok := probe["StateMachines"]; ok {
		return LoadConfig(data, machine, testCase)
	}
	return LoadSimple(data)
}

// LoadSimple reads the {"State": [{"Return"|"Throw"}...]} format.
func LoadSimple(data []byte) (*Set, error) {
	var raw map[string][]map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("mocks: %v", err)
	}
	s := &Set{byState: map[string]map[int]Response{}}
	for state, list := range raw {
		m := map[int]Response{}
		for i, step := range list {
			r, err := decodeStep(step)
			if err != nil {
				return nil, fmt.Errorf("mocks: %s[%d]: %v", state, i, err)
			}
			m[i] = r
		}
		s.byState[state] = m
	}
	return s, nil
}

type configFile struct {
	StateMachines map[string]struct {
		TestCases map[string]map[string]string `json:"TestCases"`
	} `json:"StateMachines"`
	MockedResponses map[string]map[string]map[string]json.RawMessage `json:"MockedResponses"`
}

// LoadConfig reads a Step Functions Local MockConfigFile.
func LoadConfig(data []byte, machine, testCase string) (*Set, error) {
	var f configFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("mock config: %v", err)
	}
	sm, ok := f.StateMachines[machine]
	if !ok {
		if machine != "" || len(f.StateMachines) != 1 {
			return nil, fmt.Errorf("mock config: no state machine %q (have %s)", machine, keys(f.StateMachines))
		}
		for _, only := range f.StateMachines {
			sm = only
		}
	}
	tc, ok := sm.TestCases[testCase]
	if !ok {
		if testCase != "" || len(sm.TestCases) != 1 {
			return nil, fmt.Errorf("mock config: no test case %q (have %s)", testCase, keys(sm.TestCases))
		}
		for _, only := range sm.TestCases {
			tc = only
		}
	}
	s := &Set{byState: map[string]map[int]Response{}}
	for state, respName := range tc {
		resp, ok := f.MockedResponses[respName]
		if !ok {
			return nil, fmt.Errorf("mock config: state %q names unknown mocked response %q", state, respName)
		}
		m := map[int]Response{}
		for key, step := range resp {
			lo, hi, err := invocationRange(key)
			if err != nil {
				return nil, fmt.Errorf("mock config: %s: %v", respName, err)
			}
			r, err := decodeStep(step)
			if err != nil {
				return nil, fmt.Errorf("mock config: %s[%s]: %v", respName, key, err)
			}
			for i := lo; i <= hi; i++ {
				m[i] = r
			}
		}
		s.byState[state] = m
	}
	return s, nil
}

// invocationRange parses "3" or "1-2".
func invocationRange(key string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(key, "-")
	lo, err = strconv.Atoi(strings.TrimSpace(a))
	if err != nil || lo < 0 {
		return 0, 0, fmt.Errorf("invalid invocation key %q", key)
	}
	hi = lo
	if isRange {
		hi, err = strconv.Atoi(strings.TrimSpace(b))
		if err != nil || hi < lo || hi-lo > 1_000_000 {
			return 0, 0, fmt.Errorf("invalid invocation range %q", key)
		}
	}
	return lo, hi, nil
}

func decodeStep(step map[string]json.RawMessage) (Response, error) {
	r, err := decodeOutcome(step)
	if err != nil {
		return r, err
	}
	if d, ok := step["DelaySeconds"]; ok {
		if err := json.Unmarshal(d, &r.Delay); err != nil || r.Delay < 0 {
			return r, fmt.Errorf("DelaySeconds must be a non-negative number")
		}
	}
	if ev, ok := step["event"]; ok {
		json.Unmarshal(ev, &r.Event) // informative only: ignore a non-string
	}
	if h, ok := step["HeartbeatSeconds"]; ok {
		if err := json.Unmarshal(h, &r.Heartbeats); err != nil {
			return r, fmt.Errorf("HeartbeatSeconds must be an array of numbers")
		}
	}
	return r, nil
}

func decodeOutcome(step map[string]json.RawMessage) (Response, error) {
	ret, hasRet := step["Return"]
	thr, hasThrow := step["Throw"]
	switch {
	case hasRet && hasThrow:
		return Response{}, fmt.Errorf("has both Return and Throw")
	case hasRet:
		v, err := dataflow.DecodeJSON(ret)
		return Response{Return: v}, err
	case hasThrow:
		var t struct{ Error, Cause *string }
		if err := json.Unmarshal(thr, &t); err != nil {
			return Response{}, fmt.Errorf("Throw: %v", err)
		}
		return Response{Throw: &Throw{Error: t.Error, Cause: t.Cause}}, nil
	}
	return Response{}, fmt.Errorf("needs Return or Throw")
}

// decodeJSON decodes with integral numbers as int64 and others as float64,
// like syntax.Node.Interface.
func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, strconv.Quote(k))
	}
	sort.Strings(ks)
	if len(ks) == 0 {
		return "none"
	}
	return strings.Join(ks, ", ")
}

package mock

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadConfigExpandsInvocationRanges(t *testing.T) {
	data := []byte(`{
	  "StateMachines": {"M": {"TestCases": {"Happy": {"Call": "Retried"}}}},
	  "MockedResponses": {"Retried": {
	    "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "not ready"}},
	    "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "slow"}},
	    "3": {"Return": {"StatusCode": 200, "Payload": {"n": 1.5}}}}}}`)
	s, err := Load(data, "M", "Happy")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := 0; i < 5; i++ {
		r, ok := s.Response("Call", i)
		switch {
		case !ok:
			got = append(got, "missing")
		case r.Throw != nil:
			got = append(got, *r.Throw.Error)
		default:
			got = append(got, "return")
		}
	}
	want := []string{"Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException", "return", "missing"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatal(diff)
	}
	r, _ := s.Response("Call", 3)
	if diff := cmp.Diff(map[string]any{"StatusCode": int64(200), "Payload": map[string]any{"n": 1.5}}, r.Return); diff != "" {
		t.Error(diff)
	}
}

func TestLoadSimpleKeepsOrderAndNullableThrow(t *testing.T) {
	s, err := Load([]byte(`{"T": [{"input": 1, "Throw": {}}, {"Return": "ok"}]}`), "", "")
	if err != nil {
		t.Fatal(err)
	}
	r0, _ := s.Response("T", 0)
	if r0.Throw == nil || r0.Throw.Error != nil || r0.Throw.Cause != nil {
		t.Errorf("first response %+v", r0)
	}
	r1, _ := s.Response("T", 1)
	if r1.Return != "ok" || !s.Has("T") || s.Has("U") {
		t.Errorf("second response %+v", r1)
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	for _, bad := range []string{
		`[`,
		`{"T": [{}]}`,
		`{"T": [{"Return": 1, "Throw": {}}]}`,
		`{"StateMachines": {"M": {"TestCases": {"C": {"T": "nope"}}}}, "MockedResponses": {}}`,
		`{"StateMachines": {"M": {"TestCases": {"C": {"T": "r"}}}}, "MockedResponses": {"r": {"x": {"Return": 1}}}}`,
	} {
		if _, err := Load([]byte(bad), "", ""); err == nil {
			t.Errorf("Load(%s) succeeded", bad)
		}
	}
}

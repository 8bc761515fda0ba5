package mock

import "testing"

// FuzzLoad checks that the mock loaders never panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"T": [{"Return": 1}, {"Throw": {"Error": "E", "Cause": "c"}}]}`))
	f.Add([]byte(`{"StateMachines": {"M": {"TestCases": {"C": {"T": "r"}}}}, "MockedResponses": {"r": {"0-2": {"Return": {"a": [1.5, null]}}}}}`))
	f.Add([]byte(`{"StateMachines": {}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load(data, "", "")
		if err == nil {
			for _, st := range s.States() {
				s.Response(st, 0)
			}
		}
	})
}

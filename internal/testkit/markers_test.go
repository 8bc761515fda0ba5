package testkit

import "testing"

func TestStripMarkers(t *testing.T) {
	text, marks := StripMarkers(t, `{"Next": "<|next|>A<|end|>"}`)
	if text != `{"Next": "A"}` {
		t.Errorf("text = %q", text)
	}
	if marks["next"] != 10 || marks["end"] != 11 {
		t.Errorf("marks = %v, want next at 10 and end at 11", marks)
	}
}

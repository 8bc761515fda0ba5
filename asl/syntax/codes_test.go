package syntax

import (
	"fmt"
	"testing"
)

// TestCodesTable: the codes run ASL001, ASL002, ... with no gap or repeat,
// each with a description.
func TestCodesTable(t *testing.T) {
	for i, c := range Codes {
		if want := fmt.Sprintf("ASL%03d", i+1); c.Code != want {
			t.Errorf("Codes[%d] = %s, want %s", i, c.Code, want)
		}
		if c.Description == "" {
			t.Errorf("%s has no description", c.Code)
		}
	}
	if len(Codes) != 19 {
		t.Errorf("%d codes, want ASL001..ASL019", len(Codes))
	}
}

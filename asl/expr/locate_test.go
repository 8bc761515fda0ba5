package expr

import (
	"strings"
	"testing"
)

func TestCallAt(t *testing.T) {
	// The marker | is the offset; want is "name/index" or "nil".
	tests := []struct{ in, want string }{
		{"States.Format(|'x', $.a)", "States.Format/0"},
		{"States.Format('x'|, $.a)", "States.Format/0"},
		{"States.Format('x',| $.a)", "States.Format/1"},
		{"States.Format('x', $.a|)", "States.Format/1"},
		{"States.Format('x', $.a)|", "nil"},
		{"States.For|mat('x', $.a)", "nil"},
		{"States.Format('{}', States.ArrayGetItem(|$.a, 0))", "States.ArrayGetItem/0"},
		{"States.Format('{}', States.ArrayGetItem($.a, |0))", "States.ArrayGetItem/1"},
		{"States.Format('{}', States.ArrayGetItem($.a, 0)|)", "States.Format/1"},
		{"States.UUID(|)", "States.UUID/0"},
		{"States.MathAdd(1, |", "States.MathAdd/1"},
	}
	for _, tt := range tests {
		offset := strings.Index(tt.in, "|")
		s := strings.Replace(tt.in, "|", "", 1)
		c, _ := ParseIntrinsic(s)
		got := "nil"
		if inner, n := c.CallAt(offset); inner != nil {
			got = inner.Name + "/" + string(rune('0'+n))
		}
		if got != tt.want {
			t.Errorf("CallAt in %q = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSegmentAt(t *testing.T) {
	p, _ := ParsePath("$$.Execution.Input")
	for offset, want := range map[int]int{0: -1, 2: 0, 5: 0, 12: 1, 17: 1, 18: -1} {
		if got := p.SegmentAt(offset); got != want {
			t.Errorf("SegmentAt(%d) = %d, want %d", offset, got, want)
		}
	}
}

package check_test

import (
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// TestVariableTooLarge: a literal over 256 KiB assigned to a variable is
// reported at its key (a golden archive would need the 256 KiB text); one
// just under the limit is not.
func TestVariableTooLarge(t *testing.T) {
	for _, tc := range []struct {
		size int
		want bool
	}{{300 * 1024, true}, {200 * 1024, false}} {
		doc := `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"big":"` + strings.Repeat("x", tc.size) + `","small":1},"End":true}}}`
		f := syntax.Parse([]byte(doc))
		var got []check.Diagnostic
		for _, d := range check.Run(model.Build(f), check.Options{}) {
			if d.Code == check.CodeVariableTooLarge {
				got = append(got, d)
			}
		}
		if !tc.want {
			if len(got) > 0 {
				t.Errorf("%d bytes: unexpected %s %q", tc.size, got[0].Code, got[0].Message)
			}
			continue
		}
		if len(got) != 1 {
			t.Fatalf("%d bytes: got %d ASL315 findings, want 1", tc.size, len(got))
		}
		if key := doc[got[0].Span.Start:got[0].Span.End]; key != `"big"` {
			t.Errorf("finding at %q, want the key \"big\"", key)
		}
		if got[0].Severity != check.Warning || !strings.Contains(got[0].Message, "256 KiB") {
			t.Errorf("got %v %q", got[0].Severity, got[0].Message)
		}
	}
}

// TestAssignTooLargeInAll: two values under the limit each but over it
// together are reported once, at the first key.
func TestAssignTooLargeInAll(t *testing.T) {
	half := strings.Repeat("y", 150*1024)
	doc := `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"a":"` + half + `","b":"` + half + `"},"End":true}}}`
	f := syntax.Parse([]byte(doc))
	var got []check.Diagnostic
	for _, d := range check.Run(model.Build(f), check.Options{}) {
		if d.Code == check.CodeVariableTooLarge {
			got = append(got, d)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d ASL315 findings, want 1: %v", len(got), got)
	}
	if key := doc[got[0].Span.Start:got[0].Span.End]; key != `"a"` || !strings.Contains(got[0].Message, "in all") {
		t.Errorf("finding at %q: %q", key, got[0].Message)
	}
}

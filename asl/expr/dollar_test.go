package expr

import (
	"strings"
	"testing"
)

func TestParseDollarValue(t *testing.T) {
	tests := []struct {
		in   string
		want string // "path:<root>", "call:<name>" or "error:<span> <message part>"
	}{
		{"$", "path:input"},
		{"$.product.details.size", "path:input"},
		{"$[*][*]", "path:input"},
		{"$$.Execution.StartTime", "path:context"},
		{"$$.Map.Item.Value", "path:context"},
		{"$customer.name", "path:variable"},
		{"States.Format('Hello {}', $customer.name)", "call:States.Format"},
		{" States.UUID() ", "call:States.UUID"},
		{"States.StringToJson($.Cause)", "call:States.StringToJson"},
		{"States.MathAdd(1,'-1')", "error:[17,21) must be an integer"},
		{"States.format('x')", "error:[0,13) did you mean States.Format?"},
		{"states.Format('x')", "error:[0,13) did you mean States.Format?"},
		{"States.Format('x'", "error:[13,17) not closed"},
		{"ipsum", "error:[0,5) remove .$ from the key"},
		{"", "error:[0,0) not an empty string"},
		{"{% $x %}", "error:[0,8) set \"QueryLanguage\": \"JSONata\""},
		{" $.a", "error:[0,1) remove the whitespace"},
		{"$.a..", "error:[3,5) expected a field name after"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, errs := ParseDollarValue(tt.in)
			var got string
			switch {
			case errs != nil:
				got = "error:" + errs[0].Span.String() + " " + errs[0].Message
			case e == nil:
				got = "nil without errors"
			default:
				switch e := e.(type) {
				case *Path:
					got = "path:" + e.Root.String()
				case *Call:
					got = "call:" + e.Name
				}
			}
			kind, detail, _ := strings.Cut(tt.want, ":")
			if kind == "error" {
				span, msg, _ := strings.Cut(detail, " ")
				if !strings.HasPrefix(got, "error:"+span+" ") || !strings.Contains(got, msg) {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if e != nil && e.ExprSpan().End > len(tt.in) {
				t.Errorf("span %v beyond the input", e.ExprSpan())
			}
		})
	}
}

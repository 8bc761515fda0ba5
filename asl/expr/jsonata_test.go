package expr

import (
	"strings"
	"testing"
)

func TestJSONataBody(t *testing.T) {
	tests := []struct {
		in   string
		body string
		ok   bool
	}{
		{"{% 10 %}", " 10 ", true},
		{"{%10%}", "10", true},
		{"{% \n10         %}", " \n10         ", true},
		{"{% $states.result.Payload.body.messages%}", " $states.result.Payload.body.messages", true},
		{"{%%}", "", true},
		{"{%}", "", false},
		{" {% 1 %}", "", false},
		{"{% 1 %} ", "", false},
		{"{% 10 %", "", false},
		{"10 %}", "", false},
		{"$.a", "", false},
	}
	for _, tt := range tests {
		body, off, ok := JSONataBody(tt.in)
		if body != tt.body || ok != tt.ok || (ok && off != 2) {
			t.Errorf("JSONataBody(%q) = %q, %d, %v; want %q, 2, %v", tt.in, body, off, ok, tt.body, tt.ok)
		}
	}
}

func TestCheckJSONataFraming(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "<span> <message part>"
	}{
		// asl-validator's corpus files: their regex also wants spaces and one
		// line, but AWS only needs the delimiters at both ends (jsonata.md §2),
		// and deployed definitions end with "...messages%}".
		{"{% 10 %}", nil},
		{"{%10%}", nil},
		{"{% \n10         %}", nil},
		{"{% $states.input.data.items %}", nil},
		{"{% 10 %", []string{"[0,7) not closed: end the string with %}"}},
		{"10 %}", []string{"[0,5) does not start with {%"}},
		{"{% 1 %} ", []string{"[7,8) whitespace outside {% %}"}},
		{"\t{% 1 %}\n", []string{"[0,1) whitespace outside", "[8,9) whitespace outside"}},
		{"{%  %}", []string{"[0,6) expression is empty"}},
		{"{%}", []string{"[0,3) not closed"}},
		{"plain text", nil},
		{"100%", nil},
		{"", nil},
		{"   ", nil},
		{"$.a", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			errs := CheckJSONataFraming(tt.in)
			if len(errs) != len(tt.want) {
				t.Fatalf("got %v, want %q", errs, tt.want)
			}
			for i, e := range errs {
				span, msg, _ := strings.Cut(tt.want[i], " ")
				if e.Span.String() != span || !strings.Contains(e.Message, msg) {
					t.Errorf("got %v %q, want %q", e.Span, e.Message, tt.want[i])
				}
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		in         string
		has, whole bool
	}{
		{"${LambdaArn}", true, true},
		{"${var.timeout}", true, true},
		{"${Token[TOKEN.123]}", true, true},
		{"arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f", true, false},
		{"States.Format('s3://${bucket}/{}', $.key)", true, false},
		{"${a}${b}", true, false},
		{"${}", false, false},
		{"$.a", false, false},
		{"{% $x %}", false, false},
		{"${unclosed", false, false},
		{"$ {x}", false, false},
	}
	for _, tt := range tests {
		if got := HasPlaceholder(tt.in); got != tt.has {
			t.Errorf("HasPlaceholder(%q) = %v, want %v", tt.in, got, tt.has)
		}
		if got := IsWholePlaceholder(tt.in); got != tt.whole {
			t.Errorf("IsWholePlaceholder(%q) = %v, want %v", tt.in, got, tt.whole)
		}
	}
}

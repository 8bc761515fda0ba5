package check

import (
	"strings"
	"time"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Literal timestamps (Wait Timestamp, Choice Timestamp* operands) are RFC 3339.
var _ = register(&Rule{
	Code:     CodeInvalidTimestamp,
	Name:     "invalid-timestamp",
	Severity: Error,
	Doc: "A literal timestamp is not RFC 3339 as AWS reads it: date, an uppercase T, time, and a zone " +
		"(Z or an offset), e.g. 2024-01-31T12:00:00Z. Fractional seconds are allowed.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type == model.TypeWait {
				checkTimestampLiteral(p, s.ValueAt(model.FieldTimestamp), "\"Timestamp\"")
			}
		}
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			for _, m := range r.Node.Members {
				if strings.HasPrefix(m.Key, "Timestamp") && !strings.HasSuffix(m.Key, "Path") {
					checkTimestampLiteral(p, m.Value, "\""+m.Key+"\"")
				}
			}
		})
	},
})

func checkTimestampLiteral(p *Pass, n *syntax.Node, field string) {
	if !n.IsString() || isDeployPlaceholder(n) || strings.HasPrefix(n.Str, "{%") {
		return
	}
	if why := timestampProblem(n.Str); why != "" {
		p.Report(n.Span, field+" \""+n.Str+"\" is not an RFC 3339 timestamp ("+why+"); write it like \"2024-01-31T12:00:00Z\"")
	}
}

// timestampProblem says what is wrong with s as an AWS timestamp, or "".
func timestampProblem(s string) string {
	if len(s) == 10 {
		return "a date needs a time and a zone"
	}
	if len(s) < 19 {
		return "expected YYYY-MM-DDThh:mm:ss and a zone"
	}
	if s[10] != 'T' {
		if s[10] == 't' || s[10] == ' ' {
			return "the date and time must be separated by an uppercase T"
		}
		return "expected YYYY-MM-DDThh:mm:ss"
	}
	last := s[len(s)-1]
	if last == 'z' {
		return "the zone must be an uppercase Z"
	}
	if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
		if last != 'Z' && !strings.ContainsAny(s[19:], "+-") {
			return "the zone is missing: end with Z or an offset like +01:00"
		}
		return "it is not a valid date and time"
	}
	return ""
}

package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// A Fail state's Error should not use the reserved "States." prefix.
var _ = register(&Rule{
	Code:     CodeFailReservedError,
	Name:     "fail-reserved-error",
	Severity: Warning,
	Doc: "A Fail state raises an error named \"States.…\". The prefix is reserved for errors Step Functions " +
		"raises itself; a user error should have its own name, e.g. \"OrderRejected\".",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeFail {
				continue
			}
			if e := s.ValueAt(model.FieldError); e.IsString() && strings.HasPrefix(e.Str, "States.") {
				p.Report(e.Span, "the \"States.\" prefix is reserved for errors Step Functions raises; give this error its own name, e.g. \""+strings.TrimPrefix(e.Str, "States.")+"\"")
			}
		}
	},
})

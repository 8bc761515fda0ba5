package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// statesErrors are the predefined error names (spec Appendix A plus the
// names AWS added). Any other "States." name can never be raised.
var statesErrors = []string{
	"States.ALL",
	"States.BranchFailed",
	"States.DataLimitExceeded",
	"States.ExceedToleratedFailureThreshold",
	"States.HeartbeatTimeout",
	"States.Http.Socket",
	"States.IntrinsicFailure",
	"States.ItemReaderFailed",
	"States.NoChoiceMatched",
	"States.ParameterPathFailure",
	"States.Permissions",
	"States.QueryEvaluationError",
	"States.ResultPathMatchFailure",
	"States.ResultWriterFailed",
	"States.Runtime",
	"States.TaskFailed",
	"States.Timeout",
}

var statesErrorSet = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range statesErrors {
		m[n] = true
	}
	return m
}()

// A retrier or catcher names a "States." error that does not exist (a typo
// such as States.Timout), or States.Runtime, which is never retried or caught.
var _ = register(&Rule{
	Code:     CodeUnknownStatesError,
	Name:     "unknown-states-error",
	Severity: Warning,
	Doc: "An ErrorEquals entry starts with \"States.\" but is not one of the predefined error names, so it " +
		"never matches (the prefix is reserved). Also flags \"States.Runtime\", which AWS never retries or catches.",
	Run: func(p *Pass) {
		raised := raisedByFail(p.Def)
		for _, s := range p.Def.All {
			for _, r := range s.Retry {
				checkStatesNames(p, r.ErrorEquals, "retried", raised)
			}
			for _, c := range s.Catch {
				checkStatesNames(p, c.ErrorEquals, "caught", raised)
			}
		}
	},
})

func checkStatesNames(p *Pass, names []*syntax.Node, verb string, raised map[string]bool) {
	for _, n := range names {
		if !n.IsString() || !strings.HasPrefix(n.Str, "States.") || isDeployPlaceholder(n) {
			continue
		}
		if n.Str == "States.Runtime" {
			p.Report(n.Span, "\"States.Runtime\" is never "+verb+": AWS fails the execution at once; fix the cause (a path that matches nothing, a bad *Path value) instead")
			continue
		}
		if statesErrorSet[n.Str] || raised[n.Str] {
			continue // a Fail state of this machine raises it (fail-reserved-error says so there)
		}
		msg := "\"" + n.Str + "\" is not a predefined error name, so it never matches; names starting with \"States.\" are reserved"
		if near := nearestName(n.Str, statesErrors); near != "" {
			msg += "; did you mean \"" + near + "\"?"
		}
		p.Report(n.Span, msg)
	}
}

// raisedByFail collects the literal "States." error names that Fail states
// of the definition raise: a catcher naming one of them does match it.
func raisedByFail(def *model.Definition) map[string]bool {
	var out map[string]bool
	for _, s := range def.All {
		if s.Type != model.TypeFail {
			continue
		}
		if e := s.ValueAt(model.FieldError); e.IsString() && strings.HasPrefix(e.Str, "States.") {
			if out == nil {
				out = map[string]bool{}
			}
			out[e.Str] = true
		}
	}
	return out
}

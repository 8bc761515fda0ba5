package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// expressMaxSeconds is the longest an Express execution may run.
const expressMaxSeconds = 300

// Express workflows run for at most five minutes and keep no history, so
// AWS refuses everything that waits on something outside the execution.
var _ = register(&Rule{
	Code:     CodeSchemaExpressUnsupported,
	Name:     "express-unsupported",
	Severity: Error,
	Doc: "The definition is checked as an Express workflow and uses something only Standard workflows " +
		"support: an activity, a \".sync\" job, a \".waitForTaskToken\" callback, or a Distributed Map. " +
		"A Wait longer than the 5-minute Express limit is a warning. " +
		"Create the state machine as STANDARD, or use the request-response form of the integration.",
	Run: func(p *Pass) {
		if p.Opts.WorkflowType != Express {
			return
		}
		for _, s := range p.Def.All {
			switch s.Type {
			case model.TypeTask:
				res := s.ValueAt(model.FieldResource)
				if !res.IsString() || isDeployPlaceholderString(res.Str) {
					continue
				}
				switch {
				case isActivityARN(res.Str):
					p.Report(res.Span, "Express state machine does not support Activity ARN; create the state machine as STANDARD or call the work through a service integration")
				case strings.HasSuffix(res.Str, ".sync") || strings.Contains(res.Str, ".sync:"):
					p.Report(res.Span, "Express state machine does not support '.sync' service integration; create the state machine as STANDARD, or drop \".sync\" to start the job without waiting")
				case strings.HasSuffix(res.Str, ".waitForTaskToken"):
					p.Report(res.Span, "Express state machine does not support '.waitForTaskToken' service integration; create the state machine as STANDARD")
				}
			case model.TypeWait:
				if sec := s.ValueAt(model.FieldSeconds); sec != nil && sec.Kind == syntax.Number && sec.Num > expressMaxSeconds {
					p.ReportSeverity(Warning, sec.Span, "an Express execution lasts at most 5 minutes (300 seconds), so this Wait of "+sec.Str+" seconds fails it with \"Wait state delay is too long\"; shorten it or use a STANDARD state machine")
				}
			case model.TypeMap:
				proc := s.ValueAt(model.FieldItemProcessor)
				if proc == nil {
					proc = s.ValueAt(model.FieldIterator)
				}
				mode := proc.Value("ProcessorConfig").Value("Mode")
				if mode.IsString() && mode.Str == "DISTRIBUTED" {
					p.Report(mode.Span, "Express state machine does not support a Distributed Map; create the parent as STANDARD (its child workflows may be EXPRESS) or use \"Mode\": \"INLINE\"")
				}
			}
		}
	},
})

// isActivityARN reports whether res names an activity:
// arn:<partition>:states:<region>:<account>:activity:<name>.
func isActivityARN(res string) bool {
	parts := strings.SplitN(res, ":", 7)
	return len(parts) == 7 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "activity"
}

func isDeployPlaceholderString(s string) bool {
	return hasPlaceholderSyntax(s) && !strings.HasPrefix(s, "arn:")
}

package check

import (
	"slices"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// lambdaTransientErrors are the Lambda service errors AWS recommends retrying.
var lambdaTransientErrors = []string{
	"Lambda.ServiceException",
	"Lambda.AWSLambdaException",
	"Lambda.SdkClientException",
	"Lambda.TooManyRequestsException",
}

// A Lambda task should retry the transient Lambda service errors.
var _ = register(&Rule{
	Code:     CodeLambdaNoRetry,
	Name:     "lambda-no-retry",
	Severity: Hint,
	Doc: "A Task that invokes Lambda has no retrier for the transient service errors " +
		"(Lambda.ServiceException, Lambda.AWSLambdaException, Lambda.SdkClientException, " +
		"Lambda.TooManyRequestsException). AWS recommends retrying them: they happen occasionally and a " +
		"retry almost always succeeds.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeTask || !isLambdaResource(taskResource(s)) {
				continue
			}
			retried := retriedLambdaErrors(s)
			var buf [8]string // as many as retriedLambdaErrors has bits
			missing := buf[:0]
			for i, name := range lambdaTransientErrors {
				if retried&(1<<i) == 0 {
					missing = append(missing, name)
				}
			}
			if len(missing) == 0 {
				continue
			}
			at := s.NameSpan()
			if r := s.FieldAt(model.FieldRetry); r != nil {
				at = r.KeySpan
			}
			p.Report(at, "Lambda task \""+s.Name+"\" does not retry "+strings.Join(missing, ", ")+
				"; add a retrier such as "+lambdaRetrierExample)
		}
	},
})

// retries reports whether some retrier of s with attempts left matches name
// (by name, States.ALL, or States.TaskFailed, which matches all but timeouts).
// lambdaRetrierExample is the retrier the message suggests, written once.
var lambdaRetrierExample = "{\"ErrorEquals\": [\"" + strings.Join(lambdaTransientErrors, "\", \"") + "\"], \"IntervalSeconds\": 1, \"MaxAttempts\": 3, \"BackoffRate\": 2}"

// retriedLambdaErrors returns a bit per lambdaTransientErrors entry that
// some retrier of s retries (one pass over the retriers for all of them).
// A retrier with MaxAttempts 0 retries nothing; States.ALL, States.TaskFailed
// and a placeholder retry everything.
func retriedLambdaErrors(s *model.State) uint8 {
	all := uint8(1)<<len(lambdaTransientErrors) - 1
	var out uint8
	for _, r := range s.Retry {
		if ma := r.Node.Value("MaxAttempts"); ma != nil && ma.Kind == syntax.Number && ma.Num == 0 {
			continue
		}
		for _, e := range r.ErrorEquals {
			if !e.IsString() {
				continue
			}
			switch e.Str {
			case errStatesAll, "States.TaskFailed":
				return all
			}
			if isDeployPlaceholder(e) {
				return all
			}
			if i := slices.Index(lambdaTransientErrors, e.Str); i >= 0 {
				out |= 1 << i
			}
		}
	}
	return out
}

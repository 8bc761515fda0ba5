package schema

// ErrorName is a predefined error name with its hover doc.
type ErrorName struct {
	Name string
	Doc  string
	// Predefined is true for the States.* names the language reserves.
	Predefined bool
}

var errorNames = []ErrorName{
	{"States.ALL", "A wildcard that matches any error name. It must be the only name in its `ErrorEquals` and belong to the last retrier or catcher. `States.Runtime` is never caught, even by `States.ALL`.", true},
	{"States.Timeout", "A Task ran longer than `TimeoutSeconds` or missed its `HeartbeatSeconds`, or the whole execution exceeded its time limit. Retriable and catchable at the state level.", true},
	{"States.TaskFailed", "A Task failed while running. As a matcher it is a wildcard for any error except `States.Timeout`. A child state machine that times out is reported to its parent with this name.", true},
	{"States.Permissions", "A Task could not run because the execution role lacks the privileges its resource needs.", true},
	{"States.ResultPathMatchFailure", "JSONPath: the state's `ResultPath` could not be applied to its input, e.g. the input is a string and `ResultPath` is `$.x`.", true},
	{"States.ParameterPathFailure", "JSONPath: a `.$` path inside `Parameters` could not be applied. In practice AWS reports a path that matches nothing as `States.Runtime`, which cannot be caught.", true},
	{"States.BranchFailed", "A branch of a Parallel state failed. AWS actually reports the branch's own error name, so catch that (or `States.ALL`) rather than this one.", true},
	{"States.NoChoiceMatched", "A Choice state matched none of its rules and has no `Default`. Choice states cannot retry or catch, so this fails the branch or execution unless an enclosing Parallel or Map catches it.", true},
	{"States.IntrinsicFailure", "JSONPath: an intrinsic function such as `States.Format` failed while being evaluated.", true},
	{"States.HeartbeatTimeout", "A Task did not send a heartbeat within `HeartbeatSeconds`. AWS may report this as `States.Timeout`, so match both.", true},
	{"States.Runtime", "An error the execution cannot handle, such as a path that matches nothing in `InputPath`, `Parameters` or `OutputPath`. It is never retried or caught, even by `States.ALL`: the execution fails at once.", true},
	{"States.DataLimitExceeded", "A result, input or output exceeded the 256 KiB payload quota. AWS documents it as uncatchable by `States.ALL`, though task results over the limit have been observed being caught.", true},
	{"States.ExceedToleratedFailureThreshold", "A Map run had more failed items than `ToleratedFailureCount` or `ToleratedFailurePercentage` allow.", true},
	{"States.ItemReaderFailed", "A Distributed Map could not read its items with `ItemReader` (missing object, bad CSV headers, wrong format).", true},
	{"States.ResultWriterFailed", "A Distributed Map could not write its results with `ResultWriter`, e.g. the bucket is in another account or region.", true},
	{"States.QueryEvaluationError", "JSONata: an expression failed: a type error, a result of the wrong type or out of range, an undefined result, or an evaluation limit. Retriable and catchable.", true},
	{"States.Http.Socket", "An HTTP Task did not finish within its 60-second limit.", true},
	{"Lambda.ServiceException", "A transient internal error of the Lambda service. AWS recommends retrying it (with `Lambda.AWSLambdaException` and `Lambda.SdkClientException`).", false},
	{"Lambda.AWSLambdaException", "A transient error returned by the Lambda service; worth retrying with backoff.", false},
	{"Lambda.SdkClientException", "A transient client-side error calling Lambda, such as a network problem; worth retrying with backoff.", false},
	{"Lambda.TooManyRequestsException", "Lambda throttled the invocation (concurrency limit reached); retry with backoff and jitter.", false},
	{"Lambda.Unknown", "The function failed without a recognised error type, often because it ran out of memory or time. Usually worth catching rather than retrying blindly.", false},
	{"Sandbox.Timedout", "The Lambda function hit its own timeout (newer runtimes report it with this name instead of `Lambda.Unknown`).", false},
}

var errorDocs = func() map[string]string {
	m := map[string]string{}
	for _, e := range errorNames {
		m[e.Name] = e.Doc
	}
	return m
}()

// ErrorNames returns the predefined and commonly matched error names.
func ErrorNames() []ErrorName { return append([]ErrorName(nil), errorNames...) }

// ErrorDoc returns the hover doc of a known error name, or "".
func ErrorDoc(name string) string { return errorDocs[name] }

// IsPredefinedError reports whether name is a States.* name the language defines.
func IsPredefinedError(name string) bool {
	for _, e := range errorNames {
		if e.Name == name {
			return e.Predefined
		}
	}
	return false
}

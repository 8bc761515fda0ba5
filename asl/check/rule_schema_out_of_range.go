package check

var _ = register(&Rule{
	Code:     CodeSchemaRange,
	Name:     "out-of-range",
	Severity: Error,
	Doc:      "A number is outside the range AWS accepts: MaxAttempts >= 0, IntervalSeconds >= 1, BackoffRate >= 1.0, MaxDelaySeconds 1..31622400, TimeoutSeconds and HeartbeatSeconds >= 1, Wait Seconds >= 0, ToleratedFailurePercentage 0..100, MaxInputBytesPerBatch <= 262144, and so on.",
	Run:      reportFindings(CodeSchemaRange),
})

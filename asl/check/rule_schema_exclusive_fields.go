package check

var _ = register(&Rule{
	Code:     CodeSchemaExclusive,
	Name:     "exclusive-fields",
	Severity: Error,
	Doc:      "Two fields that exclude each other are both present: TimeoutSeconds and TimeoutSecondsPath, HeartbeatSeconds and HeartbeatSecondsPath, Error and ErrorPath, Cause and CausePath, the four Wait time fields, ItemProcessor and Iterator, ItemSelector and Parameters, MaxConcurrency and MaxConcurrencyPath, ... Keep one.",
	Run:      reportFindings(CodeSchemaExclusive),
})

package check

var _ = register(&Rule{
	Code:     CodeSchemaMissingField,
	Name:     "missing-field",
	Severity: Error,
	Doc:      "A field AWS requires is missing: StartAt and States at the top level and in every branch or processor, Resource in a Task, Choices in a Choice, Branches in a Parallel, ItemProcessor in a Map, ErrorEquals in a retrier or catcher, Next in a catcher, Condition in a JSONata Choice rule, one of Seconds/Timestamp/SecondsPath/TimestampPath in a Wait, and the like.",
	Run:      reportFindings(CodeSchemaMissingField),
})

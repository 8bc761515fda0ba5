package check

var _ = register(&Rule{
	Code:     CodeSchemaRetryCatchPlacement,
	Name:     "retry-catch-placement",
	Severity: Error,
	Doc:      "Retry or Catch on a state that cannot fail in a retriable way: only Task, Parallel and Map states may have them. AWS rejects the definition.",
	Run:      reportFindings(CodeSchemaRetryCatchPlacement),
})

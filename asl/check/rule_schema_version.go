package check

var _ = register(&Rule{
	Code:     CodeSchemaVersion,
	Name:     "version",
	Severity: Error,
	Doc:      "The top-level Version is not \"1.0\", the only version of the States Language. Remove it or write \"1.0\".",
	Run:      reportFindings(CodeSchemaVersion),
})

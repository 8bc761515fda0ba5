package check

var _ = register(&Rule{
	Code:     CodeSchemaWrongType,
	Name:     "wrong-type",
	Severity: Error,
	Doc:      "A field has the wrong JSON type, e.g. \"TimeoutSeconds\": \"30\" (a string) or \"End\": \"true\". Deployment placeholders such as \"${Arn}\" or !GetAtt are assumed to have the right type.",
	Run:      reportFindings(CodeSchemaWrongType),
})

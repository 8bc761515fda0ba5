package check

var _ = register(&Rule{
	Code:     CodeSchemaUnknownField,
	Name:     "unknown-field",
	Severity: Error,
	Doc:      "A field that the state type or object does not have, often a typo or a field of another state type. AWS rejects unknown fields. Payload templates, Assign, Result, Output and Credentials are free-form and not checked.",
	Run:      reportFindings(CodeSchemaUnknownField),
})

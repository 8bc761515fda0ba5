package check

var _ = register(&Rule{
	Code:     CodeSchemaDuplicateTemplateKey,
	Name:     "duplicate-template-key",
	Severity: Error,
	Doc:      "Two keys of a JSONPath payload template become the same once the \".$\" suffix is removed, e.g. \"a\" and \"a.$\". The specification forbids it; keep one.",
	Run:      reportFindings(CodeSchemaDuplicateTemplateKey),
})

package check

var _ = register(&Rule{
	Code:     CodeSchemaQueryLanguageDowngrade,
	Name:     "query-language-downgrade",
	Severity: Error,
	Doc:      "A state sets \"QueryLanguage\": \"JSONPath\" in a machine whose top-level QueryLanguage is JSONata. AWS only allows mixing the other way round (a JSONPath machine with JSONata states).",
	Run:      reportFindings(CodeSchemaQueryLanguageDowngrade),
})

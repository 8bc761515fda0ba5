package check

var _ = register(&Rule{
	Code:     CodeSchemaQueryLanguageDowngrade,
	Name:     "query-language-downgrade",
	Severity: Error,
	Doc:      "A state sets \"QueryLanguage\": \"JSONPath\" in a machine whose top-level QueryLanguage is JSONata. AWS only allows mixing the other way round (a JSONPath machine with JSONata states). For states nested in a Parallel or Map this is a warning: AWS was only observed rejecting top-level states.",
	Run:      reportFindings(CodeSchemaQueryLanguageDowngrade),
})

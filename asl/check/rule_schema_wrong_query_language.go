package check

var _ = register(&Rule{
	Code:     CodeSchemaWrongQueryLanguage,
	Name:     "wrong-query-language",
	Severity: Error,
	Doc:      "A field of the other query language: JSONPath states use InputPath, Parameters, ResultSelector, ResultPath, OutputPath and the ...Path fields; JSONata states use Arguments, Output, Items and Condition instead. Use the field of the state's language, or change its QueryLanguage.",
	Run:      reportFindings(CodeSchemaWrongQueryLanguage),
})

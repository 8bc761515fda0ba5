package check

var _ = register(&Rule{
	Code:     CodeSchemaEnum,
	Name:     "invalid-enum",
	Severity: Error,
	Doc:      "A field takes one of a fixed set of values (QueryLanguage, ProcessorConfig.Mode, ExecutionType, JitterStrategy, ReaderConfig.InputType, ...) and this is not one of them. Values are case-sensitive.",
	Run:      reportFindings(CodeSchemaEnum),
})

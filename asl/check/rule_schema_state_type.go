package check

var _ = register(&Rule{
	Code:     CodeSchemaStateType,
	Name:     "state-type",
	Severity: Error,
	Doc:      "A state has no \"Type\", or its Type is not one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map (case-sensitive). AWS rejects the definition. Add or correct the Type.",
	Run:      reportFindings(CodeSchemaStateType),
})

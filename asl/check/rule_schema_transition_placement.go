package check

var _ = register(&Rule{
	Code:     CodeSchemaTransitionPlacement,
	Name:     "transition-placement",
	Severity: Error,
	Doc:      "Next or End on a Choice, Succeed or Fail state, or Default outside a Choice state. A Choice goes to its rules' Next or Default; Succeed and Fail end their scope by themselves.",
	Run:      reportFindings(CodeSchemaTransitionPlacement),
})

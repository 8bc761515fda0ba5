package check

var _ = register(&Rule{
	Code:     CodeSchemaDeprecated,
	Name:     "deprecated-field",
	Severity: Hint,
	Doc: "A field that still works but has a newer name: a Map's \"Iterator\" is now \"ItemProcessor\" and a " +
		"Map's \"Parameters\" is now \"ItemSelector\". The newer names also unlock Distributed Map options.",
	Run: reportFindings(CodeSchemaDeprecated),
})

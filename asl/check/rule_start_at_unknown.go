package check

// StartAt of every scope (top level, Parallel branch, Map processor) must
// name a state of that scope.
var _ = register(&Rule{
	Code:     CodeStartAtUnknown,
	Name:     "start-at-unknown",
	Severity: Error,
	Doc: "StartAt names no state of its scope. Each Parallel branch and Map processor has its own StartAt, " +
		"which must name one of its own states. Fix the name or add the state.",
	Run: func(p *Pass) {
		for _, m := range scopesOf(p) {
			reportUnknown(p, m, m.StartAt, `"StartAt"`)
		}
	},
})

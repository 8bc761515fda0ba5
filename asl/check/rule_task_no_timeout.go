package check

import "github.com/aslkit/aslkit/asl/model"

// A Task without TimeoutSeconds waits as long as the execution may run.
var _ = register(&Rule{
	Code:     CodeTaskNoTimeout,
	Name:     "task-no-timeout",
	Severity: Hint,
	Doc: "A Task has no TimeoutSeconds (or TimeoutSecondsPath). AWS has no default task timeout: if the " +
		"worker, callback or job never answers, the state waits until the execution itself times out, up to a " +
		"year. Set a TimeoutSeconds a little above the longest expected run.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeTask || !hasObjectBody(s) {
				continue
			}
			if s.FieldAt(model.FieldTimeoutSeconds) != nil || s.FieldAt(model.FieldTimeoutSecondsPath) != nil {
				continue
			}
			p.Report(s.NameSpan(), "Task \""+s.Name+"\" has no TimeoutSeconds; without one it can wait until the execution times out (up to a year); set \"TimeoutSeconds\"")
		}
	},
})

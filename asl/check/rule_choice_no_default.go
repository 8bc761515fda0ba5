package check

import "github.com/aslkit/aslkit/asl/model"

// A Choice without Default fails when no rule matches.
var _ = register(&Rule{
	Code:     CodeChoiceNoDefault,
	Name:     "choice-no-default",
	Severity: Hint,
	Doc: "A Choice state has no \"Default\": when no rule matches, the execution fails with " +
		"States.NoChoiceMatched. Add a Default (a Fail state with a clear error makes the intent explicit).",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeChoice || !hasObjectBody(s) || s.FieldAt(model.FieldDefault) != nil {
				continue
			}
			p.Report(s.NameSpan(), "Choice \""+s.Name+"\" has no \"Default\"; when no rule matches the execution fails with States.NoChoiceMatched")
		}
	},
})

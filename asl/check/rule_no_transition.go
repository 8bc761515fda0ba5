package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Task, Pass, Wait, Parallel and Map states need "Next" or "End": true.
var _ = register(&Rule{
	Code:     CodeNoTransition,
	Name:     "no-transition",
	Severity: Error,
	Doc: "A Task, Pass, Wait, Parallel or Map state has neither \"Next\" nor \"End\": true, so the machine " +
		"cannot tell where to go after it. Add \"Next\": \"<state>\" or \"End\": true.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if !needsTransition(s.Type) || !hasObjectBody(s) || s.End {
				continue
			}
			if next := s.FieldAt(model.FieldNext); next != nil {
				continue // a Next that is not a string is a type error reported elsewhere
			}
			if end := s.FieldAt(model.FieldEnd); end != nil && end.Value != nil && end.Value.Kind == syntax.Bool {
				p.Report(end.Span, "\"End\": false does not end the state and there is no \"Next\"; write \"End\": true, or replace it with \"Next\": \"<state>\"")
				continue
			}
			if s.FieldAt(model.FieldEnd) != nil {
				continue // "End" of the wrong type: the schema rules say so
			}
			p.Report(s.NameSpan(), s.Type+" state \""+s.Name+"\" has neither \"Next\" nor \"End\"; add \"Next\": \"<state>\" or \"End\": true")
		}
	},
})

func needsTransition(typ string) bool {
	switch typ {
	case model.TypeTask, model.TypePass, model.TypeWait, model.TypeParallel, model.TypeMap:
		return true
	}
	return false
}

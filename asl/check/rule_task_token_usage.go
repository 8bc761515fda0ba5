package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// A callback task must hand its task token to the worker, and only
// callback tasks have one.
var _ = register(&Rule{
	Code:     CodeTaskTokenUsage,
	Name:     "task-token-usage",
	Severity: Warning,
	Doc: "A \".waitForTaskToken\" Task does not pass the task token ($$.Task.Token, or " +
		"$states.context.Task.Token in JSONata) in its Parameters/Arguments, so nobody can ever call " +
		"SendTaskSuccess and the state waits until it times out; or a state reads the task token although it " +
		"is not a callback task, where the token is meaningless.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if !hasObjectBody(s) {
				continue
			}
			payload := s.FieldAt(model.FieldParameters)
			if s.QueryLanguage == model.JSONata {
				payload = s.FieldAt(model.FieldArguments)
			}
			resource := s.ValueAt(model.FieldResource)
			callback := s.Type == model.TypeTask && resource.IsString() && strings.HasSuffix(resource.Str, ".waitForTaskToken")
			if !callback && (payload == nil || rawLacks(p, payload.Value, "Task.Token")) {
				continue // no token read; whether the payload is knowable does not matter then
			}
			uses, unknowable := mentionsTaskToken(payload)
			switch {
			case callback:
				if !uses && !unknowable {
					at := resource.Span
					if payload != nil {
						at = payload.KeySpan
					}
					p.Report(at, "callback task \""+s.Name+"\" never passes its task token, so no worker can answer it; add e.g. \"TaskToken.$\": \"$$.Task.Token\" to the message it sends")
				}
			case uses && !unknowable && !maybeCallback(s, resource):
				p.Report(payload.KeySpan, "state \""+s.Name+"\" reads the task token, but it is not a \".waitForTaskToken\" task, where the token would be empty; use the .waitForTaskToken integration or drop the token")
			}
		}
	},
})

// maybeCallback reports whether a state could have a task token: a callback
// or activity task, or a Resource that cannot be known before deployment.
func maybeCallback(s *model.State, resource *syntax.Node) bool {
	if s.Type != model.TypeTask {
		return false
	}
	if !resource.IsString() || isDeployPlaceholder(resource) {
		return true
	}
	r := resource.Str
	return strings.HasSuffix(r, ".waitForTaskToken") || strings.Contains(r, ":activity:")
}

// mentionsTaskToken reports whether some string under the payload reads the
// task token, and whether a placeholder makes that unknowable.
func mentionsTaskToken(m *syntax.Member) (uses, unknowable bool) {
	if m == nil {
		return false, false
	}
	syntax.Walk(m.Value, func(n *syntax.Node) bool {
		if isDeployPlaceholder(n) && n.Kind != syntax.String {
			unknowable = true
			return false
		}
		if n.Kind == syntax.String && strings.Contains(n.Str, "Task.Token") {
			uses = true
		}
		return true
	})
	return uses, unknowable
}

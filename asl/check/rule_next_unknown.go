package check

import (
	"github.com/aslkit/aslkit/asl/model"
)

// Every Next (of a state, a top-level Choice rule or a catcher) and every
// Default must name a state of the same scope.
var _ = register(&Rule{
	Code:     CodeNextUnknown,
	Name:     "next-unknown",
	Severity: Error,
	Doc: "A Next, Default or Catch Next names no state of its scope. States in a Parallel branch or a Map " +
		"processor form their own scope: transitions cannot enter or leave it. Fix the name, or add the state.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			reportUnknown(p, s.Scope, s.Next, `"Next"`)
			reportUnknown(p, s.Scope, s.Default, `"Default"`)
			for _, r := range s.Choices {
				reportUnknown(p, s.Scope, r.Next, `the Choice rule's "Next"`)
			}
			for _, c := range s.Catch {
				reportUnknown(p, s.Scope, c.Next, `the catcher's "Next"`)
			}
		}
	},
})

// reportUnknown reports ref when it names no state of scope. A name that
// exists in another scope gets the cross-scope advice and points there.
func reportUnknown(p *Pass, scope *model.StateMachine, ref *model.Ref, field string) {
	if ref == nil || ref.Target != nil || isDeployPlaceholder(ref.Node) {
		return
	}
	msg, related := unknownStateMessage(p.Def, scope, ref.Name, field)
	p.Report(ref.Span(), msg, related...)
}

func unknownStateMessage(def *model.Definition, scope *model.StateMachine, name, field string) (string, []Related) {
	if name == "" {
		return field + " is empty; name a state of " + describeScope(scope), nil
	}
	if others := def.ByName[name]; len(others) > 0 {
		o := others[0]
		return field + " names \"" + name + "\", which is a state of " + describeScope(o.Scope) +
				", not of " + describeScope(scope) + ": " + crossScopeAdvice,
			[]Related{{Span: o.NameSpan(), Message: "\"" + name + "\" is defined here"}}
	}
	names := stateNamesOf(scope)
	msg := field + " names \"" + name + "\", which is not a state of " + describeScope(scope)
	if near := nearestName(name, names); near != "" {
		return msg + "; did you mean \"" + near + "\"?", []Related{{Span: scope.Lookup(near).NameSpan(), Message: "\"" + near + "\" is defined here"}}
	}
	if len(names) > 0 {
		msg += "; states here: " + quotedNames(names, 8)
	}
	return msg, nil
}

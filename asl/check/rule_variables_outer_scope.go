package check

// A Parallel branch or Map iteration assigning a variable of an outer scope.
var _ = register(&Rule{
	Code:     CodeVariableOuterScope,
	Name:     "variable-outer-scope-assign",
	Severity: Warning,
	Doc: "States inside a Parallel branch or a Map iteration may read the variables of the enclosing " +
		"scopes but not assign them: the specification requires a variable name to be unique across " +
		"nested scopes (variables.md §5). A warning, not an error: AWS ran a recorded definition whose " +
		"branch assigns a name the Parallel state's catcher also assigns. Assign a new name inside, and return values to the outer " +
		"scope through the branch's or iteration's Output. (A Catcher's Assign on the Parallel or Map " +
		"state itself assigns in the outer scope and is fine.)",
	Run: func(p *Pass) {
		va := variablesOf(p)
		for _, a := range va.assigns {
			sc := a.state.Scope
			if sc.Owner == nil {
				continue
			}
			for _, outer := range visibleScopes(sc)[1:] {
				if o := va.firstIn[outer][a.name]; o != nil {
					p.Report(a.member.KeySpan, "\""+a.name+"\" is a variable of "+describeScope(outer)+" (assigned by state \""+o.state.Name+
						"\"); "+describeScope(sc)+" can read it but not assign it: use another name and return the value through Output",
						Related{Span: o.member.KeySpan, Message: "assigned here"})
					break
				}
			}
		}
	},
})

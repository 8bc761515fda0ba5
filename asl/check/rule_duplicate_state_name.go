package check

// State names are unique across the whole machine, nested scopes included.
var _ = register(&Rule{
	Code:     CodeDuplicateStateName,
	Name:     "duplicate-state-name",
	Severity: Error,
	Doc: "Two states share a name. Names must be unique across the whole state machine, including states " +
		"inside Parallel branches and Map processors. Rename one of them.",
	Run: func(p *Pass) {
		if len(p.Def.ByName) == len(p.Def.All) {
			return // one group per state: every name is unique
		}
		for _, s := range p.Def.All {
			group := p.Def.ByName[s.Name]
			if len(group) < 2 || group[0] == s {
				continue
			}
			first := group[0]
			if first.Scope == s.Scope && first.Scope.StatesNode == s.Scope.StatesNode {
				// The same key twice in one States object: the parser's
				// duplicate-key error already points here.
				continue
			}
			p.Report(s.NameSpan(), "state name \""+s.Name+"\" is already used in "+describeScope(first.Scope)+
				"; state names must be unique across the whole state machine, so rename this one",
				Related{Span: first.NameSpan(), Message: "first \"" + s.Name + "\""})
		}
	},
})

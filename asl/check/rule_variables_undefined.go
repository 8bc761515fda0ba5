package check

import (
	"sort"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// A variable read where no path can have assigned it.
var _ = register(&Rule{
	Code:     CodeVariableUndefined,
	Name:     "variable-undefined",
	Severity: Warning,
	Doc: "A state reads $name, but no state assigns name on any path that reaches it: not in its own " +
		"scope before it, nor in an enclosing scope before the Parallel or Map around it (a Distributed " +
		"Map's iterations see no outer variable, and a branch's or iteration's variables are not " +
		"visible outside it). Values assigned by a state take effect only after the state, so a read in " +
		"the same state sees the value from before. AWS accepts the definition; the read fails at run " +
		"time (JSONata: undefined result, States.QueryEvaluationError; JSONPath: States.Runtime).",
	Run: func(p *Pass) {
		va := variablesOf(p)
		for _, r := range va.reads {
			if msg := va.undefinedMessage(r); msg != "" {
				p.Report(r.at(p.Def.File.Text), msg)
			}
		}
	},
})

// The same Assign reads a variable it also sets.
var _ = register(&Rule{
	Code:     CodeVariableSameStateRead,
	Name:     "variable-same-state-read",
	Severity: Hint,
	Doc: "An Assign both sets a variable and reads it for another key: all Assign values are computed " +
		"from the values at state entry, then assigned together, so the read sees the old value, not the " +
		"one assigned next to it. Fine for swapping values; otherwise compute the value again.",
	Run: func(p *Pass) {
		va := variablesOf(p)
		for _, r := range va.reads {
			if r.assign == nil || r.assignTo == r.name || !assignsName(r.state, r.assign, r.name) {
				continue
			}
			if before, known := va.assignedBefore(r.state, r.name); known && !before {
				continue // variable-undefined says it
			}
			p.Report(r.at(p.Def.File.Text), "$"+r.name+" is also assigned by this Assign, but here it reads the value from before the state: all values are computed first, then assigned together")
		}
	},
})

// assignsName reports whether the Assign object n sets name.
func assignsName(s *model.State, n *syntax.Node, name string) bool {
	for _, m := range n.Members {
		if k, ok := assignedName(s, m.Key); ok && k == name {
			return true
		}
	}
	return false
}

// undefinedMessage explains why the read r cannot see a value, or is "".
func (va *varAnalysis) undefinedMessage(r varRead) string {
	// Most reads come after an assignment. Such a read's name is assigned
	// in a scope it can see, so the assigner below would be found.
	if before, known := va.assignedBefore(r.state, r.name); known && before {
		return ""
	}
	visible := visibleScopes(r.state.Scope)
	var assigner *varAssign
	for _, sc := range visible {
		if a := va.firstIn[sc][r.name]; a != nil {
			assigner = a
			break
		}
	}
	same := r.assign != nil && r.assignTo != r.name && assignsName(r.state, r.assign, r.name)
	if assigner != nil {
		before, known := va.assignedBefore(r.state, r.name)
		if !known || before {
			return ""
		}
		if same {
			return "$" + r.name + " is assigned by this same Assign, but values take effect only after the state, and no state assigns it before: here it is undefined"
		}
		if assigner.state == r.state {
			return "$" + r.name + " is assigned only by this state, and its values take effect after it: no path that reaches it assigns $" + r.name + " first"
		}
		return "no path that reaches state \"" + r.state.Name + "\" assigns $" + r.name + " first (state \"" + assigner.state.Name + "\" assigns it, on other paths or later)"
	}
	for i := range va.assigns {
		if a := &va.assigns[i]; a.name == r.name {
			return "$" + r.name + " is assigned only in " + describeScope(a.state.Scope) + " (state \"" + a.state.Name + "\"), whose variables this state cannot see" + scopeAdvice(r.state)
		}
	}
	var names []string
	for _, sc := range visible {
		for n := range va.firstIn[sc] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	msg := "no state assigns $" + r.name
	if near := nearestName(r.name, names); near != "" {
		msg += "; did you mean $" + near + "?"
	} else {
		msg += ": it is undefined at run time"
	}
	return msg
}

// scopeAdvice explains how data crosses a scope boundary.
func scopeAdvice(reader *model.State) string {
	for sc := reader.Scope; sc.Owner != nil; sc = sc.Owner.Scope {
		if isDistributedMap(sc.Owner) {
			return ": a Distributed Map's iterations cannot read outer variables; pass the value in ItemSelector"
		}
	}
	return ": variables of a Parallel branch or Map iteration are discarded when it ends; return values through its Output"
}

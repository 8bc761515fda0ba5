package check

import (
	"sort"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Each JSONPath Choice rule has exactly one operator; a comparison also
// needs the Variable it compares.
var _ = register(&Rule{
	Code:     CodeChoiceRuleOperator,
	Name:     "choice-rule-operator",
	Severity: Error,
	Doc: "A JSONPath Choice rule must have exactly one operator: a comparison such as StringEquals (with a " +
		"\"Variable\" to compare) or one of And, Or, Not. Split a rule with two comparisons with And.",
	Run: func(p *Pass) {
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			checkRuleOperators(p, r.Node)
		})
	},
})

// operatorNames lists every JSONPath Choice operator, for "did you mean".
var operatorNames = func() []string {
	out := []string{"And", "Or", "Not"}
	for _, op := range schema.Operators() {
		out = append(out, op.Name)
	}
	sort.Strings(out)
	return out
}()

// ruleFields are the keys a JSONPath rule may hold besides its operator.
var ruleFields = map[string]bool{"Variable": true, "Next": true, "Comment": true, "Assign": true}

func checkRuleOperators(p *Pass, n *syntax.Node) {
	if n.Kind != syntax.Object || n.Unclosed || len(n.Members) == 0 {
		return
	}
	var first *syntax.Member
	var unknown []*syntax.Member
	for _, m := range n.Members {
		switch {
		case model.IsRuleOperator(m.Key):
			if first == nil {
				first = m
				continue
			}
			p.Report(m.KeySpan, "a Choice rule has exactly one operator and this one already has \""+first.Key+
				"\"; combine two tests with \"And\": [{...}, {...}]")
		case !ruleFields[m.Key]:
			unknown = append(unknown, m)
		}
	}
	if first == nil {
		if n.Get("Condition") != nil {
			return // a JSONata rule in a JSONPath state: the mode rules report it
		}
		msg := "this Choice rule has no operator; add a comparison such as \"StringEquals\" with a \"Variable\", or \"And\", \"Or\" or \"Not\""
		for _, u := range unknown {
			if near := nearestName(u.Key, operatorNames); near != "" {
				p.Report(u.KeySpan, "\""+u.Key+"\" is not a Choice operator; did you mean \""+near+"\"?")
				return
			}
		}
		p.Report(headSpan(p, n), msg)
		return
	}
	variable := n.Get("Variable")
	if isBooleanOperator(first.Key) {
		if variable != nil {
			p.ReportSeverity(Warning, variable.KeySpan, "\"Variable\" has no effect next to \""+first.Key+
				"\"; put it in the nested rules that compare it")
		}
		return
	}
	if variable == nil {
		p.Report(first.KeySpan, "\""+first.Key+"\" needs a \"Variable\" to compare: add \"Variable\": \"$.field\"")
	}
}

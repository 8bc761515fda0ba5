package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Top-level Choice rules say where to go; nested rules (in And/Or/Not) must not.
var _ = register(&Rule{
	Code:     CodeChoiceRuleNext,
	Name:     "choice-rule-next",
	Severity: Error,
	Doc: "A top-level Choice rule has no \"Next\", or a rule nested in And, Or or Not has one. Only the " +
		"top-level rule decides the transition: move \"Next\" up to it.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeChoice {
				continue
			}
			for _, r := range s.Choices {
				if r.Node.Kind == syntax.Object && len(r.Node.Members) == 0 && !r.Node.Unclosed {
					p.ReportSeverity(Warning, headSpan(p, r.Node), "this Choice rule is empty (a template slot?); write the rule with its \"Next\" before deploying")
					continue
				}
				if r.Node.Kind == syntax.Object && r.Node.Get("Next") == nil && !r.Node.Unclosed {
					if misspeltNext(r.Node) != nil {
						continue // unknown-field (ASL202) already suggests "Next" on the typo
					}
					p.Report(headSpan(p, r.Node), "this Choice rule has no \"Next\"; add \"Next\": \"<state>\" to say where to go when it matches")
				}
			}
		}
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			if r.Depth > 0 {
				if m := r.Node.Get("Next"); m != nil {
					p.Report(m.KeySpan, "a rule nested in And, Or or Not cannot have \"Next\"; move it to the top-level rule")
				}
			}
		})
	},
})

// misspeltNext finds a key that is probably "Next" mistyped ("next", "Nxt").
func misspeltNext(n *syntax.Node) *syntax.Member {
	for _, m := range n.Members {
		if !model.IsRuleOperator(m.Key) && m.Key != "Variable" && nearestName(m.Key, []string{"Next"}) != "" {
			return m
		}
	}
	return nil
}

package check

import "github.com/aslkit/aslkit/asl/model"

// eachChoiceRule calls fn for every rule of every JSONPath Choice state,
// nested rules included, depth-first in source order. The rules are
// listed once per Run for the several rules that visit them.
func eachChoiceRule(p *Pass, fn func(s *model.State, r *model.ChoiceRule)) {
	for _, c := range memoized(p, memoChoiceRules, func() []stateRule { return choiceRules(p.Def) }) {
		fn(c.state, c.rule)
	}
}

// stateRule is a Choice rule and its state.
type stateRule struct {
	state *model.State
	rule  *model.ChoiceRule
}

// choiceRules lists the rules eachChoiceRule visits, in its order.
func choiceRules(def *model.Definition) []stateRule {
	var out []stateRule
	if n := countChoiceRules(def); n > 0 {
		out = make([]stateRule, 0, n) // grown once, not step by step
	}
	for _, s := range def.All {
		if s.Type != model.TypeChoice || !usesJSONPath(s) {
			continue
		}
		for _, r := range s.Choices {
			out = appendChoiceRule(out, s, r)
		}
	}
	return out
}

// countChoiceRules counts the rules choiceRules lists.
func countChoiceRules(def *model.Definition) int {
	n := 0
	var count func(r *model.ChoiceRule)
	count = func(r *model.ChoiceRule) {
		n++
		for _, c := range r.Nested {
			count(c)
		}
	}
	for _, s := range def.All {
		if s.Type == model.TypeChoice && usesJSONPath(s) {
			for _, r := range s.Choices {
				count(r)
			}
		}
	}
	return n
}

func appendChoiceRule(out []stateRule, s *model.State, r *model.ChoiceRule) []stateRule {
	out = append(out, stateRule{s, r})
	for _, n := range r.Nested {
		out = appendChoiceRule(out, s, n)
	}
	return out
}

// isBooleanOperator reports whether op combines rules rather than testing data.
func isBooleanOperator(op string) bool { return op == "And" || op == "Or" || op == "Not" }

package check

import "github.com/aslkit/aslkit/asl/model"

// eachChoiceRule calls fn for every rule of every JSONPath Choice state,
// nested rules included, depth-first in source order.
func eachChoiceRule(def *model.Definition, fn func(s *model.State, r *model.ChoiceRule)) {
	for _, s := range def.All {
		if s.Type != model.TypeChoice || !usesJSONPath(s) {
			continue
		}
		for _, r := range s.Choices {
			walkChoiceRule(s, r, fn)
		}
	}
}

func walkChoiceRule(s *model.State, r *model.ChoiceRule, fn func(s *model.State, r *model.ChoiceRule)) {
	fn(s, r)
	for _, n := range r.Nested {
		walkChoiceRule(s, n, fn)
	}
}

// isBooleanOperator reports whether op combines rules rather than testing data.
func isBooleanOperator(op string) bool { return op == "And" || op == "Or" || op == "Not" }

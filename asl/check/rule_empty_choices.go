package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// A Choice state has at least one rule.
var _ = register(&Rule{
	Code:     CodeEmptyChoices,
	Name:     "empty-choices",
	Severity: Error,
	Doc:      "A Choice state's \"Choices\" array is empty, which AWS rejects. Add a rule, or use a Pass state.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeChoice {
				continue
			}
			if c := s.ValueAt(model.FieldChoices); c != nil && c.Kind == syntax.Array && len(c.Elems) == 0 && !c.Unclosed {
				p.Report(headSpan(p, c), "\"Choices\" of Choice state \""+s.Name+"\" is empty; add at least one rule with a \"Next\"")
			}
		}
	},
})

package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// A Parallel state has at least one branch.
var _ = register(&Rule{
	Code:     CodeEmptyBranches,
	Name:     "empty-branches",
	Severity: Error,
	Doc:      "A Parallel state's \"Branches\" array is empty, which AWS rejects. Add a branch, or use a Pass state.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeParallel {
				continue
			}
			if b := s.ValueAt(model.FieldBranches); b != nil && b.Kind == syntax.Array && len(b.Elems) == 0 && !b.Unclosed {
				p.Report(headSpan(p, b), "\"Branches\" of Parallel state \""+s.Name+"\" is empty; add at least one branch ({\"StartAt\": ..., \"States\": {...}})")
			}
		}
	},
})

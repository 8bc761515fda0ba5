package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Path-valued fields of JSONPath states hold valid JSONPath.
var _ = register(&Rule{
	Code:     CodeInvalidPath,
	Name:     "invalid-path",
	Severity: Error,
	Doc: "A Path field (InputPath, OutputPath, ItemsPath, a *Path field such as SecondsPath, a Choice " +
		"\"Variable\" or *Path operand) is not valid JSONPath, or uses a wildcard, filter, slice or union " +
		"where a Reference Path (one node) is required. The error points at the offending characters.",
	Run: func(p *Pass) {
		plain := substitutionFree(p)
		for _, s := range p.Def.All {
			if !usesJSONPath(s) || !hasObjectBody(s) {
				continue
			}
			for _, m := range s.Node.Members {
				switch statePathField(m.Key) {
				case plainPath:
					checkPathField(p, plain, m.Value, m.Key, false)
				case referencePath:
					checkPathField(p, plain, m.Value, m.Key, true)
				case pathOrIntrinsic:
					if v := m.Value; !skipExprIn(plain, v) && !expr.IsIntrinsic(v.Str) {
						checkPathField(p, plain, v, m.Key, true)
					}
				}
			}
			if hasNestedReferencePaths(s) {
				for _, np := range nestedReferencePaths {
					o := s.ValueAt(np.object)
					if np.sub != "" {
						o = o.Value(np.sub)
					}
					checkPathField(p, plain, o.Value(np.field), np.field, true)
				}
			}
		}
		eachChoiceRule(p, func(s *model.State, r *model.ChoiceRule) {
			for _, m := range r.Node.Members {
				if m.Key == "Variable" || (strings.HasSuffix(m.Key, "Path") && model.IsRuleOperator(m.Key)) {
					checkPathField(p, plain, m.Value, m.Key, false)
				}
			}
		})
	},
})

// checkPathField parses a path-valued field; null and non-strings are left
// to the schema rules.
func checkPathField(p *Pass, plain bool, v *syntax.Node, field string, reference bool) {
	if skipExprIn(plain, v) {
		return
	}
	kind := byte(parseAsPath)
	if reference {
		kind = parseAsReference
	}
	if errs := parseCached(p, kind, v.Str).errs; len(errs) > 0 {
		reportExprErrors(p, v, errs, field+": ")
	}
}

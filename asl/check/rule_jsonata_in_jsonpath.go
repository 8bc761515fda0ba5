package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// "{% ... %}" in a JSONPath state: passed on literally.
var _ = register(&Rule{
	Code:     CodeJSONataInJSONPath,
	Name:     "jsonata-in-jsonpath-state",
	Severity: Warning,
	Doc: "A string framed as a JSONata expression ({% ... %}) in a payload template (Parameters, " +
		"ResultSelector, ItemSelector, Assign, ...) or a Pass Result of a JSONPath state. JSONPath " +
		"states never evaluate JSONata, so the text is passed on as it is. Set \"QueryLanguage\": " +
		"\"JSONata\" on the state (and use Arguments/Output), or write a path with a .$ key.",
	Run: func(p *Pass) {
		plain := substitutionFree(p)
		eachPayloadTemplate(p, func(s *model.State, field string, n *syntax.Node) {
			literalJSONata(p, plain, n, field)
		})
		for _, s := range p.Def.All {
			if s.Type == model.TypePass && usesJSONPath(s) && hasObjectBody(s) {
				literalJSONata(p, plain, s.ValueAt(model.FieldResult), "Result")
			}
		}
	},
})

// literalJSONata reports the JSONata-framed strings under n, skipping the
// values of ".$" keys (invalid-dollar-value reports those). A template whose
// text has no "{%" is skipped with one byte search.
func literalJSONata(p *Pass, plain bool, n *syntax.Node, field string) {
	if n != nil && n.Kind != syntax.String && rawLacks(p, n, "{%") {
		return
	}
	literalJSONataIn(p, plain, n, field)
}

func literalJSONataIn(p *Pass, plain bool, n *syntax.Node, field string) {
	if n == nil || isPlaceholderIn(plain, n) {
		return
	}
	switch n.Kind {
	case syntax.String:
		if !skipExprIn(plain, n) && framedAsJSONata(n.Str) {
			p.Report(n.Span, field+": this state uses JSONPath, so this {% %} expression is not evaluated and is passed on as text; set \"QueryLanguage\": \"JSONata\" on the state to evaluate it")
		}
	case syntax.Object:
		for _, m := range n.Members {
			if len(m.Key) >= 2 && m.Key[len(m.Key)-2:] == ".$" {
				continue
			}
			literalJSONataIn(p, plain, m.Value, field)
		}
	case syntax.Array:
		for _, e := range n.Elems {
			literalJSONataIn(p, plain, e, field)
		}
	}
}

package check

import "github.com/aslkit/aslkit/asl/model"

// A state transitions with exactly one of Next and "End": true.
var _ = register(&Rule{
	Code:     CodeNextAndEnd,
	Name:     "next-and-end",
	Severity: Error,
	Doc: "A state has both \"Next\" and \"End\": true. A state either moves on to Next or ends its scope; " +
		"remove one of the two.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Next == nil || !s.End {
				continue
			}
			p.Report(s.FieldAt(model.FieldEnd).KeySpan, "state \""+s.Name+"\" has both \"Next\" and \"End\": true; remove \"End\" to go on to \""+s.Next.Name+"\", or remove \"Next\" to end here")
		}
	},
})

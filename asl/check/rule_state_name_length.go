package check

import "strconv"

// maxStateName is AWS's limit on a state name, in Unicode characters.
const maxStateName = 80

// State names are 1 to 80 characters long.
var _ = register(&Rule{
	Code:     CodeStateNameLength,
	Name:     "state-name-length",
	Severity: Error,
	Doc:      "A state name is empty or longer than 80 characters, which AWS rejects. Use a shorter name.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if l := len(s.Name); l > 0 && l <= maxStateName {
				continue // no more characters than bytes: no need to count them
			}
			switch n := charCount(s.Name); {
			case n == 0:
				p.Report(s.NameSpan(), "a state name cannot be empty; name the state")
			case n > maxStateName:
				p.Report(s.NameSpan(), "state name is "+strconv.Itoa(n)+" characters long; AWS allows at most 80")
			}
		}
	},
})

package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/syntax"
)

// maxVariableBytes is AWS's limit on one variable's value (variables.md §6).
const maxVariableBytes = 256 * 1024

// An Assign key that is not a variable name.
var _ = register(&Rule{
	Code:     CodeVariableName,
	Name:     "variable-name",
	Severity: Error,
	Doc: "Each key of an Assign names one variable: a Unicode identifier (a letter first, then " +
		"letters, digits or underscores) of at most 80 characters. Only whole variables can be " +
		"assigned: \"x.y\" or \"x[2]\" are not names. AWS rejects the definition. In JSONPath states " +
		"a trailing .$ is not part of the name.",
	Run: func(p *Pass) {
		for _, a := range variablesOf(p).assigns {
			if a.name == "states" || expr.IsVariableName(a.name) {
				continue
			}
			var msg string
			switch {
			case a.name == "":
				msg = "an Assign key must name a variable; this one is empty"
			case utf8.RuneCountInString(a.name) > 80:
				msg = "the variable name \"" + a.name + "\" is " + strconv.Itoa(utf8.RuneCountInString(a.name)) + " characters long; the limit is 80"
			case strings.ContainsAny(a.name, ".["):
				msg = "\"" + a.name + "\" is not a variable name: Assign sets whole variables only; assign the whole value instead (e.g. \"" + wholeName(a.name) + "\": {...})"
			default:
				msg = "\"" + a.name + "\" is not a variable name: use a letter first, then letters, digits or underscores"
			}
			p.Report(a.member.KeySpan, msg)
		}
	},
})

// wholeName is the variable part of "x.y" or "x[2]".
func wholeName(s string) string {
	if i := strings.IndexAny(s, ".["); i > 0 {
		return s[:i]
	}
	return "name"
}

// Assigning the reserved name "states".
var _ = register(&Rule{
	Code:     CodeVariableReservedName,
	Name:     "variable-reserved-name",
	Severity: Error,
	Doc: "$states is reserved: in JSONata states it holds input, result, errorOutput and context. " +
		"An Assign cannot set a variable named states; AWS rejects the definition. Pick another name.",
	Run: func(p *Pass) {
		for _, a := range variablesOf(p).assigns {
			if a.name == "states" {
				p.Report(a.member.KeySpan, "\"states\" is reserved ($states holds the state's input, result and context) and cannot be assigned; pick another name")
			}
		}
	},
})

// A literal value larger than a variable may hold.
var _ = register(&Rule{
	Code:     CodeVariableTooLarge,
	Name:     "variable-too-large",
	Severity: Warning,
	Doc: "A variable holds at most 256 KiB, and one Assign sets at most 256 KiB in all. A literal " +
		"value this large fails the state at run time. Keep large data in S3 and assign its location.",
	Run: func(p *Pass) {
		va := variablesOf(p)
		type total struct {
			first *varAssign
			bytes int
			big   bool
		}
		var order []*syntax.Node
		totals := map[*syntax.Node]*total{}
		for i := range va.assigns {
			a := &va.assigns[i]
			v := a.member.Value
			if v == nil {
				continue
			}
			t := totals[a.assign]
			if t == nil {
				t = &total{first: a}
				totals[a.assign] = t
				order = append(order, a.assign)
			}
			size := v.Span.End - v.Span.Start
			t.bytes += size
			if size > maxVariableBytes {
				t.big = true
				p.Report(a.member.KeySpan, "the value assigned to \""+a.name+"\" is "+strconv.Itoa(size/1024)+" KiB as written; a variable holds at most 256 KiB")
			}
		}
		for _, n := range order {
			if t := totals[n]; !t.big && t.bytes > maxVariableBytes {
				p.Report(t.first.member.KeySpan, "the values of this Assign are "+strconv.Itoa(t.bytes/1024)+" KiB as written; one Assign sets at most 256 KiB in all")
			}
		}
	},
})

package check

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// A Distributed Map's Label names its Map Run and child executions, so AWS
// holds it to the rules of resource names.
var _ = register(&Rule{
	Code:     CodeSchemaMapLabel,
	Name:     "map-label",
	Severity: Error,
	Doc: "A Map state's Label is longer than 40 characters, contains a character AWS forbids " +
		"(whitespace, ? * < > { } [ ] : ; , \\ ^ ~ $ # % & \" | ` or a control character), or repeats " +
		"the Label of another Map state. Labels name Map Runs and must be unique in the definition.",
	Run: func(p *Pass) {
		seen := map[string]*syntax.Node{}
		for _, s := range p.Def.All {
			if s.Type != model.TypeMap {
				continue
			}
			label := s.ValueAt(model.FieldLabel)
			if !label.IsString() || isDeployPlaceholder(label) {
				continue
			}
			switch bad := badLabelRune(label.Str); {
			case charCount(label.Str) > 40:
				p.Report(label.Span, "the Label of Map state \""+s.Name+"\" is "+strconv.Itoa(charCount(label.Str))+" characters long; AWS allows at most 40")
			case label.Str == "":
				p.Report(label.Span, "the Label of Map state \""+s.Name+"\" is empty; give a name of 1 to 40 characters or remove it")
			case bad != "":
				p.Report(label.Span, "the Label of Map state \""+s.Name+"\" contains "+bad+", which AWS does not allow in a Label; use letters, digits, '-', '_' or '.'")
			}
			if first := seen[label.Str]; first != nil {
				p.Report(label.Span, "the Label \""+label.Str+"\" is already used by another Map state; Labels must be unique", Related{Span: first.Span, Message: "first use of the Label"})
			} else {
				seen[label.Str] = label
			}
		}
	},
})

// badLabelRune describes the first character AWS forbids in a Label, or "".
func badLabelRune(s string) string {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			return "whitespace"
		case r <= 0x1f || (r >= 0x7f && r <= 0x9f):
			return "a control character"
		case strings.ContainsRune("?*<>{}[]:;,\\^~$#%&\"|`", r):
			return "'" + string(r) + "'"
		}
	}
	return ""
}

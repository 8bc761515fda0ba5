package assist

import (
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/schema"
)

// valueText is the value written after a new key, per format.
type valueText struct {
	jsonSnippet, jsonPlain string
	// yamlSnip follows "Key:"; "\n" + "@I" marks a nested line at the
	// key's indentation plus one unit.
	yamlSnip, yamlPlain string
	raw                 bool
}

// yamlSnippet expands the nested-line marker for the cursor's column.
func (v valueText) yamlSnippet(c *cursor) string {
	ind := strings.Repeat(" ", c.doc.column(c.replace.Start)) + c.doc.unit()
	return strings.ReplaceAll(v.yamlSnip, "@I", ind)
}

// jsonSnippetAt expands the indentation markers of a JSON snippet: @B is
// the key's indentation, @I one unit more, @J two. Inserted text is
// indented absolutely (clients must insert it as is).
func (v valueText) jsonSnippetAt(c *cursor) string {
	base := c.doc.indentOf(c.replace.Start)
	if c.doc.firstOnLine(c.replace.Start) {
		base = c.doc.indentOf(c.replace.Start)
	}
	u := c.doc.unit()
	return strings.NewReplacer("@B", base, "@I", base+u, "@J", base+u+u).Replace(v.jsonSnippet)
}

// fieldValue is the default value text for a schema field.
func fieldValue(f *schema.Field, ql string) valueText {
	switch {
	case len(f.Enum) > 0:
		choices := "${1|" + strings.Join(f.Enum, ",") + "|}"
		return valueText{jsonSnippet: `"` + choices + `"`, jsonPlain: jsonString(f.Enum[0]), yamlSnip: " " + choices, yamlPlain: " " + yamlScalar(f.Enum[0])}
	case f.Types == schema.TBoolean:
		return valueText{jsonSnippet: "${1|true,false|}", jsonPlain: "true", yamlSnip: " ${1|true,false|}", yamlPlain: " true"}
	case f.Types&(schema.TInteger|schema.TNumber) != 0 && f.Types&schema.TString == 0:
		def := f.Default
		if v, ok := suggestedNumbers[f.Name]; ok {
			def = v
		}
		if def == "" {
			def = "0"
			if f.Min != nil && *f.Min > 0 {
				def = formatNum(*f.Min)
			}
		}
		return valueText{jsonSnippet: "${1:" + def + "}", jsonPlain: def, yamlSnip: " ${1:" + def + "}", yamlPlain: " " + def}
	case f.Types&schema.TObject != 0 && f.Types&schema.TArray != 0 && f.Types&schema.TString != 0 && ql == "JSONata":
		return valueText{jsonSnippet: `"{% $1 %}"`, jsonPlain: `"{% %}"`, yamlSnip: ` "{% $1 %}"`, yamlPlain: ` "{% %}"`}
	case f.Types&schema.TObject != 0 && (f.Types&schema.TArray == 0 || f.Free):
		return valueText{jsonSnippet: "{\n@I$0\n@B}", jsonPlain: "{}", yamlSnip: "\n@I$0", yamlPlain: " {}"}
	case f.Types&schema.TArray != 0:
		if f.Object != nil {
			return valueText{jsonSnippet: "[\n@I{\n@J$0\n@I}\n@B]", jsonPlain: "[]", yamlSnip: "\n@I- $0", yamlPlain: " []"}
		}
		return valueText{jsonSnippet: "[$0]", jsonPlain: "[]", yamlSnip: " [$0]", yamlPlain: " []"}
	case f.Types&schema.TString != 0:
		if f.JSONata && ql == "JSONata" && f.Name != "Comment" {
			return valueText{jsonSnippet: `"{% $1 %}"`, jsonPlain: `""`, yamlSnip: ` "{% $1 %}"`, yamlPlain: ` ""`}
		}
		return valueText{jsonSnippet: `"$1"`, jsonPlain: `""`, yamlSnip: " $1", yamlPlain: ` ""`}
	}
	return valueText{jsonSnippet: "$1", jsonPlain: "null", yamlSnip: " $1", yamlPlain: " null"}
}

// suggestedNumbers replace defaults that are no useful starting point
// (AWS's default TimeoutSeconds is a year).
var suggestedNumbers = map[string]string{"TimeoutSeconds": "300", "HeartbeatSeconds": "60", "MaxConcurrency": "10"}

// completeFields offers the property names valid in the object at the
// cursor for its state Type and query language.
func completeFields(c *cursor, out *[]Candidate) {
	if c.place != placeKey {
		return
	}
	loc := c.objLocation()
	if loc.Object == nil || loc.Object.Kind == schema.KindStates || loc.Free {
		return
	}
	for _, f := range schema.Suggest(loc.Object, loc.QueryLanguage, c.present()) {
		cand := c.keyCandidate(f.Name, KindField, f.Name, fieldValue(f, loc.QueryLanguage))
		cand.Detail = fieldDetail(f)
		cand.Doc = f.Describe()
		cand.Deprecated = f.Deprecated != ""
		switch {
		case f.Required:
			cand.SortText = "1"
		case f.Deprecated != "":
			cand.SortText = "9"
		default:
			cand.SortText = "3"
		}
		*out = append(*out, cand)
	}
}

func fieldDetail(f *schema.Field) string {
	d := f.Types.String()
	if f.Required {
		d += ", required"
	}
	switch f.Mode {
	case schema.JSONPathOnly:
		d += " (JSONPath)"
	case schema.JSONataOnly:
		d += " (JSONata)"
	}
	return d
}

func formatNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

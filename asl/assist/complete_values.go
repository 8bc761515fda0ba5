package assist

import (
	"github.com/aslkit/aslkit/asl/schema"
)

// completeEnumValues offers the enum values of the field whose value is
// at the cursor: state Types, QueryLanguage, Mode, JitterStrategy, booleans.
func completeEnumValues(c *cursor, out *[]Candidate) {
	if c.place != placeValue {
		return
	}
	loc := c.memberLocation()
	f := loc.Field
	if f == nil || loc.Free {
		return
	}
	for _, v := range f.Values() {
		var cand Candidate
		if f.Types == schema.TBoolean {
			cand = Candidate{Label: v, Kind: KindValue, Edit: Edit{Span: c.replace, NewText: c.valueSpacing() + v}}
			if c.doc.yaml {
				cand.Edit.NewText = v
			}
		} else {
			cand = c.stringCandidate(v, KindValue, v)
			cand.Doc = schema.EnumDoc(f.Name, v)
		}
		cand.Detail = f.Name
		*out = append(*out, cand)
	}
}

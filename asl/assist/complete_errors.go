package assist

import "github.com/aslkit/aslkit/asl/schema"

// completeErrorNames offers the predefined and Lambda error names inside
// ErrorEquals (names already listed are left out).
func completeErrorNames(c *cursor, out *[]Candidate) {
	if c.place != placeElem {
		return
	}
	loc := schema.LocateNode(c.def.File.Root, c.arr)
	if loc.Field == nil || loc.Field.Name != "ErrorEquals" {
		return
	}
	have := map[string]bool{}
	for _, e := range c.arr.Elems {
		if e != c.node && e.IsString() {
			have[e.Str] = true
		}
	}
	for _, e := range schema.ErrorNames() {
		if have[e.Name] {
			continue
		}
		cand := c.stringCandidate(e.Name, KindError, e.Name)
		cand.Doc = e.Doc
		if e.Predefined {
			cand.Detail = "predefined error"
			cand.SortText = "1"
		} else {
			cand.Detail = "service error"
			cand.SortText = "3"
		}
		*out = append(*out, cand)
	}
}

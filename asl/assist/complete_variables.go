package assist

import "github.com/aslkit/aslkit/asl/source"

// completeVariables offers the variables assigned before the cursor's state.
func completeVariables(c *cursor, sp source.Span, out *[]Candidate) {
	for _, v := range variablesBefore(c.def, c.state) {
		c.addText(out, Candidate{Label: "$" + v.name, Kind: KindVariable, Detail: "variable (assigned in " + v.state + ")", SortText: "2"}, sp, "$"+v.name)
	}
}

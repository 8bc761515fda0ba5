package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
)

// completeContext offers Context object fields; rest is the text after the
// root ("" or ".Execution.I"), restStart its index in the string.
func completeContext(c *cursor, sc *strCtx, rest string, restStart, end int, root string, out *[]Candidate) {
	inSelector := false
	for _, seg := range schema.PathOf(sc.node) {
		inSelector = inSelector || seg == "ItemSelector" || seg == "Parameters" && c.state != nil && c.state.Type == model.TypeMap
	}
	if rest == "" {
		// Just the root: offer ".Field" forms.
		for _, f := range contextObject {
			if f.name == "Map" && !inSelector {
				continue
			}
			c.addText(out, Candidate{Label: root + "." + f.name, Kind: KindPath, Detail: "context object", Doc: f.doc}, sc.span(restStart-len(root), end), root+"."+f.name)
		}
		return
	}
	if !strings.HasPrefix(rest, ".") {
		return
	}
	parts := strings.Split(rest[1:], ".")
	partial := parts[len(parts)-1]
	for _, f := range contextFields(parts[:len(parts)-1]) {
		if f.name == "Map" && len(parts) == 1 && !inSelector {
			continue // Map.Item exists only in a Map's ItemSelector
		}
		c.addText(out, Candidate{Label: f.name, Kind: KindPath, Detail: "context object", Doc: f.doc}, sc.span(sc.i-len(partial), end), f.name)
	}
}

// completeSample offers the field names of the sample input under the path
// typed so far (rest is the text after "$": "" or ".a.b").
func completeSample(c *cursor, sc *strCtx, rest string, end int, out *[]Candidate) {
	if !c.opts.HasInput {
		return
	}
	var names []string
	partial := ""
	if rest != "" {
		parts := strings.Split(rest[1:], ".")
		names, partial = parts[:len(parts)-1], parts[len(parts)-1]
	}
	v, ok := sampleAt(c.opts.Input, names)
	if !ok {
		return
	}
	prefix := ""
	if rest == "" {
		prefix = "."
	}
	for _, k := range sortedKeys(v) {
		if !expr.IsVariableName(k) {
			continue // needs bracket notation; not offered
		}
		fv := v.(map[string]any)[k]
		c.addText(out, Candidate{Label: k, Kind: KindPath, Detail: typeName(fv) + " (sample input)", Doc: "```json\n" + preview(fv) + "\n```"}, sc.span(sc.i-len(partial), end), prefix+k)
	}
}

package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
)

// completeExpressions completes inside expression strings: JSONPath paths
// on the sample input, the Context object ($$), variables, intrinsic
// functions (in .$ values), and in {% %} strings JSONata functions,
// $states and its fields.
func completeExpressions(c *cursor, out *[]Candidate) {
	if c.node == nil || !c.node.IsString() {
		return
	}
	sc := stringAt(c.def.File.Root, c.doc.text, c.offset)
	if sc == nil {
		return
	}
	if sc.kind == exprJSONata {
		completeJSONata(c, sc, out)
		return
	}
	start := tokenBefore(sc.s, sc.i)
	tok := sc.s[start:sc.i]
	end := tokenEnd(sc.s, sc.i)
	switch {
	case strings.HasPrefix(tok, "$$"):
		completeContext(c, sc, strings.TrimPrefix(tok, "$$"), start+2, end, "$$", out)
	case tok == "$" || strings.HasPrefix(tok, "$."):
		completeSample(c, sc, tok[1:], start+1, end, out)
		if tok == "$" {
			completeVariables(c, sc.span(start, end), "", out)
		}
	case strings.HasPrefix(tok, "$") && !strings.Contains(tok, "."):
		completeVariables(c, sc.span(start, end), "", out)
	case sc.kind == exprDollar || sc.kind == exprErrCause:
		if callPosition(sc.s, start) {
			completeIntrinsics(c, sc.span(start, end), out)
		}
	}
}

// callPosition: a function name may start at i (the string's start or
// after "(" or ",").
func callPosition(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return j == 0 || s[j-1] == '(' || s[j-1] == ','
}

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
func completeSample(c *cursor, sc *strCtx, rest string, restStart, end int, out *[]Candidate) {
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

// completeVariables offers the variables assigned before the cursor's state.
func completeVariables(c *cursor, sp source.Span, _ string, out *[]Candidate) {
	for _, v := range variablesBefore(c.def, c.state) {
		c.addText(out, Candidate{Label: "$" + v.name, Kind: KindVariable, Detail: "variable (assigned in " + v.state + ")", SortText: "2"}, sp, "$"+v.name)
	}
}

// completeIntrinsics offers the intrinsic functions with their signatures.
func completeIntrinsics(c *cursor, sp source.Span, out *[]Candidate) {
	for _, f := range expr.Functions() {
		cand := Candidate{Label: f.Name, Kind: KindFunction, Detail: f.Signature, Doc: f.Doc}
		if c.opts.Snippets {
			cand.Snippet = true
			cand.Edit = Edit{Span: sp, NewText: f.Name + "($1)"}
		} else {
			cand.Edit = Edit{Span: sp, NewText: f.Name + "()"}
		}
		*out = append(*out, cand)
	}
}

// completeJSONata completes inside a {% %} string.
func completeJSONata(c *cursor, sc *strCtx, out *[]Candidate) {
	bi := sc.i
	if bi < 2 {
		return
	}
	body := sc.s[:bi]
	if inJSONataString(sc.s, bi) {
		return
	}
	start := tokenBefore(body, bi)
	tok := body[start:bi]
	end := tokenEnd(sc.s, sc.i)
	switch {
	case strings.HasPrefix(tok, "$states.context"):
		completeContext(c, sc, strings.TrimPrefix(tok, "$states.context"), start+len("$states.context"), end, "$states.context", out)
	case strings.HasPrefix(tok, "$states.input."):
		completeSample(c, sc, strings.TrimPrefix(tok, "$states.input"), start+len("$states.input"), end, out)
	case strings.HasPrefix(tok, "$states.") && strings.Count(tok, ".") == 1:
		partial := strings.TrimPrefix(tok, "$states.")
		for _, f := range statesFieldsAt(c, sc) {
			c.addText(out, Candidate{Label: f.name, Kind: KindVariable, Detail: "$states." + f.name, Doc: f.doc}, sc.span(sc.i-len(partial), end), f.name)
		}
	case strings.HasPrefix(tok, "$") && !strings.Contains(tok, "."):
		sp := sc.span(start, end)
		c.addText(out, Candidate{Label: "$states", Kind: KindVariable, Detail: "input, result, errorOutput, context", Doc: "The reserved variable of JSONata states: `$states.input`, `$states.result`, `$states.errorOutput`, `$states.context`.", SortText: "1"}, sp, "$states")
		for _, name := range localVariables(sc.s, bi) {
			c.addText(out, Candidate{Label: "$" + name, Kind: KindVariable, Detail: "local variable", SortText: "2"}, sp, "$"+name)
		}
		completeVariables(c, sp, "", out)
		for _, f := range jsonata.Functions() {
			if f.Unavailable != "" {
				continue
			}
			cand := Candidate{Label: "$" + f.Name, Kind: KindFunction, Detail: "$" + f.Name + f.Params, Doc: f.Doc, SortText: "4"}
			if c.opts.Snippets {
				cand.Snippet = true
				cand.Edit = Edit{Span: sp, NewText: `\$` + f.Name + "($1)"}
			} else {
				cand.Edit = Edit{Span: sp, NewText: "$" + f.Name + "()"}
			}
			*out = append(*out, cand)
		}
	}
}

// localVariables lists the variables the JSONata expression itself binds
// before index i of the {% %} string s ($x := ...) and the parameters of
// the functions around i.
func localVariables(s string, i int) []string {
	body, off, ok := expr.JSONataBody(s)
	if !ok {
		body, off = strings.TrimPrefix(s, "{%"), 2
	}
	ast, _ := jsonata.ParseTolerant(body)
	at := i - off
	seen := map[string]bool{"states": true}
	var out []string
	add := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	jsonata.Walk(ast, func(n *jsonata.Node) bool {
		switch {
		case n.Type == "bind" && n.LHS != nil && n.LHS.Type == "variable" && n.End <= at:
			name, _ := n.LHS.Value.(string)
			add(name)
		case n.Type == "lambda" && n.Start <= at && at <= n.End:
			for _, p := range n.Params {
				add(p)
			}
		}
		return true
	})
	return out
}

// inJSONataString reports whether index i of the {% %} string s lies
// inside a JSONata string literal (no completion there).
func inJSONataString(s string, i int) bool {
	var quote byte
	for j := 2; j < i && j < len(s); j++ {
		switch c := s[j]; {
		case quote != 0 && c == '\\':
			j++
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		}
	}
	return quote != 0
}

// statesFieldsAt filters $states' fields by where they exist: result in
// the Output and Assign of Task, Parallel and Map states; errorOutput in
// a catcher.
func statesFieldsAt(c *cursor, sc *strCtx) []ctxField {
	path := schema.PathOf(sc.node)
	inCatch, inOutput := false, false
	for i, seg := range path {
		inCatch = inCatch || seg == "Catch"
		inOutput = inOutput || (seg == "Output" || seg == "Assign") && i > 0
	}
	var out []ctxField
	for _, f := range statesFields {
		switch f.name {
		case "result":
			if c.state == nil || !inOutput || inCatch || (c.state.Type != model.TypeTask && c.state.Type != model.TypeParallel && c.state.Type != model.TypeMap) {
				continue
			}
		case "errorOutput":
			if !inCatch {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// addText appends cand with an edit writing literal text at sp (escaped
// for snippets when the client takes snippets).
func (c *cursor) addText(out *[]Candidate, cand Candidate, sp source.Span, text string) {
	if c.opts.Snippets {
		cand.Snippet = true
		text = escapeDollar(text)
	}
	cand.Edit = Edit{Span: sp, NewText: text}
	*out = append(*out, cand)
}

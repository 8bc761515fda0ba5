package assist

import (
	"strings"
	"sync"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
)

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
		completeSample(c, sc, strings.TrimPrefix(tok, "$states.input"), end, out)
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
		completeVariables(c, sp, out)
		for _, f := range jsonataFunctions() {
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

// jsonataFunctions is the built-in catalog, sorted once.
var jsonataFunctions = sync.OnceValue(jsonata.Functions)

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

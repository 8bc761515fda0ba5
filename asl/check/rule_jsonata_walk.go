package check

import (
	"strconv"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// jsonataExpr is one {% %} expression of a JSONata state, parsed once per
// definition and shared by the JSONata and variable rules.
type jsonataExpr struct {
	state *model.State
	node  *syntax.Node // the string holding the expression
	// field names where the expression is, for messages ("Output",
	// "Catch[0].Assign", "ItemReader.Arguments").
	field  string
	offset int // where the body starts in node.Str
	body   string
	err    *jsonata.Error // first syntax error
	// result and errorOutput say whether $states.result and
	// $states.errorOutput exist where the expression is (jsonata.md §3).
	result, errorOutput bool
	// mapItem says whether $states.context.Map exists: only in a Map
	// state's ItemSelector.
	mapItem bool
	// assignTo is the variable the expression's value is assigned to when
	// it is inside an Assign ("" otherwise), assign the Assign object.
	assignTo string
	assign   *syntax.Node
	// facts are shared by the expressions with the same body: read only.
	facts *exprFacts
}

// exprRef is a name used in an expression; start/end are offsets in body.
type exprRef struct {
	name       string
	start, end int
}

// exprCall is a call $name(...) of a function not bound in the expression.
type exprCall struct {
	exprRef
	args    int
	partial bool // $f(?, 1): partial application, arity not checked
}

// exprFacts is what the rules need from one expression's tree.
type exprFacts struct {
	vars []exprRef // workflow variable reads ($name not bound in the expression)
	// builtinRefs are $name values (not calls) naming a built-in function:
	// a workflow variable of that name shadows the function ($error, $count).
	builtinRefs []exprRef
	calls       []exprCall
	states      []exprRef // $states.<member> accesses; the span covers the member
	context     []exprRef // $states.context.<member> accesses
	implicit    []exprRef // "$", "$$" or a field name read from the absent input
	newOps      []exprRef // JSONata 2.1 operators ("??", "?:") that 2.0.6 lacks
}

// span maps offsets of the body to a span of the document.
func (e *jsonataExpr) span(text []byte, start, end int) source.Span {
	start = min(max(start, 0), len(e.body))
	end = min(max(end, start), len(e.body))
	sp := source.Span{Start: e.node.SourceOffset(text, e.offset+start), End: e.node.SourceOffset(text, e.offset+end)}
	if sp.End <= sp.Start {
		sp = widenEmpty(sp, e.node)
	}
	return sp
}

// jsonataExprs returns every JSONata expression of the definition's
// JSONata states, in the fields that evaluate them (jsonata.md §2.1).
// Collected once per Run.
func jsonataExprs(p *Pass) []*jsonataExpr {
	return memoized(p, memoJSONata, func() []*jsonataExpr { return collectJSONataExprs(p.Def, substitutionFree(p)) })
}

// plain is substitutionFree (false is always correct).
func collectJSONataExprs(def *model.Definition, plain bool) []*jsonataExpr {
	c := &exprCollector{parsed: make(map[string]*parsedJSONata, 64), holds: map[*schema.ObjectSchema]bool{}, plain: plain}
	for _, s := range def.All {
		if s.QueryLanguage != model.JSONata || !hasObjectBody(s) {
			continue
		}
		place := statePlace
		if s.Type == model.TypeTask || s.Type == model.TypeParallel || s.Type == model.TypeMap {
			place = afterWorkPlace
		}
		c.state = s
		c.object(s.Node, schema.StateSchema(s.Type), place)
	}
	return c.out
}

// statePlace and afterWorkPlace say what an expression in a state's field
// may see; after a Task, Parallel or Map's work, Output and Assign see its
// result.
func statePlace(f *schema.Field) exprPlace { return exprPlace{mapItem: f.Name == "ItemSelector"} }

func afterWorkPlace(f *schema.Field) exprPlace {
	return exprPlace{result: f.Name == "Output" || f.Name == "Assign", mapItem: f.Name == "ItemSelector"}
}

// exprPlace is what an expression may see where it is.
type exprPlace struct{ result, errorOutput, mapItem bool }

type exprCollector struct {
	state *model.State
	out   []*jsonataExpr
	// parsed remembers each body's parse within this Run: generated and
	// copy-pasted definitions repeat the same expressions many times.
	parsed map[string]*parsedJSONata
	holds  map[*schema.ObjectSchema]bool // see mayHoldJSONata
	slab   []jsonataExpr                 // hands out expressions in chunks
	plain  bool                          // substitutionFree
	// parser reuses one tree's nodes for the next: only the facts of a
	// tree are kept.
	parser jsonata.Parser
	// results hands out parse results in chunks
	results []parsedJSONata
	// path is where the walk is below the state (see field).
	path []pathStep
}

// newExpr returns a zeroed expression from the slab: one allocation per 64
// expressions instead of one each.
func (c *exprCollector) newExpr() *jsonataExpr {
	if len(c.slab) == cap(c.slab) {
		c.slab = make([]jsonataExpr, 0, 64)
	}
	c.slab = c.slab[:len(c.slab)+1]
	return &c.slab[len(c.slab)-1]
}

// parsedJSONata is what the parse of one expression body yields: its first
// syntax error or its facts.
type parsedJSONata struct {
	err   *jsonata.Error
	facts exprFacts
}

// parse parses body once per Run.
func (c *exprCollector) parse(body string) *parsedJSONata {
	if pj, ok := c.parsed[body]; ok {
		return pj
	}
	if len(c.results) == cap(c.results) {
		c.results = make([]parsedJSONata, 0, 32)
	}
	c.results = c.results[:len(c.results)+1]
	pj := &c.results[len(c.results)-1]
	if facts, ok := simpleFacts(body); ok {
		pj.facts = facts
		c.parsed[body] = pj
		return pj
	}
	ast, err := c.parser.Parse(body)
	if err != nil {
		if je, ok := err.(*jsonata.Error); ok {
			pj.err = je
		} else {
			pj.err = &jsonata.Error{Code: "S0201", Message: err.Error(), Start: -1}
		}
	} else {
		pj.facts = collectFacts(ast, mayBindNames(body))
	}
	c.parsed[body] = pj
	return pj
}

// isNestedScope: these fields hold other states, whose strings belong to
// those states.
func isNestedScope(key string) bool {
	return key == "ItemProcessor" || key == "Iterator" || key == "Branches"
}

// mayHoldJSONata reports whether an object of schema o can hold a JSONata
// expression at any depth (a Retrier cannot), so the walk skips the others
// without building their field names. Remembered per schema for the Run.
func (c *exprCollector) mayHoldJSONata(o *schema.ObjectSchema) bool {
	if o == nil {
		return false
	}
	if v, ok := c.holds[o]; ok {
		return v
	}
	c.holds[o] = true // assumed while the schema's own fields are looked at (cycles)
	holds := false
	for _, f := range o.Fields {
		if isNestedScope(f.Name) || !f.Mode.Allows(string(model.JSONata)) {
			continue
		}
		if f.Free || f.JSONata || (f.Object != nil && c.mayHoldJSONata(f.ElemObject(string(model.JSONata)))) {
			holds = true
			break
		}
	}
	c.holds[o] = holds
	return holds
}

// object visits the members of n that the schema o says may hold JSONata.
// pathStep is one object on the way from a state to the object the walk
// is in: the value of key, or element index of key's array.
type pathStep struct {
	key   string
	index int // -1: not an array element
}

// field names the field key of the object the walk is in ("Output",
// "Catch[0].Assign", "ItemReader.Arguments"), for an expression found
// there: most objects hold none, and their paths are never put into words.
func (c *exprCollector) field(key string) string {
	if len(c.path) == 0 {
		return key
	}
	var buf [64]byte
	b := buf[:0]
	for _, st := range c.path {
		b = append(b, st.key...)
		if st.index >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(st.index), 10)
			b = append(b, ']')
		}
		b = append(b, '.')
	}
	return string(append(b, key...))
}

func (c *exprCollector) object(n *syntax.Node, o *schema.ObjectSchema, place func(*schema.Field) exprPlace) {
	if n == nil || n.Kind != syntax.Object || isPlaceholderIn(c.plain, n) {
		return
	}
	for _, m := range n.Members {
		f := o.Field(m.Key)
		if f == nil || m.Value == nil || isNestedScope(m.Key) || !f.Mode.Allows(string(model.JSONata)) {
			continue
		}
		switch {
		case f.Free:
			pl := place(f)
			if m.Key == "Assign" && m.Value.Kind == syntax.Object {
				for _, am := range m.Value.Members {
					c.strings(am.Value, m.Key, pl, am.Key, m.Value)
				}
				continue
			}
			c.strings(m.Value, m.Key, pl, "", nil)
		case f.JSONata && m.Value.Kind == syntax.String:
			c.strings(m.Value, m.Key, place(f), "", nil)
		case f.Object != nil:
			sub := f.ElemObject(string(model.JSONata))
			if !c.mayHoldJSONata(sub) {
				continue
			}
			switch m.Value.Kind {
			case syntax.Object:
				c.path = append(c.path, pathStep{m.Key, -1})
				c.object(m.Value, sub, place)
				c.path = c.path[:len(c.path)-1]
			case syntax.Array:
				elemPlace := place
				if m.Key == "Catch" {
					elemPlace = catchPlace
				} else if m.Key == "Choices" {
					elemPlace = choicePlace
				}
				for i, e := range m.Value.Elems {
					c.path = append(c.path, pathStep{m.Key, i})
					c.object(e, sub, elemPlace)
					c.path = c.path[:len(c.path)-1]
				}
			}
		}
	}
}

func catchPlace(*schema.Field) exprPlace  { return exprPlace{errorOutput: true} }
func choicePlace(*schema.Field) exprPlace { return exprPlace{} }

// strings records every JSONata string under n (at any depth), in the
// field key of the object the walk is in.
func (c *exprCollector) strings(n *syntax.Node, key string, pl exprPlace, assignTo string, assign *syntax.Node) {
	if n == nil || isPlaceholderIn(c.plain, n) {
		return
	}
	switch n.Kind {
	case syntax.String:
		if skipExprIn(c.plain, n) {
			return
		}
		body, off, ok := expr.JSONataBody(n.Str)
		if !ok {
			return
		}
		e := c.newExpr()
		e.state, e.node, e.field, e.offset, e.body = c.state, n, c.field(key), off, body
		e.result, e.errorOutput, e.mapItem, e.assignTo, e.assign = pl.result, pl.errorOutput, pl.mapItem, assignTo, assign
		pj := c.parse(body)
		e.err, e.facts = pj.err, &pj.facts
		c.out = append(c.out, e)
	case syntax.Object:
		for _, m := range n.Members {
			c.strings(m.Value, key, pl, assignTo, assign)
		}
	case syntax.Array:
		for _, el := range n.Elems {
			c.strings(el, key, pl, assignTo, assign)
		}
	}
}

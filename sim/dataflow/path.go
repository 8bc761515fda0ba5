package dataflow

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
)

// PathRoot says what a path's leading $ addresses.
type PathRoot int

const (
	RootInput    PathRoot = iota // $ : the data the field applies to
	RootContext                  // $$ : the Context object
	RootVariable                 // $name : a workflow variable
)

// Path is a compiled JSONPath (InputPath, OutputPath, ItemsPath, *Path
// fields, template values, Choice variables). Definite paths (only member
// and index steps) select one node and fail with Jayway's exact messages,
// which AWS reports; other paths (wildcards, slices, unions, filters, deep
// scans) always yield an array of their matches (see xseg).
type Path struct {
	text    string
	root    PathRoot
	varName string
	steps   []step // definite paths
	multi   []xseg // indefinite paths
}

type step struct {
	name    string
	index   int
	isIndex bool
}

// CompilePath parses a path: "$...", "$$..." or "$name..." (asl/expr
// grammar: escapes, bracket notation, filters, slices, unions, deep scan).
func CompilePath(s string) (*Path, error) {
	parsed, errs := expr.ParsePath(s)
	if len(errs) > 0 {
		return nil, fmt.Errorf("invalid path %q: %s", s, errs[0].Message)
	}
	return compileParsed(s, parsed)
}

func compileParsed(s string, parsed *expr.Path) (*Path, error) {
	p := &Path{text: s}
	switch parsed.Root {
	case expr.RootContext:
		p.root = RootContext
	case expr.RootVariable:
		p.root = RootVariable
		p.varName = parsed.Variable
	case expr.RootInput:
	default:
		return nil, fmt.Errorf("invalid path %q: '@' is only allowed inside filters", s)
	}
	if parsed.IsSingular() {
		p.steps = singularSteps(parsed)
		return p, nil
	}
	segs, err := compileMulti(parsed)
	if err != nil {
		return nil, fmt.Errorf("invalid path %q: %v", s, err)
	}
	p.multi = segs
	return p, nil
}

// singularSteps are the steps of a path made of names and indexes only.
func singularSteps(parsed *expr.Path) []step {
	steps := make([]step, 0, len(parsed.Segments))
	for _, seg := range parsed.Segments {
		if seg.Kind == expr.SegIndex {
			steps = append(steps, step{index: seg.Index, isIndex: true})
		} else {
			steps = append(steps, step{name: fieldName(parsed, seg)})
		}
	}
	return steps
}

// fieldName is the name a field step looks up. Inside bracket quotes AWS
// (Jayway) keeps backslashes as written: $['a\"b'] reads the key a\"b
// (recorded: test_escape_sequence_parsing).
func fieldName(parsed *expr.Path, seg expr.Segment) string {
	if !seg.Bracket {
		return seg.Name
	}
	start, end := seg.NameSpan.Start-parsed.Span.Start, seg.NameSpan.End-parsed.Span.Start
	if start < 0 || end > len(parsed.Text) || start > end {
		return seg.Name
	}
	return parsed.Text[start:end]
}

// MustCompilePath is CompilePath for paths known to be valid.
func MustCompilePath(s string) *Path {
	p, err := CompilePath(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String returns the path as written.
func (p *Path) String() string {
	if p == nil {
		return "null"
	}
	return p.text
}

// Root says whether the path reads the input, the Context object or a variable.
func (p *Path) Root() PathRoot {
	if p == nil {
		return RootInput
	}
	return p.root
}

// Variable names the variable a RootVariable path reads.
func (p *Path) Variable() string {
	if p == nil {
		return ""
	}
	return p.varName
}

// rootValue returns what the path's leading $ addresses.
func (p *Path) rootValue(input any, ctx *Context) (any, bool) {
	switch p.root {
	case RootContext:
		return ctx.object()
	case RootVariable:
		return ctx.variable(p.varName)
	}
	return input, true
}

// Lookup evaluates the path. found is false when a definite path selects
// nothing; indefinite paths always succeed with an array of their matches.
func (p *Path) Lookup(input any, ctx *Context) (value any, found bool) {
	if p != nil && p.root == RootInput && p.multi == nil {
		switch {
		case len(p.steps) == 0: // $ (as in "v.$": "$")
			return input, true
		case len(p.steps) == 1 && !p.steps[0].isIndex:
			// $.field (most Choice variables): found here, else eval says the same.
			if obj, isObj := input.(map[string]any); isObj {
				if v, has := obj[p.steps[0].name]; has {
					return v, true
				}
			}
		}
	}
	v, _, ok := p.eval(input, ctx)
	return v, ok
}

// eval evaluates the path; when nothing is found, msg is Jayway's
// explanation ("No results for path: $['x']", ...).
func (p *Path) eval(input any, ctx *Context) (any, string, bool) {
	if p == nil { // a JSON null path selects an empty object
		return map[string]any{}, "", true
	}
	root, ok := p.rootValue(input, ctx)
	if !ok {
		if p.root == RootVariable {
			return nil, "Variable '" + p.varName + "' is not defined", false
		}
		return nil, "No results for path: " + p.normalized(len(p.steps)), false
	}
	if p.multi != nil {
		return evalMulti(p.multi, root), "", true
	}
	cur := root
	for i, st := range p.steps {
		leaf := i == len(p.steps)-1
		if st.isIndex {
			arr, isArr := cur.([]any)
			if !isArr {
				if cur == nil {
					return nil, "The path " + p.normalized(i) + " is null", false
				}
				return nil, "Filter: " + p.fragments(i) + " can only be applied to arrays. Current context is: " + EncodeJSON(cur), false
			}
			idx := st.index
			if idx < 0 {
				idx += len(arr)
			}
			if idx < 0 || idx >= len(arr) {
				return nil, "No results for path: " + p.normalized(len(p.steps)), false
			}
			cur = arr[idx]
			continue
		}
		obj, isObj := cur.(map[string]any)
		if !isObj {
			return nil, fmt.Sprintf("Expected to find an object with property %s in path %s but found '%s'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
				fragment(st), p.normalized(i), javaClassName(cur)), false
		}
		v, has := obj[st.name]
		if !has {
			if leaf {
				return nil, "No results for path: " + p.normalized(len(p.steps)), false
			}
			return nil, "Missing property in path " + p.normalized(i+1), false
		}
		cur = v
	}
	return cur, "", true
}

// normalized renders the first n steps in Jayway's form: $['a'][0].
func (p *Path) normalized(n int) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, st := range p.steps[:n] {
		b.WriteString(fragment(st))
	}
	return b.String()
}

// fragments renders the steps from i on.
func (p *Path) fragments(i int) string {
	var b strings.Builder
	for _, st := range p.steps[i:] {
		b.WriteString(fragment(st))
	}
	return b.String()
}

func fragment(st step) string {
	if st.isIndex {
		return "[" + strconv.Itoa(st.index) + "]"
	}
	return "['" + st.name + "']"
}

func javaClassName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case []any:
		return "net.minidev.json.JSONArray"
	}
	if f, ok := toFloat(v); ok {
		if f == math.Trunc(f) && math.Abs(f) <= math.MaxInt32 {
			return "java.lang.Integer"
		}
		if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
			return "java.lang.Long"
		}
		return "java.lang.Double"
	}
	return "java.lang.Object"
}

// Get evaluates the path for InputPath, OutputPath, ItemsPath and similar
// fields. A definite path that selects nothing fails with States.Runtime:
// "Invalid path '$.x' : No results for path: $['x']".
func (p *Path) Get(input any, ctx *Context) (any, error) {
	v, msg, ok := p.eval(input, ctx)
	if !ok {
		return nil, runtimeErr("Invalid path '" + p.text + "' : " + msg)
	}
	return v, nil
}

// GetField evaluates the path for a payload-template value or for
// ErrorPath/CausePath; field names the field in AWS's message ("key.$",
// "ErrorPath"): "The JSONPath '$.x' specified for the field 'key.$' could
// not be found in the input '<input as JSON>'".
func (p *Path) GetField(input any, ctx *Context, field string) (any, error) {
	v, ok := p.Lookup(input, ctx)
	if !ok {
		return nil, fieldNotFound(p.text, field, input)
	}
	return v, nil
}

func fieldNotFound(path, field string, input any) *Error {
	return runtimeErr("The JSONPath '" + path + "' specified for the field '" + field + "' could not be found in the input '" + EncodeJSON(input) + "'")
}

// Select is Get for InputPath and OutputPath, where a JSON null path (a nil
// *Path) selects an empty object.
func (p *Path) Select(input any, ctx *Context) (any, error) {
	if p == nil {
		return map[string]any{}, nil
	}
	return p.Get(input, ctx)
}

package expr

// RootKind says which document a Path reads.
type RootKind uint8

const (
	// RootInput is `$`: the data the field applies to (state input, result, ...).
	RootInput RootKind = iota
	// RootContext is `$$`: the Context object (Execution, State, Map.Item, Task.Token, ...).
	RootContext
	// RootVariable is `$name`: a workflow variable; Path.Variable holds the name.
	RootVariable
	// RootCurrent is `@`: the current node; only inside filter expressions.
	RootCurrent
)

func (k RootKind) String() string {
	switch k {
	case RootContext:
		return "context"
	case RootVariable:
		return "variable"
	case RootCurrent:
		return "current"
	}
	return "input"
}

// SegmentKind is the kind of one step of a path.
type SegmentKind uint8

const (
	SegField    SegmentKind = iota // .name or ['name']
	SegIndex                       // [3] or [-1]
	SegWildcard                    // .* or [*]
	SegSlice                       // [1:3], [:2], [1:], [::2]
	SegUnion                       // [0,1] or ['a','b']
	SegFilter                      // [?(@.price < 10)]
)

func (k SegmentKind) String() string {
	switch k {
	case SegIndex:
		return "index"
	case SegWildcard:
		return "wildcard"
	case SegSlice:
		return "slice"
	case SegUnion:
		return "union"
	case SegFilter:
		return "filter"
	}
	return "field"
}

// Segment is one step of a path. Span covers its whole text including the
// leading "." / ".." and brackets.
type Segment struct {
	Kind SegmentKind
	Span Span
	// Descendant is true when the step was written after ".." (deep scan).
	Descendant bool
	// Bracket is true when a field was written in bracket notation.
	Bracket bool
	// Name is the field name (SegField) as AWS looks it up: in dot notation
	// a backslash escapes the next character ($.store\.book is "store.book");
	// in brackets the text between the quotes is kept verbatim, backslashes
	// included, as Jayway does. NameSpan covers the name's text without the
	// dot, quotes or brackets.
	Name     string
	NameSpan Span
	// Index is the array index (SegIndex).
	Index int
	// Slice holds start, end, step (SegSlice); nil means omitted.
	Slice [3]*int
	// Union lists the members (SegUnion).
	Union []UnionMember
	// Filter is the predicate (SegFilter).
	Filter *Filter
}

// UnionMember is one entry of a union: a field name or an index.
type UnionMember struct {
	IsIndex bool
	Name    string
	Index   int
	Span    Span
}

// Path is a parsed JSONPath as ASL uses it.
type Path struct {
	// Text is the source text of the path (a slice of the parsed string).
	Text string
	Span Span
	Root RootKind
	// RootSpan covers "$", "$$", "$name" or "@".
	RootSpan Span
	// Variable is the variable name for RootVariable (without "$").
	Variable string
	// VariableSpan covers the name (without "$").
	VariableSpan Span
	Segments     []Segment
}

func (*Path) exprNode() {}

// ExprSpan is the span of the whole path.
func (p *Path) ExprSpan() Span { return p.Span }

// IsSingular reports whether the path can select at most one node (no
// wildcard, deep scan, slice, union or filter). Jayway calls such paths
// "definite"; AWS wraps the results of the others in an array.
func (p *Path) IsSingular() bool {
	for i := range p.Segments {
		s := &p.Segments[i]
		if s.Descendant || (s.Kind != SegField && s.Kind != SegIndex) {
			return false
		}
	}
	return true
}

// FieldNames lists the field names of the leading field segments, in order,
// stopping at the first step that is not a plain field (for completion:
// "$.a.b[0].c" -> ["a", "b"]).
func (p *Path) FieldNames() []string {
	var names []string
	for _, s := range p.Segments {
		if s.Kind != SegField || s.Descendant {
			break
		}
		names = append(names, s.Name)
	}
	return names
}

// ParsePath parses a Path (InputPath, OutputPath, Choice Variable, `.$`
// values, ...): `$...` on the input, `$$...` on the Context object or
// `$name...` on a variable. The returned Path is never nil: after an error it
// holds the segments read before it (completion uses them).
func ParsePath(s string) (*Path, []Error) {
	p := &pathParser{s: s, mode: modeTop}
	path, err := p.parsePath(0)
	if err == nil && p.pos < len(s) {
		e := p.unexpected(p.pos)
		err = &e
	}
	if err != nil {
		return path, []Error{*err}
	}
	return path, nil
}

// ParseReferencePath parses a Reference Path (ResultPath, ItemsPath,
// *SecondsPath, ...): a Path that can only ever select one node. Each
// wildcard, deep scan, slice, union or filter is reported on its segment.
// Whether `$$` or a variable root is allowed depends on the field and is left
// to the caller (ResultPath allows neither).
func ParseReferencePath(s string) (*Path, []Error) {
	path, errs := ParsePath(s)
	if errs != nil {
		return path, errs
	}
	return path, ReferencePathErrors(path)
}

// ReferencePathErrors reports every segment of path that could select more
// than one node.
func ReferencePathErrors(path *Path) []Error {
	var errs []Error
	for _, seg := range path.Segments {
		var what string
		switch {
		case seg.Descendant:
			what = "deep scan '..'"
		case seg.Kind == SegWildcard:
			what = "wildcard '*'"
		case seg.Kind == SegSlice:
			what = "slice"
		case seg.Kind == SegUnion:
			what = "union"
		case seg.Kind == SegFilter:
			what = "filter"
		default:
			continue
		}
		errs = append(errs, errAt(seg.Span.Start, seg.Span.End,
			"a reference path must select exactly one value, but this %s can select several: use plain field names and indexes such as $.a.b[0]", what))
	}
	return errs
}

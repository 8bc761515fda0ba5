package expr

import (
	"regexp"
	"strconv"
	"strings"
)

// Filter is the predicate of a [?( ... )] segment.
type Filter struct {
	// Span covers "?( ... )".
	Span Span
	Expr *FilterExpr
}

// FilterExpr is a node of a filter predicate.
//
//	Op "||", "&&": X and Y are the operands.
//	Op "!": X is negated.
//	Op "==", "!=", "<", "<=", ">", ">=", "=~", "in", "nin": A op B.
//	Op "": A alone (a path: true when it exists; a literal: its truth).
type FilterExpr struct {
	Span Span
	Op   string
	X, Y *FilterExpr
	A, B *Operand
}

// OperandKind is the kind of a filter operand.
type OperandKind uint8

const (
	OperandPath   OperandKind = iota // @.x, @, $.x
	OperandNumber                    // Text holds the literal
	OperandString                    // Str holds the decoded value
	OperandBool                      // Bool
	OperandNull
	OperandRegex // Text holds the pattern, Flags the letters after the closing '/'
	OperandList  // List
)

// Operand is a value compared in a filter. A bare word (Jayway tolerates
// `@.key == FooBar`) is read as the string "FooBar".
type Operand struct {
	Kind  OperandKind
	Span  Span
	Path  *Path
	Text  string
	Str   string
	Bool  bool
	Flags string
	List  []*Operand
}

var comparisonOps = []string{"==", "!=", "<=", ">=", "=~", "<", ">"}

// parseFilter reads "(expr)" after '?' (p.pos is just after '?').
func (p *pathParser) parseFilter() (*Filter, *Error) {
	start := p.pos - 1
	f := &Filter{}
	p.skipSpaces()
	if p.peek() != '(' {
		e := errAt(start, p.pos+1, "a filter is written [?( condition )], for example [?(@.price < 10)]")
		if p.pos >= len(p.s) {
			e.Span.End = p.pos
		}
		return f, &e
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		e := errAt(start, p.pos, "filters are nested too deeply")
		return f, &e
	}
	open := p.pos
	p.pos++
	outer := p.mode
	p.mode = modeFilter
	x, err := p.parseOr()
	p.mode = outer
	f.Expr = x
	if err != nil {
		return f, err
	}
	p.skipSpaces()
	if p.peek() != ')' {
		e := errAt(open, p.pos, "the filter's '(' is not closed: add ')'")
		if p.pos < len(p.s) {
			e = errAt(p.pos, p.pos+1, "unexpected %q in the filter: combine conditions with && or || and close it with ')'", p.s[p.pos])
		}
		return f, &e
	}
	p.pos++
	f.Span = Span{Start: start, End: p.pos}
	return f, nil
}

func (p *pathParser) hasPrefix(s string) bool { return strings.HasPrefix(p.s[p.pos:], s) }

func (p *pathParser) parseOr() (*FilterExpr, *Error) {
	x, err := p.parseAnd()
	for err == nil {
		p.skipSpaces()
		if !p.hasPrefix("||") {
			return x, nil
		}
		p.pos += 2
		var y *FilterExpr
		y, err = p.parseAnd()
		x = &FilterExpr{Op: "||", X: x, Y: y, Span: Span{Start: x.Span.Start, End: p.pos}}
	}
	return x, err
}

func (p *pathParser) parseAnd() (*FilterExpr, *Error) {
	x, err := p.parseUnary()
	for err == nil {
		p.skipSpaces()
		if !p.hasPrefix("&&") {
			return x, nil
		}
		p.pos += 2
		var y *FilterExpr
		y, err = p.parseUnary()
		x = &FilterExpr{Op: "&&", X: x, Y: y, Span: Span{Start: x.Span.Start, End: p.pos}}
	}
	return x, err
}

func (p *pathParser) parseUnary() (*FilterExpr, *Error) {
	p.skipSpaces()
	start := p.pos
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		e := errAt(start, start, "the filter is nested too deeply")
		return &FilterExpr{Span: Span{Start: start, End: start}}, &e
	}
	if p.peek() == '!' && !p.hasPrefix("!=") {
		p.pos++
		x, err := p.parseUnary()
		return &FilterExpr{Op: "!", X: x, Span: Span{Start: start, End: p.pos}}, err
	}
	if p.peek() == '(' {
		p.pos++
		x, err := p.parseOr()
		if err != nil {
			return x, err
		}
		p.skipSpaces()
		if p.peek() != ')' {
			e := errAt(start, start+1, "'(' is not closed: add ')'")
			return x, &e
		}
		p.pos++
		// A parenthesised operand may still be compared: (@.a) == 1 is rare
		// enough that we keep the group as it is.
		x.Span = Span{Start: start, End: p.pos}
		return x, nil
	}
	a, err := p.parseOperand()
	x := &FilterExpr{A: a, Span: Span{Start: start, End: p.pos}}
	if err != nil {
		return x, err
	}
	p.skipSpaces()
	op := ""
	for _, o := range comparisonOps {
		if p.hasPrefix(o) {
			op = o
			break
		}
	}
	if op == "" {
		for _, word := range []string{"nin", "in"} {
			if p.hasPrefix(word) && !isWordByte(p.at(p.pos+len(word))) {
				op = word
				break
			}
		}
	}
	if op == "" {
		if a.Kind == OperandList {
			e := errAt(a.Span.Start, a.Span.End, "a list can only follow in or nin, as in @.x in ['a','b']")
			return x, &e
		}
		if w := p.wordAt(p.pos); w != "" {
			e := errAt(p.pos, p.pos+len(w), "filter operator %q is not supported: use ==, !=, <, <=, >, >=, =~, in or nin", w)
			return x, &e
		}
		return x, nil
	}
	p.pos += len(op)
	b, err := p.parseOperand()
	x.Op, x.B = op, b
	x.Span.End = p.pos
	if err != nil {
		return x, err
	}
	if (op == "in" || op == "nin") && b.Kind != OperandList && b.Kind != OperandPath {
		e := errAt(b.Span.Start, b.Span.End, "%s needs a list on its right, such as ['a','b']", op)
		return x, &e
	}
	if b.Kind == OperandList && len(b.List) == 0 {
		e := errAt(b.Span.Start, b.Span.End, "the list is empty: list the values to look for, such as ['a','b']")
		return x, &e
	}
	if a.Kind == OperandList || (b.Kind == OperandList && op != "in" && op != "nin") {
		e := errAt(x.Span.Start, x.Span.End, "a list can only follow in or nin, as in @.x in ['a','b']")
		return x, &e
	}
	if op == "=~" && b.Kind != OperandRegex {
		e := errAt(b.Span.Start, b.Span.End, "=~ needs a regular expression on its right, such as /^abc/i")
		return x, &e
	}
	return x, nil
}

func (p *pathParser) at(i int) byte {
	if i < len(p.s) {
		return p.s[i]
	}
	return 0
}

func isWordByte(b byte) bool { return b == '_' || isASCIIAlnum(b) || b >= 0x80 }

func (p *pathParser) wordAt(i int) string {
	j := i
	for j < len(p.s) && isWordByte(p.s[j]) {
		j++
	}
	return p.s[i:j]
}

func (p *pathParser) parseOperand() (*Operand, *Error) {
	p.skipSpaces()
	start := p.pos
	o := &Operand{Span: Span{Start: start, End: start}}
	done := func() (*Operand, *Error) {
		o.Span.End = p.pos
		return o, nil
	}
	switch b := p.peek(); {
	case b == '@' || b == '$':
		if b == '$' && (p.at(p.pos+1) == '$' || isWordByte(p.at(p.pos+1))) {
			e := errAt(start, start+1, "a filter can only refer to @ (the current item) or $ (the whole input)")
			return o, &e
		}
		o.Kind = OperandPath
		path, err := p.parsePath(start)
		o.Path = path
		if err != nil {
			return o, err
		}
		if p.peek() == '(' {
			e := errAt(start, p.pos+1, "path functions such as .length() are not supported in filters")
			return o, &e
		}
		return done()
	case b == '\'' || b == '"':
		s, _, err := p.parseQuoted()
		if err != nil {
			return o, err
		}
		o.Kind, o.Str = OperandString, s
		return done()
	case b == '-' || ('0' <= b && b <= '9'):
		text, ok := scanNumber(p.s, p.pos)
		if !ok {
			e := errAt(start, start+max(len(text), 1), "%q is not a number", text)
			return o, &e
		}
		p.pos += len(text)
		o.Kind, o.Text = OperandNumber, text
		if !strings.ContainsAny(text, ".eE") {
			if _, err := strconv.ParseInt(text, 10, 64); err != nil {
				e := errAt(start, p.pos, "the number %s is too large for a filter", text)
				return o, &e
			}
		}
		return done()
	case b == '/':
		return p.parseRegex(o)
	case b == '[':
		p.pos++
		o.Kind = OperandList
		for {
			p.skipSpaces()
			if p.peek() == ']' && len(o.List) == 0 {
				p.pos++
				return done()
			}
			item, err := p.parseOperand()
			if err != nil {
				return o, err
			}
			if item.Kind == OperandPath || item.Kind == OperandRegex || item.Kind == OperandList {
				e := errAt(item.Span.Start, item.Span.End, "a list in a filter holds only literals: strings, numbers, true, false, null")
				return o, &e
			}
			o.List = append(o.List, item)
			p.skipSpaces()
			switch p.peek() {
			case ',':
				p.pos++
			case ']':
				p.pos++
				return done()
			default:
				e := errAt(start, p.pos, "the list is not closed: add ']'")
				return o, &e
			}
		}
	case isWordByte(b):
		w := p.wordAt(p.pos)
		p.pos += len(w)
		switch w {
		case "true", "false":
			o.Kind, o.Bool = OperandBool, w == "true"
		case "null":
			o.Kind = OperandNull
		default:
			o.Kind, o.Str = OperandString, w
		}
		return done()
	}
	e := errAt(start, start, "expected a value in the filter: @.field, a number, a 'string', true, false or null")
	if start < len(p.s) {
		e = errAt(start, start+1, "unexpected %q in the filter: expected @.field, a number, a 'string', true, false or null", p.s[start])
	}
	return o, &e
}

// parseRegex reads /pattern/flags. Patterns must compile as Go regular
// expressions since the simulator evaluates them with Go's engine.
func (p *pathParser) parseRegex(o *Operand) (*Operand, *Error) {
	start := p.pos
	p.pos++
	for p.pos < len(p.s) && p.s[p.pos] != '/' {
		if p.s[p.pos] == '\\' {
			p.pos++
		}
		p.pos++
	}
	if p.pos >= len(p.s) {
		p.pos = len(p.s)
		e := errAt(start, p.pos, "the regular expression is not closed: add '/'")
		return o, &e
	}
	o.Kind = OperandRegex
	o.Text = p.s[start+1 : p.pos]
	p.pos++
	flagStart := p.pos
	for p.pos < len(p.s) && strings.IndexByte("imsux", p.s[p.pos]) >= 0 {
		p.pos++
	}
	o.Flags = p.s[flagStart:p.pos]
	o.Span = Span{Start: start, End: p.pos}
	if _, err := regexp.Compile(o.GoRegexp()); err != nil {
		e := errAt(start, p.pos, "the regular expression is not supported: %v", err)
		return o, &e
	}
	return o, nil
}

// GoRegexp is the pattern of an OperandRegex in Go syntax, flags included.
func (o *Operand) GoRegexp() string {
	flags := ""
	for _, f := range o.Flags {
		if strings.ContainsRune("ims", f) && !strings.ContainsRune(flags, f) {
			flags += string(f)
		}
	}
	if flags == "" {
		return o.Text
	}
	return "(?" + flags + ")" + o.Text
}

// scanNumber returns the longest JSON-like number at s[i:] and whether it is
// well formed: -?digits(.digits)?([eE][+-]?digits)?
func scanNumber(s string, i int) (string, bool) {
	j := i
	digits := func() int {
		k := j
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		return j - k
	}
	if j < len(s) && s[j] == '-' {
		j++
	}
	if digits() == 0 {
		return s[i:j], false
	}
	if j < len(s) && s[j] == '.' {
		j++
		if digits() == 0 {
			return s[i:j], false
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if digits() == 0 {
			return s[i:j], false
		}
	}
	return s[i:j], true
}

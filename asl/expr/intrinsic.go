package expr

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Call is a parsed intrinsic function call such as
// States.Format('Hello {}', $.name).
type Call struct {
	// Name is the function name as written ("States.Format").
	Name     string
	NameSpan Span
	// LParen and RParen cover the parentheses; RParen is zero-length at the
	// end of the text when the call is not closed.
	LParen, RParen Span
	Args           []*Arg
	// Span covers the whole call.
	Span Span
}

func (*Call) exprNode() {}

// ExprSpan is the span of the whole call.
func (c *Call) ExprSpan() Span { return c.Span }

// ArgKind is the kind of an intrinsic argument.
type ArgKind uint8

const (
	ArgString ArgKind = iota // 'text'
	ArgNumber                // 42, -1.5, 1e3
	ArgBool                  // true, false
	ArgNull                  // null
	ArgPath                  // $.x, $$.y, $var.z
	ArgCall                  // a nested intrinsic call
)

func (k ArgKind) String() string {
	switch k {
	case ArgNumber:
		return "number"
	case ArgBool:
		return "boolean"
	case ArgNull:
		return "null"
	case ArgPath:
		return "path"
	case ArgCall:
		return "call"
	}
	return "string"
}

// Arg is one argument of a Call.
type Arg struct {
	Kind ArgKind
	// Span covers the argument's text (quotes included for strings).
	Span Span
	// Str is the decoded value of a string literal: every backslash escape
	// is resolved (\' -> ', \{ -> {, \} -> }, \\ -> \).
	Str string
	// Raw is the text between the quotes of a string literal, escapes kept.
	// States.Format must split its template on Raw so that \{ and \} stay
	// literal braces (see SplitFormatTemplate).
	Raw string
	// Num is the value of a number; IsInt is true when it was written
	// without a fraction or exponent.
	Num   float64
	IsInt bool
	Bool  bool
	Path  *Path
	Call  *Call
}

// IsIntrinsic reports whether s looks like an intrinsic call: optional
// whitespace, "States.", an identifier, optional whitespace, then "(".
// It does not validate the arguments.
func IsIntrinsic(s string) bool {
	s = strings.TrimLeft(s, " \t\n\r")
	if !strings.HasPrefix(s, "States.") {
		return false
	}
	i := len("States.")
	start := i
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == start {
		return false
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i < len(s) && s[i] == '('
}

// isNameByte: the spec allows A-Z a-z 0-9 . _ in function names.
func isNameByte(b byte) bool { return b == '.' || b == '_' || isASCIIAlnum(b) }

// ParseIntrinsic parses one intrinsic call that makes up the whole string
// (surrounding whitespace is allowed). It checks syntax only; run CheckCall
// for names, arity and literal argument types. The returned Call is
// non-nil when the string starts with a function name, even after an error.
func ParseIntrinsic(s string) (*Call, []Error) {
	p := &intrinsicParser{pathParser: pathParser{s: s, mode: modeIntrinsic}}
	p.skipSpaces()
	start := p.pos
	if !isNameStart(p.peek()) {
		e := errAt(start, start, "expected an intrinsic function call such as States.Format('{}', $.x)")
		if start < len(s) {
			_, size := utf8.DecodeRuneInString(s[start:])
			e.Span.End = start + size
		}
		return nil, []Error{e}
	}
	c, err := p.parseCall()
	if err == nil {
		p.skipSpaces()
		if p.pos < len(s) {
			e := errAt(p.pos, len(s), "unexpected text after the call's closing ')': the whole value must be one intrinsic call")
			err = &e
		}
	}
	if err != nil {
		return c, []Error{*err}
	}
	return c, nil
}

func isNameStart(b byte) bool { return b == '_' || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') }

type intrinsicParser struct {
	pathParser
}

// parseCall reads Name(args...) at p.pos.
func (p *intrinsicParser) parseCall() (*Call, *Error) {
	start := p.pos
	for p.pos < len(p.s) && isNameByte(p.s[p.pos]) {
		p.pos++
	}
	c := &Call{Name: p.s[start:p.pos], NameSpan: Span{Start: start, End: p.pos}}
	c.Span = Span{Start: start, End: p.pos}
	p.skipSpaces()
	if p.peek() != '(' {
		e := errAt(start, p.pos, "expected '(' after %s", c.Name)
		if p.pos < len(p.s) {
			e = errAt(p.pos, p.pos+1, "expected '(' after %s, found %q", c.Name, p.s[p.pos])
		}
		return c, &e
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		e := errAt(start, p.pos, "intrinsic calls are nested too deeply")
		return c, &e
	}
	c.LParen = Span{Start: p.pos, End: p.pos + 1}
	p.pos++
	p.skipSpaces()
	if p.peek() == ')' {
		c.RParen = Span{Start: p.pos, End: p.pos + 1}
		p.pos++
		c.Span.End = p.pos
		return c, nil
	}
	for {
		arg, err := p.parseArg()
		if arg != nil {
			c.Args = append(c.Args, arg)
		}
		c.Span.End = p.pos
		if err != nil {
			return c, err
		}
		p.skipSpaces()
		switch p.peek() {
		case ',':
			p.pos++
			continue
		case ')':
			c.RParen = Span{Start: p.pos, End: p.pos + 1}
			p.pos++
			c.Span.End = p.pos
			return c, nil
		}
		c.RParen = Span{Start: p.pos, End: p.pos}
		e := errAt(c.LParen.Start, p.pos, "the call's '(' is not closed: add ')'")
		if p.pos < len(p.s) {
			e = errAt(p.pos, p.pos+1, "unexpected %q: separate arguments with ',' and close the call with ')'", p.s[p.pos])
		}
		return c, &e
	}
}

func (p *intrinsicParser) parseArg() (*Arg, *Error) {
	p.skipSpaces()
	start := p.pos
	arg := &Arg{Span: Span{Start: start, End: start}}
	finish := func() (*Arg, *Error) {
		arg.Span.End = p.pos
		return arg, nil
	}
	switch b := p.peek(); {
	case b == '\'':
		arg.Kind = ArgString
		raw, str, err := p.parseStringLiteral()
		arg.Raw, arg.Str = raw, str
		arg.Span.End = p.pos
		return arg, err
	case b == '-' || ('0' <= b && b <= '9'):
		text, ok := scanNumber(p.s, p.pos)
		if !ok {
			e := errAt(start, start+max(len(text), 1), "%q is not a number", text)
			return nil, &e
		}
		p.pos += len(text)
		n, err := strconv.ParseFloat(text, 64)
		if err != nil {
			e := errAt(start, p.pos, "number %s is out of range", text)
			return nil, &e
		}
		arg.Kind, arg.Num = ArgNumber, n
		arg.IsInt = !strings.ContainsAny(text, ".eE")
		return finish()
	case b == '$':
		path, err := p.parsePath(start)
		arg.Kind, arg.Path = ArgPath, path
		arg.Span.End = p.pos
		if err == nil {
			if c := p.peek(); c != 0 && c != ',' && c != ')' && !isSpace(c) {
				e := p.unexpected(p.pos)
				err = &e
			}
		}
		return arg, err
	case b == '"':
		e := errAt(start, start+1, "string literals in intrinsic functions use single quotes: write 'text'")
		return nil, &e
	case isNameStart(b):
		end := p.pos
		for end < len(p.s) && isNameByte(p.s[end]) {
			end++
		}
		word := p.s[p.pos:end]
		after := end
		for after < len(p.s) && isSpace(p.s[after]) {
			after++
		}
		if after < len(p.s) && p.s[after] == '(' {
			call, err := p.parseCall()
			arg.Kind, arg.Call = ArgCall, call
			arg.Span.End = p.pos
			return arg, err
		}
		p.pos = end
		switch word {
		case "true", "false":
			arg.Kind, arg.Bool = ArgBool, word == "true"
			return finish()
		case "null":
			arg.Kind = ArgNull
			return finish()
		}
		e := errAt(start, end, "unexpected %q: an argument is a 'string', a number, true, false, null, a path starting with $ or a nested States.* call", word)
		return nil, &e
	case b == ')' || b == ',':
		e := errAt(start, start+1, "missing argument before %q", b)
		return nil, &e
	case b == 0 && p.pos >= len(p.s):
		e := errAt(start, start, "the call is not closed: add ')'")
		return nil, &e
	}
	r, size := utf8.DecodeRuneInString(p.s[start:])
	e := errAt(start, start+size, "unexpected %q: an argument is a 'string', a number, true, false, null, a path starting with $ or a nested States.* call", r)
	return nil, &e
}

// parseStringLiteral reads '...' where a backslash escapes the next
// character. It returns the text between the quotes and its decoded value.
func (p *intrinsicParser) parseStringLiteral() (raw, str string, err *Error) {
	start := p.pos
	p.pos++
	var sb strings.Builder
	for p.pos < len(p.s) {
		b := p.s[p.pos]
		switch b {
		case '\'':
			raw = p.s[start+1 : p.pos]
			p.pos++
			return raw, sb.String(), nil
		case '\\':
			if p.pos+1 >= len(p.s) {
				p.pos = len(p.s)
				e := errAt(start, p.pos, "the string literal is not closed: add ' (a trailing backslash escapes nothing)")
				return "", "", &e
			}
			_, size := utf8.DecodeRuneInString(p.s[p.pos+1:])
			sb.WriteString(p.s[p.pos+1 : p.pos+1+size])
			p.pos += 1 + size
		default:
			sb.WriteByte(b)
			p.pos++
		}
	}
	e := errAt(start, p.pos, "the string literal is not closed: add '")
	return "", "", &e
}

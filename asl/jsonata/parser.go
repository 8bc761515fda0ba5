package jsonata

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// maxParseDepth bounds parser recursion so hostile input cannot overflow
// the Go stack.
const maxParseDepth = 400

// maxProcessDepth bounds the post-parse recursion (long operator chains
// nest on the left without deepening the Pratt recursion).
const maxProcessDepth = 5000

type parseAbort struct{ err *Error }

type parser struct {
	src      string
	lx       lexer
	node     *Node
	recover  bool
	errors   []*Error
	prevEnd  int
	depth    int
	labelSeq int
	ancestry []*Node
	// slab holds zeroed nodes for the next tokens: one allocation serves
	// several tokens instead of one each.
	slab    []Node
	slabbed bool // the first slab is cut
	// free is a released token node for the next token
	free *Node
	// pool, when set, lends the token nodes instead of the slab (see Parser)
	pool *Parser
	// the path nodes process built: the first ones in the parser itself
	pathBuf   [16]*Node
	nPaths    int
	morePaths []*Node
}

// Parse parses a JSONata expression and returns its processed syntax tree or
// the first syntax error, as jsonata-js does.
func Parse(expr string) (ast *Node, err error) {
	return parse(&parser{src: expr, lx: lexer{src: expr}})
}

// parse runs p over its source, strictly: the first error ends it.
func parse(p *parser) (ast *Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			pa, ok := r.(parseAbort)
			if !ok {
				pa.err = internalParseError(r)
			}
			if pa.err.Message == "" {
				pa.err.Message = pa.err.format()
			}
			ast, err = nil, pa.err
		}
	}()
	n := p.parse()
	return n, nil
}

func fillMessages(errs []*Error) {
	for _, e := range errs {
		if e != nil && e.Message == "" {
			e.Message = e.format()
		}
	}
}

// ParseTolerant parses an expression that may be unfinished (as typed in an
// editor) and returns the best tree it can build plus every syntax error.
// The tree is never nil; broken parts appear as nodes of Type "error".
func ParseTolerant(expr string) (ast *Node, errs []*Error) {
	p := &parser{src: expr, lx: lexer{src: expr}, recover: true}
	defer func() {
		if r := recover(); r != nil {
			pa, ok := r.(parseAbort)
			if !ok {
				pa.err = internalParseError(r)
			}
			errs = append(p.errors, pa.err)
			fillMessages(errs)
			if ast == nil {
				ast = &Node{Type: "error", Err: pa.err, Start: 0, End: len(expr)}
			}
		}
	}()
	ast = p.parse()
	fillMessages(p.errors)
	return ast, p.errors
}

// internalParseError reports a parser bug as a syntax error rather than
// letting a panic escape.
func internalParseError(r any) *Error {
	return &Error{Code: "S0201", Start: -1, Token: "(internal)", Message: fmt.Sprintf("internal parser error: %v", r)}
}

func (p *parser) parse() *Node {
	p.advance("", false)
	expr := p.expression(0)
	if p.node.id() != "(end)" {
		p.handleError(tokenErr("S0201", p.node))
	}
	expr = p.process(expr)
	if expr.Type == "parent" || expr.seeking() != nil {
		p.fail(&Error{Code: "S0217", Position: expr.Position, Start: expr.Start, Token: expr.Type})
	}
	// paths are complete only now: process keeps extending a path after
	// building it, and seekParent marks them
	for _, path := range p.pathBuf[:p.nPaths] {
		path.simple = simplePath(path)
	}
	for _, path := range p.morePaths {
		path.simple = simplePath(path)
	}
	return expr
}

// newPath records a path node process built, for parse to mark simple
// ones, and returns it.
func (p *parser) newPath(n *Node) *Node {
	if p.nPaths < len(p.pathBuf) {
		p.pathBuf[p.nPaths] = n
		p.nPaths++
	} else {
		p.morePaths = append(p.morePaths, n)
	}
	return n
}

// tokenErr builds a syntax error attributed to token n.
func tokenErr(code string, n *Node) *Error {
	return &Error{Code: code, Position: n.Position, Start: n.Start, Token: tokenText(n), tokenLiteral: n.Type == "number" || n.Type == "value"}
}

func tokenText(n *Node) string {
	if n == nil {
		return ""
	}
	if n.id() == "(end)" {
		return "(end)"
	}
	switch v := n.Value.(type) {
	case string:
		return v
	case float64:
		return formatNumberJS(v)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		if n.Type == "value" {
			return "null"
		}
	}
	return n.id()
}

// fail reports an error: strict parsing stops, tolerant parsing records it.
func (p *parser) fail(err *Error) *Node {
	if !p.recover {
		panic(parseAbort{err})
	}
	p.errors = append(p.errors, err)
	return &Node{Type: "error", Err: err, Position: err.Position, Start: max(err.Start, 0), End: err.Position}
}

func (p *parser) handleError(err *Error) *Node {
	if !p.recover {
		panic(parseAbort{err})
	}
	p.errors = append(p.errors, err)
	// swallow the rest of the input, as jsonata-js's recovery does
	p.lx.pos = len(p.src)
	start := err.Position
	if p.node != nil {
		start = p.node.Start
	}
	if err.Start >= 0 {
		start = err.Start
	}
	p.node = &Node{tok: tokError, Type: "error", Err: err, Position: err.Position, Start: start, End: len(p.src)}
	// the caller gets its own node: handing back p.node would let the
	// (error) token's led adopt itself as its left operand
	return &Node{Type: "error", Err: err, Position: err.Position, Start: start, End: len(p.src)}
}

// A token node's id is jsonata-js's symbol id ("(name)", "(literal)", an
// operator's text...), kept as a small code into tokIDs so that Node holds
// one byte instead of a string and binding powers are an array lookup.
const (
	tokNone uint8 = iota // not a token: a node built by process
	tokEndID
	tokNameID
	tokLiteralID
	tokRegexID
	tokError
	firstSymbolID
)

// tokIDs lists the ids by code; from firstSymbolID on, the known symbols.
var tokIDs = [...]string{"", "(end)", "(name)", "(literal)", "(regex)", "(error)",
	":", ";", ",", ")", "]", "}", "..", ".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=",
	">=", "&", "and", "or", "in", "~>", "**", "(", "[", "^", "{", ":=", "@", "#", "?", "|", "?:", "??",
}

// Initialized by expressions, not init(): package variables elsewhere may
// parse, and Go orders initializer expressions by their dependencies.
var (
	// tokIDValues holds each id boxed once, for operator nodes' Value.
	tokIDValues = func() (v [len(tokIDs)]any) {
		for i, id := range tokIDs {
			v[i] = id
		}
		return v
	}()
	// infixPowers is the left binding power of each token id (0: none).
	infixPowers = func() (v [len(tokIDs)]uint8) {
		for i, id := range tokIDs {
			v[i] = uint8(infixPower(id))
		}
		return v
	}()
	// the two-byte symbols' codes
	codeRange, codeAssign, codeNotEqual = symbolCode(".."), symbolCode(":="), symbolCode("!=")
	codeLessEqual, codeGreaterEqual     = symbolCode("<="), symbolCode(">=")
	codeDescendants, codeApply          = symbolCode("**"), symbolCode("~>")
	codeElvis, codeCoalesce             = symbolCode("?:"), symbolCode("??")
	codeAnd, codeOr, codeIn             = symbolCode("and"), symbolCode("or"), symbolCode("in")
	// singleCharSymbols maps a one-byte symbol to its code.
	singleCharSymbols = func() (v [256]uint8) {
		for i := firstSymbolID; i < uint8(len(tokIDs)); i++ {
			if id := tokIDs[i]; len(id) == 1 {
				v[id[0]] = i
			}
		}
		return v
	}()
)

// twoCharSymbol returns the code of the two-byte symbol c d, or 0.
func twoCharSymbol(c, d byte) uint8 {
	switch d {
	case '=':
		switch c {
		case ':':
			return codeAssign
		case '!':
			return codeNotEqual
		case '<':
			return codeLessEqual
		case '>':
			return codeGreaterEqual
		}
	case '.':
		if c == '.' {
			return codeRange
		}
	case '*':
		if c == '*' {
			return codeDescendants
		}
	case '>':
		if c == '~' {
			return codeApply
		}
	case ':':
		if c == '?' {
			return codeElvis
		}
	case '?':
		if c == '?' {
			return codeCoalesce
		}
	}
	return 0
}

// symbolCode returns the code of a known symbol, 0 for any other text.
func symbolCode(s string) uint8 {
	if len(s) == 1 {
		return singleCharSymbols[s[0]]
	}
	for i := firstSymbolID; i < uint8(len(tokIDs)); i++ {
		if len(tokIDs[i]) > 1 && tokIDs[i] == s {
			return i
		}
	}
	return 0
}

// infixPower is jsonata-js's left binding power of an infix token.
func infixPower(id string) int {
	switch id {
	case ".":
		return 75
	case "(", "[", "@", "#":
		return 80
	case "{":
		return 70
	case "*", "/", "%":
		return 60
	case "+", "-", "&":
		return 50
	case "=", "<", ">", "!=", "<=", ">=", "in", "~>", "^", "??", "?:":
		return 40
	case "and":
		return 30
	case "or":
		return 25
	case "?":
		return 20
	case ":=", "(error)":
		return 10
	}
	return 0
}

func (n *Node) id() string { return tokIDs[n.tok] }

func (n *Node) lbp() int { return int(infixPowers[n.tok]) }

func (p *parser) advance(id string, infix bool) *Node {
	if id != "" && p.node.id() != id {
		code := "S0202"
		if p.node.id() == "(end)" {
			code = "S0203"
		}
		e := tokenErr(code, p.node)
		e.Expected = id
		return p.handleError(e)
	}
	var reuse *Node
	if p.node != nil {
		p.prevEnd = p.node.End
		if discardedPunctuation(id) {
			reuse = p.node
		}
	}
	tok, lerr := p.lx.next(infix)
	if lerr != nil {
		if !p.recover {
			panic(parseAbort{lerr})
		}
		p.errors = append(p.errors, lerr)
		p.lx.pos = len(p.src)
		start := lerr.Start
		if start < 0 {
			start = lerr.Position
		}
		p.node = &Node{tok: tokError, Type: "error", Err: lerr, Position: lerr.Position, Start: start, End: len(p.src)}
		return p.node
	}
	n := reuse
	if n == nil {
		n = p.newNode()
	}
	// n is zeroed or a punctuation or dot token that nothing refers to any
	// more; a token has no fields but the ones set here, so no zeroing of
	// the whole node (costly while the collector runs) is needed
	n.Value, n.x = nil, nil
	n.Position, n.Start, n.End = tok.end, tok.start, tok.end
	switch tok.typ {
	case tokEnd:
		n.tok, n.Type = tokEndID, "end"
		n.Position = len(p.src)
	case tokName:
		n.tok, n.Type, n.Value = tokNameID, "name", boxName(tok.str)
	case tokVariable:
		n.tok, n.Type, n.Value = tokNameID, "variable", boxName(tok.str)
	case tokOperator:
		code := tok.code
		if code == 0 {
			return p.handleError(&Error{Code: "S0204", Position: tok.end, Start: tok.start, Token: tok.str})
		}
		// the boxed operator text comes from a table: no allocation per token
		n.tok, n.Type, n.Value = code, "operator", tokIDValues[code]
	case tokString:
		n.tok, n.Type, n.Value = tokLiteralID, "string", boxName(tok.str)
	case tokNumber:
		n.tok, n.Type, n.Value = tokLiteralID, "number", boxNumber(tok.num)
	case tokValue:
		n.tok, n.Type, n.Value = tokLiteralID, "value", tok.value
	case tokRegex:
		n.tok, n.Type, n.Value = tokRegexID, "regex", "/"+tok.str+"/"+tok.flags
		re, rerr := compileJSRegex(tok.str, tok.flags)
		if rerr != nil {
			rerr.Position, rerr.Start = tok.end, tok.start
			return p.handleError(rerr)
		}
		n.extra().regex = re
	}
	p.node = n
	return n
}

// commonNames are boxed once: names, variables and keys that Step Functions
// expressions use all the time, and the built-in functions' names. Storing
// a string in Node.Value otherwise allocates a box per token. It is an
// open-addressing table with a cheap hash: a map lookup costs more.
var commonNames = func() *[commonNamesSize]boxedName {
	var t [commonNamesSize]boxedName
	add := func(s string) {
		i := nameHash(s)
		for t[i].box != nil {
			if t[i].name == s {
				return
			}
			i = (i + 1) % commonNamesSize
		}
		t[i] = boxedName{s, s}
	}
	for _, s := range []string{"states", "input", "result", "context", "errorOutput",
		"Execution", "Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "State",
		"EnteredTime", "RetryCount", "StateMachine", "Task", "Token", "Map", "Item", "Index",
		"Value", "Source", "Payload", "Body", "StatusCode", "Error", "Cause", "Items",
		"id", "name", "type", "status", "items", "item", "value", "key", "data", "body",
		"message", "error", "count", "total", "detail", "payload", "results", "output"} {
		add(s)
	}
	for name := range functionDocs {
		add(name)
	}
	return &t
}()

// commonNamesSize is a power of two over twice the names it holds.
const commonNamesSize = 512

type boxedName struct {
	name string
	box  any
}

func nameHash(s string) int {
	if s == "" {
		return 0
	}
	return (len(s)*131 + int(s[0])*31 + int(s[len(s)-1])*7 + int(s[len(s)/2])) % commonNamesSize
}

// smallNumbers are the integers 0-15 boxed once, for number literals.
var smallNumbers = func() (v [16]any) {
	for i := range v {
		v[i] = float64(i)
	}
	return v
}()

// boxNumber returns f as an interface value, shared for a small integer.
func boxNumber(f float64) any {
	if i := int(f); i >= 0 && i < len(smallNumbers) && float64(i) == f && !(f == 0 && math.Signbit(f)) {
		return smallNumbers[i]
	}
	return f
}

// boxName returns s as an interface value, shared for a common name.
func boxName(s string) any {
	t := commonNames
	for i := nameHash(s); t[i].box != nil; i = (i + 1) % commonNamesSize {
		if t[i].name == s {
			return t[i].box
		}
	}
	return s
}

// discardedPunctuation says whether advance(id) drops the token it checks:
// no tree keeps these tokens, so their node can hold the next token. ("?"
// is not among them: a partial application keeps it as its placeholder.)
func discardedPunctuation(id string) bool {
	switch id {
	case ")", "]", "}", ",", ";", ":":
		return true
	}
	return false
}

// maxFirstSlab bounds the first slab: a long expression's nodes come in
// several slabs, so that one retained node does not pin a huge block.
const maxFirstSlab = 32

// estimateNodes counts, from a quick scan, the token nodes a parse of src
// takes: a word, literal or operator each, except punctuation whose node the
// next token reuses and the second and later dots of a.b.c chains, plus the
// end token. Comments and regexes make it over-count, which costs a few
// unused nodes.
func estimateNodes(src string) int {
	n := 1
	word, chain := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		class := charClass[c]
		if class == 0 {
			// the common case: a word, skipped in a tight loop
			if !word {
				n++
				word = true
			}
			for i+1 < len(src) && charClass[src[i+1]] == 0 {
				i++
			}
			continue
		}
		switch {
		case class == classQuote:
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				}
			}
			n++
			word = false
		case class == classSpace:
			word = false
		case c == '.':
			if !chain {
				n++
				chain = true
			}
			word = false
		case class == classOperator:
			switch c {
			case ')', ']', '}', ',', ':', ';':
			default:
				n++
			}
			word, chain = false, false
		}
	}
	return n
}

// release hands back a token node that nothing refers to any more: the
// next token takes it (advance sets all of a token's fields).
func (p *parser) release(n *Node) {
	p.free = n
}

// newNode returns a zeroed node for a token, cut from a slab: the first is
// sized by estimateNodes, so most parses allocate their nodes at once; later
// ones by the text left to lex (about one token per four bytes).
func (p *parser) newNode() *Node {
	if n := p.free; n != nil {
		p.free = nil
		return n
	}
	if p.pool != nil {
		return p.pool.take()
	}
	if len(p.slab) == 0 {
		size := min(max((len(p.src)-p.lx.pos)/4, 1), 16)
		if !p.slabbed {
			p.slabbed = true
			size = min(estimateNodes(p.src), maxFirstSlab)
		}
		p.slab = make([]Node, size)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	return n
}

func (p *parser) expression(rbp int) *Node {
	p.depth++
	if p.depth > maxParseDepth {
		panic(parseAbort{&Error{Code: "U1001", Position: p.node.Position, Start: p.node.Start, Value: "Stack overflow error: expression nesting is too deep"}})
	}
	defer func() { p.depth-- }()
	t := p.node
	start := t.Start
	p.advance("", true)
	left := p.nud(t)
	p.span(left, start)
	for rbp < p.node.lbp() {
		t = p.node
		lstart := left.Start
		p.advance("", false)
		left = p.led(t, left)
		p.span(left, lstart)
	}
	return left
}

func (p *parser) span(n *Node, start int) {
	if n == nil {
		return
	}
	if start < n.Start || n.Start == 0 && n.End == 0 {
		n.Start = start
	}
	if p.prevEnd > n.End {
		n.End = p.prevEnd
	}
}

func (p *parser) nud(t *Node) *Node {
	switch t.id() {
	case "(end)", "(name)", "(literal)", "(regex)", "and", "or", "in", "(error)":
		return t
	case "-":
		t.Expression = p.expression(70)
		t.Type = "unary"
		return t
	case "*":
		t.Type = "wildcard"
		return t
	case "**":
		t.Type = "descendant"
		return t
	case "%":
		t.Type = "parent"
		return t
	case "(":
		var exprs []*Node
		for p.node.id() != ")" {
			exprs = append(exprs, p.expression(0))
			if p.node.id() != ";" {
				break
			}
			p.advance(";", false)
		}
		p.advance(")", true)
		t.Type = "block"
		t.Expressions = exprs
		return t
	case "[":
		var items []*Node
		if p.node.id() != "]" {
			for {
				item := p.expression(0)
				if p.node.id() == ".." {
					rng := &Node{Type: "binary", Value: "..", Position: p.node.Position, LHS: item, Start: item.Start}
					p.advance("..", false)
					rng.RHS = p.expression(0)
					rng.End = p.prevEnd
					item = rng
				}
				items = append(items, item)
				if p.node.id() != "," {
					break
				}
				p.advance(",", false)
			}
		}
		p.advance("]", true)
		t.Expressions = items
		t.Type = "unary"
		return t
	case "{":
		t.Pairs = p.objectPairs()
		t.Type = "unary"
		return t
	case "|":
		t.Type = "transform"
		t.Pattern = p.expression(0)
		p.advance("|", false)
		t.Update = p.expression(0)
		if p.node.id() == "," {
			p.advance(",", false)
			t.Delete = p.expression(0)
		}
		p.advance("|", false)
		return t
	}
	err := tokenErr("S0211", t)
	if !p.recover {
		panic(parseAbort{err})
	}
	p.errors = append(p.errors, err)
	return &Node{Type: "error", Err: err, Position: t.Position, Start: t.Start, End: t.End}
}

func (p *parser) objectPairs() [][2]*Node {
	var pairs [][2]*Node
	if p.node.id() != "}" {
		for {
			k := p.expression(0)
			p.advance(":", false)
			v := p.expression(0)
			pairs = append(pairs, [2]*Node{k, v})
			if p.node.id() != "," {
				break
			}
			p.advance(",", false)
		}
	}
	p.advance("}", true)
	return pairs
}

func (p *parser) led(t *Node, left *Node) *Node {
	switch t.id() {
	case ".":
		if left.Type == "binary" && left.Value == "." {
			// a.b.c: the chain's first "." node keeps the further operands
			// (processDots reads them), so token t is free for the next token
			power := int(infixPowers[t.tok])
			// the chain node stands for the outermost "." so far: errors
			// about it point where jsonata-js's would
			left.Position = t.Position
			p.release(t)
			left.Steps = append(left.Steps, p.expression(power))
			return left
		}
		t.LHS = left
		t.RHS = p.expression(int(infixPowers[t.tok]))
		t.Type = "binary"
		return t
	case "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in", "~>":
		t.LHS = left
		t.RHS = p.expression(int(infixPowers[t.tok]))
		t.Type = "binary"
		return t
	case "(":
		t.Procedure = left
		t.Type = "function"
		if p.node.id() != ")" {
			for {
				if p.node.Type == "operator" && p.node.id() == "?" {
					t.Type = "partial"
					ph := p.node
					ph.Type = "placeholder"
					t.Arguments = append(t.Arguments, ph)
					p.advance("?", false)
				} else {
					t.Arguments = append(t.Arguments, p.expression(0))
				}
				if p.node.id() != "," {
					break
				}
				p.advance(",", false)
			}
		}
		p.advance(")", true)
		if left.Type == "name" && (left.Value == "function" || left.Value == "λ") {
			for i, a := range t.Arguments {
				if a.Type != "variable" {
					return p.handleError(&Error{Code: "S0208", Position: a.Position, Start: a.Start, Token: tokenText(a), Value: float64(i + 1)})
				}
				t.Params = append(t.Params, a.Value.(string))
			}
			t.Type = "lambda"
			if p.node.id() == "<" {
				sigStart := p.node.Start
				sigPos := p.node.Position
				depth := 1
				for depth > 0 && p.node.id() != "{" && p.node.id() != "(end)" && p.node.id() != "(error)" {
					tok := p.advance("", false)
					if tok.id() == ">" {
						depth--
					} else if tok.id() == "<" {
						depth++
					}
				}
				sigEnd := p.node.End
				p.advance(">", false)
				text := strings.Map(func(r rune) rune {
					if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
						return -1
					}
					return r
				}, p.src[sigStart:min(sigEnd, len(p.src))])
				sig, serr := parseSignature(text)
				if serr != nil {
					serr.Position = sigPos + serr.Index
					serr.Start = sigStart
					return p.handleError(serr)
				}
				t.Signature = sig
			}
			p.advance("{", false)
			t.Body = p.expression(0)
			p.advance("}", false)
		}
		return t
	case "[":
		if p.node.id() == "]" {
			step := left
			for step != nil && step.Type == "binary" && step.Value == "[" {
				step = step.LHS
			}
			if step != nil {
				step.KeepArray = true
			}
			p.advance("]", false)
			return left
		}
		t.LHS = left
		t.RHS = p.expression(0)
		t.Type = "binary"
		p.advance("]", true)
		return t
	case "^":
		p.advance("(", false)
		// the raw terms wait in Terms until process replaces them with
		// processed ones on a new sort step
		var terms []SortTerm
		for {
			term := SortTerm{}
			if p.node.id() == "<" {
				p.advance("<", false)
			} else if p.node.id() == ">" {
				term.Descending = true
				p.advance(">", false)
			}
			term.Expression = p.expression(0)
			terms = append(terms, term)
			if p.node.id() != "," {
				break
			}
			p.advance(",", false)
		}
		p.advance(")", false)
		t.LHS = left
		t.Terms = terms
		t.Type = "binary"
		return t
	case "{":
		t.LHS = left
		t.Pairs = p.objectPairs()
		t.Type = "binary"
		return t
	case ":=":
		if left.Type != "variable" {
			return p.handleError(&Error{Code: "S0212", Position: left.Position, Start: left.Start, Token: tokenText(left)})
		}
		t.LHS = left
		t.RHS = p.expression(infixPower(":=") - 1)
		t.Type = "binary"
		return t
	case "@", "#":
		t.LHS = left
		t.RHS = p.expression(80)
		if t.RHS.Type != "variable" {
			return p.handleError(&Error{Code: "S0214", Position: t.RHS.Position, Start: t.RHS.Start, Token: t.id()})
		}
		t.Type = "binary"
		return t
	case "?":
		t.Type = "condition"
		t.Condition = left
		t.Then = p.expression(0)
		if p.node.id() == ":" {
			p.advance(":", false)
			t.Else = p.expression(0)
		}
		return t
	case "??", "?:":
		t.Type = "condition"
		t.Condition = left
		t.Else = p.expression(0)
		t.coalesce = t.id() == "??"
		t.elvis = t.id() == "?:"
		return t
	case "(error)":
		t.LHS = left
		t.Type = "error"
		return t
	}
	return p.handleError(tokenErr("S0201", t))
}

func last(steps []*Node) *Node { return steps[len(steps)-1] }

// process is jsonata-js's post-parse stage: it flattens location paths into
// steps, attaches predicates, resolves parent references and marks tail calls.
func (p *parser) process(expr *Node) *Node {
	if expr == nil {
		return p.fail(&Error{Code: "S0207", Position: len(p.src), Start: len(p.src)})
	}
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxProcessDepth {
		panic(parseAbort{&Error{Code: "U1001", Position: expr.Position, Start: expr.Start, Value: "Stack overflow error: expression nesting is too deep"}})
	}
	// The rebuilding cases below turn the raw token node into the processed
	// node in place (raw keeps its fields): nothing refers to a raw token
	// once process has read it, so no second node is allocated.
	keepArray := expr.KeepArray
	var result *Node
	switch expr.Type {
	case "binary":
		op, _ := expr.Value.(string) // a string switch: comparing interfaces costs more
		switch op {
		case ".":
			var failed bool
			if result, failed = p.processDots(expr); failed {
				return result
			}
		case "[":
			result = p.process(expr.LHS)
			step := result
			isPath := false
			if result.Type == "path" && len(result.Steps) > 0 {
				step = last(result.Steps)
				isPath = true
			}
			if step.Group != nil {
				return p.fail(&Error{Code: "S0209", Position: expr.Position, Start: expr.Start})
			}
			predicate := p.process(expr.RHS)
			if seeking := predicate.seeking(); seeking != nil {
				for _, s := range seeking {
					if s.level == 1 {
						p.seekParent(step, s)
					} else {
						s.level--
					}
				}
				p.pushAncestry(step, predicate)
			}
			stage := &Stage{Type: "filter", Expr: predicate, Position: expr.Position}
			if isPath {
				step.Stages = append(step.Stages, stage)
			} else {
				step.Predicate = append(step.Predicate, stage)
			}
			step.End = max(step.End, expr.End)
			result.End = max(result.End, expr.End)
		case "{":
			result = p.process(expr.LHS)
			if result.Group != nil {
				return p.fail(&Error{Code: "S0210", Position: expr.Position, Start: expr.Start})
			}
			g := &GroupBy{Position: expr.Position, Start: expr.Start, End: expr.End}
			for _, pair := range expr.Pairs {
				g.Pairs = append(g.Pairs, [2]*Node{p.process(pair[0]), p.process(pair[1])})
			}
			result.Group = g
			result.End = max(result.End, expr.End)
		case "^":
			result = p.process(expr.LHS)
			if result.Type != "path" {
				result = p.newPath(&Node{Type: "path", Steps: []*Node{result}, Start: result.Start})
			}
			sortStep := &Node{Type: "sort", Position: expr.Position, Start: expr.Start, End: expr.End}
			for _, term := range expr.Terms {
				e := p.process(term.Expression)
				p.pushAncestry(sortStep, e)
				sortStep.Terms = append(sortStep.Terms, SortTerm{Descending: term.Descending, Expression: e})
			}
			result.Steps = append(result.Steps, sortStep)
			p.resolveAncestry(result)
			result.End = expr.End
		case ":=":
			raw := *expr
			*expr = Node{Type: "bind", Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End}
			result = expr
			result.LHS = p.process(raw.LHS)
			result.RHS = p.process(raw.RHS)
			p.pushAncestry(result, result.RHS)
		case "@":
			result = p.process(expr.LHS)
			step := result
			if result.Type == "path" {
				step = last(result.Steps)
			}
			if step.Stages != nil || step.Predicate != nil {
				return p.fail(&Error{Code: "S0215", Position: expr.Position, Start: expr.Start})
			}
			if step.Type == "sort" {
				return p.fail(&Error{Code: "S0216", Position: expr.Position, Start: expr.Start})
			}
			if expr.KeepArray {
				step.KeepArray = true
			}
			step.Focus, step.HasFocus = expr.RHS.Value.(string), true
			step.Tuple = true
			result.End = max(result.End, expr.End)
		case "#":
			result = p.process(expr.LHS)
			step := result
			if result.Type == "path" {
				step = last(result.Steps)
			} else {
				result = p.newPath(&Node{Type: "path", Steps: []*Node{result}, Start: result.Start, End: result.End})
				if step.Predicate != nil {
					step.Stages = step.Predicate
					step.Predicate = nil
				}
			}
			name := expr.RHS.Value.(string)
			if step.Stages == nil {
				step.Index, step.HasIndex = name, true
			} else {
				step.Stages = append(step.Stages, &Stage{Type: "index", Value: name, Position: expr.Position})
			}
			step.Tuple = true
			result.End = max(result.End, expr.End)
		case "~>":
			raw := *expr
			*expr = Node{Type: "apply", Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End}
			result = expr
			result.LHS = p.process(raw.LHS)
			result.RHS = p.process(raw.RHS)
			result.KeepArray = result.LHS.KeepArray || result.RHS.KeepArray
			p.pushAncestry(result, result.LHS)
			p.pushAncestry(result, result.RHS)
		default:
			raw := *expr
			*expr = Node{Type: "binary", Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End}
			result = expr
			result.LHS = p.process(raw.LHS)
			result.RHS = p.process(raw.RHS)
			p.pushAncestry(result, result.LHS)
			p.pushAncestry(result, result.RHS)
		}
	case "unary":
		raw := *expr
		*expr = Node{Type: "unary", Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End}
		result = expr
		op, _ := raw.Value.(string)
		switch op {
		case "[":
			// the raw item slice is the parser's own: it takes the processed items
			for i, item := range raw.Expressions {
				v := p.process(item)
				p.pushAncestry(result, v)
				raw.Expressions[i] = v
			}
			result.Expressions = raw.Expressions
		case "{":
			for i, pair := range raw.Pairs {
				k := p.process(pair[0])
				p.pushAncestry(result, k)
				v := p.process(pair[1])
				p.pushAncestry(result, v)
				raw.Pairs[i] = [2]*Node{k, v}
			}
			result.Pairs = raw.Pairs
		default:
			result.Expression = p.process(raw.Expression)
			if raw.Value == "-" && result.Expression.Type == "number" {
				num := result.Expression
				num.Value = -num.Value.(float64)
				num.Start = raw.Start
				result = num
			} else {
				p.pushAncestry(result, result.Expression)
			}
		}
	case "function", "partial":
		raw := *expr
		*expr = Node{Type: raw.Type, Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End}
		result = expr
		for i, a := range raw.Arguments {
			an := p.process(a)
			p.pushAncestry(result, an)
			raw.Arguments[i] = an
		}
		result.Arguments = raw.Arguments
		result.Procedure = p.process(raw.Procedure)
	case "lambda":
		raw := *expr
		// the parameters stay raw variable tokens, as jsonata-js keeps them
		*expr = Node{Type: "lambda", Params: raw.Params, Signature: raw.Signature, Arguments: raw.Arguments, Position: raw.Position, Start: raw.Start, End: raw.End}
		result = expr
		body := p.process(raw.Body)
		result.Body = tailCallOptimize(body)
	case "condition":
		raw := *expr
		*expr = Node{Type: "condition", Value: raw.Value, Position: raw.Position, Start: raw.Start, End: raw.End, coalesce: raw.coalesce, elvis: raw.elvis}
		result = expr
		result.Condition = p.process(raw.Condition)
		p.pushAncestry(result, result.Condition)
		if raw.Then != nil {
			result.Then = p.process(raw.Then)
			p.pushAncestry(result, result.Then)
		}
		if raw.Else != nil {
			result.Else = p.process(raw.Else)
			p.pushAncestry(result, result.Else)
		}
	case "transform":
		raw := *expr
		*expr = Node{Type: "transform", Position: raw.Position, Start: raw.Start, End: raw.End}
		result = expr
		result.Pattern = p.process(raw.Pattern)
		result.Update = p.process(raw.Update)
		if raw.Delete != nil {
			result.Delete = p.process(raw.Delete)
		}
	case "block":
		raw := *expr
		*expr = Node{Type: "block", Position: raw.Position, Start: raw.Start, End: raw.End}
		result = expr
		for i, item := range raw.Expressions {
			part := p.process(item)
			p.pushAncestry(result, part)
			if part.ConsArray || (part.Type == "path" && len(part.Steps) > 0 && part.Steps[0].ConsArray) {
				result.ConsArray = true
			}
			raw.Expressions[i] = part
		}
		result.Expressions = raw.Expressions
	case "name":
		result = p.newPath(&Node{Type: "path", Steps: []*Node{expr}, Position: expr.Position, Start: expr.Start, End: expr.End})
		if expr.KeepArray {
			result.KeepSingletonArray = true
		}
	case "parent":
		p.labelSeq++
		result = &Node{Type: "parent", Position: expr.Position, Start: expr.Start, End: expr.End,
			x: &nodeExtra{slot: &slot{label: "!" + strconv.Itoa(p.labelSeq-1), level: 1, index: len(p.ancestry)}}}
		p.ancestry = append(p.ancestry, result)
	case "string", "number", "value", "wildcard", "descendant", "variable", "regex", "placeholder":
		result = expr
	case "operator":
		if expr.Value == "and" || expr.Value == "or" || expr.Value == "in" {
			expr.Type = "name"
			result = p.process(expr)
		} else if expr.Value == "?" {
			expr.Type = "placeholder"
			result = expr
		} else {
			return p.fail(tokenErr("S0201", expr))
		}
	case "error":
		result = expr
		if expr.LHS != nil && expr.LHS != expr {
			result = p.process(expr.LHS)
			if result.Type == "path" || result.Type == "function" || result.Type == "partial" {
				// keep the error visible for editors: attach as trailing node
				errNode := &Node{Type: "error", Err: expr.Err, Position: expr.Position, Start: expr.Start, End: expr.End}
				if expr.Err != nil && expr.Err.Start >= 0 {
					errNode.Start = expr.Err.Start
				}
				if result.Type == "path" {
					result.Steps = append(result.Steps, errNode)
					result.End = max(result.End, expr.End)
				}
			}
		}
	default:
		code := "S0206"
		if expr.id() == "(end)" {
			code = "S0207"
		}
		return p.fail(&Error{Code: code, Position: expr.Position, Start: expr.Start, Token: tokenText(expr)})
	}
	if keepArray {
		result.KeepArray = true
	}
	return result
}

// processDots turns a raw "." node into a path. The node stands for a
// left-nested chain a.b.c...: led keeps the operands after RHS in its Steps
// rather than nesting one "." node per operand, and each operand is one
// level of jsonata-js's recursion here, in the same order.
func (p *parser) processDots(expr *Node) (path *Node, failed bool) {
	lhs, start, end := expr.LHS, expr.Start, expr.End
	operands := make([]*Node, 0, 1+len(expr.Steps))
	operands = append(append(operands, expr.RHS), expr.Steps...)
	if more := len(operands) - 1; more > 0 {
		// the chain counts as the nesting it stands for
		p.depth += more
		defer func() { p.depth -= more }()
		if p.depth > maxProcessDepth {
			panic(parseAbort{&Error{Code: "U1001", Position: expr.Position, Start: expr.Start, Value: "Stack overflow error: expression nesting is too deep"}})
		}
	}
	var lstep *Node
	if lhs.Type == "name" {
		// a name is its own step: the one-step path process would
		// wrap it in is skipped (its KeepArray is all it would add)
		lstep = lhs
	} else {
		lstep = p.process(lhs)
	}
	// nothing refers to the raw "." node once its operands are read: it
	// becomes the path, saving a node per path
	spare := expr
	for i, rhs := range operands {
		var result *Node
		if lstep.Type == "path" {
			result = lstep
		} else {
			// room for four steps covers most paths in one allocation
			steps := make([]*Node, 1, 4)
			steps[0] = lstep
			if spare != nil {
				*spare = Node{Type: "path", Steps: steps, Position: lstep.Position}
				result, spare = p.newPath(spare), nil
			} else {
				result = p.newPath(&Node{Type: "path", Steps: steps, Position: lstep.Position})
			}
			if i == 0 && lhs.Type == "name" {
				result.KeepArray = lhs.KeepArray
			}
		}
		if lstep.Type == "parent" {
			result.extra().seekingParent = []*slot{lstep.x.slot}
		}
		lstep = p.dotStep(result, rhs)
		if lstep == result {
			result.Start, result.End = start, end
		} else if i == len(operands)-1 {
			return lstep, true
		}
	}
	return lstep, false
}

// dotStep appends the step(s) of rhs to path, as one level of a "." chain,
// and returns the path, or an error node when a step cannot be one.
func (p *parser) dotStep(result, rhs *Node) *Node {
	var rest *Node
	if rhs.Type == "name" {
		rest = rhs // a step as it is, not wrapped in a path
	} else {
		rest = p.process(rhs)
	}
	if rest.Type == "path" {
		result.Steps = append(result.Steps, rest.Steps...)
	} else {
		if rest.Predicate != nil {
			rest.Stages = rest.Predicate
			rest.Predicate = nil
		}
		result.Steps = append(result.Steps, rest)
	}
	for _, step := range result.Steps {
		if step.Type == "number" || step.Type == "value" {
			return p.fail(&Error{Code: "S0213", Position: step.Position, Start: step.Start, Value: step.Value, Token: tokenText(step)})
		}
		if step.Type == "string" {
			step.Type = "name"
		}
	}
	for _, step := range result.Steps {
		if step.KeepArray {
			result.KeepSingletonArray = true
		}
	}
	first := result.Steps[0]
	if first.Type == "unary" && first.Value == "[" {
		first.ConsArray = true
	}
	ls := last(result.Steps)
	if ls.Type == "unary" && ls.Value == "[" {
		ls.ConsArray = true
	}
	p.resolveAncestry(result)
	return result
}

func tailCallOptimize(expr *Node) *Node {
	switch expr.Type {
	case "function":
		if expr.Predicate == nil {
			return &Node{Type: "lambda", Thunk: true, Body: expr, Position: expr.Position, Start: expr.Start, End: expr.End}
		}
	case "condition":
		if expr.Then != nil {
			expr.Then = tailCallOptimize(expr.Then)
		}
		if expr.Else != nil {
			expr.Else = tailCallOptimize(expr.Else)
		}
	case "block":
		if n := len(expr.Expressions); n > 0 {
			expr.Expressions[n-1] = tailCallOptimize(expr.Expressions[n-1])
		}
	}
	return expr
}

func (p *parser) seekParent(node *Node, s *slot) *slot {
	switch node.Type {
	case "name", "wildcard":
		s.level--
		if s.level == 0 {
			x := node.extra()
			if x.ancestor == nil {
				x.ancestor = s
			} else {
				p.ancestry[s.index].x.slot.label = x.ancestor.label
				x.ancestor = s
			}
			node.Tuple = true
		}
	case "parent":
		s.level++
	case "block":
		if n := len(node.Expressions); n > 0 {
			node.Tuple = true
			s = p.seekParent(node.Expressions[n-1], s)
		}
	case "path":
		node.Tuple = true
		index := len(node.Steps) - 1
		s = p.seekParent(node.Steps[index], s)
		index--
		for s.level > 0 && index >= 0 {
			s = p.seekParent(node.Steps[index], s)
			index--
		}
	default:
		p.fail(&Error{Code: "S0217", Position: node.Position, Start: node.Start, Token: node.Type})
	}
	return s
}

func (p *parser) pushAncestry(result, value *Node) {
	if value == nil {
		return
	}
	if value.seeking() != nil || value.Type == "parent" {
		slots := value.seeking()
		if value.Type == "parent" {
			slots = append(slots, value.x.slot)
		}
		x := result.extra()
		if x.seekingParent == nil {
			x.seekingParent = slots
		} else {
			x.seekingParent = append(x.seekingParent, slots...)
		}
	}
}

func (p *parser) resolveAncestry(path *Node) {
	index := len(path.Steps) - 1
	laststep := path.Steps[index]
	slots := append([]*slot(nil), laststep.seeking()...)
	if laststep.Type == "parent" {
		slots = append(slots, laststep.x.slot)
	}
	for _, s := range slots {
		index = len(path.Steps) - 2
		for s.level > 0 {
			if index < 0 {
				x := path.extra()
				x.seekingParent = append(x.seekingParent, s)
				break
			}
			step := path.Steps[index]
			index--
			for index >= 0 && step.HasFocus && path.Steps[index].HasFocus {
				step = path.Steps[index]
				index--
			}
			s = p.seekParent(step, s)
		}
	}
}

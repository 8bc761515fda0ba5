package jsonata

import (
	"math"
	"regexp"
	"strings"
	"sync"
)

// Signature is a parsed function signature such as `<s-nn?:s>`.
type Signature struct {
	Definition string
	params     []sigParam
	re         *regexp.Regexp
	cache      sync.Map // supplied type string -> submatches
}

type sigParam struct {
	regex        string
	typ          string
	array        bool
	context      bool
	contextRegex *regexp.Regexp
	subtype      string
}

var arraySignatureMapping = map[string]string{
	"a": "arrays", "b": "booleans", "f": "functions", "n": "numbers", "o": "objects", "s": "strings",
}

// parseSignature parses a signature; errors carry the offending offset in Index.
func parseSignature(sig string) (*Signature, *Error) {
	var params []sigParam
	param := sigParam{}
	prev := -1 // index into params of the previous parameter
	next := func() {
		params = append(params, param)
		prev = len(params) - 1
		param = sigParam{}
	}
	findClosing := func(start int, open, close byte) int {
		depth := 1
		pos := start
		for pos < len(sig) {
			pos++
			if pos >= len(sig) {
				break
			}
			c := sig[pos]
			if c == close {
				depth--
				if depth == 0 {
					break
				}
			} else if c == open {
				depth++
			}
		}
		return pos
	}
	for pos := 1; pos < len(sig); pos++ {
		c := sig[pos]
		if c == ':' {
			break
		}
		switch c {
		case 's', 'n', 'b', 'l', 'o':
			param.regex = "[" + string(c) + "m]"
			param.typ = string(c)
			next()
		case 'a':
			param.regex = "[asnblfom]"
			param.typ = "a"
			param.array = true
			next()
		case 'f':
			param.regex = "f"
			param.typ = "f"
			next()
		case 'j':
			param.regex = "[asnblom]"
			param.typ = "j"
			next()
		case 'x':
			param.regex = "[asnblfom]"
			param.typ = "x"
			next()
		case '-':
			if prev >= 0 {
				pp := &params[prev]
				pp.context = true
				pp.contextRegex = regexp.MustCompile("^" + pp.regex + "$")
				pp.regex += "?"
			}
		case '?', '+':
			if prev >= 0 {
				params[prev].regex += string(c)
			}
		case '(':
			end := findClosing(pos, '(', ')')
			if end > len(sig) {
				end = len(sig)
			}
			choice := sig[pos+1 : min(end, len(sig))]
			if strings.Contains(choice, "<") {
				return nil, &Error{Code: "S0402", Index: pos, Value: choice, Start: -1}
			}
			param.regex = "[" + choice + "m]"
			param.typ = "(" + choice + ")"
			pos = end
			next()
		case '<':
			if prev >= 0 && (params[prev].typ == "a" || params[prev].typ == "f") {
				end := findClosing(pos, '<', '>')
				params[prev].subtype = sig[pos+1 : min(end, len(sig))]
				pos = end
			} else {
				t := ""
				if prev >= 0 {
					t = params[prev].typ
				}
				return nil, &Error{Code: "S0401", Index: pos, Value: t, Start: -1}
			}
		}
	}
	var b strings.Builder
	b.WriteString("^")
	for _, p := range params {
		b.WriteString("(" + p.regex + ")")
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, &Error{Code: "S0401", Index: 0, Value: sig, Start: -1}
	}
	return &Signature{Definition: sig, params: params, re: re}, nil
}

func mustSignature(sig string) *Signature {
	s, err := parseSignature(sig)
	if err != nil {
		panic("bad built-in signature " + sig)
	}
	return s
}

func typeSymbol(v any) byte {
	if isFunction(v) {
		return 'f'
	}
	switch v.(type) {
	case string:
		return 's'
	case float64:
		return 'n'
	case bool:
		return 'b'
	case nil:
		return 'l'
	case []any, *seq:
		return 'a'
	case *Object, map[string]any:
		return 'o'
	}
	return 'm'
}

// validate checks args against the signature, substituting the context value
// for a missing "-" argument and wrapping non-arrays for array parameters.
func (s *Signature) validate(args []any, context any) ([]any, *Error) {
	var sb strings.Builder
	for _, a := range args {
		sb.WriteByte(typeSymbol(a))
	}
	supplied := sb.String()
	var m []string
	if cached, ok := s.cache.Load(supplied); ok {
		m = cached.([]string)
	} else {
		m = s.re.FindStringSubmatch(supplied)
		s.cache.Store(supplied, m)
	}
	if m == nil {
		return nil, s.validationError(args, supplied)
	}
	validated := make([]any, 0, len(s.params))
	argIndex := 0
	for i, param := range s.params {
		match := m[i+1]
		if match == "" {
			if param.context && param.contextRegex != nil {
				ct := typeSymbol(context)
				if param.contextRegex.MatchString(string(ct)) {
					validated = append(validated, context)
				} else {
					return nil, &Error{Code: "T0411", Value: context, Index: argIndex + 1, Position: -1, Start: -1}
				}
			} else {
				if argIndex < len(args) {
					validated = append(validated, args[argIndex])
				} else {
					validated = append(validated, Undefined)
				}
				argIndex++
			}
			continue
		}
		for j := 0; j < len(match); j++ {
			single := match[j]
			if argIndex >= len(args) {
				break
			}
			arg := args[argIndex]
			if param.typ == "a" {
				if single == 'm' {
					arg = Undefined
				} else {
					ok := true
					if param.subtype != "" {
						if single != 'a' && match != param.subtype {
							ok = false
						} else if single == 'a' {
							items, _ := arrayItems(arg)
							if len(items) > 0 {
								itemType := typeSymbol(items[0])
								if itemType != param.subtype[0] {
									ok = false
								} else {
									for _, it := range items {
										if typeSymbol(it) != itemType {
											ok = false
											break
										}
									}
								}
							}
						}
					}
					if !ok {
						return nil, &Error{Code: "T0412", Value: arg, Index: argIndex + 1, Type: arraySignatureMapping[param.subtype], Position: -1, Start: -1}
					}
					if single != 'a' {
						arg = newSeqArray(arg)
					}
				}
			}
			validated = append(validated, arg)
			argIndex++
		}
	}
	return validated, nil
}

// newSeqArray wraps a single value as a one-item plain array.
func newSeqArray(v any) any { return &seq{v: []any{v}} }

func (s *Signature) validationError(args []any, supplied string) *Error {
	partial := "^"
	goodTo := 0
	for _, p := range s.params {
		partial += p.regex
		re, err := regexp.Compile(partial)
		if err != nil {
			break
		}
		loc := re.FindStringIndex(supplied)
		if loc == nil {
			return &Error{Code: "T0410", Value: argAt(args, goodTo), Index: goodTo + 1, Position: -1, Start: -1}
		}
		goodTo = loc[1]
	}
	return &Error{Code: "T0410", Value: argAt(args, goodTo), Index: goodTo + 1, Position: -1, Start: -1}
}

func argAt(args []any, i int) any {
	if i < len(args) {
		return args[i]
	}
	return Undefined
}

// argString returns argument i as a string ("" when missing or not a string).
func argString(args []any, i int) string {
	s, _ := argAt(args, i).(string)
	return s
}

// argNumber returns argument i as a number (NaN when missing).
func argNumber(args []any, i int) float64 {
	if f, ok := argAt(args, i).(float64); ok {
		return f
	}
	return math.NaN()
}

package dataflow

import (
	"fmt"
	"time"
)

// Rule is a compiled Choice rule (JSONPath mode): a data-test expression
// (Variable + one comparison operator) or And/Or/Not over nested rules.
type Rule struct {
	op       string  // the comparison operator, "And", "Or" or "Not"
	children []*Rule // And, Or, Not
	variable *Path
	operand  any   // literal operand
	path     *Path // operand of a ...Path operator
	ts       time.Time
	pattern  *wildcard
	badMatch error // StringMatches pattern error, raised on Eval as AWS does
	// info is operators[op] of a comparison, looked up once at compile time.
	info operatorInfo
	// num is a numeric comparison's literal operand as a float64 (numOK:
	// it is one), converted once.
	num   float64
	numOK bool
}

type operatorKind int

const (
	kindString operatorKind = iota
	kindNumeric
	kindBoolean
	kindTimestamp
	kindIsType
	kindMatches
)

type cmpOp int

const (
	cmpEq cmpOp = iota
	cmpLt
	cmpGt
	cmpLe
	cmpGe
)

type operatorInfo struct {
	kind operatorKind
	cmp  cmpOp
	path bool
}

var operators = map[string]operatorInfo{}

func init() {
	for _, k := range []struct {
		prefix string
		kind   operatorKind
	}{{"String", kindString}, {"Numeric", kindNumeric}, {"Timestamp", kindTimestamp}} {
		for _, c := range []struct {
			suffix string
			cmp    cmpOp
		}{{"Equals", cmpEq}, {"LessThan", cmpLt}, {"GreaterThan", cmpGt}, {"LessThanEquals", cmpLe}, {"GreaterThanEquals", cmpGe}} {
			operators[k.prefix+c.suffix] = operatorInfo{kind: k.kind, cmp: c.cmp}
			operators[k.prefix+c.suffix+"Path"] = operatorInfo{kind: k.kind, cmp: c.cmp, path: true}
		}
	}
	operators["BooleanEquals"] = operatorInfo{kind: kindBoolean}
	operators["BooleanEqualsPath"] = operatorInfo{kind: kindBoolean, path: true}
	operators["StringMatches"] = operatorInfo{kind: kindMatches}
	for _, is := range []string{"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"} {
		operators[is] = operatorInfo{kind: kindIsType}
	}
}

// ruleFields are the keys of a rule that are not operators.
var ruleFields = map[string]bool{"Variable": true, "Next": true, "Comment": true, "Assign": true, "Output": true}

// CompileRule compiles one Choice rule given as decoded JSON. Fields that
// are not part of the condition (Next, Comment, Assign, Output) are ignored.
func CompileRule(v any) (*Rule, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a choice rule must be an object, not %s", TypeName(v))
	}
	for _, b := range []string{"And", "Or"} {
		if sub, ok := m[b]; ok {
			list, ok := sub.([]any)
			if !ok || len(list) == 0 {
				return nil, fmt.Errorf("%s must be a non-empty array of rules", b)
			}
			r := &Rule{op: b}
			for _, e := range list {
				c, err := CompileRule(e)
				if err != nil {
					return nil, err
				}
				r.children = append(r.children, c)
			}
			return r, nil
		}
	}
	if sub, ok := m["Not"]; ok {
		c, err := CompileRule(sub)
		if err != nil {
			return nil, err
		}
		return &Rule{op: "Not", children: []*Rule{c}}, nil
	}
	r := &Rule{}
	for k := range m {
		if ruleFields[k] {
			continue
		}
		if _, known := operators[k]; !known {
			return nil, fmt.Errorf("unknown choice rule field %q", k)
		}
		if r.op != "" {
			return nil, fmt.Errorf("a choice rule has exactly one comparison operator, found %s and %s", r.op, k)
		}
		r.op = k
	}
	if r.op == "" {
		return nil, fmt.Errorf("a choice rule needs a comparison operator or And/Or/Not")
	}
	varText, ok := m["Variable"].(string)
	if !ok {
		return nil, fmt.Errorf("a choice rule with %s needs a string Variable", r.op)
	}
	p, err := CompilePath(varText)
	if err != nil {
		return nil, err
	}
	r.variable = p
	info := operators[r.op]
	r.info = info
	operand := m[r.op]
	if info.path {
		s, ok := operand.(string)
		if !ok {
			return nil, fmt.Errorf("%s takes a path, not %s", r.op, TypeName(operand))
		}
		if r.path, err = CompilePath(s); err != nil {
			return nil, err
		}
		return r, nil
	}
	switch info.kind {
	case kindString:
		if _, ok := operand.(string); !ok {
			return nil, fmt.Errorf("%s takes a string, not %s", r.op, TypeName(operand))
		}
	case kindNumeric:
		if !isNumber(operand) {
			return nil, fmt.Errorf("%s takes a number, not %s", r.op, TypeName(operand))
		}
	case kindBoolean, kindIsType:
		if _, ok := operand.(bool); !ok {
			return nil, fmt.Errorf("%s takes a boolean, not %s", r.op, TypeName(operand))
		}
	case kindTimestamp:
		s, ok := operand.(string)
		if !ok {
			return nil, fmt.Errorf("%s takes a timestamp string, not %s", r.op, TypeName(operand))
		}
		t, ok := ParseTimestamp(s)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not an RFC 3339 timestamp", r.op, s)
		}
		r.ts = t
	case kindMatches:
		s, ok := operand.(string)
		if !ok {
			return nil, fmt.Errorf("%s takes a string, not %s", r.op, TypeName(operand))
		}
		r.pattern, r.badMatch = compileWildcard(s)
	}
	r.operand = operand
	if info.kind == kindNumeric {
		r.num, r.numOK = toFloat(operand)
	}
	return r, nil
}

// Eval evaluates the rule against the state's effective input. A missing
// Variable (except for IsPresent) or operand path is a States.Runtime error.
func (r *Rule) Eval(input any, ctx *Context) (bool, error) {
	if r == nil {
		return false, nil
	}
	switch r.op {
	case "And":
		for _, c := range r.children {
			ok, err := c.Eval(input, ctx)
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	case "Or":
		for _, c := range r.children {
			ok, err := c.Eval(input, ctx)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case "Not":
		ok, err := r.children[0].Eval(input, ctx)
		return !ok && err == nil, err
	}
	val, found := r.variable.Lookup(input, ctx)
	if r.op == "IsPresent" {
		return found == r.operand.(bool), nil
	}
	if !found {
		return false, invalidChoicePath(r.variable)
	}
	info := r.info
	operand := r.operand
	if info.path {
		v, ok := r.path.Lookup(input, ctx)
		if !ok {
			return false, invalidChoicePath(r.path)
		}
		operand = v
	}
	switch info.kind {
	case kindIsType:
		return isType(r.op, val) == r.operand.(bool), nil
	case kindBoolean:
		a, ok1 := val.(bool)
		b, ok2 := operand.(bool)
		return ok1 && ok2 && a == b, nil
	case kindString:
		a, ok1 := val.(string)
		b, ok2 := operand.(string)
		return ok1 && ok2 && compares(info.cmp, compareJavaStrings(a, b)), nil
	case kindNumeric:
		a, ok1 := toFloat(val)
		b, ok2 := r.num, r.numOK
		if info.path {
			b, ok2 = toFloat(operand)
		}
		if !ok1 || !ok2 {
			return false, nil
		}
		c := 0
		if a < b {
			c = -1
		} else if a > b {
			c = 1
		}
		return compares(info.cmp, c), nil
	case kindTimestamp:
		s, ok := val.(string)
		if !ok {
			return false, nil
		}
		a, ok := ParseTimestamp(s)
		if !ok {
			return false, nil
		}
		b := r.ts
		if info.path {
			bs, ok := operand.(string)
			if !ok {
				return false, nil
			}
			if b, ok = ParseTimestamp(bs); !ok {
				return false, nil
			}
		}
		return compares(info.cmp, a.Compare(b)), nil
	case kindMatches:
		if r.badMatch != nil {
			return false, runtimeErr(r.badMatch.Error())
		}
		s, ok := val.(string)
		return ok && r.pattern.match(s), nil
	}
	return false, nil
}

func invalidChoicePath(p *Path) *Error {
	return runtimeErr("Invalid path '" + p.text + "': The choice state's condition path references an invalid value.")
}

func compares(op cmpOp, c int) bool {
	switch op {
	case cmpEq:
		return c == 0
	case cmpLt:
		return c < 0
	case cmpGt:
		return c > 0
	case cmpLe:
		return c <= 0
	}
	return c >= 0
}

func isType(op string, v any) bool {
	switch op {
	case "IsNull":
		return v == nil
	case "IsNumeric":
		return isNumber(v)
	case "IsString":
		_, ok := v.(string)
		return ok
	case "IsBoolean":
		_, ok := v.(bool)
		return ok
	case "IsTimestamp":
		s, ok := v.(string)
		if !ok {
			return false
		}
		_, ok = ParseTimestamp(s)
		return ok
	}
	return false
}

// compareJavaStrings orders strings by UTF-16 code units, as Java's
// String.compareTo does.
func compareJavaStrings(a, b string) int {
	if a == b {
		return 0
	}
	ar, br := []rune(a), []rune(b)
	for i := 0; i < len(ar) && i < len(br); i++ {
		if ar[i] == br[i] {
			continue
		}
		ua, ub := firstUnit(ar[i]), firstUnit(br[i])
		if ua != ub {
			if ua < ub {
				return -1
			}
			return 1
		}
		// Same high surrogate: the low surrogates decide.
		if ar[i] < br[i] {
			return -1
		}
		return 1
	}
	switch {
	case len(ar) < len(br):
		return -1
	case len(ar) > len(br):
		return 1
	}
	return 0
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

package expr

import "strings"

// Expr is a parsed `.$` value: a *Path (Root tells input, Context or
// variable) or a *Call.
type Expr interface {
	ExprSpan() Span
	exprNode()
}

// ParseDollarValue parses the string value of a key ending in ".$"
// (payload templates, JSONPath Assign): a Path on the input ("$.x"), a
// Context path ("$$.Execution.Id"), a variable path ("$name.x") or an
// intrinsic call. For calls it also runs CheckCall. Anything else is an
// error that explains the choices. Expr is nil only when the value cannot
// be classified; after a syntax error it holds the partial parse.
// Callers should skip values for which HasPlaceholder is true.
func ParseDollarValue(s string) (Expr, []Error) {
	trimmed := strings.TrimLeft(s, " \t\n\r")
	lead := len(s) - len(trimmed)
	switch {
	case strings.HasPrefix(trimmed, "$"):
		if lead > 0 {
			return nil, []Error{errAt(0, lead, "remove the whitespace before the path")}
		}
		p, errs := ParsePath(s)
		return p, errs
	case IsIntrinsic(s) || looksLikeCall(trimmed):
		c, errs := ParseIntrinsic(s)
		if c == nil {
			return nil, errs
		}
		if errs == nil {
			errs = CheckCall(c)
		}
		return c, errs
	}
	end := len(s)
	if _, _, ok := JSONataBody(s); ok {
		return nil, []Error{errAt(0, end, "JSONata {%% %%} expressions are not evaluated in JSONPath states: write a path or intrinsic here, or set \"QueryLanguage\": \"JSONata\" and drop the .$ suffix")}
	}
	if s == "" {
		return nil, []Error{errAt(0, 0, "the value of a key ending in .$ must be a path such as $.x or an intrinsic such as States.Format('{}', $.x), not an empty string")}
	}
	return nil, []Error{errAt(0, end, "the value of a key ending in .$ must be a path ($.x, $$.Execution.Id, $variable) or an intrinsic function call (States.Format(...)): remove .$ from the key to use this text literally")}
}

// looksLikeCall: an identifier with dots followed by "(" (e.g. a misspelt
// "states.Format(" or "Format("), so the user gets the function-name error.
func looksLikeCall(s string) bool {
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == 0 || !isNameStart(s[0]) {
		return false
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i < len(s) && s[i] == '('
}

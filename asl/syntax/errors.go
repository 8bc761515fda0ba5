package syntax

import (
	"fmt"
	"slices"

	"github.com/aslkit/aslkit/asl/source"
)

// Stable codes of syntax errors. Editors and docs key on them, so a code is
// never reused for a different problem.
const (
	CodeUnexpected      = "ASL001" // a character or token that cannot stand here
	CodeMissingComma    = "ASL002" // two members or elements with no ',' between them
	CodeMissingColon    = "ASL003" // a property name with no ':' after it
	CodeMissingValue    = "ASL004" // a ':' (or ',') with no value after it
	CodeUnterminatedStr = "ASL005" // a string with no closing quote on its line
	CodeUnclosedObject  = "ASL006" // a '{' with no matching '}'
	CodeUnclosedArray   = "ASL007" // a '[' with no matching ']'
	CodeTrailingComma   = "ASL008" // a ',' right before '}' or ']' (JSON5 only)
	CodeComment         = "ASL009" // a comment in plain JSON, or an unterminated comment
	CodeBadEscape       = "ASL010" // an invalid escape sequence in a string
	CodeBadNumber       = "ASL011" // a number JSON does not accept (01, .5, 0x1F, NaN, ...)
	CodeBadValue        = "ASL012" // a bare word or single-quoted string where a JSON value belongs
	CodeBadKey          = "ASL013" // a property name that is not a double-quoted string
	CodeDuplicateKey    = "ASL014" // the same property name twice in one object
	CodeExtraText       = "ASL015" // text after the end of the document's root value
	CodeEmptyDocument   = "ASL016" // a document with no value at all
	CodeControlChar     = "ASL017" // a raw control character (tab, ...) inside a string
	CodeTooDeep         = "ASL018" // nesting deeper than the parser follows
	CodeYAML            = "ASL019" // a YAML syntax error reported by the YAML parser
)

// Codes lists every syntax error code with a one-line description, in code
// order; docs/diagnostics.md and the tests are generated from it.
var Codes = []struct{ Code, Description string }{
	{CodeUnexpected, "A character or token that cannot stand at this place."},
	{CodeMissingComma, "Two members or array elements with no ',' between them."},
	{CodeMissingColon, "A property name with no ':' after it."},
	{CodeMissingValue, "A ':' with no value after it."},
	{CodeUnterminatedStr, "A string with no closing quote on its line."},
	{CodeUnclosedObject, "A '{' with no matching '}'."},
	{CodeUnclosedArray, "A '[' with no matching ']'."},
	{CodeTrailingComma, "A ',' right before '}' or ']'; JSON (and AWS) reject it, JSON5 allows it."},
	{CodeComment, "A comment in a plain JSON file (AWS rejects them), or a '/*' comment that never ends."},
	{CodeBadEscape, "An escape sequence JSON does not define, such as \\x41 or \\q."},
	{CodeBadNumber, "A number JSON does not accept: leading zeros, '+', '.5', hex, NaN, Infinity."},
	{CodeBadValue, "A bare word or single-quoted string where a JSON value belongs."},
	{CodeBadKey, "A property name that is not a double-quoted string."},
	{CodeDuplicateKey, "The same property name twice in one object."},
	{CodeExtraText, "Text after the end of the document's root value."},
	{CodeEmptyDocument, "A document with no value at all."},
	{CodeControlChar, "A raw control character (such as a tab) inside a string; write it as an escape."},
	{CodeTooDeep, "Objects and arrays nested deeper than the parser follows."},
	{CodeYAML, "A YAML syntax error."},
}

// maxErrors caps the errors of one document: past it (a binary file, a
// 10000-deep bracket run) more of them only slow the editor down.
const maxErrors = 1000

func (p *parser) errorf(start, end int, code, msg string) {
	switch {
	case len(p.errs) < maxErrors:
		p.errs = append(p.errs, Error{Span: source.Span{Start: start, End: end}, Code: code, Message: msg})
	case len(p.errs) == maxErrors:
		p.errs = append(p.errs, Error{Span: source.Span{Start: start, End: end}, Code: code,
			Message: fmt.Sprintf("too many syntax errors; the first %d are shown", maxErrors)})
	}
}

// sortErrors orders errors by position; an unclosed '{' is found only at the
// end, but reads best where it starts.
func sortErrors(errs []Error) {
	slices.SortStableFunc(errs, func(a, b Error) int { return a.Span.Start - b.Span.Start })
}

// Package expr parses and validates the small languages that live inside
// ASL strings: JSONPath paths and reference paths (with the `$$` Context and
// `$name` variable roots), intrinsic function calls (States.Format(...)),
// the values of `.$` keys, JSONata `{% ... %}` framing and `${...}`
// deployment placeholders.
//
// Every function takes the decoded string value and reports spans as byte
// offsets into that string; callers place them in the document with
// (*syntax.Node).SourceOffset. Nothing here does I/O or panics.
//
// Entry points:
//
//	ParsePath(s) / ParseReferencePath(s)  -> *Path (Root, Variable, Segments, JSONPath())
//	ParseIntrinsic(s) + CheckCall(c)      -> *Call; Functions(), LookupFunction(name)
//	ParseDollarValue(s)                   -> *Path or *Call for a "key.$" value
//	JSONataBody(s), CheckJSONataFraming(s)
//	HasPlaceholder(s), IsWholePlaceholder(s)
//	SplitFormatTemplate(t), JavaRound(f), IsVariableName(name)
package expr

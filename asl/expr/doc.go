// Package expr parses and validates the small languages that live inside
// ASL strings: JSONPath paths and reference paths (with the `$$` Context and
// `$name` variable roots), intrinsic function calls (States.Format(...)),
// the values of `.$` keys, JSONata `{% ... %}` framing and `${...}`
// deployment placeholders.
//
// Every function takes the decoded string value and reports spans as byte
// offsets into that string; callers place them in the document with the
// syntax node's offset mapping. Nothing here does I/O or panics.
package expr

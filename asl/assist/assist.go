// Package assist answers editor questions about an ASL document as pure
// functions of (model, offset): completion candidates, hover text,
// signature help for intrinsic and JSONata calls, and quick fixes for the
// diagnostics of asl/check. Results are in asl/source byte spans; the
// language server converts them to protocol positions.
//
// Entry points:
//
//	Complete(def, offset, opts)  -> []Candidate   (a list of small providers, one file each:
//	                                                complete_document, _fields, _parameters, _snippets, _values, _states,
//	                                                _errors, _resources, and for expression strings
//	                                                _paths, _variables, _intrinsics, _jsonata)
//	Hover(def, offset, opts)     -> *HoverInfo
//	Signature(def, offset)       -> *SignatureInfo
//	Fixes(def, diagnostic)       -> []Fix
//
// Every edit is written for the document's surface syntax: JSON edits keep
// the commas right, YAML edits use `Key: value` forms at the indentation of
// their siblings. Nothing here does I/O, logs or starts goroutines, and
// no entry point panics (each recovers; FuzzAssist runs the inner
// functions without the recover).
//
// The cursor analysis (cursor.go) works on half-typed documents: an
// unclosed JSON key, a YAML line holding only indentation or "- ", a
// value after "Key: " with nothing yet.
package assist

import (
	"github.com/aslkit/aslkit/asl/source"
)

// Options tune completion and hover.
type Options struct {
	// Snippets allows LSP snippet syntax ($1, ${1:x}, ${1|a,b|}) in
	// Candidate.Edit.NewText; without it every insert text is plain.
	Snippets bool
	// Input is a sample execution input as plain Go JSON values
	// (map[string]any, []any, string, float64/int64, bool, nil); nil means
	// none. Path completion offers its field names and hover shows the
	// value a path selects.
	Input any
	// HasInput tells a nil Input (JSON null) from no input at all.
	HasInput bool
}

// Kind classifies a candidate (the server maps it to a protocol kind).
type Kind uint8

const (
	KindField    Kind = iota + 1 // a property name
	KindValue                    // an enum or literal value
	KindState                    // a state name
	KindError                    // an error name
	KindResource                 // a Resource ARN
	KindFunction                 // an intrinsic or JSONata function
	KindPath                     // a JSONPath step or context object field
	KindVariable                 // a workflow variable or $states
	KindSnippet                  // a whole-state snippet
)

func (k Kind) String() string {
	switch k {
	case KindField:
		return "field"
	case KindValue:
		return "value"
	case KindState:
		return "state"
	case KindError:
		return "error"
	case KindResource:
		return "resource"
	case KindFunction:
		return "function"
	case KindPath:
		return "path"
	case KindVariable:
		return "variable"
	case KindSnippet:
		return "snippet"
	}
	return "unknown"
}

// Edit replaces Span with NewText.
type Edit struct {
	Span    source.Span
	NewText string
}

// Candidate is one completion item.
type Candidate struct {
	Label  string
	Kind   Kind
	Detail string
	// Doc is markdown.
	Doc string
	// Edit is the main edit; its span covers the text typed so far (the
	// client filters on it) and holds the cursor. Multi-line text is
	// indented absolutely: clients must insert it as is (LSP
	// InsertTextMode asIs), not re-indent it.
	Edit Edit
	// Snippet is true when Edit.NewText uses snippet syntax.
	Snippet bool
	// FilterText is what the client matches the typed text against when it
	// differs from Label (e.g. the quoted key in JSON).
	FilterText string
	// SortText orders candidates (ranked before alphabetical).
	SortText string
	// Extra are edits elsewhere (a comma after the previous member).
	Extra []Edit
	// Deprecated marks deprecated fields.
	Deprecated bool
}

// HoverInfo is hover text for a span.
type HoverInfo struct {
	Markdown string
	Span     source.Span
}

// SignatureInfo describes the call around the cursor.
type SignatureInfo struct {
	// Label is the whole signature, e.g. "States.Format(template: string, values...: any) -> string".
	Label string
	Doc   string
	// Params are the parameter labels as byte ranges of Label.
	Params []ParamInfo
	// Active is the index of the parameter the cursor is in (clamped to
	// the last parameter for variadic functions).
	Active int
}

// ParamInfo is one parameter of a signature.
type ParamInfo struct {
	Start, End int // byte range of Label
	Doc        string
}

// Diagnostic is what a quick fix needs of an asl/check diagnostic.
type Diagnostic struct {
	Code    string
	Span    source.Span
	Message string
}

// Fix is one quick fix: a title and the edits that make it.
type Fix struct {
	Title     string
	Edits     []Edit
	Preferred bool
}

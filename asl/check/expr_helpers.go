package check

import (
	"bytes"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// reportExprErrors places errors found inside string node n (spans are
// offsets into the decoded string) at the exact characters of the document.
// prefix names the field, e.g. `"InputPath": `.
func reportExprErrors(p *Pass, n *syntax.Node, errs []expr.Error, prefix string) {
	text := p.Def.File.Text
	for _, e := range errs {
		span := source.Span{Start: n.SourceOffset(text, e.Span.Start), End: n.SourceOffset(text, e.Span.End)}
		if span.End <= span.Start {
			span = widenEmpty(span, n)
		}
		sev := p.rule.Severity
		if e.Warning {
			sev = Warning
		}
		p.ReportSeverity(sev, span, prefix+e.Message)
	}
}

// widenEmpty turns an empty span (an error "at the end") into one character
// so a caret shows where: the closing quote of the string, or the character
// at the position.
func widenEmpty(span source.Span, n *syntax.Node) source.Span {
	if span.Start < n.Span.End {
		return source.Span{Start: span.Start, End: span.Start + 1}
	}
	return source.Span{Start: max(n.Span.End-1, n.Span.Start), End: n.Span.End}
}

// skipExpr reports whether a string value is a deploy-time placeholder,
// which stands for a valid value. Every placeholder syntax has a '{': most
// strings are ruled out by one fast IndexByte.
func skipExpr(n *syntax.Node) bool {
	if n == nil || n.Kind != syntax.String || n.Tag != "" {
		return true
	}
	return strings.IndexByte(n.Str, '{') >= 0 && (expr.HasPlaceholder(n.Str) || hasPlaceholderSyntax(n.Str))
}

// skipExprIn is skipExpr where plain is substitutionFree: a string is then
// never a placeholder.
func skipExprIn(plain bool, n *syntax.Node) bool {
	if plain {
		return n == nil || n.Kind != syntax.String
	}
	return skipExpr(n)
}

// pathFieldKind says how a JSONPath state field holding a path is parsed.
type pathFieldKind uint8

const (
	notPath         pathFieldKind = iota
	plainPath                     // a Path: several matches allowed (InputPath, OutputPath)
	referencePath                 // a Reference Path: one node; $$ and variables allowed
	pathOrIntrinsic               // a Reference Path or a string-returning intrinsic
)

// statePathField says which kind of path a field of a JSONPath state holds
// (notPath for other fields). A switch: it runs for every member of every
// state.
func statePathField(key string) pathFieldKind {
	// Each name below ends in "Path", which most keys fail at once.
	if len(key) < len("ErrorPath") || key[len(key)-4:] != "Path" {
		return notPath
	}
	switch key {
	case "InputPath", "OutputPath":
		return plainPath
	case "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath",
		"SecondsPath", "TimestampPath", "MaxConcurrencyPath",
		"ToleratedFailureCountPath", "ToleratedFailurePercentagePath":
		return referencePath
	case "ErrorPath", "CausePath":
		return pathOrIntrinsic
	}
	return notPath
}

// hasNestedReferencePaths reports whether s has one of the objects
// nestedReferencePaths look into: most states have neither.
func hasNestedReferencePaths(s *model.State) bool {
	return s.FieldAt(model.FieldItemReader) != nil || s.FieldAt(model.FieldItemBatcher) != nil
}

// nestedReferencePaths are reference-path fields of Map sub-objects.
var nestedReferencePaths = []struct {
	object     model.FieldKey
	sub, field string
}{
	{model.FieldItemReader, "ReaderConfig", "MaxItemsPath"},
	{model.FieldItemBatcher, "", "MaxItemsPerBatchPath"},
	{model.FieldItemBatcher, "", "MaxInputBytesPerBatchPath"},
}

// isPayloadTemplate says whether a JSONPath state field's `.$` keys are
// evaluated. (A switch: it runs for every member of every state.)
func isPayloadTemplate(key string) bool {
	switch key {
	case "Parameters", "ResultSelector", "ItemSelector", "Assign", "Credentials":
		return true
	}
	return false
}

// nestedPayloadTemplate names the template inside a Map sub-object ("" for
// other fields).
func nestedPayloadTemplate(key string) string {
	switch key {
	case "ItemReader", "ResultWriter":
		return "Parameters"
	case "ItemBatcher":
		return "BatchInput"
	}
	return ""
}

// payloadTemplate is one payload template root of a JSONPath state.
type payloadTemplate struct {
	state *model.State
	field string
	node  *syntax.Node
}

// eachPayloadTemplate calls fn with every payload template root of the
// JSONPath states: the state's own, its catchers' Assign and its Choice
// rules' Assign. The roots are found once per Run.
func eachPayloadTemplate(p *Pass, fn func(s *model.State, field string, n *syntax.Node)) {
	for _, t := range memoized(p, memoTemplates, func() []payloadTemplate { return payloadTemplates(p.Def) }) {
		fn(t.state, t.field, t.node)
	}
}

// payloadTemplates lists the template roots in one pass over each state's
// fields.
func payloadTemplates(def *model.Definition) []payloadTemplate {
	out := make([]payloadTemplate, 0, len(def.All)/2)
	for _, s := range def.All {
		if !usesJSONPath(s) || !hasObjectBody(s) {
			continue
		}
		for _, m := range s.Node.Members {
			if m.Value == nil {
				continue
			}
			if isPayloadTemplate(m.Key) {
				out = append(out, payloadTemplate{s, m.Key, m.Value})
			} else if sub := nestedPayloadTemplate(m.Key); sub != "" {
				if v := m.Value.Value(sub); v != nil {
					out = append(out, payloadTemplate{s, m.Key + "." + sub, v})
				}
			}
		}
		for _, c := range s.Catch {
			if v := c.Node.Value("Assign"); v != nil {
				out = append(out, payloadTemplate{s, "Assign", v})
			}
		}
		for _, r := range s.Choices {
			if v := r.Node.Value("Assign"); v != nil {
				out = append(out, payloadTemplate{s, "Assign", v})
			}
		}
	}
	return out
}

// rawLacks reports whether the source text of n certainly holds no needle,
// so that a walk looking for it can be skipped: a byte search of contiguous
// text is much cheaper than visiting the nodes. Only for JSON (a YAML alias
// copies nodes whose text is elsewhere) and only where the text has no
// backslash (an escape could spell the needle).
func rawLacks(p *Pass, n *syntax.Node, needle string) bool {
	f := p.Def.File
	if n == nil || f.Format != syntax.JSON || n.Span.Start < 0 || n.Span.End > len(f.Text) || n.Span.Start > n.Span.End {
		return false
	}
	raw := f.Text[n.Span.Start:n.Span.End]
	if bytes.Contains(raw, []byte(needle)) {
		return false
	}
	// Most documents have no backslash at all: one search of the whole text
	// per Run spares a second pass over each template.
	return noBackslash(p) || bytes.IndexByte(raw, '\\') < 0
}

// noBackslash reports whether the document text has no backslash at all,
// once per Run.
func noBackslash(p *Pass) bool {
	return memoized(p, memoNoBackslash, func() bool { return bytes.IndexByte(p.Def.File.Text, '\\') < 0 })
}

// eachDollarKey walks a payload template and calls fn for every member
// whose key ends in ".$", at any depth (objects inside arrays included).
// plain is substitutionFree.
func eachDollarKey(plain bool, n *syntax.Node, fn func(m *syntax.Member)) {
	if n == nil || isPlaceholderIn(plain, n) {
		return
	}
	switch n.Kind {
	case syntax.Object:
		for _, m := range n.Members {
			if strings.HasSuffix(m.Key, ".$") {
				fn(m)
				continue
			}
			if isContainer(m.Value) {
				eachDollarKey(plain, m.Value, fn)
			}
		}
	case syntax.Array:
		for _, e := range n.Elems {
			if isContainer(e) {
				eachDollarKey(plain, e, fn)
			}
		}
	}
}

// isContainer reports whether n is an object or an array: the only values
// with keys below them.
func isContainer(n *syntax.Node) bool {
	return n != nil && (n.Kind == syntax.Object || n.Kind == syntax.Array)
}

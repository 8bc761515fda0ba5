package assist

import (
	"bytes"
	"strings"

	"github.com/aslkit/aslkit/asl/source"
)

// documentSkeleton offers a whole state machine in an empty document (or
// one holding only "{}"), in JSON or YAML.
func documentSkeleton(text []byte, yaml, snippets bool) []Candidate {
	// bytes.TrimSpace does not copy: documents can be megabytes.
	switch string(bytes.TrimSpace(text)) {
	case "", "{", "{}":
	default:
		return nil
	}
	body := obj{
		{"Comment", ph(1, "What this state machine does")},
		{"StartAt", ph(2, "FirstState")},
		{"States", obj{{ph(2, "FirstState"), obj{{"Type", "Pass"}, {"End", true}}}}},
	}
	var out string
	if yaml {
		var b strings.Builder
		for i, e := range body {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(renderYAMLMember(e.k, e.v, "", "  "))
		}
		out = b.String() + "\n"
	} else {
		out = renderJSON(body, "", "  ") + "\n"
	}
	out = fillPlaceholders(out, yaml, snippets)
	return []Candidate{{
		Label:    "New state machine",
		Kind:     KindSnippet,
		Detail:   "StartAt, States and a first state",
		Edit:     Edit{Span: source.Span{Start: 0, End: len(text)}, NewText: out},
		Snippet:  snippets,
		SortText: "1",
	}}
}

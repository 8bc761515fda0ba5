package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/source"
)

// reporter prints the diagnostics of each checked file in one format.
type reporter interface {
	file(doc *document, diags []check.Diagnostic)
	finish() error
}

// lspRange is a zero-based UTF-16 range, exactly as LSP clients expect.
type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

func toLSPRange(m *source.Mapper, s source.Span) lspRange {
	a, b := m.UTF16Position(s.Start), m.UTF16Position(s.End)
	return lspRange{lspPosition{a.Line, a.Column}, lspPosition{b.Line, b.Column}}
}

// textReporter draws each diagnostic with its source line and carets.
type textReporter struct {
	w                       io.Writer
	files, errors, warnings int
	others                  int
}

func (r *textReporter) file(doc *document, diags []check.Diagnostic) {
	r.files++
	for _, d := range diags {
		p := doc.mapper.UTF16Position(d.Span.Start)
		fmt.Fprintf(r.w, "%s:%d:%d: %s %s: %s\n", doc.path, p.Line+1, p.Column+1, d.Severity, d.Code, d.Message)
		fmt.Fprintln(r.w, indent(source.Snippet(doc.mapper, d.Span)))
		for _, rel := range d.Related {
			rp := doc.mapper.UTF16Position(rel.Span.Start)
			fmt.Fprintf(r.w, "    %s:%d:%d: note: %s\n", doc.path, rp.Line+1, rp.Column+1, rel.Message)
		}
		switch d.Severity {
		case check.Error:
			r.errors++
		case check.Warning:
			r.warnings++
		default:
			r.others++
		}
	}
}

func (r *textReporter) finish() error {
	_, err := fmt.Fprintf(r.w, "%d %s checked: %d %s, %d %s, %d %s\n",
		r.files, plural(r.files, "file", "files"), r.errors, plural(r.errors, "error", "errors"),
		r.warnings, plural(r.warnings, "warning", "warnings"), r.others, plural(r.others, "hint", "hints"))
	return err
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// jsonReporter prints one JSON object per line per diagnostic.
type jsonReporter struct {
	w   io.Writer
	err error
}

type jsonDiagnostic struct {
	File     string   `json:"file"`
	Range    lspRange `json:"range"`
	Severity string   `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
}

func (r *jsonReporter) file(doc *document, diags []check.Diagnostic) {
	enc := json.NewEncoder(r.w)
	enc.SetEscapeHTML(false)
	for _, d := range diags {
		err := enc.Encode(jsonDiagnostic{File: doc.path, Range: toLSPRange(doc.mapper, d.Span), Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
		if err != nil && r.err == nil {
			r.err = err
		}
	}
}

func (r *jsonReporter) finish() error { return r.err }

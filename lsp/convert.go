package lsp

import (
	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/source"
)

// All conversions between protocol positions and byte offsets live here and
// go through the snapshot's Mapper (UTF-16 columns, LSP's default).

func toSourcePos(p protocol.Position) source.Position {
	return source.Position{Line: int(p.Line), Column: int(p.Character)}
}

func fromSourcePos(p source.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Column)}
}

// offset converts an LSP position to a byte offset in the snapshot.
func (s *Snapshot) offset(p protocol.Position) int {
	return s.Mapper.OffsetFromUTF16(toSourcePos(p))
}

// rangeOf converts a span to an LSP range.
func (s *Snapshot) rangeOf(sp source.Span) protocol.Range {
	return protocol.Range{
		Start: fromSourcePos(s.Mapper.UTF16Position(sp.Start)),
		End:   fromSourcePos(s.Mapper.UTF16Position(sp.End)),
	}
}

func (s *Snapshot) location(sp source.Span) protocol.Location {
	return protocol.Location{URI: s.URI, Range: s.rangeOf(sp)}
}

func toSeverity(sev check.Severity) protocol.DiagnosticSeverity {
	switch sev {
	case check.Error:
		return protocol.DiagnosticSeverityError
	case check.Warning:
		return protocol.DiagnosticSeverityWarning
	case check.Information:
		return protocol.DiagnosticSeverityInformation
	case check.Hint:
		return protocol.DiagnosticSeverityHint
	}
	return protocol.DiagnosticSeverityError
}

// protocolDiagnostics converts check results; the result is never nil so
// that an empty list clears the client's diagnostics.
func (s *Snapshot) protocolDiagnostics() []protocol.Diagnostic {
	return s.protocolDiagnosticsOf(s.Diagnostics())
}

func (s *Snapshot) protocolDiagnosticsOf(ds []check.Diagnostic) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(ds))
	for _, d := range ds {
		pd := protocol.Diagnostic{
			Range:    s.rangeOf(d.Span),
			Severity: toSeverity(d.Severity),
			Source:   protocol.NewOptional("asl"),
			Message:  protocol.String(d.Message),
		}
		if d.Code != "" {
			pd.Code = protocol.String(d.Code)
		}
		for _, r := range d.Related {
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: s.location(r.Span),
				Message:  r.Message,
			})
		}
		out = append(out, pd)
	}
	return out
}

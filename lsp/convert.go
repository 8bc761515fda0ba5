package lsp

import (
	"go.lsp.dev/protocol"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/source"
)

// All conversions between protocol positions and byte offsets live here and
// go through the snapshot's Mapper: UTF-16 columns (LSP's default) or UTF-8
// (byte) columns when the client offered them at initialize.

// encoding is the negotiated position encoding.
type encoding uint8

const (
	encodingUTF16 encoding = iota
	encodingUTF8
)

func (e encoding) kind() protocol.PositionEncodingKind {
	if e == encodingUTF8 {
		return protocol.PositionEncodingKindUTF8
	}
	return protocol.PositionEncodingKindUTF16
}

// toOffset converts an LSP position to a byte offset.
func (e encoding) toOffset(m *source.Mapper, p protocol.Position) int {
	if e == encodingUTF8 {
		return m.OffsetFromBytes(toSourcePos(p))
	}
	return m.OffsetFromUTF16(toSourcePos(p))
}

// position converts a byte offset to an LSP position.
func (e encoding) position(m *source.Mapper, offset int) protocol.Position {
	if e == encodingUTF8 {
		return fromSourcePos(m.BytePosition(offset))
	}
	return fromSourcePos(m.UTF16Position(offset))
}

func toSourcePos(p protocol.Position) source.Position {
	return source.Position{Line: int(p.Line), Column: int(p.Character)}
}

func fromSourcePos(p source.Position) protocol.Position {
	return protocol.Position{Line: uint32(p.Line), Character: uint32(p.Column)}
}

// offset converts an LSP position to a byte offset in the snapshot.
func (s *Snapshot) offset(p protocol.Position) int {
	return s.enc.toOffset(s.Mapper, p)
}

// position converts a byte offset to an LSP position.
func (s *Snapshot) position(offset int) protocol.Position {
	return s.enc.position(s.Mapper, offset)
}

// rangeOf converts a span to an LSP range.
func (s *Snapshot) rangeOf(sp source.Span) protocol.Range {
	return protocol.Range{Start: s.position(sp.Start), End: s.position(sp.End)}
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

package lsp

import (
	"context"
	"fmt"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// The text notifications run inline on the read loop (see handler.order),
// so they are applied in the order the client sent them.

func (s *server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	td := params.TextDocument
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := newSnapshot(td.URI, string(td.LanguageID), td.Version, []byte(td.Text), s.enc, s.checkOptions())
	s.docs[td.URI] = snap
	s.scheduleLocked(snap, 0) // a freshly opened file shows its problems at once
	return nil
}

func (s *server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	u := params.TextDocument.URI
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.docs[u]
	if !ok {
		return fmt.Errorf("didChange for %s, which is not open", u)
	}
	if params.TextDocument.Version <= old.Version {
		s.log.Warn("didChange version does not increase", zap.String("uri", string(u)),
			zap.Int32("have", old.Version), zap.Int32("got", params.TextDocument.Version))
	}
	text, edit, single, err := applyChanges(old.Text, old.Mapper, s.enc, params.ContentChanges)
	if err != nil {
		return fmt.Errorf("didChange %s: %w", u, err)
	}
	var snap *Snapshot
	if single {
		snap = editedSnapshot(old, edit, params.TextDocument.Version, text, s.checkOptions())
	} else {
		snap = newSnapshot(u, old.LanguageID, params.TextDocument.Version, text, s.enc, s.checkOptions())
	}
	s.docs[u] = snap
	s.scheduleLocked(snap, s.settings.Debounce)
	s.warm(snap)
	return nil
}

func (s *server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	u := params.TextDocument.URI
	s.mu.Lock()
	_, ok := s.docs[u]
	delete(s.docs, u)
	if t := s.timers[u]; t != nil {
		t.Stop()
		delete(s.timers, u)
	}
	s.mu.Unlock()
	if !ok {
		return nil
	}
	// Clear what we published; publishMu orders this after any publish
	// that already passed its "still latest" check.
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	return s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}})
}

func (s *server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	return nil
}

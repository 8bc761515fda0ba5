package lsp

import (
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// scheduleLocked (re)arms the document's diagnostics timer. When it fires,
// the snapshot's diagnostics are computed off the read loop and published
// if the snapshot is still the document's latest. s.mu must be held.
func (s *server) scheduleLocked(snap *Snapshot, delay time.Duration) {
	if t := s.timers[snap.URI]; t != nil {
		t.Stop()
	}
	s.timers[snap.URI] = time.AfterFunc(delay, func() { s.publish(snap) })
}

// publish sends snap's diagnostics unless a newer snapshot replaced it or
// the document was closed in the meantime.
func (s *server) publish(snap *Snapshot) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("diagnostics panicked", zap.String("uri", string(snap.URI)), zap.Any("panic", v))
		}
	}()
	if !s.isLatest(snap) {
		return
	}
	diags := snap.protocolDiagnostics() // computed outside every lock
	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	if !s.isLatest(snap) {
		return
	}
	err := s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{
		URI:         snap.URI,
		Version:     protocol.NewOptional(snap.Version),
		Diagnostics: diags,
	})
	if err != nil {
		s.log.Debug("publishDiagnostics failed", zap.Error(err))
	}
}

// isLatest reports whether snap is still its document's snapshot: every
// edit and settings change stores a new one, so an older snapshot's work
// is dropped.
func (s *server) isLatest(snap *Snapshot) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[snap.URI] == snap
}

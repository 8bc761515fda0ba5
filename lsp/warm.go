package lsp

import "go.uber.org/zap"

// warm parses and models snap off the read loop as soon as it exists, so
// that what follows a keystroke finds the work done or under way: VS Code
// asks for completion 10 ms after typing (editor.quickSuggestionsDelay),
// and the diagnostics timer fires after the debounce. One document
// analysis runs at a time; a snapshot replaced while it waited is skipped.
func (s *server) warm(snap *Snapshot) {
	go func() {
		s.warming <- struct{}{}
		defer func() { <-s.warming }()
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("analysis panicked", zap.String("uri", string(snap.URI)), zap.Any("panic", v))
			}
		}()
		if s.isLatest(snap) && snap.IsASL() {
			snap.Def()
		}
	}()
}

package lsp

import (
	"sync/atomic"

	"github.com/aslkit/aslkit/asl/syntax"
)

// A keystroke changes one string of a document that was parsed a moment
// ago. The snapshot of the new version keeps a reparseSeed: the latest
// parsed ancestor's File and the one edit that turns its text into this
// one. Its parse then re-reads the edited string and copies the rest of
// the tree (syntax.Reparse) instead of scanning the whole text again.

// reparseSeed is a parsed File and the edit from its text to a later one.
type reparseSeed struct {
	file *syntax.File
	edit syntax.Edit
}

// seedAfter is the seed of a snapshot made from prev by edit, or nil: prev's
// own File when it has been parsed, else prev's seed with edit folded in.
// Snapshots never wait for each other here, and each holds at most one
// older File.
func seedAfter(prev *analysis, edit syntax.Edit) *reparseSeed {
	if f := prev.parsed.Load(); f != nil {
		return &reparseSeed{file: f, edit: edit}
	}
	if s := prev.seed.Load(); s != nil {
		return &reparseSeed{file: s.file, edit: composeEdits(s.edit, edit)}
	}
	return nil
}

// composeEdits is the one edit that does a and then b (b's offsets are in
// the text a made): it spans both.
func composeEdits(a, b syntax.Edit) syntax.Edit {
	aDelta := a.NewLen - (a.End - a.Start)
	bDelta := b.NewLen - (b.End - b.Start)
	start := min(a.Start, b.Start)
	end := max(a.Start+a.NewLen, b.End) // in the text between, at or past a's new bytes
	return syntax.Edit{Start: start, End: end - aDelta, NewLen: end + bDelta - start}
}

// parse parses text, from seed when it can.
func (a *analysis) parse(parse func() *syntax.File, text []byte) *syntax.File {
	var f *syntax.File
	if s := a.seed.Load(); s != nil {
		if r, ok := reparseOrNot(s, text); ok {
			f, a.reparsed = r, true
		}
	}
	if f == nil {
		f = parse()
	}
	a.parsed.Store(f)
	a.seed.Store(nil) // the older File may go now
	return f
}

// reparseOrNot is syntax.Reparse, declining instead of panicking: a
// panic there would stick to the snapshot (sync.OnceValue panics again on
// every call), while the parse from scratch is always right.
func reparseOrNot(s *reparseSeed, text []byte) (f *syntax.File, ok bool) {
	defer func() {
		if recover() != nil {
			f, ok = nil, false
		}
	}()
	return syntax.Reparse(s.file, text, s.edit)
}

// analysisState is what analysis keeps for reparsing.
type analysisState struct {
	// parsed is the File once parsed (for snapshots made after this one).
	parsed atomic.Pointer[syntax.File]
	// seed is what the parse may start from, until it has run.
	seed atomic.Pointer[reparseSeed]
	// reparsed tells, once parsed, that the parse started from the seed.
	reparsed bool
}

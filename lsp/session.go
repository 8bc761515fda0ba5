package lsp

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/checkrun"
	"github.com/aslkit/aslkit/sim"
)

// Snapshot is one immutable version of a document. The parse, model and
// diagnostics are computed lazily, at most once, by whoever needs them
// first.
type Snapshot struct {
	URI        uri.URI
	LanguageID string
	Version    int32
	Text       []byte
	Mapper     *source.Mapper
	// enc is the position encoding of the session (for every conversion).
	enc encoding

	analysis *analysis
	diags    func() []check.Diagnostic
}

// analysis is what depends only on the text (shared by snapshots that
// differ only in settings).
type analysis struct {
	file  func() *syntax.File
	def   func() *model.Definition
	isASL func() bool
	// program is the compiled simulator program, cached per text.
	program func() (*sim.Program, error)
	analysisState
}

func newSnapshot(u uri.URI, languageID string, version int32, text []byte, enc encoding, copts check.Options) *Snapshot {
	return newSnapshotAfter(nil, u, languageID, version, text, enc, copts)
}

// editedSnapshot is the snapshot of prev's document after one edit: its
// line index and parse start from prev's.
func editedSnapshot(prev *Snapshot, edit syntax.Edit, version int32, text []byte, copts check.Options) *Snapshot {
	s := newSnapshotAfter(prev.Mapper.Edited(text, edit.Start, edit.End, edit.NewLen), prev.URI, prev.LanguageID, version, text, prev.enc, copts)
	s.analysis.seed.Store(seedAfter(prev.analysis, edit))
	return s
}

// newSnapshotAfter makes a snapshot with the given line index (nil: build
// one).
func newSnapshotAfter(m *source.Mapper, u uri.URI, languageID string, version int32, text []byte, enc encoding, copts check.Options) *Snapshot {
	if m == nil {
		m = source.NewMapper(text)
	}
	s := &Snapshot{URI: u, LanguageID: languageID, Version: version, Text: text, Mapper: m, enc: enc}
	a := &analysis{}
	a.file = sync.OnceValue(func() *syntax.File {
		return a.parse(func() *syntax.File { return parseFor(string(u), languageID, text) }, text)
	})
	a.def = sync.OnceValue(func() *model.Definition { return model.Build(a.file()) })
	a.isASL = sync.OnceValue(func() bool { return looksLikeASL(string(u), languageID, a.file()) })
	a.program = sync.OnceValues(func() (*sim.Program, error) { return sim.Compile(a.def()) })
	s.analysis = a
	s.setCheckOptions(copts)
	return s
}

// withOptions returns a snapshot of the same text whose diagnostics use
// other check options; the parse and model are shared.
func (s *Snapshot) withOptions(copts check.Options) *Snapshot {
	c := *s
	c.setCheckOptions(copts)
	return &c
}

func (s *Snapshot) setCheckOptions(copts check.Options) {
	a := s.analysis
	s.diags = sync.OnceValue(func() []check.Diagnostic {
		if !a.isASL() {
			return nil
		}
		return checkrun.Run(a.def(), copts)
	})
}

// File is the parsed document.
func (s *Snapshot) File() *syntax.File { return s.analysis.file() }

// Def is the typed model.
func (s *Snapshot) Def() *model.Definition { return s.analysis.def() }

// IsASL reports whether the document is a state machine (and not some
// other JSON or YAML file the client happened to send).
func (s *Snapshot) IsASL() bool { return s.analysis.isASL() }

// Diagnostics are the check results (nil for a document that is not ASL).
func (s *Snapshot) Diagnostics() []check.Diagnostic { return s.diags() }

// parseFor picks the front end from the languageId, falling back to the
// file name and content.
func parseFor(name, languageID string, text []byte) *syntax.File {
	switch languageID {
	case "asl", "json", "jsonc", "json5":
		return syntax.Parse(text)
	case "asl-yaml", "yaml":
		return syntax.ParseYAML(text)
	}
	return syntax.ParseAuto(path.Base(name), text)
}

// aslSuffixes mark a file as ASL by name alone.
var aslSuffixes = []string{".asl.json", ".asl.yaml", ".asl.yml", ".asl"}

func looksLikeASL(name, languageID string, f *syntax.File) bool {
	if languageID == "asl" || languageID == "asl-yaml" {
		return true
	}
	lower := strings.ToLower(name)
	for _, suf := range aslSuffixes {
		if strings.HasSuffix(lower, suf) {
			return true
		}
	}
	return f.Root.Get("States") != nil || f.Root.Get("StartAt") != nil
}

// applyChanges returns text after the content changes, each applied to the
// result of the previous one (LSP semantics) through a Mapper of that
// intermediate text, so ranges are read in the session's encoding.
// m may be the Mapper of text (it is rebuilt otherwise). edit is the byte
// edit when there was exactly one ranged change (the usual keystroke).
func applyChanges(text []byte, m *source.Mapper, enc encoding, changes []protocol.TextDocumentContentChangeEvent) (_ []byte, edit syntax.Edit, single bool, _ error) {
	single = len(changes) == 1
	for i, ch := range changes {
		if i > 0 {
			m = nil // text changed since m was built
		}
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = []byte(c.Text)
			single = false
		case *protocol.TextDocumentContentChangePartial:
			if m == nil {
				m = source.NewMapper(text)
			}
			start := enc.toOffset(m, c.Range.Start)
			end := enc.toOffset(m, c.Range.End)
			if end < start {
				return nil, edit, false, fmt.Errorf("change %d: range end before start", i)
			}
			edit = syntax.Edit{Start: start, End: end, NewLen: len(c.Text)}
			// A fresh buffer, as snapshots keep the old text; bytes.Join
			// does not zero it before filling it, which for 1 MB cost as
			// much as the copy.
			text = bytes.Join([][]byte{text[:start], []byte(c.Text), text[end:]}, nil)
		default:
			return nil, edit, false, fmt.Errorf("change %d: unsupported change %T", i, ch)
		}
	}
	return text, edit, single, nil
}

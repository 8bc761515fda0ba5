package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// document is one definition file read from disk and parsed.
type document struct {
	path   string
	mapper *source.Mapper
	def    *model.Definition
}

// loadDocument reads and parses one file. It fails only when the file cannot
// be read or is plainly not a state machine; syntax errors are diagnostics.
func loadDocument(path string) (*document, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text) {
		return nil, fmt.Errorf("%s: not a text file (ASL definitions are UTF-8 JSON or YAML)", path)
	}
	f := syntax.ParseAuto(path, text)
	if !looksLikeStateMachine(f) {
		return nil, fmt.Errorf("%s: not an ASL state machine (expected a JSON or YAML object with \"StartAt\" and \"States\")", path)
	}
	return &document{path: path, mapper: source.NewMapper(text), def: model.Build(f)}, nil
}

// looksLikeStateMachine accepts anything that is an object with StartAt or
// States, and any document too broken to tell (its syntax errors are the
// useful answer then).
func looksLikeStateMachine(f *syntax.File) bool {
	root := f.Root
	if root.Kind != syntax.Object {
		return len(f.Errors) > 0 && len(strings.TrimSpace(string(f.Text))) > 0
	}
	return root.Get("StartAt") != nil || root.Get("States") != nil
}

// aslExtensions are the names a folder walk picks up without looking inside.
var aslExtensions = []string{".asl.json", ".asl.yaml", ".asl.yml", ".asl.json5"}

// expandPaths turns the command line's files and folders into files to
// check. Inside folders it takes *.asl.{json,yaml,yml,json5} files, and
// plain .json/.yaml/.yml/.json5 files as guesses (see candidate).
func expandPaths(paths []string) ([]candidate, error) {
	var out []candidate
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, candidate{path: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if name := d.Name(); path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if c, ok := folderCandidate(path); ok {
				out = append(out, c)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// candidate is a file to check. A plain .json/.yaml file met in a folder
// is only a guess: it is checked when its top level has both StartAt and
// States, and skipped silently otherwise.
type candidate struct {
	path  string
	guess bool
}

// folderCandidate classifies a file found in a folder by name alone
// (loading it once decides the rest).
func folderCandidate(path string) (c candidate, ok bool) {
	lower := strings.ToLower(path)
	for _, ext := range aslExtensions {
		if strings.HasSuffix(lower, ext) {
			return candidate{path: path}, true
		}
	}
	switch filepath.Ext(lower) {
	case ".json", ".yaml", ".yml", ".json5":
		return candidate{path: path, guess: true}, true
	}
	return candidate{}, false
}

// isGuessedStateMachine reports whether a guessed file really is a
// definition: an object with both StartAt and States.
func isGuessedStateMachine(doc *document) bool {
	root := doc.def.File.Root
	return root.Kind == syntax.Object && root.Get("StartAt") != nil && root.Get("States") != nil
}

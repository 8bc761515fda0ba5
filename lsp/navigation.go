package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Definition, references, highlight and rename all work on state names
// within their scope (refs.go).

// nameAtPosition finds the snapshot and the state name at a position; ok
// is false for a closed document, a non-ASL document or no name there.
func (s *server) nameAtPosition(u uri.URI, p protocol.Position) (*Snapshot, nameAt, bool) {
	snap, ok := s.aslSnapshot(u)
	if !ok {
		return nil, nameAt{}, false
	}
	n, ok := findName(snap.Def(), snap.offset(p))
	return snap, n, ok
}

func (s *server) Definition(ctx context.Context, params *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	snap, n, ok := s.nameAtPosition(params.TextDocument.URI, params.Position)
	if !ok {
		return protocol.LocationSlice{}, nil
	}
	st := n.Scope.Lookup(n.Name)
	if st == nil || st.Member == nil {
		return protocol.LocationSlice{}, nil
	}
	return protocol.LocationSlice{snap.location(st.Member.KeySpan)}, nil
}

func (s *server) References(ctx context.Context, params *protocol.ReferenceParams) ([]protocol.Location, error) {
	snap, n, ok := s.nameAtPosition(params.TextDocument.URI, params.Position)
	if !ok {
		return []protocol.Location{}, nil
	}
	out := []protocol.Location{}
	for _, o := range occurrences(n.Scope, n.Name) {
		if o.Decl && !params.Context.IncludeDeclaration {
			continue
		}
		out = append(out, snap.location(o.Span))
	}
	return out, nil
}

func (s *server) DocumentHighlight(ctx context.Context, params *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	snap, n, ok := s.nameAtPosition(params.TextDocument.URI, params.Position)
	if !ok {
		return []protocol.DocumentHighlight{}, nil
	}
	out := []protocol.DocumentHighlight{}
	for _, o := range occurrences(n.Scope, n.Name) {
		kind := protocol.DocumentHighlightKindRead
		if o.Decl {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: snap.rangeOf(o.Span), Kind: kind})
	}
	return out, nil
}

func (s *server) PrepareRename(ctx context.Context, params *protocol.PrepareRenameParams) (protocol.PrepareRenameResult, error) {
	snap, n, ok := s.nameAtPosition(params.TextDocument.URI, params.Position)
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "only state names can be renamed")
	}
	return &protocol.PrepareRenamePlaceholder{
		Range:       snap.rangeOf(innerSpan(snap.Text, n.Span)),
		Placeholder: n.Name,
	}, nil
}

func (s *server) Rename(ctx context.Context, params *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	snap, n, ok := s.nameAtPosition(params.TextDocument.URI, params.Position)
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "only state names can be renamed")
	}
	if err := validStateName(params.NewName); err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	if params.NewName != n.Name && n.Scope.Lookup(params.NewName) != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("a state named %q already exists in this scope", params.NewName))
	}
	edits := []protocol.TextEdit{}
	for _, o := range occurrences(n.Scope, n.Name) {
		edits = append(edits, renameEdit(snap, o, params.NewName))
	}
	return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{snap.URI: edits}}, nil
}

// validStateName applies AWS's limits: 1 to 80 characters.
func validStateName(name string) error {
	switch n := len([]rune(name)); {
	case n == 0:
		return fmt.Errorf("a state name must not be empty")
	case n > 80:
		return fmt.Errorf("a state name must be at most 80 characters, not %d", n)
	}
	return nil
}

// renameEdit rewrites one occurrence, quoting the new name the way the
// occurrence was written.
func renameEdit(snap *Snapshot, o occurrence, name string) protocol.TextEdit {
	inner := innerSpan(snap.Text, o.Span)
	quoted := inner != o.Span
	var text string
	switch {
	case quoted && snap.Text[o.Span.Start] == '\'':
		text = strings.ReplaceAll(name, "'", "''")
	case quoted:
		text = jsonQuote(name)
		text = text[1 : len(text)-1]
	case snap.File().Format.String() == "yaml" && !plainYAMLSafe(name):
		return protocol.TextEdit{Range: snap.rangeOf(o.Span), NewText: jsonQuote(name)}
	default:
		text = name
	}
	return protocol.TextEdit{Range: snap.rangeOf(inner), NewText: text}
}

func jsonQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// plainYAMLSafe reports whether name can stay an unquoted YAML scalar.
func plainYAMLSafe(name string) bool {
	if name == "" || strings.ContainsAny(name[:1], "-?:,[]{}#&*!|>'\"%@` ") {
		return false
	}
	if strings.Contains(name, ": ") || strings.Contains(name, " #") || strings.HasSuffix(name, ":") || strings.HasSuffix(name, " ") {
		return false
	}
	switch strings.ToLower(name) {
	case "true", "false", "null", "yes", "no", "on", "off", "~":
		return false
	}
	for _, r := range name {
		if r < 0x20 {
			return false
		}
	}
	return true
}

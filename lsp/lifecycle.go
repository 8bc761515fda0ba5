package lsp

import (
	"context"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/aslkit/aslkit/lsp/ext"
)

// Commands the server executes (workspace/executeCommand); see docs/protocol.md.
const (
	CommandSimulate       = ext.CommandSimulate
	CommandSimulateCancel = ext.CommandSimulateCancel
)

func ptr[T any](v T) *T { return &v }

func (s *server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := params.Capabilities
	if w := c.Window; w != nil && w.WorkDoneProgress != nil {
		s.caps.workDoneProgress = *w.WorkDoneProgress
	}
	if td := c.TextDocument; td != nil {
		if ds := td.DocumentSymbol; ds != nil && ds.HierarchicalDocumentSymbolSupport != nil {
			s.caps.hierarchicalSymbols = *ds.HierarchicalDocumentSymbolSupport
		}
		if r := td.Rename; r != nil && r.PrepareSupport != nil {
			s.caps.prepareRename = *r.PrepareSupport
		}
		if c := td.Completion; c != nil && c.CompletionItem != nil && c.CompletionItem.SnippetSupport != nil {
			s.caps.snippets = *c.CompletionItem.SnippetSupport
		}
	}
	if g := c.General; g != nil {
		for _, e := range g.PositionEncodings {
			if e == protocol.PositionEncodingKindUTF8 {
				s.enc = encodingUTF8 // our spans are bytes: no conversion at all
			}
		}
	}
	st, problems := s.settings.merge(params.InitializationOptions)
	s.settings = st
	for _, p := range problems {
		s.log.Warn("initializationOptions", zap.String("problem", p))
	}
	s.state = phaseInitialized
	if params.ProcessID != nil {
		s.watchParent(int(*params.ProcessID))
	}
	s.log.Info("initialize", zap.String("client", params.ClientInfo.Name))

	var rename protocol.RenameProvider = protocol.Boolean(true)
	if s.caps.prepareRename {
		rename = &protocol.RenameOptions{PrepareProvider: ptr(true)}
	}
	res := &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: s.enc.kind(),
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    ptr(protocol.TextDocumentSyncKindIncremental),
			},
			CompletionProvider: &protocol.CompletionOptions{
				// '"' starts a key or a value, '.' and '$' paths, ':' and
				// ' ' a YAML value.
				TriggerCharacters: []string{`"`, ".", "$", ":", " "},
			},
			HoverProvider: protocol.Boolean(true),
			SignatureHelpProvider: &protocol.SignatureHelpOptions{
				TriggerCharacters:   []string{"("},
				RetriggerCharacters: []string{","},
			},
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			},
			DocumentSymbolProvider:     protocol.Boolean(true),
			DefinitionProvider:         protocol.Boolean(true),
			ReferencesProvider:         protocol.Boolean(true),
			DocumentHighlightProvider:  protocol.Boolean(true),
			RenameProvider:             rename,
			FoldingRangeProvider:       protocol.Boolean(true),
			DocumentFormattingProvider: protocol.Boolean(true),
			ExecuteCommandProvider: protocol.ExecuteCommandOptions{
				Commands: []string{CommandSimulate, CommandSimulateCancel},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: s.opts.Name},
	}
	if s.opts.Version != "" {
		res.ServerInfo.Version = protocol.NewOptional(s.opts.Version)
	}
	return res, nil
}

func (s *server) Initialized(ctx context.Context, params *protocol.InitializedParams) error {
	return nil
}

func (s *server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.state = phaseShutdown
	s.shutdown = true
	s.mu.Unlock()
	s.runs.cancelAll()
	return nil
}

// Exit ends the connection. Close waits for in-flight handlers (this one
// included), so it runs on its own goroutine.
func (s *server) Exit(ctx context.Context) error {
	s.mu.Lock()
	if s.state != phaseExited {
		close(s.exited)
	}
	s.state = phaseExited
	s.mu.Unlock()
	go func() { _ = s.conn.Close() }()
	return nil
}

func (s *server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	s.mu.Lock()
	st, problems := s.settings.merge(params.Settings)
	s.settings = st
	// Every open document gets a snapshot with fresh diagnostics.
	for u, snap := range s.docs {
		snap = snap.withOptions(s.checkOptions())
		s.docs[u] = snap
		s.scheduleLocked(snap, s.settings.Debounce)
	}
	s.mu.Unlock()
	for _, p := range problems {
		s.log.Warn("didChangeConfiguration", zap.String("problem", p))
	}
	return nil
}

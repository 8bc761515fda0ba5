package lsp

import (
	"context"
	"encoding/json"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"
)

// harness is an in-process server with a protocol client on the other end
// of a net.Pipe. Tests that use it run inside synctest.Test, so debounce
// timers use fake time: settle() advances it and waits until every
// goroutine of the bubble is idle.
type harness struct {
	t          *testing.T
	ctx        context.Context
	server     protocol.Server // the client-side dispatcher to the server
	conn       jsonrpc2.Conn   // client side
	serverConn jsonrpc2.Conn
	client     *recordingClient
	version    map[uri.URI]int32
}

// recordingClient records what the server sends.
type recordingClient struct {
	protocol.UnimplementedClient
	mu            sync.Mutex
	diagnostics   map[uri.URI][]*protocol.PublishDiagnosticsParams
	notifications []notification
	progress      []*protocol.ProgressParams
	created       []protocol.ProgressToken
}

type notification struct {
	Method string
	Params json.RawMessage
}

func (c *recordingClient) PublishDiagnostics(ctx context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.diagnostics[p.URI] = append(c.diagnostics[p.URI], p)
	return nil
}

func (c *recordingClient) Progress(ctx context.Context, p *protocol.ProgressParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.progress = append(c.progress, p)
	return nil
}

func (c *recordingClient) WorkDoneProgressCreate(ctx context.Context, p *protocol.WorkDoneProgressCreateParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.created = append(c.created, p.Token)
	return nil
}

func (c *recordingClient) LogMessage(ctx context.Context, p *protocol.LogMessageParams) error {
	return nil
}
func (c *recordingClient) ShowMessage(ctx context.Context, p *protocol.ShowMessageParams) error {
	return nil
}

// other records notifications the protocol package does not know (asl/*).
func (c *recordingClient) other(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	if req.IsCall() {
		return jsonrpc2.MethodNotFoundHandler(ctx, req)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.notifications = append(c.notifications, notification{Method: strings.Clone(req.Method()), Params: json.RawMessage(slices.Clone(req.Params()))})
	return nil, nil
}

// newHarness starts a server with opts (initialize is not sent).
func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	ctx := t.Context()
	a, b := net.Pipe()
	logger := zap.NewNop()
	if testing.Verbose() {
		logger = zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))
	}
	serverConn, err := Serve(ctx, jsonrpc2.NewHeaderStream(a), logger, opts)
	if err != nil {
		t.Fatal(err)
	}
	rc := &recordingClient{diagnostics: map[uri.URI][]*protocol.PublishDiagnosticsParams{}}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(b), jsonrpc2.WithCodec(lspCodec{}))
	// Inline (not async) so that notifications are recorded in wire order.
	conn.Go(ctx, protocol.ClientHandler(rc, rc.other))
	h := &harness{t: t, ctx: ctx, server: protocol.ServerDispatcher(conn), conn: conn, serverConn: serverConn, client: rc, version: map[uri.URI]int32{}}
	t.Cleanup(h.close)
	return h
}

// start returns an initialized harness.
func start(t *testing.T, opts Options) *harness {
	h := newHarness(t, opts)
	h.initialize(nil)
	return h
}

func (h *harness) initialize(initOptions any) *protocol.InitializeResult {
	h.t.Helper()
	p := &protocol.InitializeParams{}
	p.Capabilities.TextDocument = &protocol.TextDocumentClientCapabilities{
		DocumentSymbol: &protocol.DocumentSymbolClientCapabilities{HierarchicalDocumentSymbolSupport: ptr(true)},
		Rename:         &protocol.RenameClientCapabilities{PrepareSupport: ptr(true)},
	}
	p.Capabilities.Window = &protocol.WindowClientCapabilities{WorkDoneProgress: ptr(true)}
	if initOptions != nil {
		raw, err := json.Marshal(initOptions)
		if err != nil {
			h.t.Fatal(err)
		}
		p.InitializationOptions = raw
	}
	res, err := h.server.Initialize(h.ctx, p)
	if err != nil {
		h.t.Fatalf("initialize: %v", err)
	}
	if err := h.server.Initialized(h.ctx, &protocol.InitializedParams{}); err != nil {
		h.t.Fatalf("initialized: %v", err)
	}
	return res
}

func (h *harness) close() {
	_ = h.conn.Close()
	<-h.serverConn.Done()
}

// settle lets the debounce timers fire and waits until the server is idle.
func (h *harness) settle() {
	time.Sleep(10 * time.Second) // fake time inside synctest
	synctestWait()
}

func fileURI(name string) uri.URI { return uri.File("/work/" + name) }

func (h *harness) open(name, languageID, text string) uri.URI {
	h.t.Helper()
	u := fileURI(name)
	h.version[u] = 1
	err := h.server.DidOpen(h.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: text,
	}})
	if err != nil {
		h.t.Fatalf("didOpen: %v", err)
	}
	return u
}

// edit replaces an LSP range (UTF-16 columns) with text.
func (h *harness) edit(u uri.URI, r protocol.Range, text string) {
	h.t.Helper()
	h.version[u]++
	err := h.server.DidChange(h.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: h.version[u]},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: r, Text: text}},
	})
	if err != nil {
		h.t.Fatalf("didChange: %v", err)
	}
}

func (h *harness) replaceAll(u uri.URI, text string) {
	h.t.Helper()
	h.version[u]++
	err := h.server.DidChange(h.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: h.version[u]},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangeWholeDocument{Text: text}},
	})
	if err != nil {
		h.t.Fatalf("didChange: %v", err)
	}
}

func (h *harness) closeDoc(u uri.URI) {
	h.t.Helper()
	if err := h.server.DidClose(h.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		h.t.Fatalf("didClose: %v", err)
	}
}

// publishes returns every publishDiagnostics received for u.
func (h *harness) publishes(u uri.URI) []*protocol.PublishDiagnosticsParams {
	h.client.mu.Lock()
	defer h.client.mu.Unlock()
	return slices.Clone(h.client.diagnostics[u])
}

// lastDiagnostics returns the latest published list for u (fails if none).
func (h *harness) lastDiagnostics(u uri.URI) *protocol.PublishDiagnosticsParams {
	h.t.Helper()
	ps := h.publishes(u)
	if len(ps) == 0 {
		h.t.Fatalf("no diagnostics published for %s", u)
	}
	return ps[len(ps)-1]
}

func (h *harness) notificationsOf(method string) []notification {
	h.client.mu.Lock()
	defer h.client.mu.Unlock()
	var out []notification
	for _, n := range h.client.notifications {
		if n.Method == method {
			out = append(out, n)
		}
	}
	return out
}

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }
func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

func tdpp(u uri.URI, p protocol.Position) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: p}
}

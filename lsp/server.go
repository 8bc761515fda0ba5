// Package lsp is the ASL language server. It speaks LSP over a jsonrpc2
// stream (go.lsp.dev v1), keeps an immutable snapshot per document version,
// publishes debounced diagnostics from asl/check, answers navigation
// requests from asl/model and runs the simulator behind asl.simulate.
// Everything position-related goes through asl/source.Mapper.
package lsp

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/aslkit/aslkit/asl/check"
)

// Options configure a server. The zero value works: settings a client sends
// in initializationOptions or workspace/didChangeConfiguration override
// them.
type Options struct {
	// Debounce is how long diagnostics wait after the last edit (default 75ms).
	Debounce time.Duration
	// WorkflowType is Standard or Express (default Standard).
	WorkflowType check.WorkflowType
	// Disabled lists diagnostic codes not to report (e.g. hints).
	Disabled []string
	// Name and Version are reported as serverInfo.
	Name, Version string

	// DebugMethods enables asl/debug/* requests that exist only to test
	// the server from outside (asl/debug/panic panics in its handler, to
	// prove that a panic becomes an error answer and the server lives on).
	// `asl lsp --debug-methods` sets it; never on by default.
	DebugMethods bool

	// testHandlers are extra request handlers by method, used by tests to
	// inject panicking or blocking handlers.
	testHandlers map[string]func(ctx context.Context, params jsonrpc2.RawMessage) (any, error)
}

// DefaultDebounce is the diagnostics delay when Options.Debounce is zero.
const DefaultDebounce = 75 * time.Millisecond

func (o Options) withDefaults() Options {
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.WorkflowType == "" {
		o.WorkflowType = check.Standard
	}
	if o.Name == "" {
		o.Name = "asl"
	}
	return o
}

// Serve starts a language server on stream and returns its connection at
// once; wait on conn.Done() for it to end. The server stops (and cancels
// running simulations) when ctx is cancelled or the connection closes.
func Serve(ctx context.Context, stream jsonrpc2.Stream, logger *zap.Logger, opts Options) (jsonrpc2.Conn, error) {
	_, conn, err := serve(ctx, stream, logger, opts)
	return conn, err
}

func serve(ctx context.Context, stream jsonrpc2.Stream, logger *zap.Logger, opts Options) (*server, jsonrpc2.Conn, error) {
	if stream == nil {
		return nil, nil, errors.New("lsp: nil stream")
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	conn := jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(lspCodec{}))
	s := newServer(ctx, conn, logger, opts.withDefaults())
	conn.Go(s.ctx, s.handler())
	go func() {
		<-conn.Done()
		s.stop()
	}()
	return s, conn, nil
}

// ErrExitWithoutShutdown is returned by RunStdio when the client sent exit
// without a prior shutdown (LSP asks for exit code 1 then).
var ErrExitWithoutShutdown = errors.New("lsp: exit without shutdown")

// RunStdio serves LSP with Content-Length framing over in/out (usually
// os.Stdin and os.Stdout) until the client exits or in ends. It returns
// ErrExitWithoutShutdown when the client sent exit before shutdown, the
// connection's error if it failed, else nil.
func RunStdio(ctx context.Context, in io.Reader, out io.Writer, logger *zap.Logger, opts Options) error {
	rwc := &stdioConn{in: in, out: out}
	s, conn, err := serve(ctx, jsonrpc2.NewHeaderStream(rwc), logger, opts)
	if err != nil {
		return err
	}
	select {
	case <-conn.Done():
	case <-s.exited:
		closeSoon(conn)
	case <-ctx.Done():
		closeSoon(conn)
	}
	if s.exitedWithoutShutdown() {
		return ErrExitWithoutShutdown
	}
	select {
	case <-conn.Done():
		return conn.Err()
	default:
		return nil // exit or cancellation: a clean end
	}
}

// closeSoon closes conn but gives up waiting after a moment: a read
// blocked on a terminal or pipe (os.Stdin) is not interrupted by Close, and
// the process is about to end anyway.
func closeSoon(conn jsonrpc2.Conn) {
	go func() { _ = conn.Close() }()
	t := time.NewTimer(100 * time.Millisecond)
	defer t.Stop()
	select {
	case <-conn.Done():
	case <-t.C:
	}
}

// stdioConn joins a reader and a writer into the ReadWriteCloser a stream
// needs; Close closes whichever of them can be closed.
type stdioConn struct {
	in  io.Reader
	out io.Writer
}

func (c *stdioConn) Read(p []byte) (int, error)  { return c.in.Read(p) }
func (c *stdioConn) Write(p []byte) (int, error) { return c.out.Write(p) }
func (c *stdioConn) Close() error {
	var err error
	if cl, ok := c.in.(io.Closer); ok {
		err = cl.Close()
	}
	if cl, ok := c.out.(io.Closer); ok {
		err = errors.Join(err, cl.Close())
	}
	return err
}

// servers maps live connections to their server (tests look inside).
var servers sync.Map // jsonrpc2.Conn -> *server

func serverOf(conn jsonrpc2.Conn) *server {
	if v, ok := servers.Load(conn); ok {
		return v.(*server)
	}
	return nil
}

// lspCodec marshals payloads with the protocol package's union-aware codec
// (the one protocol.NewServer installs, which is unexported).
type lspCodec struct{}

func (lspCodec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (lspCodec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}

package lsp

import (
	"context"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/aslkit/aslkit/asl/check"
)

type phase uint8

const (
	phaseNew phase = iota
	phaseInitialized
	phaseShutdown
	phaseExited
)

// server implements protocol.Server. Unimplemented methods come from the
// embedded UnimplementedServer and answer "method not found".
type server struct {
	protocol.UnimplementedServer

	ctx    context.Context // lives as long as the connection
	cancel context.CancelFunc
	exited chan struct{} // closed by the exit notification
	conn   jsonrpc2.Conn
	client protocol.Client
	log    *zap.Logger

	// mu guards everything below: one lock for the whole session state,
	// held only for short, non-blocking sections.
	mu       sync.Mutex
	opts     Options
	settings settings
	state    phase
	shutdown bool // shutdown was received (decides the exit code)
	caps     clientCaps
	enc      encoding              // negotiated at initialize
	docs     map[uri.URI]*Snapshot // each open document's latest
	timers   map[uri.URI]*time.Timer
	runs     *runRegistry

	// publishMu makes "is this still the latest snapshot?" and the publish
	// itself one step, so an older result never lands after a newer one.
	publishMu sync.Mutex

	// warming holds a slot while a document is analysed ahead of need.
	warming chan struct{}
}

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	workDoneProgress    bool
	hierarchicalSymbols bool
	prepareRename       bool
	snippets            bool
}

func newServer(ctx context.Context, conn jsonrpc2.Conn, logger *zap.Logger, opts Options) *server {
	ctx, cancel := context.WithCancel(ctx)
	s := &server{
		ctx:      ctx,
		cancel:   cancel,
		exited:   make(chan struct{}),
		conn:     conn,
		client:   protocol.ClientDispatcher(conn),
		log:      logger,
		opts:     opts,
		settings: settingsFromOptions(opts),
		docs:     map[uri.URI]*Snapshot{},
		timers:   map[uri.URI]*time.Timer{},
		runs:     newRunRegistry(),
		warming:  make(chan struct{}, 1),
	}
	servers.Store(conn, s)
	return s
}

// stop ends background work once the connection is gone.
func (s *server) stop() {
	s.cancel()
	s.mu.Lock()
	for u, t := range s.timers {
		t.Stop()
		delete(s.timers, u)
	}
	s.mu.Unlock()
	s.runs.cancelAll()
	servers.Delete(s.conn)
}

func (s *server) phase() phase {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

func (s *server) exitedWithoutShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state == phaseExited && !s.shutdown
}

func (s *server) checkOptions() check.Options {
	return s.settings.checkOptions()
}

// snapshot returns the latest snapshot of an open document.
func (s *server) snapshot(u uri.URI) (*Snapshot, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap, ok := s.docs[u]
	return snap, ok
}

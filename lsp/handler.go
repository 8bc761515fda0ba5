package lsp

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// handler builds the middleware chain for incoming messages, outermost
// first:
//
//	recover    a panic anywhere becomes -32603 (calls) or a log line (notifications)
//	cancel     $/cancelRequest cancels the named call's context (cancel.go)
//	order      notifications run inline, in wire order; calls (but the
//	           lifecycle ones) release the read loop and run concurrently
//	settle     a cancelled call answers -32800; a notification never returns an
//	           error (it would close the connection); debug log of every message
//	lifecycle  not initialized / shut down gates
//	route      asl.* custom methods and test hooks, then protocol.ServerHandler
func (s *server) handler() jsonrpc2.Handler {
	h := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	h = s.route(h)
	h = s.lifecycle(h)
	h = s.settle(h)
	h = s.order(h)
	h = s.cancelHandler(h)
	return s.recoverer(h)
}

func (s *server) recoverer(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (result any, err error) {
		method := req.Method() // read before the handler may detach the request
		isCall := req.IsCall()
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("handler panicked", zap.String("method", method), zap.Any("panic", v), zap.ByteString("stack", debug.Stack()))
				result = nil
				err = nil
				if isCall {
					err = jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error in %s: %v", method, v)
				}
			}
		}()
		return next(ctx, req)
	}
}

// lifecycleMethods run inline even when they are calls, so that everything
// after them sees their effect.
var lifecycleMethods = map[string]bool{
	protocol.MethodInitialize: true,
	protocol.MethodShutdown:   true,
}

func (s *server) order(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.IsCall() && !lifecycleMethods[req.Method()] {
			jsonrpc2.Async(ctx)
		}
		return next(ctx, req)
	}
}

func (s *server) settle(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		method := req.Method()
		start := time.Now()
		result, err := next(ctx, req)
		if ce := s.log.Check(zap.DebugLevel, "handled"); ce != nil {
			ce.Write(zap.String("method", method), zap.Bool("call", req.IsCall()), zap.Duration("took", time.Since(start)), zap.Error(err))
		}
		if !req.IsCall() {
			if err != nil {
				s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
			}
			return nil, nil
		}
		if ctx.Err() != nil {
			return nil, protocol.ErrRequestCancelled
		}
		if err != nil {
			s.log.Debug("request failed", zap.String("method", method), zap.Error(err))
		}
		return result, err
	}
}

// errNotInitialized answers requests that arrive before initialize.
var errNotInitialized = jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "server not initialized")

func (s *server) lifecycle(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		method := req.Method()
		phase := s.phase()
		switch {
		case method == protocol.MethodExit:
			return next(ctx, req)
		case phase == phaseNew && method != protocol.MethodInitialize:
			if req.IsCall() {
				return nil, errNotInitialized
			}
			return nil, nil // notifications before initialize are dropped
		case phase != phaseNew && method == protocol.MethodInitialize:
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize sent twice")
		case phase == phaseShutdown && req.IsCall():
			return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "server is shut down")
		}
		return next(ctx, req)
	}
}

// MethodDebugPanic panics in its handler when Options.DebugMethods is set.
const MethodDebugPanic = "asl/debug/panic"

// route handles our own methods before the standard dispatcher, which
// would hand them to Server.Request with untyped params.
func (s *server) route(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if h, ok := s.opts.testHandlers[req.Method()]; ok {
			return h(ctx, req.Params())
		}
		if s.opts.DebugMethods && req.Method() == MethodDebugPanic {
			panic("asl/debug/panic: deliberate panic requested by the client")
		}
		return next(ctx, req)
	}
}

// Request answers non-standard methods: we have none besides the routed
// ones, so every other method is unknown.
// (settle drops the error for notifications, which LSP says to ignore).
func (s *server) Request(ctx context.Context, method string, params any) (any, error) {
	return nil, fmt.Errorf("%q: %w", method, jsonrpc2.ErrMethodNotFound)
}

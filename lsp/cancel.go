package lsp

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// cancellable handles $/cancelRequest itself instead of using
// protocol.CancelHandler: that one derives the call's context with
// context.WithCancel straight from jsonrpc2's pooled request context, whose
// propagation goroutine may touch the context after it was recycled (a
// panic seen under testing/synctest). Here the call's context is detached
// from the pooled one (values kept, so jsonrpc2.Async still works) and
// cancelled by $/cancelRequest or by the server stopping.
type cancellable struct {
	mu       sync.Mutex
	inFlight map[jsonrpc2.ID]context.CancelFunc
}

func (s *server) cancelHandler(next jsonrpc2.Handler) jsonrpc2.Handler {
	c := &cancellable{inFlight: map[jsonrpc2.ID]context.CancelFunc{}}
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if req.Method() == protocol.MethodCancelRequest {
			if id, ok := cancelID(req.Params()); ok {
				c.mu.Lock()
				cancel := c.inFlight[id]
				c.mu.Unlock()
				if cancel != nil {
					cancel()
				}
			}
			return nil, nil
		}
		if !req.IsCall() {
			return next(ctx, req)
		}
		id := req.ID()
		callCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		stop := context.AfterFunc(s.ctx, cancel)
		c.mu.Lock()
		c.inFlight[id] = cancel
		c.mu.Unlock()
		defer func() {
			c.mu.Lock()
			delete(c.inFlight, id)
			c.mu.Unlock()
			stop()
			cancel()
		}()
		return next(callCtx, req)
	}
}

// cancelID reads the id of $/cancelRequest params (a number or a string).
func cancelID(params []byte) (jsonrpc2.ID, bool) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(params, &p) != nil || len(p.ID) == 0 {
		return jsonrpc2.ID{}, false
	}
	var str string
	if json.Unmarshal(p.ID, &str) == nil {
		return jsonrpc2.NewStringID(str), true
	}
	n, err := strconv.ParseInt(string(p.ID), 10, 64)
	if err != nil {
		return jsonrpc2.ID{}, false
	}
	return jsonrpc2.NewNumberID(n), true
}

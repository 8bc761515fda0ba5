package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// A few raw JSON-RPC tests for the lifecycle, panics and cancellation:
// the client side is a bare stream so that ids and error codes are exactly
// what goes over the wire.

type rawClient struct {
	t      *testing.T
	stream jsonrpc2.Stream
	conn   jsonrpc2.Conn // server side
}

func newRaw(t *testing.T, opts Options) *rawClient {
	a, b := net.Pipe()
	conn, err := Serve(t.Context(), jsonrpc2.NewHeaderStream(a), zap.NewNop(), opts)
	if err != nil {
		t.Fatal(err)
	}
	r := &rawClient{t: t, stream: jsonrpc2.NewHeaderStream(b), conn: conn}
	t.Cleanup(func() {
		_ = r.stream.Close()
		<-conn.Done()
	})
	return r
}

func (r *rawClient) send(msg jsonrpc2.Message) {
	r.t.Helper()
	if _, err := r.stream.Write(context.Background(), msg); err != nil {
		r.t.Fatalf("write: %v", err)
	}
}

func (r *rawClient) call(id int64, method, params string) {
	r.t.Helper()
	var raw jsonrpc2.RawMessage
	if params != "" {
		raw = jsonrpc2.RawMessage(params)
	}
	r.send(jsonrpc2.NewCall(jsonrpc2.NewNumberID(id), method, raw))
}

func (r *rawClient) notify(method, params string) {
	r.t.Helper()
	var raw jsonrpc2.RawMessage
	if params != "" {
		raw = jsonrpc2.RawMessage(params)
	}
	r.send(jsonrpc2.NewNotification(method, raw))
}

// response reads messages until the response to id (notifications from the
// server are skipped).
func (r *rawClient) response(id int64) *jsonrpc2.Response {
	r.t.Helper()
	for {
		msg, _, err := r.stream.Read(context.Background())
		if err != nil {
			r.t.Fatalf("read: %v", err)
		}
		if resp, ok := msg.(*jsonrpc2.Response); ok {
			if n, _ := resp.ID().Number(); n == id {
				return resp
			}
			r.t.Fatalf("response to %v, want %d", resp.ID(), id)
		}
	}
}

func errCode(t *testing.T, resp *jsonrpc2.Response) jsonrpc2.Code {
	t.Helper()
	var e *jsonrpc2.Error
	if !errors.As(resp.Err(), &e) {
		t.Fatalf("want an error response, got result %s err %v", resp.Result(), resp.Err())
	}
	return e.Code
}

const initParams = `{"processId": null, "rootUri": null, "capabilities": {}}`

func TestLifecycle(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		r := newRaw(t, Options{})
		r.call(1, "textDocument/documentSymbol", `{"textDocument": {"uri": "file:///a.asl.json"}}`)
		if c := errCode(t, r.response(1)); c != jsonrpc2.ServerNotInitialized {
			t.Errorf("before initialize: code %d, want %d", c, jsonrpc2.ServerNotInitialized)
		}
		r.call(2, "initialize", initParams)
		resp := r.response(2)
		if resp.Err() != nil {
			t.Fatalf("initialize: %v", resp.Err())
		}
		var res struct {
			Capabilities map[string]json.RawMessage `json:"capabilities"`
			ServerInfo   struct{ Name string }      `json:"serverInfo"`
		}
		if err := json.Unmarshal(resp.Result(), &res); err != nil {
			t.Fatal(err)
		}
		if string(res.Capabilities["textDocumentSync"]) != `{"openClose":true,"change":2}` {
			t.Errorf("textDocumentSync = %s", res.Capabilities["textDocumentSync"])
		}
		if res.ServerInfo.Name != "asl" {
			t.Errorf("serverInfo.name = %q", res.ServerInfo.Name)
		}
		r.notify("initialized", `{}`)
		r.call(3, "initialize", initParams)
		if c := errCode(t, r.response(3)); c != jsonrpc2.InvalidRequest {
			t.Errorf("second initialize: code %d, want %d", c, jsonrpc2.InvalidRequest)
		}
		r.call(4, "textDocument/noSuchThing", `{}`)
		if c := errCode(t, r.response(4)); c != jsonrpc2.MethodNotFound {
			t.Errorf("unknown method: code %d, want %d", c, jsonrpc2.MethodNotFound)
		}
		r.call(5, "asl/noSuchThing", `{}`)
		if c := errCode(t, r.response(5)); c != jsonrpc2.MethodNotFound {
			t.Errorf("unknown asl method: code %d, want %d", c, jsonrpc2.MethodNotFound)
		}
		// An unknown notification and a malformed one must not kill the connection.
		r.notify("$/unknownNote", `{}`)
		r.notify("textDocument/didOpen", `{"textDocument": 42}`)
		r.call(6, "shutdown", "")
		if resp := r.response(6); resp.Err() != nil {
			t.Fatalf("shutdown: %v", resp.Err())
		}
		r.call(7, "textDocument/documentSymbol", `{"textDocument": {"uri": "file:///a.asl.json"}}`)
		if c := errCode(t, r.response(7)); c != jsonrpc2.InvalidRequest {
			t.Errorf("after shutdown: code %d, want %d", c, jsonrpc2.InvalidRequest)
		}
		r.notify("exit", "")
		<-r.conn.Done()
		if s := serverOf(r.conn); s != nil && s.exitedWithoutShutdown() {
			t.Errorf("exit after shutdown reported as without shutdown")
		}
	})
}

func TestPanicIsRecovered(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		opts := Options{testHandlers: map[string]func(context.Context, jsonrpc2.RawMessage) (any, error){
			"test/panic": func(context.Context, jsonrpc2.RawMessage) (any, error) { panic("boom") },
		}}
		r := newRaw(t, opts)
		r.call(1, "initialize", initParams)
		r.response(1)
		r.call(2, "test/panic", `{}`)
		if c := errCode(t, r.response(2)); c != jsonrpc2.InternalError {
			t.Errorf("panicking request: code %d, want %d", c, jsonrpc2.InternalError)
		}
		r.notify("test/panic", `{}`) // a panicking notification is only logged
		r.call(3, "shutdown", "")
		if resp := r.response(3); resp.Err() != nil {
			t.Errorf("server did not keep serving after panics: %v", resp.Err())
		}
	})
}

func TestCancelledRequestAnswersRequestCancelled(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		opts := Options{testHandlers: map[string]func(context.Context, jsonrpc2.RawMessage) (any, error){
			"test/block": func(ctx context.Context, _ jsonrpc2.RawMessage) (any, error) {
				<-ctx.Done()
				return "finished anyway", nil
			},
		}}
		r := newRaw(t, opts)
		r.call(1, "initialize", initParams)
		r.response(1)
		r.call(2, "test/block", `{}`)
		// The blocked call does not hold up other requests.
		r.call(3, "textDocument/documentSymbol", `{"textDocument": {"uri": "file:///nope.asl.json"}}`)
		if resp := r.response(3); resp.Err() != nil {
			t.Errorf("request behind a blocked one: %v", resp.Err())
		}
		r.notify("$/cancelRequest", `{"id": 2}`)
		if c := errCode(t, r.response(2)); c != protocol.CodeRequestCancelled {
			t.Errorf("cancelled: code %d, want %d", c, protocol.CodeRequestCancelled)
		}
	})
}

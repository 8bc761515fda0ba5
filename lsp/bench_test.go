package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/aslkit/aslkit/internal/testkit"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// Benchmarks go through the protocol (net.Pipe, real jsonrpc2 framing) on
// ../shared/corpus/large, in real time (not synctest).

// corpusFile finds ../shared/corpus/large/name relative to the module root.
func corpusFile(tb testing.TB, name string) []byte {
	tb.Helper()
	return testkit.SharedFile(tb, "corpus", "large", name)
}

// benchClient signals every publishDiagnostics on a channel.
type benchClient struct {
	protocol.UnimplementedClient
	published chan *protocol.PublishDiagnosticsParams
}

func (c *benchClient) PublishDiagnostics(ctx context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.published <- p
	return nil
}

type benchSession struct {
	server protocol.Server
	conn   jsonrpc2.Conn
	done   <-chan struct{}
	client *benchClient
}

func newBenchSession(tb testing.TB, opts Options) *benchSession {
	a, b := net.Pipe()
	sconn, err := Serve(context.Background(), jsonrpc2.NewHeaderStream(a), zap.NewNop(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	bc := &benchClient{published: make(chan *protocol.PublishDiagnosticsParams, 16)}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(b), jsonrpc2.WithCodec(lspCodec{}))
	conn.Go(context.Background(), protocol.ClientHandler(bc, jsonrpc2.MethodNotFoundHandler))
	return &benchSession{server: protocol.ServerDispatcher(conn), conn: conn, done: sconn.Done(), client: bc}
}

func (s *benchSession) close() {
	_ = s.conn.Close()
	<-s.done
}

func BenchmarkInitialize(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		s := newBenchSession(b, Options{})
		if _, err := s.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
			b.Fatal(err)
		}
		if err := s.server.Shutdown(ctx); err != nil {
			b.Fatal(err)
		}
		s.close()
	}
}

func BenchmarkDidChangeToDiagnosticsLargeJSON(b *testing.B) {
	benchDidChange(b, "large.asl.json")
}

func BenchmarkDidChangeToDiagnosticsLargeYAML(b *testing.B) {
	benchDidChange(b, "large.asl.yaml")
}

// largeDocs are the corpus files' language ids and where one letter of
// their top-level Comment ("Generated benchmark machine...") sits.
var largeDocs = map[string]struct {
	lang string
	edit protocol.Range
}{
	"large.asl.json": {"asl", rng(1, 14, 1, 15)},
	"large.asl.yaml": {"asl-yaml", rng(0, 10, 0, 11)},
}

// openBench starts a session with opts, opens the corpus file name and
// waits for its first diagnostics (parsed and checked).
func openBench(b *testing.B, name string, opts Options) (*benchSession, uri.URI, *protocol.PublishDiagnosticsParams) {
	text := corpusFile(b, name)
	ctx := context.Background()
	s := newBenchSession(b, opts)
	if _, err := s.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/" + name)
	if err := s.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(largeDocs[name].lang), Version: 1, Text: string(text)}}); err != nil {
		b.Fatal(err)
	}
	return s, u, <-s.client.published
}

// keystroke sends didChange version of u, toggling the letter of name's
// Comment ("g" on even ops i, "G" on odd ones).
func (s *benchSession) keystroke(b *testing.B, name string, u uri.URI, version int32, i int) {
	letter := "g"
	if i%2 == 1 {
		letter = "G"
	}
	err := s.server.DidChange(context.Background(), &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: largeDocs[name].edit, Text: letter}},
	})
	if err != nil {
		b.Fatal(err)
	}
}

// benchDidChange measures one incremental didChange until the
// publishDiagnostics for that version arrives (debounce 1ns).
func benchDidChange(b *testing.B, name string) {
	s, u, first := openBench(b, name, Options{Debounce: 1})
	defer s.close()
	version := int32(1)
	b.SetBytes(int64(len(corpusFile(b, name))))
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		version++
		start := time.Now()
		s.keystroke(b, name, u, version, i)
		for {
			p := <-s.client.published
			if v, _ := p.Version.Get(); v == version {
				break
			}
		}
		took = append(took, time.Since(start))
	}
	testkit.ReportLatencies(b, took)
	b.ReportMetric(float64(len(first.Diagnostics)), "diagnostics")
}

// corpusPosition reads a "line:column" (1-based) from NAME.positions.json.
func corpusPosition(b *testing.B, name, group, key string) protocol.Position {
	var pos map[string]map[string]string
	if err := json.Unmarshal(corpusFile(b, name+".positions.json"), &pos); err != nil {
		b.Fatal(err)
	}
	var line, col uint32
	if _, err := fmt.Sscanf(pos[group][key], "%d:%d", &line, &col); err != nil {
		b.Fatalf("%s %s.%s: %v", name, group, key, err)
	}
	return protocol.Position{Line: line - 1, Character: col - 1}
}

func BenchmarkCompletionLarge(b *testing.B) {
	for _, tc := range []struct{ name, key string }{
		{"large.asl.json", "next_value_mid"},
		{"large.asl.json", "property_key_mid"},
		{"large.asl.yaml", "next_value_mid"},
		{"large.asl.yaml", "property_key_mid"},
	} {
		b.Run(tc.name+"/"+tc.key, func(b *testing.B) {
			s, u, _ := openBench(b, tc.name, Options{Debounce: 1})
			defer s.close()
			p := corpusPosition(b, tc.name, "complete", tc.key)
			items := 0
			for b.Loop() {
				res, err := s.server.Completion(context.Background(), &protocol.CompletionParams{TextDocumentPositionParams: tdpp(u, p)})
				if err != nil {
					b.Fatal(err)
				}
				items = len(res.(*protocol.CompletionList).Items)
			}
			b.ReportMetric(float64(items), "items")
		})
	}
}

func BenchmarkHoverLarge(b *testing.B) {
	for _, tc := range []struct{ name, key string }{
		{"large.asl.json", "type_key_mid"},
		{"large.asl.yaml", "type_key_mid"},
	} {
		b.Run(tc.name+"/"+tc.key, func(b *testing.B) {
			s, u, _ := openBench(b, tc.name, Options{Debounce: 1})
			defer s.close()
			p := corpusPosition(b, tc.name, "hover", tc.key)
			for b.Loop() {
				res, err := s.server.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: tdpp(u, p)})
				if err != nil || res == nil {
					b.Fatalf("hover: %v %v", res, err)
				}
			}
		})
	}
}

// The "completion and hover <= 5 ms p99 after an edit": each op is
// one keystroke (didChange toggling a letter of the top-level Comment)
// followed at once by the request, timed from the didChange to the raw
// answer. The client keeps the answer as raw JSON: decoding it into
// protocol structs is the editor's cost, not the server's. Diagnostics keep
// their default debounce, as in an editor while the user types.

func BenchmarkCompletionAfterEditLarge(b *testing.B) {
	for _, name := range []string{"large.asl.json", "large.asl.yaml"} {
		for _, key := range []string{"next_value_mid", "property_key_mid", "jsonata_var_mid", "next_value_end"} {
			b.Run(name+"/"+key, func(b *testing.B) {
				benchAfterEdit(b, name, "complete", key, "textDocument/completion")
			})
		}
	}
}

func BenchmarkHoverAfterEditLarge(b *testing.B) {
	for _, name := range []string{"large.asl.json", "large.asl.yaml"} {
		for _, key := range []string{"type_key_mid", "state_name_mid", "next_value_end"} {
			b.Run(name+"/"+key, func(b *testing.B) {
				benchAfterEdit(b, name, "hover", key, "textDocument/hover")
			})
		}
	}
}

func benchAfterEdit(b *testing.B, name, group, key, method string) {
	s, u, _ := openBench(b, name, Options{})
	defer s.close()
	ctx := context.Background()
	params := tdpp(u, corpusPosition(b, name, group, key))
	version := int32(1)
	var took []time.Duration
	answerBytes := 0
	for i := 0; b.Loop(); i++ {
		version++
		start := time.Now()
		s.keystroke(b, name, u, version, i)
		var answer jsonrpc2.RawMessage
		if _, err := s.conn.Call(ctx, method, params, &answer); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		if string(answer) == "null" {
			b.Fatalf("%s at %s: no answer", method, key)
		}
		answerBytes = len(answer)
	}
	testkit.ReportLatencies(b, took)
	b.ReportMetric(float64(answerBytes), "answer-bytes")
}

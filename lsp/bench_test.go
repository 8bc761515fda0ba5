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
	// Toggle one letter of the top-level Comment on line 1 ("Generated").
	benchDidChange(b, "large.asl.json", "asl", rng(1, 14, 1, 15), "G", "g")
}

func BenchmarkDidChangeToDiagnosticsLargeYAML(b *testing.B) {
	// Comment: "Generated ..." on line 0.
	benchDidChange(b, "large.asl.yaml", "asl-yaml", rng(0, 10, 0, 11), "G", "g")
}

// benchDidChange measures one incremental didChange until the
// publishDiagnostics for that version arrives (debounce 1ns).
func benchDidChange(b *testing.B, name, languageID string, r protocol.Range, a, z string) {
	text := corpusFile(b, name)
	ctx := context.Background()
	s := newBenchSession(b, Options{Debounce: 1})
	defer s.close()
	if _, err := s.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/" + name)
	if err := s.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: string(text)}}); err != nil {
		b.Fatal(err)
	}
	first := <-s.client.published
	version := int32(1)
	b.SetBytes(int64(len(text)))
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		version++
		start := time.Now()
		repl := a
		if i%2 == 0 {
			repl = z
		}
		err := s.server.DidChange(ctx, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: r, Text: repl}},
		})
		if err != nil {
			b.Fatal(err)
		}
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

func openBench(b *testing.B, name, languageID string) (*benchSession, uri.URI) {
	text := corpusFile(b, name)
	ctx := context.Background()
	s := newBenchSession(b, Options{Debounce: 1})
	if _, err := s.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/" + name)
	if err := s.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: string(text)}}); err != nil {
		b.Fatal(err)
	}
	<-s.client.published // parsed and checked
	return s, u
}

func BenchmarkCompletionLarge(b *testing.B) {
	for _, tc := range []struct{ name, lang, key string }{
		{"large.asl.json", "asl", "next_value_mid"},
		{"large.asl.json", "asl", "property_key_mid"},
		{"large.asl.yaml", "asl-yaml", "next_value_mid"},
		{"large.asl.yaml", "asl-yaml", "property_key_mid"},
	} {
		b.Run(tc.name+"/"+tc.key, func(b *testing.B) {
			s, u := openBench(b, tc.name, tc.lang)
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
	for _, tc := range []struct{ name, lang, key string }{
		{"large.asl.json", "asl", "type_key_mid"},
		{"large.asl.yaml", "asl-yaml", "type_key_mid"},
	} {
		b.Run(tc.name+"/"+tc.key, func(b *testing.B) {
			s, u := openBench(b, tc.name, tc.lang)
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

// largeEdits are where one letter of the top-level Comment ("Generated
// benchmark machine...") sits in each corpus file.
var largeEdits = map[string]struct {
	lang string
	at   protocol.Range
}{
	"large.asl.json": {"asl", rng(1, 14, 1, 15)},
	"large.asl.yaml": {"asl-yaml", rng(0, 10, 0, 11)},
}

func benchAfterEdit(b *testing.B, name, group, key, method string) {
	edit := largeEdits[name]
	text := corpusFile(b, name)
	ctx := context.Background()
	s := newBenchSession(b, Options{})
	defer s.close()
	if _, err := s.server.Initialize(ctx, &protocol.InitializeParams{}); err != nil {
		b.Fatal(err)
	}
	u := uri.File("/bench/" + name)
	if err := s.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(edit.lang), Version: 1, Text: string(text)}}); err != nil {
		b.Fatal(err)
	}
	<-s.client.published
	params := tdpp(u, corpusPosition(b, name, group, key))
	version := int32(1)
	var took []time.Duration
	answerBytes := 0
	for i := 0; b.Loop(); i++ {
		version++
		letter := "g"
		if i%2 == 1 {
			letter = "G"
		}
		start := time.Now()
		err := s.server.DidChange(ctx, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: edit.at, Text: letter}},
		})
		if err != nil {
			b.Fatal(err)
		}
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

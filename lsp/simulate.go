package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/aslkit/aslkit/sim/dataflow"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/lsp/ext"
	"github.com/aslkit/aslkit/sim"
	"github.com/aslkit/aslkit/sim/mock"
	"github.com/aslkit/aslkit/sim/trace"
)

// ExecuteCommand runs our commands. asl.simulate answers with a run id at
// once; the run goes on in its own goroutine (it never holds the session
// lock) and streams asl/simulationEvent notifications, then one
// asl/simulationDone.
func (s *server) ExecuteCommand(ctx context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	switch params.Command {
	case ext.CommandSimulate:
		return s.simulate(params)
	case ext.CommandSimulateCancel:
		var p ext.CancelParams
		if err := oneArgument(params.Arguments, &p); err != nil {
			return nil, err
		}
		return marshalAny(ext.CancelResult{Cancelled: s.runs.cancel(p.RunID)})
	}
	return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "unknown command %q (known: %s, %s)", params.Command, ext.CommandSimulate, ext.CommandSimulateCancel)
}

func marshalAny(v any) (protocol.LSPAny, error) {
	b, err := json.Marshal(v)
	return protocol.LSPAny(b), err
}

func oneArgument(args []protocol.LSPAny, v any) error {
	if len(args) != 1 {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "want one argument, got %d", len(args))
	}
	if err := json.Unmarshal(args[0], v); err != nil {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "bad argument: %v", err)
	}
	return nil
}

// simulateParams accepts the SimulateParams object or a bare URI string.
func simulateParams(args []protocol.LSPAny) (ext.SimulateParams, error) {
	var p ext.SimulateParams
	if len(args) == 1 {
		var u string
		if json.Unmarshal(args[0], &u) == nil {
			p.URI = u
			return p, nil
		}
	}
	if err := oneArgument(args, &p); err != nil {
		return p, err
	}
	if p.URI == "" {
		return p, jsonrpc2.NewError(jsonrpc2.InvalidParams, "asl.simulate needs a uri")
	}
	return p, nil
}

// aslStem strips the ASL extensions: "flow.asl.json" -> "flow".
func aslStem(name string) string {
	base := path.Base(name)
	for _, suf := range []string{".asl.json", ".asl.yaml", ".asl.yml", ".json", ".yaml", ".yml", ".asl"} {
		if strings.HasSuffix(strings.ToLower(base), suf) {
			return base[:len(base)-len(suf)]
		}
	}
	return base
}

// readDocument returns an open document's text or the file's contents.
func (s *server) readDocument(u uri.URI) ([]byte, bool, error) {
	if snap, ok := s.snapshot(u); ok {
		return snap.Text, true, nil
	}
	if !u.IsFile() {
		return nil, false, fmt.Errorf("%s is not open and not a file", u)
	}
	data, err := os.ReadFile(u.FsPath())
	return data, false, err
}

// sibling is the file named name in the directory of u ("" if u is not a file).
func sibling(u uri.URI, name string) uri.URI {
	if !u.IsFile() {
		return ""
	}
	return uri.File(path.Join(path.Dir(u.FsPath()), name))
}

func (s *server) simulate(params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	p, err := simulateParams(params.Arguments)
	if err != nil {
		return nil, err
	}
	u, err := uri.Parse(p.URI)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "bad uri %q: %v", p.URI, err)
	}
	snap, ok := s.snapshot(u)
	if !ok {
		text, _, err := s.readDocument(u)
		if err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "cannot read %s: %v", u, err)
		}
		s.mu.Lock()
		copts, enc := s.checkOptions(), s.enc
		s.mu.Unlock()
		snap = newSnapshot(u, "", 0, text, enc, copts)
	}
	if err := refuseErrors(snap); err != nil {
		return nil, err
	}
	prog, err := snap.analysis.program()
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "cannot simulate %s: %v", path.Base(string(u)), err)
	}
	input, err := s.simulationInput(u, p)
	if err != nil {
		return nil, err
	}
	mocks, err := s.simulationMocks(u, p)
	if err != nil {
		return nil, err
	}
	id, runCtx, err := s.runs.start(s.ctx, p.RunID)
	if err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	s.mu.Lock()
	express := p.Express || s.settings.WorkflowType == check.Express
	s.mu.Unlock()
	opts := sim.Options{Mocks: mocks, Express: express, StateMachineName: aslStem(string(u))}
	var token protocol.ProgressToken
	if params.WorkDoneToken != nil {
		token = params.WorkDoneToken
		// Registered before answering, so a cancel right after works.
		s.runs.setToken(id, progressKey(token))
	}
	go s.runSimulation(runCtx, id, snap, prog, input, opts, token)
	return marshalAny(ext.SimulateResult{RunID: id})
}

// refuseErrors stops a run of a definition with errors, naming them.
func refuseErrors(snap *Snapshot) error {
	var msgs []string
	n := 0
	for _, d := range snap.Diagnostics() {
		if d.Severity != check.Error {
			continue
		}
		n++
		if len(msgs) < 5 {
			p := snap.Mapper.BytePosition(d.Span.Start)
			msgs = append(msgs, fmt.Sprintf("%d:%d: %s", p.Line+1, p.Column+1, d.Message))
		}
	}
	if n == 0 {
		return nil
	}
	more := ""
	if n > len(msgs) {
		more = fmt.Sprintf(" (and %d more)", n-len(msgs))
	}
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "cannot simulate: the definition has %d error(s): %s%s", n, strings.Join(msgs, "; "), more)
}

func (s *server) simulationInput(u uri.URI, p ext.SimulateParams) (any, error) {
	if p.Input != nil {
		return normalizeJSON(p.Input)
	}
	src := uri.URI(p.InputURI)
	var data []byte
	if src == "" {
		var ok bool
		if src, data, ok = s.sampleInput(u); !ok {
			return map[string]any{}, nil // no default input file: {}
		}
	} else {
		var err error
		if data, _, err = s.readDocument(src); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "cannot read input %s: %v", src, err)
		}
	}
	v, err := dataflow.DecodeJSON(data)
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "input %s is not JSON: %v", src, err)
	}
	return v, nil
}

// sampleInput reads <stem>.input.json beside the definition (the open
// document if the client has it open, else the file): the default input of
// asl.simulate and the sample behind path completion and hover.
func (s *server) sampleInput(u uri.URI) (src uri.URI, data []byte, ok bool) {
	src = sibling(u, aslStem(string(u))+".input.json")
	if src == "" {
		return "", nil, false
	}
	data, _, err := s.readDocument(src)
	return src, data, err == nil
}

// normalizeJSON turns a decoded argument into the simulator's JSON values
// (integral numbers as int64).
func normalizeJSON(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return dataflow.DecodeJSON(b)
}

func (s *server) simulationMocks(u uri.URI, p ext.SimulateParams) (*mock.Set, error) {
	src := uri.URI(p.MockConfigURI)
	explicit := src != ""
	if !explicit {
		src = sibling(u, aslStem(string(u))+".mocks.json")
		if src == "" {
			return nil, nil
		}
	}
	data, _, err := s.readDocument(src)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "cannot read mocks %s: %v", src, err)
	}
	// A MockConfigFile names machines; try the definition's stem, then
	// let a file with a single machine answer.
	set, err := mock.Load(data, aslStem(string(u)), p.TestCase)
	if err != nil {
		set2, err2 := mock.Load(data, "", p.TestCase)
		if err2 != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "mocks %s: %v", src, err)
		}
		set = set2
	}
	return set, nil
}

// runSimulation runs on its own goroutine and reports through
// notifications; it never takes the session lock while the simulator runs.
func (s *server) runSimulation(ctx context.Context, id string, snap *Snapshot, prog *sim.Program, input any, opts sim.Options, token protocol.ProgressToken) {
	defer s.runs.finish(id)
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("simulation panicked", zap.String("run", id), zap.Any("panic", v))
			cause := fmt.Sprint("internal error: ", v)
			s.notify(ctx, ext.NotificationSimulationDone, ext.SimulationDone{RunID: id, Status: string(sim.StatusAborted), Error: ptr("States.Runtime"), Cause: &cause})
		}
	}()
	progress := s.beginProgress(ctx, id, token, "Simulating "+path.Base(string(snap.URI)))
	seq := 0
	opts.Observer = trace.ObserverFunc(func(e *trace.Event) {
		seq++
		ev := ext.Event(trace.AWSJSON(e))
		ev[ext.EventText] = trace.TextLine(e)
		if e.HasSpan {
			ev[ext.EventURI] = string(snap.URI)
			ev[ext.EventRange] = extRange(snap, e.Span.Start, e.Span.End)
		}
		s.notify(ctx, ext.NotificationSimulationEvent, ext.SimulationEvent{RunID: id, Seq: seq, Event: ev})
		if seq%100 == 0 {
			progress.report(fmt.Sprintf("%d events", seq))
		}
	})
	res := prog.Run(ctx, input, opts)
	done := ext.SimulationDone{
		RunID:          id,
		Status:         string(res.Status),
		Output:         res.Output,
		Error:          res.Error,
		Cause:          res.Cause,
		Transitions:    res.Transitions,
		Events:         res.Events,
		VirtualSeconds: res.VirtualDuration.Seconds(),
		Cost:           ext.Cost{StandardUSD: res.Cost.Standard, ExpressUSD: res.Cost.Express},
	}
	s.notify(ctx, ext.NotificationSimulationDone, done)
	progress.end(string(res.Status))
}

func extRange(snap *Snapshot, start, end int) ext.Range {
	r := snap.rangeOf(source.Span{Start: start, End: end})
	return ext.Range{
		Start: ext.Position{Line: int(r.Start.Line), Character: int(r.Start.Character)},
		End:   ext.Position{Line: int(r.End.Line), Character: int(r.End.Character)},
	}
}

// notify sends a custom notification encoded with encoding/json (sorted
// keys, our JSON tags). A cancelled run still gets its notifications out:
// they go over the server's context.
func (s *server) notify(ctx context.Context, method string, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("encoding notification", zap.String("method", method), zap.Error(err))
		return
	}
	if err := s.conn.Notify(s.ctx, method, jsonrpc2.RawMessage(bytes.TrimSuffix(b.Bytes(), []byte("\n")))); err != nil {
		s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
	}
}

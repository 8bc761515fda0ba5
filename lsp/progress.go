package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// workDone reports $/progress for one long operation; the zero value (no
// token) does nothing, so callers need not check whether the client
// supports progress.
type workDone struct {
	s     *server
	token protocol.ProgressToken
}

// beginProgress uses the client's token when it sent one, else creates one
// (window/workDoneProgress/create) if the client supports that. The run
// can then be cancelled from the client's progress UI.
func (s *server) beginProgress(ctx context.Context, runID string, token protocol.ProgressToken, title string) workDone {
	s.mu.Lock()
	supported := s.caps.workDoneProgress
	s.mu.Unlock()
	if token == nil {
		if !supported {
			return workDone{}
		}
		token = protocol.String("asl-simulate-" + runID)
		s.runs.setToken(runID, progressKey(token))
		if err := s.client.WorkDoneProgressCreate(ctx, &protocol.WorkDoneProgressCreateParams{Token: token}); err != nil {
			s.log.Debug("workDoneProgress/create failed", zap.Error(err))
			return workDone{}
		}
	}
	w := workDone{s: s, token: token}
	w.send(protocol.WorkDoneProgressBegin{Kind: "begin", Title: title, Cancellable: ptr(true)})
	return w
}

func progressKey(t protocol.ProgressToken) string {
	b, _ := json.Marshal(t)
	return string(b)
}

func (w workDone) send(v any) {
	if w.s == nil {
		return
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return
	}
	if err := w.s.client.Progress(w.s.ctx, &protocol.ProgressParams{Token: w.token, Value: raw}); err != nil {
		w.s.log.Debug("$/progress failed", zap.Error(err))
	}
}

func (w workDone) report(msg string) {
	w.send(protocol.WorkDoneProgressReport{Kind: "report", Message: ptr(msg)})
}

func (w workDone) end(msg string) {
	w.send(protocol.WorkDoneProgressEnd{Kind: "end", Message: ptr(msg)})
}

// WorkDoneProgressCancel cancels the run behind a progress token.
func (s *server) WorkDoneProgressCancel(ctx context.Context, params *protocol.WorkDoneProgressCancelParams) error {
	s.runs.cancelToken(progressKey(params.Token))
	return nil
}

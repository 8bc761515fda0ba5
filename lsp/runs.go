package lsp

import (
	"context"
	"fmt"
	"strconv"
	"sync"
)

// runRegistry tracks running simulations so they can be cancelled by id
// (asl.simulate.cancel), by progress token (window/workDoneProgress/cancel)
// or all at once (shutdown, connection end).
type runRegistry struct {
	mu     sync.Mutex
	next   int
	runs   map[string]context.CancelFunc
	tokens map[string]string // progress token (JSON) -> run id
}

func newRunRegistry() *runRegistry {
	return &runRegistry{runs: map[string]context.CancelFunc{}, tokens: map[string]string{}}
}

// start registers a new run (with the client's id when it chose one) and
// returns its id and context.
func (r *runRegistry) start(parent context.Context, want string) (string, context.Context, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := want
	if id == "" {
		r.next++
		id = "run-" + strconv.Itoa(r.next)
	}
	if _, dup := r.runs[id]; dup {
		return "", nil, fmt.Errorf("run %q is already running", id)
	}
	ctx, cancel := context.WithCancel(parent)
	r.runs[id] = cancel
	return id, ctx, nil
}

// finish forgets a run (its context is cancelled to release resources).
func (r *runRegistry) finish(id string) {
	r.mu.Lock()
	cancel := r.runs[id]
	delete(r.runs, id)
	for t, rid := range r.tokens {
		if rid == id {
			delete(r.tokens, t)
		}
	}
	r.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (r *runRegistry) setToken(id, token string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.tokens[token] = id
}

// cancel stops one run; it reports whether the run was still going.
func (r *runRegistry) cancel(id string) bool {
	r.mu.Lock()
	cancel, ok := r.runs[id]
	r.mu.Unlock()
	if ok {
		cancel()
	}
	return ok
}

func (r *runRegistry) cancelToken(token string) {
	r.mu.Lock()
	id, ok := r.tokens[token]
	r.mu.Unlock()
	if ok {
		r.cancel(id)
	}
}

func (r *runRegistry) cancelAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.runs {
		c()
	}
}

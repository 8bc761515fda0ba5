package lsp

import (
	"context"
	"strconv"
	"sync"
)

// runRegistry tracks running simulations so they can be cancelled by id
// (asl.simulate.cancel) or all at once (shutdown, connection end).
type runRegistry struct {
	mu   sync.Mutex
	next int
	runs map[string]context.CancelFunc
}

func newRunRegistry() *runRegistry { return &runRegistry{runs: map[string]context.CancelFunc{}} }

// start registers a new run and returns its id and context.
func (r *runRegistry) start(parent context.Context) (string, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.next++
	id := "run-" + strconv.Itoa(r.next)
	r.runs[id] = cancel
	return id, ctx
}

// finish forgets a run (its context is cancelled to release resources).
func (r *runRegistry) finish(id string) {
	r.mu.Lock()
	cancel := r.runs[id]
	delete(r.runs, id)
	r.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// cancel stops one run; it reports whether the run was known.
func (r *runRegistry) cancel(id string) bool {
	r.mu.Lock()
	cancel, ok := r.runs[id]
	r.mu.Unlock()
	if ok {
		cancel()
	}
	return ok
}

func (r *runRegistry) cancelAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.runs {
		c()
	}
}

package check

import (
	"sync"

	"github.com/aslkit/aslkit/asl/model"
)

// defMemo remembers one value computed from the most recent definition, so
// that two rules of one check.Run needing the same analysis (a graph
// traversal, a walk of the payload templates) compute it once. Definitions
// are immutable once built; the mutex only keeps concurrent Runs apart (a
// miss just recomputes).
type defMemo[T any] struct {
	mu  sync.Mutex
	def *model.Definition
	val T
}

func (m *defMemo[T]) get(def *model.Definition, compute func(*model.Definition) T) T {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.def != def {
		m.def, m.val = def, compute(def)
	}
	return m.val
}

// scopeGraph holds the graph facts of one scope with a resolved StartAt.
type scopeGraph struct {
	reach map[*model.State]bool // reachable from StartAt
	ok    map[*model.State]bool // some path leads to an end (see canFinish)
}

var graphMemo defMemo[map[*model.StateMachine]*scopeGraph]

// graphOf returns the graph facts of scope m, or nil when its StartAt does
// not resolve (start-at-unknown reports that).
func graphOf(def *model.Definition, m *model.StateMachine) *scopeGraph {
	return graphMemo.get(def, func(def *model.Definition) map[*model.StateMachine]*scopeGraph {
		out := map[*model.StateMachine]*scopeGraph{}
		for _, sc := range def.Machine.Scopes() {
			if sc.StartAt != nil && sc.StartAt.Target != nil {
				out[sc] = &scopeGraph{reach: sc.Reachable(), ok: canFinish(sc)}
			}
		}
		return out
	})[m]
}

package lsp

import (
	"runtime"
	"testing"
	"testing/synctest"
)

// runBubble runs f in a synctest bubble. jsonrpc2 pools objects holding
// channels (sync.Pool); a channel made in one bubble must never be used in
// another, so the pools are emptied first (two GCs clear a sync.Pool's
// primary and victim caches). Tests using it must not run in parallel.
func runBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	runtime.GC()
	runtime.GC()
	synctest.Test(t, f)
	runtime.GC()
	runtime.GC()
}

func synctestWait() { synctest.Wait() }

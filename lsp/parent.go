package lsp

import (
	"os"
	"runtime"
	"syscall"
	"time"

	"go.uber.org/zap"
)

// parentCheckInterval is how often the server looks for its parent.
const parentCheckInterval = 5 * time.Second

// watchParent ends the connection when the client process that started
// the server (initialize's processId) is gone, as LSP asks: an editor that
// crashed leaves no server behind.
func (s *server) watchParent(pid int) {
	if pid <= 0 || runtime.GOOS == "windows" {
		return
	}
	go func() {
		t := time.NewTicker(parentCheckInterval)
		defer t.Stop()
		for {
			select {
			case <-s.ctx.Done():
				return
			case <-t.C:
				if !processAlive(pid) {
					s.log.Warn("the client process is gone; exiting", zap.Int("pid", pid))
					s.mu.Lock()
					if s.state != phaseExited {
						s.state = phaseExited
						close(s.exited)
					}
					s.mu.Unlock()
					go func() { _ = s.conn.Close() }()
					return
				}
			}
		}
	}()
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || err == syscall.EPERM
}

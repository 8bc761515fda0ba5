package syntax

import (
	"testing"
	"unsafe"
)

// A big document has tens of thousands of nodes; keep the one-byte fields
// packed together so that a Node stays at 15 words on 64-bit machines.
func TestNodeSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are pinned for 64-bit machines")
	}
	if got, want := unsafe.Sizeof(Node{}), uintptr(120); got > want {
		t.Errorf("unsafe.Sizeof(Node{}) = %d, want <= %d: keep Kind, Bool, Unclosed and style next to each other", got, want)
	}
}

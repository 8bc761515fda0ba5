package model

import (
	"testing"
	"unsafe"
)

// Build makes a State per state on every keystroke: keep the field index
// and End packed into three words, so that a State stays at 30 words on
// 64-bit machines.
func TestStateSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are pinned for 64-bit machines")
	}
	if got, want := unsafe.Sizeof(State{}), uintptr(240); got > want {
		t.Errorf("unsafe.Sizeof(State{}) = %d, want <= %d: keep the field index next to End", got, want)
	}
}

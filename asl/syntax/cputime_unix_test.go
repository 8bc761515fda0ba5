//go:build unix

package syntax

import "syscall"

// processCPU is the CPU time (user + system) the process has used so far,
// in nanoseconds. Benchmarks report it per op because wall-clock ns/op is
// meaningless on a shared, loaded machine.
func processCPU() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

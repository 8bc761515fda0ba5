package model

import "unsafe"

// slab hands out short slices cut from shared chunks, for the many small
// groups of a model (a scope's states, a state's catchers, one reference).
// Chunks double from a few elements, so that a small definition wastes
// little, up to about 8 KB. Each slice's capacity is its length: an append
// to it copies instead of running into its neighbour.
type slab[T any] struct {
	chunk []T
	// used counts the chunk's elements handed out: taking moves an integer,
	// not a slice's pointer (a write barrier while the GC runs).
	used int
	size int // of the next chunk
}

const (
	firstChunkLen = 8
	maxChunkBytes = 8 << 10
)

// take returns n zeroed elements (n > 0).
func (s *slab[T]) take(n int) []T {
	end := s.used + n
	if end > len(s.chunk) {
		return s.takeNew(n)
	}
	w := s.chunk[s.used:end:end]
	s.used = end
	return w
}

// takeNew serves take from a new chunk or, for a group too big to share
// one, from an allocation of its own.
func (s *slab[T]) takeNew(n int) []T {
	var zero T
	limit := max(1, maxChunkBytes/int(unsafe.Sizeof(zero)))
	size := max(s.size, min(firstChunkLen, limit))
	s.size = min(2*size, limit)
	if 2*n > size {
		return make([]T, n)
	}
	s.chunk, s.used = make([]T, size), n
	return s.chunk[:n:n]
}

// one is take(1)[0], for the slabs of single values.
func (s *slab[T]) one() *T {
	if s.used == len(s.chunk) {
		return &s.takeNew(1)[0]
	}
	s.used++
	return &s.chunk[s.used-1]
}

// Package source holds the two things every layer agrees on: byte-offset
// spans and the one Mapper that turns them into line/column positions.
package source

import "fmt"

// Span is a half-open byte range [Start, End) into a document's text.
type Span struct {
	Start, End int
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside the span; the end offset counts
// as inside so that a cursor just after a token still finds it.
func (s Span) Contains(offset int) bool { return s.Start <= offset && offset <= s.End }

// IsZero reports whether the span is the zero value (no position known).
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

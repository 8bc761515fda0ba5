package expr

import (
	"fmt"

	"github.com/aslkit/aslkit/asl/source"
)

// Span is a half-open byte range [Start, End) into the parsed string.
type Span = source.Span

// Error is one problem found in an expression string. Message says what is
// wrong and what to write instead. Warning marks findings that AWS accepts
// but that are almost certainly mistakes; the zero value is an error.
type Error struct {
	Span    Span
	Message string
	Warning bool
}

func (e Error) Error() string { return fmt.Sprintf("%v: %s", e.Span, e.Message) }

func errAt(start, end int, format string, args ...any) Error {
	if end < start {
		end = start
	}
	return Error{Span: Span{Start: start, End: end}, Message: fmt.Sprintf(format, args...)}
}

func warnAt(start, end int, format string, args ...any) Error {
	e := errAt(start, end, format, args...)
	e.Warning = true
	return e
}

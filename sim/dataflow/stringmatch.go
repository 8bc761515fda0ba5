package dataflow

import (
	"fmt"
	"strings"
)

// wildcard is a StringMatches pattern: literal runs separated by '*'.
type wildcard struct {
	parts []string // len(parts) = number of '*' + 1
}

// compileWildcard reads a pattern where * matches any run of characters,
// \* is a literal star and \\ a literal backslash.
func compileWildcard(p string) (*wildcard, error) {
	w := &wildcard{}
	var cur strings.Builder
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '\\':
			if i+1 < len(p) && (p[i+1] == '*' || p[i+1] == '\\') {
				cur.WriteByte(p[i+1])
				i++
				continue
			}
			return nil, fmt.Errorf("The StringMatches pattern %q has an escape character '\\' that is not followed by '*' or '\\'", p)
		case '*':
			w.parts = append(w.parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	w.parts = append(w.parts, cur.String())
	return w, nil
}

func (w *wildcard) match(s string) bool {
	if len(w.parts) == 1 {
		return s == w.parts[0]
	}
	first, last := w.parts[0], w.parts[len(w.parts)-1]
	if !strings.HasPrefix(s, first) {
		return false
	}
	s = s[len(first):]
	for _, mid := range w.parts[1 : len(w.parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return strings.HasSuffix(s, last)
}

package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// doc is the text and format every edit is written for.
type doc struct {
	text []byte
	yaml bool
}

func newDoc(f *syntax.File) doc { return doc{text: f.Text, yaml: f.Format == syntax.YAML} }

// lineStart is the offset of the start of the line holding off.
func (d doc) lineStart(off int) int {
	off = min(max(off, 0), len(d.text))
	for off > 0 && d.text[off-1] != '\n' {
		off--
	}
	return off
}

// lineEnd is the offset of the '\n' ending the line holding off (or len).
func (d doc) lineEnd(off int) int {
	off = min(max(off, 0), len(d.text))
	for off < len(d.text) && d.text[off] != '\n' {
		off++
	}
	return off
}

// column is off's byte column.
func (d doc) column(off int) int { return off - d.lineStart(off) }

// indentOf is the whitespace that starts the line holding off.
func (d doc) indentOf(off int) string {
	ls := d.lineStart(off)
	i := ls
	for i < len(d.text) && (d.text[i] == ' ' || d.text[i] == '\t') {
		i++
	}
	return string(d.text[ls:i])
}

// firstOnLine reports whether only whitespace precedes off on its line.
func (d doc) firstOnLine(off int) bool {
	for i := d.lineStart(off); i < off; i++ {
		if d.text[i] != ' ' && d.text[i] != '\t' {
			return false
		}
	}
	return true
}

// unit guesses the document's indentation step (two spaces when unknown).
func (d doc) unit() string {
	prev := -1
	for _, line := range strings.Split(string(d.text[:min(len(d.text), 4096)]), "\n") {
		n := len(line) - len(strings.TrimLeft(line, " \t"))
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") {
			return "\t"
		}
		if prev >= 0 && n > prev {
			return strings.Repeat(" ", n-prev)
		}
		prev = n
	}
	return "  "
}

// memberIndent is the indentation the members of o use (or would use).
func (d doc) memberIndent(o *syntax.Node) string {
	for _, m := range o.Members {
		if d.firstOnLine(m.KeySpan.Start) {
			return d.indentOf(m.KeySpan.Start)
		}
	}
	if d.yaml && len(o.Members) > 0 {
		return strings.Repeat(" ", d.column(o.Members[0].KeySpan.Start))
	}
	return d.indentOf(o.Span.Start) + d.unit()
}

// isFlow reports whether o is written with braces (JSON, or YAML flow).
func (d doc) isFlow(o *syntax.Node) bool {
	return !d.yaml || (o.Span.Start < len(d.text) && d.text[o.Span.Start] == '{')
}

// addMember returns the edit that appends key: value to object o, keeping
// commas (JSON) and indentation (YAML) right.
func (d doc) addMember(o *syntax.Node, key string, value any) Edit {
	unit := d.unit()
	if d.isFlow(o) {
		if len(o.Members) == 0 {
			ind := d.indentOf(o.Span.Start)
			at := o.Span.Start + 1
			multi := strings.Contains(string(d.text[o.Span.Start:min(o.Span.End, len(d.text))]), "\n")
			if multi || !d.yaml {
				return Edit{Span: source.Span{Start: at, End: at}, NewText: "\n" + ind + unit + jsonString(key) + ": " + renderJSON(value, ind+unit, unit) + "\n" + ind}
			}
			return Edit{Span: source.Span{Start: at, End: at}, NewText: jsonString(key) + ": " + renderJSON(value, "", "")}
		}
		last := o.Members[len(o.Members)-1]
		end := last.Span.End
		if d.firstOnLine(last.KeySpan.Start) {
			ind := d.indentOf(last.KeySpan.Start)
			return Edit{Span: source.Span{Start: end, End: end}, NewText: ",\n" + ind + jsonString(key) + ": " + renderJSON(value, ind, unit)}
		}
		return Edit{Span: source.Span{Start: end, End: end}, NewText: ", " + jsonString(key) + ": " + renderJSON(value, d.indentOf(last.KeySpan.Start), unit)}
	}
	ind := d.memberIndent(o)
	end := d.lineEnd(o.Span.End - 1)
	if len(o.Members) > 0 {
		end = d.lineEnd(max(o.Members[len(o.Members)-1].Span.End-1, 0))
	}
	return Edit{Span: source.Span{Start: end, End: end}, NewText: "\n" + ind + renderYAMLMember(key, value, ind, unit)}
}

// removeMember returns the edit that deletes member m of object o.
func (d doc) removeMember(o *syntax.Node, m *syntax.Member) Edit {
	idx := -1
	for i, x := range o.Members {
		if x == m {
			idx = i
		}
	}
	if d.yaml && !d.isFlow(o) {
		start := d.lineStart(m.KeySpan.Start)
		if !d.firstOnLine(m.KeySpan.Start) {
			start = m.KeySpan.Start // "- Key: v": keep the dash
		}
		end := d.lineEnd(max(m.Span.End-1, m.KeySpan.Start))
		if end < len(d.text) {
			end++
		}
		return Edit{Span: source.Span{Start: start, End: end}}
	}
	switch {
	case idx >= 0 && idx+1 < len(o.Members):
		return Edit{Span: source.Span{Start: m.Span.Start, End: o.Members[idx+1].KeySpan.Start}}
	case idx > 0:
		return Edit{Span: source.Span{Start: o.Members[idx-1].Span.End, End: m.Span.End}}
	}
	return Edit{Span: m.Span}
}

// replaceKey returns the edit that renames member m's key.
func (d doc) replaceKey(m *syntax.Member, key string) Edit {
	return Edit{Span: m.KeySpan, NewText: d.keyText(m.KeySpan, key)}
}

// keyText writes key the way the key at sp is written (quoted or not).
func (d doc) keyText(sp source.Span, key string) string {
	if sp.Start < len(d.text) && (d.text[sp.Start] == '"' || !d.yaml) {
		return jsonString(key)
	}
	if sp.Start < len(d.text) && d.text[sp.Start] == '\'' {
		return "'" + strings.ReplaceAll(key, "'", "''") + "'"
	}
	return yamlKey(key)
}

// replaceString returns the edit that replaces string node n's value.
func (d doc) replaceString(n *syntax.Node, s string) Edit {
	return Edit{Span: n.Span, NewText: d.stringText(n.Span, s)}
}

// stringText writes s as a string value the way the value at sp is
// quoted (JSON always quotes; YAML keeps plain scalars plain when safe).
func (d doc) stringText(sp source.Span, s string) string {
	if !d.yaml || (sp.Start < len(d.text) && d.text[sp.Start] == '"') {
		return jsonString(s)
	}
	if sp.Start < len(d.text) && d.text[sp.Start] == '\'' {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return yamlScalar(s)
}

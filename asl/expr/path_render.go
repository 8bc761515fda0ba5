package expr

import (
	"strconv"
	"strings"
)

// JSONPath renders the path re-rooted at "$" in the bracketed form that
// github.com/ohler55/ojg/jp.ParseString accepts: the simulator picks the
// document from Root/Variable and evaluates this on it.
// "$$.Execution.Input" -> "$['Execution']['Input']", "$v.a[0]" -> "$['a'][0]".
func (p *Path) JSONPath() string {
	var b strings.Builder
	b.WriteByte('$')
	writeSegments(&b, p.Segments)
	return b.String()
}

func writeSegments(b *strings.Builder, segs []Segment) {
	for i := range segs {
		s := &segs[i]
		if s.Descendant {
			b.WriteString("..")
		}
		switch s.Kind {
		case SegField:
			b.WriteString("['")
			b.WriteString(escapeQuoted(s.Name, '\''))
			b.WriteString("']")
		case SegIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case SegWildcard:
			b.WriteString("[*]")
		case SegSlice:
			b.WriteByte('[')
			for j, v := range s.Slice {
				if j == 2 && v == nil {
					break
				}
				if j > 0 {
					b.WriteByte(':')
				}
				if v != nil {
					b.WriteString(strconv.Itoa(*v))
				}
			}
			b.WriteByte(']')
		case SegUnion:
			b.WriteByte('[')
			for j, m := range s.Union {
				if j > 0 {
					b.WriteByte(',')
				}
				if m.IsIndex {
					b.WriteString(strconv.Itoa(m.Index))
				} else {
					b.WriteByte('\'')
					b.WriteString(escapeQuoted(m.Name, '\''))
					b.WriteByte('\'')
				}
			}
			b.WriteByte(']')
		case SegFilter:
			b.WriteString("[?(")
			if s.Filter != nil {
				writeFilter(b, s.Filter.Expr)
			}
			b.WriteString(")]")
		}
	}
}

func writeFilter(b *strings.Builder, x *FilterExpr) {
	if x == nil {
		b.WriteString("true")
		return
	}
	switch x.Op {
	case "||", "&&":
		b.WriteByte('(')
		writeFilter(b, x.X)
		b.WriteString(") " + x.Op + " (")
		writeFilter(b, x.Y)
		b.WriteByte(')')
	case "!":
		b.WriteString("!(")
		writeFilter(b, x.X)
		b.WriteByte(')')
	case "":
		// A bare path tests existence (a null value exists) in both Jayway
		// and ojg.
		writeOperand(b, x.A)
	case "nin":
		b.WriteString("!(")
		writeOperand(b, x.A)
		b.WriteString(" in ")
		writeOperand(b, x.B)
		b.WriteByte(')')
	default:
		writeOperand(b, x.A)
		b.WriteString(" " + x.Op + " ")
		writeOperand(b, x.B)
	}
}

func writeOperand(b *strings.Builder, o *Operand) {
	if o == nil {
		b.WriteString("null")
		return
	}
	switch o.Kind {
	case OperandPath:
		if o.Path.Root == RootCurrent {
			b.WriteByte('@')
		} else {
			b.WriteByte('$')
		}
		writeSegments(b, o.Path.Segments)
	case OperandNumber:
		b.WriteString(o.Text)
	case OperandString:
		b.WriteByte('\'')
		b.WriteString(escapeQuoted(o.Str, '\''))
		b.WriteByte('\'')
	case OperandBool:
		b.WriteString(strconv.FormatBool(o.Bool))
	case OperandNull:
		b.WriteString("null")
	case OperandRegex:
		b.WriteByte('/')
		writeRegexBody(b, o.GoRegexp())
		b.WriteByte('/')
	case OperandList:
		b.WriteByte('[')
		for i, item := range o.List {
			if i > 0 {
				b.WriteByte(',')
			}
			writeOperand(b, item)
		}
		b.WriteByte(']')
	}
}

// escapeQuoted escapes backslashes and the quote character so that the text
// can sit between quote characters in a path.
func escapeQuoted(s string, quote byte) string {
	if strings.IndexByte(s, '\\') < 0 && strings.IndexByte(s, quote) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == quote {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// writeRegexBody writes a pattern between slashes, escaping bare slashes.
func writeRegexBody(b *strings.Builder, re string) {
	for i := 0; i < len(re); i++ {
		switch re[i] {
		case '\\':
			b.WriteByte('\\')
			if i+1 < len(re) {
				i++
				b.WriteByte(re[i])
			}
		case '/':
			b.WriteString(`\/`)
		default:
			b.WriteByte(re[i])
		}
	}
}

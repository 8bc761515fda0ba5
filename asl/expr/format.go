package expr

// SplitFormatTemplate splits a States.Format template into the literal
// pieces around its {} placeholders, resolving the escapes \{ \} \' \\.
// For a literal template pass Arg.Raw; for a template read from data pass
// the string itself. The result has one more piece than placeholders.
// Problems (a lone '{' or '}', a trailing backslash) are returned as
// errors with spans into template; AWS's behaviour for them is unspecified.
func SplitFormatTemplate(template string) ([]string, []Error) {
	return splitFormat(template)
}

func splitFormat(t string) ([]string, []Error) {
	var pieces []string
	var errs []Error
	var cur []byte
	for i := 0; i < len(t); i++ {
		switch b := t[i]; b {
		case '\\':
			if i+1 >= len(t) {
				errs = append(errs, errAt(i, i+1, "a backslash at the end of the template escapes nothing: write \\\\ for a backslash"))
				cur = append(cur, b)
				continue
			}
			i++
			cur = append(cur, t[i])
		case '{':
			if i+1 < len(t) && t[i+1] == '}' {
				pieces = append(pieces, string(cur))
				cur = cur[:0]
				i++
				continue
			}
			errs = append(errs, errAt(i, i+1, "'{' without '}': write {} for a placeholder or \\{ for a literal brace"))
			cur = append(cur, b)
		case '}':
			errs = append(errs, errAt(i, i+1, "'}' without '{': write \\} for a literal brace"))
			cur = append(cur, b)
		default:
			cur = append(cur, b)
		}
	}
	return append(pieces, string(cur)), errs
}

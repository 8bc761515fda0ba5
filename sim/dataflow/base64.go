package dataflow

// decodeBase64Lenient decodes like Apache commons-codec's Base64, which
// matches what AWS was observed to accept: characters outside the
// alphabet are skipped (" YWJjZA== " and "!!!invalid!!!" decode), the
// first '=' ends the data ("ab==cd"), missing padding is fine ("abc"), and
// leftover bits are dropped. Both the standard and URL-safe alphabets count.
func decodeBase64Lenient(s string) []byte {
	out := make([]byte, 0, len(s)*3/4)
	var bits uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v, ok := base64Value(c)
		if !ok {
			continue
		}
		bits = bits<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(bits>>16), byte(bits>>8), byte(bits))
			bits, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(bits>>4))
	case 3:
		out = append(out, byte(bits>>10), byte(bits>>2))
	}
	return out
}

func base64Value(c byte) (byte, bool) {
	switch {
	case c >= 'A' && c <= 'Z':
		return c - 'A', true
	case c >= 'a' && c <= 'z':
		return c - 'a' + 26, true
	case c >= '0' && c <= '9':
		return c - '0' + 52, true
	case c == '+' || c == '-':
		return 62, true
	case c == '/' || c == '_':
		return 63, true
	}
	return 0, false
}

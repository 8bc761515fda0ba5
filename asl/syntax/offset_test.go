package syntax

import (
	"strings"
	"testing"
)

// TestSourceOffset maps an index into the decoded string back to the text.
// The <|i|> marker in each document shows where index `at` of the string
// value of "k" (or the root string) must land.
func TestSourceOffset(t *testing.T) {
	tests := []struct {
		name string
		doc  string // ParseAuto name + text with one <|i|> marker
		file string
		at   int // index into the decoded string
	}{
		{"plain start", `{"k": "<|i|>abc"}`, "a.json", 0},
		{"plain middle", `{"k": "ab<|i|>c"}`, "a.json", 2},
		{"plain end is before the quote", `{"k": "abc<|i|>"}`, "a.json", 3},
		{"after an escape", `{"k": "a\n<|i|>b"}`, "a.json", 2},
		{"inside an escape", `{"k": "a<|i|>\u00e9b"}`, "a.json", 2},
		{"after a \\u escape", `{"k": "a\u00e9<|i|>b"}`, "a.json", 3},
		{"after a surrogate pair", `{"k": "\ud83d\ude00<|i|>x"}`, "a.json", 4},
		{"after raw UTF-8", `{"k": "é<|i|>x"}`, "a.json", 2},
		{"after escaped quotes", `{"k": "\"$.a\" <|i|>x"}`, "a.json", 6},
		{"JSONPath after escapes", `{"k.$": "States.Format('{}\\', <|i|>$.x)"}`, "a.json", 21},
		{"unterminated", "{\"k\": \"ab<|i|>c\n}", "a.json", 2},
		{"json5 single quotes", `{k: 'it\'s <|i|>x'}`, "a.json5", 5},
		{"placeholder", `{"k": ${Na<|i|>me}}`, "a.json", 4},
		{"index past the end clamps", `{"k": "ab<|i|>"}`, "a.json", 99},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.Index(tt.doc, "<|i|>")
			text := []byte(strings.Replace(tt.doc, "<|i|>", "", 1))
			f := ParseAuto(tt.file, text)
			n := f.Root
			if n.Kind == Object {
				n = n.Value("k")
				if n == nil {
					n = n.Value("k.$")
				}
				if n == nil && len(f.Root.Members) > 0 {
					n = f.Root.Members[0].Value
				}
			}
			if got := n.SourceOffset(text, tt.at); got != want {
				t.Errorf("SourceOffset(%d) of %q = %d, want %d\n%s\n%s^", tt.at, n.Str, got, want, text, strings.Repeat(" ", want))
			}
		})
	}
}

// TestSourceOffsetLandsOnSameByte checks, for every string in the golden
// inputs, that each ASCII letter of the decoded string maps to that same
// letter in the text (or to the backslash of the escape it came from).
func TestSourceOffsetLandsOnSameByte(t *testing.T) {
	for _, path := range goldenInputs(t) {
		f := ParseAuto(path.name, path.data)
		Walk(f.Root, func(n *Node) bool {
			if n.Kind != String {
				return true
			}
			for i := 0; i < len(n.Str); i++ {
				c := n.Str[i]
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
					continue
				}
				off := n.SourceOffset(f.Text, i)
				// A letter that came from an escape (\x41, \q) maps to its backslash.
				if off < 0 || off >= len(f.Text) || f.Text[off] != c && f.Text[off] != '\\' {
					t.Errorf("%s: %q[%d]=%q maps to offset %d", path.name, n.Str, i, c, off)
					return false
				}
			}
			return true
		})
	}
}

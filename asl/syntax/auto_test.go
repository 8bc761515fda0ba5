package syntax

import (
	"strings"
	"testing"
)

func TestParseAuto(t *testing.T) {
	tests := []struct {
		name, text string
		format     Format
		errors     int
	}{
		{"sm.asl.json", `{"StartAt": "A"}`, JSON, 0},
		{"sm.json", "{\"StartAt\": \"A\", // c\n}", JSON, 2}, // comment and trailing comma are errors in JSON
		{"sm.json5", "{StartAt: 'A', // c\n}", JSON, 0},
		{"SM.JSON5", "{StartAt: 'A'}", JSON, 0},
		{"sm.asl.yaml", "StartAt: A\n", YAML, 0},
		{"serverless.yml", "StartAt: A\n", YAML, 0},
		{"untitled", "  {\"StartAt\": \"A\"}", JSON, 0},
		{"untitled", "StartAt: A\n", YAML, 0},
		{"untitled", "\uFEFFStartAt: A\n", YAML, 0},
		{"untitled", "", JSON, 1},
		{"sm.txt", "StartAt: A\n", JSON, 3}, // an extension that is not YAML means JSON
	}
	for _, tt := range tests {
		f := ParseAuto(tt.name, []byte(tt.text))
		if f.Format != tt.format || len(f.Errors) != tt.errors {
			t.Errorf("ParseAuto(%q, %q): format %v with %d errors %v, want %v with %d", tt.name, tt.text, f.Format, len(f.Errors), f.Errors, tt.format, tt.errors)
		}
	}
}

// TestYAMLAliasBomb: exponential alias expansion stops at a budget with one
// error instead of eating memory.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	f := ParseYAML([]byte(b.String()))
	nodes := 0
	Walk(f.Root, func(*Node) bool { nodes++; return true })
	if nodes > 2*maxAliasNodes {
		t.Errorf("%d nodes after expansion, want at most about %d", nodes, maxAliasNodes)
	}
	if len(f.Errors) != 1 || !strings.Contains(f.Errors[0].Message, "more than") {
		t.Errorf("want one budget error, got %v", f.Errors)
	}
}

// TestYAMLSourceOffset places indexes of YAML scalars of every style.
func TestYAMLSourceOffset(t *testing.T) {
	tests := []struct {
		doc string // "k" holds the string; <|i|> marks where index at lands
		at  int
	}{
		{"k: ab<|i|>c\n", 2},
		{"k: 'it''s <|i|>x'\n", 5},
		{"k: \"a\\n<|i|>b\"\n", 2},
		{"k: !Sub 'x<|i|>y'\n", 1},
		{"k: plain words\n  folded <|i|>here\n", 19},
		{"k: |\n  line one\n  <|i|>line two\n", 9},
		{"k: >-\n  one\n  <|i|>two\n", 4},
		{"k: \"日本<|i|>語\"\n", 6},
		{"k: [a, '<|i|>b']\n", -1}, // the array itself: Span.Start + i
	}
	for _, tt := range tests {
		want := strings.Index(tt.doc, "<|i|>")
		text := []byte(strings.Replace(tt.doc, "<|i|>", "", 1))
		f := ParseYAML(text)
		n := f.Root.Value("k")
		if tt.at < 0 {
			n = n.Elems[1]
			tt.at = 0
		}
		if got := n.SourceOffset(text, tt.at); got != want {
			t.Errorf("%q: SourceOffset(%d) of %q = %d, want %d", tt.doc, tt.at, n.Str, got, want)
		}
	}
}

package source

import "testing"

func TestMapperRoundTrip(t *testing.T) {
	text := "{\n  \"a\": \"é😀x\",\r\n  \"b\": 1\n}"
	m := NewMapper([]byte(text))
	tests := []struct {
		name   string
		offset int
		utf16  Position
		bytes  Position
	}{
		{"start", 0, Position{0, 0}, Position{0, 0}},
		{"line 1 start", 2, Position{1, 0}, Position{1, 0}},
		{"before é", 10, Position{1, 8}, Position{1, 8}},
		{"after é", 12, Position{1, 9}, Position{1, 10}},
		{"after emoji", 16, Position{1, 11}, Position{1, 14}},
		{"x end", 17, Position{1, 12}, Position{1, 15}},
		{"after crlf", 21, Position{2, 0}, Position{2, 0}},
		{"end", len(text), Position{3, 1}, Position{3, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.UTF16Position(tt.offset); got != tt.utf16 {
				t.Errorf("UTF16Position(%d) = %v, want %v", tt.offset, got, tt.utf16)
			}
			if got := m.BytePosition(tt.offset); got != tt.bytes {
				t.Errorf("BytePosition(%d) = %v, want %v", tt.offset, got, tt.bytes)
			}
			if got := m.OffsetFromUTF16(tt.utf16); got != tt.offset {
				t.Errorf("OffsetFromUTF16(%v) = %d, want %d", tt.utf16, got, tt.offset)
			}
			if got := m.OffsetFromBytes(tt.bytes); got != tt.offset {
				t.Errorf("OffsetFromBytes(%v) = %d, want %d", tt.bytes, got, tt.offset)
			}
		})
	}
}

func TestMapperClamps(t *testing.T) {
	m := NewMapper([]byte("ab\ncd"))
	if got := m.OffsetFromUTF16(Position{0, 99}); got != 2 {
		t.Errorf("column past end = %d, want 2", got)
	}
	if got := m.OffsetFromUTF16(Position{7, 0}); got != 5 {
		t.Errorf("line past end = %d, want 5", got)
	}
	if got := m.UTF16Position(-3); got != (Position{0, 0}) {
		t.Errorf("negative offset = %v", got)
	}
	// Inside the emoji's second UTF-16 unit: clamp to the character start.
	e := NewMapper([]byte("😀z"))
	if got := e.OffsetFromUTF16(Position{0, 1}); got != 4 {
		t.Errorf("mid-surrogate = %d, want 4 (after the emoji)", got)
	}
}

func TestSnippet(t *testing.T) {
	m := NewMapper([]byte("{\n  \"Név\": \"x\",\n  \"Next\": \"Missing\"\n}"))
	tests := []struct {
		span Span
		want string
	}{
		{Span{27, 36}, "  \"Next\": \"Missing\"\n          ^^^^^^^^^"},
		{Span{4, 10}, "  \"Név\": \"x\",\n  ^^^^^"},
		{Span{11, 11}, "  \"Név\": \"x\",\n        ^"},
		{Span{27, 40}, "  \"Next\": \"Missing\"\n          ^^^^^^^^^"},
	}
	for _, tt := range tests {
		if got := Snippet(m, tt.span); got != tt.want {
			t.Errorf("Snippet(%v) =\n%s\nwant\n%s", tt.span, got, tt.want)
		}
	}
}

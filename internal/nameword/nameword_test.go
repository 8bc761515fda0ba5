package nameword

import "testing"

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		name       string
		head, tail uint64
	}{
		{"", 0, 0},
		{"A", 0x41, 0x41},
		{"End", 0x646e45, 0x646e45},
		{"Type", 0x65707954, 0x65707954},
		{"Catch", 0x63746143, 0x68637461},
		{"Resource", 0x656372756f736552, 0x656372756f736552},
		{"ResultPath", 0x6150746c75736552, 0x68746150746c7573},
	} {
		head, tail := Of(tc.name)
		if head != tc.head || tail != tc.tail {
			t.Errorf("Of(%q) = %#x, %#x, want %#x, %#x", tc.name, head, tail, tc.head, tc.tail)
		}
	}
}

// Names that differ anywhere up to 16 bytes differ in length or words.
func TestOfTellsShortNamesApart(t *testing.T) {
	names := []string{"Next", "next", "Nexu", "Parameters", "Parametert", "ResultSelector", "ResultSelectos", "InputPath", "OutputPath", "ItemsPath", "ItemSelector", "ab", "ba", "abc", "abcd", "abcdefg", "abcdefh", "0123456789abcdef", "0123456789abcdeF"}
	type key struct {
		n          int
		head, tail uint64
	}
	seen := map[key]string{}
	for _, name := range names {
		head, tail := Of(name)
		k := key{len(name), head, tail}
		if other, ok := seen[k]; ok {
			t.Errorf("%q and %q share length and words", name, other)
		}
		seen[k] = name
	}
}

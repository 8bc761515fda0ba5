// Package nameword reads a name as two little-endian words, the key of the
// field tables of asl/schema and asl/model: with the name's length, its
// first and last eight bytes are the whole of a name up to 16 bytes, so a
// lookup compares three integers instead of two strings.
package nameword

// Of returns the first and the last eight bytes of name as little-endian
// words (four bytes for names shorter than eight, all of them below four).
func Of(name string) (head, tail uint64) {
	switch n := len(name); {
	case n >= 8:
		return le64(name), le64(name[n-8:])
	case n >= 4:
		return uint64(le32(name)), uint64(le32(name[n-4:]))
	}
	return short(name)
}

func short(name string) (head, tail uint64) {
	for i := 0; i < len(name); i++ {
		head |= uint64(name[i]) << (8 * i)
	}
	return head, head
}

// le64 and le32 read s's first bytes as a little-endian word; the compiler
// makes each one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

package expr

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
)

// NewHash returns a hash for one of HashAlgorithms (names as AWS spells
// them: "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"), shared by
// States.Hash and JSONata's $hash.
func NewHash(algorithm string) (hash.Hash, bool) {
	switch algorithm {
	case "MD5":
		return md5.New(), true
	case "SHA-1":
		return sha1.New(), true
	case "SHA-256":
		return sha256.New(), true
	case "SHA-384":
		return sha512.New384(), true
	case "SHA-512":
		return sha512.New(), true
	}
	return nil, false
}

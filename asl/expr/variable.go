package expr

import (
	"unicode"
	"unicode/utf8"
)

// maxVariableNameLength is AWS's limit on variable names, in characters.
const maxVariableNameLength = 80

// isIDStart and isIDContinue follow Unicode UAX #31 (variables.md §2).
func isIDStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// IsVariableName reports whether name is a valid workflow variable name:
// a Unicode identifier (ID_Start then ID_Continue) of at most 80
// characters. The reserved name "states" is valid here; Assign checks it.
func IsVariableName(name string) bool {
	if name == "" || utf8.RuneCountInString(name) > maxVariableNameLength {
		return false
	}
	for i, r := range name {
		if r == utf8.RuneError {
			return false
		}
		if i == 0 && !isIDStart(r) || !isIDContinue(r) {
			return false
		}
	}
	return true
}

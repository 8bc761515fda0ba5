package syntax

import (
	"bytes"
	"path"
	"strings"
)

// ParseAuto parses text with the parser its file name calls for: .yaml and
// .yml are YAML, .json5 is JSON5, any other extension is JSON. A name with
// no extension (an unsaved "untitled" buffer) is judged by its content: a
// document starting with '{' or '[' is JSON, anything else YAML.
func ParseAuto(name string, text []byte) *File {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return ParseYAML(text)
	case ".json5":
		return ParseJSON(text, Options{JSON5: true})
	case "":
		if looksLikeYAML(text) {
			return ParseYAML(text)
		}
	}
	return Parse(text)
}

func looksLikeYAML(text []byte) bool {
	text = bytes.TrimPrefix(text, []byte("\uFEFF"))
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return false
		case '/':
			return false // a comment: JSON with comments, not YAML
		}
		return true
	}
	return false // empty: JSON reports the empty document best
}

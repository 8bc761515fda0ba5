package assist

import "github.com/aslkit/aslkit/asl/model"

func edgeLabel(k model.EdgeKind) string {
	switch k {
	case model.EdgeDefault:
		return "Default"
	case model.EdgeChoice:
		return "Choice"
	case model.EdgeCatch:
		return "Catch"
	}
	return "Next"
}

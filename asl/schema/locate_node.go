package schema

import (
	"strconv"

	"github.com/aslkit/aslkit/asl/syntax"
)

// PathOf returns the path from the root to n: object keys and array
// indexes (as decimal strings), following Parent links.
func PathOf(n *syntax.Node) []string {
	var rev []string
	for n != nil && n.Parent != nil {
		p := n.Parent
		switch p.Kind {
		case syntax.Object:
			for _, m := range p.Members {
				if m.Value == n {
					rev = append(rev, m.Key)
					break
				}
			}
		case syntax.Array:
			for i, e := range p.Elems {
				if e == n {
					rev = append(rev, strconv.Itoa(i))
					break
				}
			}
		}
		n = p
	}
	out := make([]string, len(rev))
	for i, s := range rev {
		out[len(rev)-1-i] = s
	}
	return out
}

// NodeGetter reads string values from a syntax tree for Locate.
func NodeGetter(root *syntax.Node) Getter {
	return func(path []string) (string, bool) {
		n := NodeAt(root, path)
		if n == nil || n.Kind != syntax.String {
			return "", false
		}
		return n.Str, true
	}
}

// NodeAt follows path from root; nil when it leads nowhere. The first
// member wins when keys repeat.
func NodeAt(root *syntax.Node, path []string) *syntax.Node {
	n := root
	for _, seg := range path {
		switch {
		case n == nil:
			return nil
		case n.Kind == syntax.Object:
			n = n.Value(seg)
		case n.Kind == syntax.Array:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(n.Elems) {
				return nil
			}
			n = n.Elems[i]
		default:
			return nil
		}
	}
	return n
}

// LocateNode is Locate for a node of a parsed document: the schema
// position of n's value. For completion of keys inside an object node,
// the valid keys are FieldsFor(loc.Object, loc.QueryLanguage) minus the
// keys already present.
func LocateNode(root, n *syntax.Node) Location {
	return Locate(PathOf(n), NodeGetter(root))
}

// LocateMember is Locate for the member m of the object obj: hover on a key
// uses loc.Field.
func LocateMember(root, obj *syntax.Node, m *syntax.Member) Location {
	return Locate(append(PathOf(obj), m.Key), NodeGetter(root))
}

package schema

import "github.com/aslkit/aslkit/internal/nameword"

// Field constructors shared by the tables. Each returns a fresh *Field so a
// table can tune the doc or a flag for one state without touching others.

func str(name, doc string) *Field { return &Field{Name: name, Types: TString, Doc: doc} }

func boolean(name, doc string) *Field { return &Field{Name: name, Types: TBoolean, Doc: doc} }

func object(name string, obj *ObjectSchema, doc string) *Field {
	return &Field{Name: name, Types: TObject, Object: obj, Doc: doc}
}

func arrayOf(name string, obj *ObjectSchema, doc string) *Field {
	return &Field{Name: name, Types: TArray, Object: obj, ElemTypes: TObject, Doc: doc}
}

func integer(name string, min, max float64, doc string) *Field {
	return &Field{Name: name, Types: TInteger, Min: f64(min), Max: f64(max), Doc: doc}
}

func enum(name string, values []string, doc string) *Field {
	return &Field{Name: name, Types: TString, Enum: values, Doc: doc}
}

// path is a JSONPath-only Reference Path field such as TimeoutSecondsPath.
func path(name, instead, doc string) *Field {
	return &Field{Name: name, Types: TString, Mode: JSONPathOnly, Instead: instead, Doc: doc}
}

// Modifiers, chained on a constructor's result.

func (f *Field) required() *Field                { f.Required = true; return f }
func (f *Field) jsonata() *Field                 { f.JSONata = true; return f }
func (f *Field) only(m Mode, inst string) *Field { f.Mode = m; f.Instead = inst; return f }
func (f *Field) def(v string) *Field             { f.Default = v; return f }
func (f *Field) nonEmpty() *Field                { f.NonEmpty = true; return f }
func (f *Field) free() *Field                    { f.Free = true; return f }
func (f *Field) template() *Field                { f.Template = true; return f }
func (f *Field) types(t Type) *Field             { f.Types = t; return f }
func (f *Field) snippet(s string) *Field         { f.Snippet = s; return f }
func (f *Field) deprecated(s string) *Field      { f.Deprecated = s; return f }
func (f *Field) elems(t Type) *Field             { f.ElemTypes = t; return f }

// newObject builds an ObjectSchema and indexes its fields.
func newObject(kind ObjectKind, name, doc string, fields []*Field, groups ...Group) *ObjectSchema {
	o := &ObjectSchema{Kind: kind, Name: name, Doc: doc, Fields: fields, Groups: groups}
	o.index()
	return o
}

func (o *ObjectSchema) index() {
	o.byName = newFieldTable(o.Fields)
	o.required, o.requiredMask, o.requiredFar = nil, [2]uint64{}, false
	for pos, f := range o.Fields {
		if f.Snippet == "" {
			f.Snippet = defaultSnippet(f)
		}
		if f.Required {
			o.required = append(o.required, pos)
			if pos < 128 {
				o.requiredMask[pos/64] |= 1 << (pos % 64)
			} else {
				o.requiredFar = true
			}
		}
	}
	o.indexGroups()
}

// indexGroups finds the positions of each group's fields.
func (o *ObjectSchema) indexGroups() {
	o.groupPos = make([][]int, len(o.Groups))
	for i, g := range o.Groups {
		for _, name := range g.Fields {
			_, pos := o.byName.get(name)
			o.groupPos[i] = append(o.groupPos[i], pos)
		}
	}
}

// addGroups adds groups to an indexed object.
func (o *ObjectSchema) addGroups(groups ...Group) {
	o.Groups = append(o.Groups, groups...)
	o.indexGroups()
}

// fieldTable finds a field by name with open addressing on a cheap hash of
// the name's first and last eight bytes: the checks look up every key of
// every object of a definition, and a Go map's full-string hash costs more
// than the whole lookup here. A slot holds the field, its position in the
// object's Fields and the words of its name, which settle a name of up to
// 16 bytes without a string comparison.
type fieldTable struct {
	slots []fieldSlot
	mask  uint32
}

type fieldSlot struct {
	f          *Field
	pos        int32
	n          int32 // len(f.Name)
	head, tail uint64
}

func newFieldTable(fields []*Field) fieldTable {
	size := 4
	for size < 2*len(fields) {
		size *= 2
	}
	t := fieldTable{slots: make([]fieldSlot, size), mask: uint32(size - 1)}
	for pos, f := range fields {
		head, tail := nameword.Of(f.Name)
		i := nameHash(len(f.Name), head, tail) & t.mask
		for t.slots[i].f != nil && t.slots[i].f.Name != f.Name {
			i = (i + 1) & t.mask
		}
		// A repeated name keeps the last field, as a map would.
		t.slots[i] = fieldSlot{f: f, pos: int32(pos), n: int32(len(f.Name)), head: head, tail: tail}
	}
	return t
}

func (t *fieldTable) get(name string) (*Field, int) {
	if t.mask == 0 {
		return nil, -1
	}
	head, tail := nameword.Of(name)
	for i := nameHash(len(name), head, tail) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.f == nil {
			return nil, -1
		}
		if int(s.n) == len(name) && s.head == head && s.tail == tail && (len(name) <= 16 || s.f.Name == name) {
			return s.f, int(s.pos)
		}
	}
}

func nameHash(n int, head, tail uint64) uint32 {
	h := (head ^ tail<<1 ^ uint64(n)) * 0x9E3779B97F4A7C15
	return uint32(h >> 32)
}

func exactlyOne(names ...string) Group { return Group{Kind: ExactlyOne, Fields: names} }
func atMostOne(names ...string) Group  { return Group{Kind: AtMostOne, Fields: names} }
func atLeastOne(names ...string) Group { return Group{Kind: AtLeastOne, Fields: names} }

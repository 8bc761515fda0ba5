package schema

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
	o.required = nil
	for pos, f := range o.Fields {
		if f.Snippet == "" {
			f.Snippet = defaultSnippet(f)
		}
		if f.Required {
			o.required = append(o.required, pos)
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
// the name's length and three of its bytes: the checks look up every key of
// every object of a definition, and a Go map's full-string hash costs more
// than the whole lookup here. A slot holds the field and its position in
// the object's Fields.
type fieldTable struct {
	slots []fieldSlot
	mask  uint32
}

type fieldSlot struct {
	f   *Field
	pos int
}

func newFieldTable(fields []*Field) fieldTable {
	size := 4
	for size < 2*len(fields) {
		size *= 2
	}
	t := fieldTable{slots: make([]fieldSlot, size), mask: uint32(size - 1)}
	for pos, f := range fields {
		i := nameHash(f.Name) & t.mask
		for t.slots[i].f != nil && t.slots[i].f.Name != f.Name {
			i = (i + 1) & t.mask
		}
		t.slots[i] = fieldSlot{f, pos} // a repeated name keeps the last field, as a map would
	}
	return t
}

func (t *fieldTable) get(name string) (*Field, int) {
	if t.mask == 0 {
		return nil, -1
	}
	for i := nameHash(name) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.f == nil {
			return nil, -1
		}
		if s.f.Name == name {
			return s.f, s.pos
		}
	}
}

func nameHash(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n) ^ uint32(s[0])<<8 ^ uint32(s[n-1])<<16 ^ uint32(s[n/2])<<24
	h *= 0x9E3779B1
	return h ^ h>>15
}

func exactlyOne(names ...string) Group { return Group{Kind: ExactlyOne, Fields: names} }
func atMostOne(names ...string) Group  { return Group{Kind: AtMostOne, Fields: names} }
func atLeastOne(names ...string) Group { return Group{Kind: AtLeastOne, Fields: names} }

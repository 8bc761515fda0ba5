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
	o.byName = make(map[string]*Field, len(o.Fields))
	for _, f := range o.Fields {
		o.byName[f.Name] = f
		if f.Snippet == "" {
			f.Snippet = defaultSnippet(f)
		}
	}
}

func exactlyOne(names ...string) Group { return Group{Kind: ExactlyOne, Fields: names} }
func atMostOne(names ...string) Group  { return Group{Kind: AtMostOne, Fields: names} }
func atLeastOne(names ...string) Group { return Group{Kind: AtLeastOne, Fields: names} }

package schema

import "strconv"

// Location is what the schema says about one position of a document,
// named by its path from the root: object keys and array indexes as
// strings, e.g. ["States", "Fetch", "Retry", "0", "BackoffRate"].
type Location struct {
	// Parent is the schema of the object holding the last path element
	// (nil when the path ends inside an array or a free-form value).
	Parent *ObjectSchema
	// Field is the field named by the last path element (for an array
	// element: the array's field), or nil (root, state names, unknown keys).
	Field *Field
	// Object is the schema of the value at the path when it is an object
	// the schema describes: the keys valid there are FieldsFor(Object, QL).
	Object *ObjectSchema
	// Elem is true when the path ends at an element of Field's array value.
	Elem bool
	// StateName is true when the last element is a state name (a key of a
	// States object); Object is then that state's schema.
	StateName bool
	// Free is true when the value at the path is free-form or inside one
	// (payload template, Assign, Result, Output...): any keys are allowed.
	Free bool
	// Container is the free-form field (Parameters, Assign, Result...)
	// whose value holds the path, when Free is set.
	Container *Field
	// Unknown is true when the path leaves the schema (an unknown key).
	Unknown bool
	// StateType and QueryLanguage describe the innermost enclosing state
	// ("" StateType at the top level or when Type is missing); QueryLanguage
	// is always "JSONPath" or "JSONata".
	StateType     string
	QueryLanguage string
}

// Getter returns the string value at a path of the document, if there is
// one. Locate uses it to read Type and QueryLanguage fields.
type Getter func(path []string) (string, bool)

// Locate walks the schema along path. get reads string values of the
// document; it may be nil (then every state is untyped JSONPath).
func Locate(path []string, get Getter) Location {
	if get == nil {
		get = func([]string) (string, bool) { return "", false }
	}
	topQL := "JSONPath"
	if v, ok := get([]string{"QueryLanguage"}); ok && v == "JSONata" {
		topQL = "JSONata"
	}
	loc := Location{Object: topObject, QueryLanguage: topQL}
	for i, seg := range path {
		prefix := path[:i+1]
		switch {
		case loc.Free || loc.Unknown:
			loc.Parent, loc.Field, loc.Elem, loc.StateName = nil, nil, false, false
			continue
		case loc.Field != nil && !loc.Elem && loc.Object == nil && loc.Field.Types&TArray != 0:
			// An element of an array field such as Retry or ErrorEquals.
			if _, err := strconv.Atoi(seg); err != nil {
				loc.Unknown = true
				continue
			}
			loc.Parent, loc.Elem, loc.StateName = nil, true, false
			loc.Object = loc.Field.ElemObject(loc.QueryLanguage)
			if loc.Object == nil && loc.Field.Free {
				loc.Free, loc.Container = true, loc.Field
			}
			continue
		case loc.Object == nil:
			loc.Unknown = true
			loc.Parent, loc.Field, loc.Elem, loc.StateName = nil, nil, false, false
			continue
		}
		obj := loc.Object
		loc.Parent, loc.Elem, loc.StateName = obj, false, false
		if obj.Kind == KindStates {
			t, _ := get(append(clone(prefix), "Type"))
			ql := topQL
			if v, ok := get(append(clone(prefix), "QueryLanguage")); ok && (v == "JSONata" || v == "JSONPath") {
				ql = v
			}
			loc.Field, loc.StateName = nil, true
			loc.Object = StateSchema(t)
			loc.StateType, loc.QueryLanguage = loc.Object.StateType, ql
			continue
		}
		name := seg
		f := obj.Field(name)
		if f == nil && loc.QueryLanguage != "JSONata" {
			if base, dyn := StripDollar(seg); dyn {
				f = obj.Field(base)
			}
		}
		if f == nil {
			loc.Field, loc.Object = nil, nil
			if obj.Open {
				loc.Free = true
			} else {
				loc.Unknown = true
			}
			continue
		}
		loc.Field = f
		loc.Object = nil
		if f.Types&TObject != 0 && f.Types&TArray == 0 {
			loc.Object = f.ElemObject(loc.QueryLanguage)
		}
		if f.Free {
			loc.Free, loc.Container = true, f
		}
	}
	return loc
}

func clone(p []string) []string { return append([]string(nil), p...) }

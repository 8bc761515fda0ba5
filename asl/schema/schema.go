// Package schema is the Amazon States Language as data: which fields each
// state type and each sub-object accepts in each query language, with their
// JSON types, enums, ranges, defaults, mutually exclusive groups and hover
// docs. Completion, hover and the schema checks all read these one set of
// tables, so a field added here shows up everywhere at once.
//
// Entry points:
//
//   - StateSchema(type) and Object(kind) give the ObjectSchema of a state or
//     sub-object (Retrier, Catcher, Choice rules, ItemReader, ...); each
//     Field carries Types, Mode (JSONPath/JSONata/both), Required, Enum,
//     Min/Max, Default, Doc, Snippet and the Object of its value.
//   - Locate(path, get) / LocateNode(root, node) say what the schema knows
//     about a position: the field there, the object schema of its value, the
//     enclosing state's type and query language, or that it is free-form.
//   - Suggest(object, ql, present) lists the fields worth completing;
//     Field.Describe renders hover text; EnumDoc, StateTypeDoc, ErrorDoc and
//     ErrorNames document values.
//
// The package holds data and lookups only: no I/O, no dependency on the
// syntax tree except in locate_node.go, which maps a tree position to a
// schema position for editor features.
package schema

import "strings"

// Type is a set of JSON types a value may have.
type Type uint8

const (
	TString Type = 1 << iota
	// Integer is a number with no fractional part. Number includes it.
	TInteger
	TNumber
	TBoolean
	TObject
	TArray
	TNull
	// Any accepts every JSON value.
	TAny = TString | TInteger | TNumber | TBoolean | TObject | TArray | TNull
)

// Has reports whether every type in u is in t.
func (t Type) Has(u Type) bool { return t&u == u }

// String lists the types the way messages spell them: "string or null".
func (t Type) String() string {
	if t == TAny {
		return "any JSON value"
	}
	var parts []string
	for _, p := range []struct {
		t    Type
		name string
	}{{TString, "string"}, {TInteger, "integer"}, {TNumber, "number"}, {TBoolean, "boolean"}, {TObject, "object"}, {TArray, "array"}, {TNull, "null"}} {
		if t&p.t == 0 {
			continue
		}
		if p.t == TInteger && t&TNumber != 0 {
			continue // "number" already covers it
		}
		parts = append(parts, p.name)
	}
	switch len(parts) {
	case 0:
		return "nothing"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// Mode says in which query language a field may appear.
type Mode uint8

const (
	Both Mode = iota
	JSONPathOnly
	JSONataOnly
)

func (m Mode) String() string {
	switch m {
	case JSONPathOnly:
		return "JSONPath"
	case JSONataOnly:
		return "JSONata"
	}
	return "both"
}

// Allows reports whether a field of mode m may appear in a state of query
// language ql ("JSONPath" or "JSONata"; "" means JSONPath, the default).
func (m Mode) Allows(ql string) bool {
	switch m {
	case JSONPathOnly:
		return ql != "JSONata"
	case JSONataOnly:
		return ql == "JSONata"
	}
	return true
}

// Field is one key of an object schema.
type Field struct {
	Name string
	// Types are the JSON types of a literal value.
	Types Type
	// JSONata is true when, in a JSONata state, the value may instead be a
	// JSONata string ("{% ... %}") computed at run time.
	JSONata bool
	Mode    Mode
	// Required is true when AWS rejects an object without the field.
	// Fields that are required as part of a group ("Next or End") are not
	// Required; see ObjectSchema.Groups.
	Required bool
	// Enum lists the accepted string values (nil: any).
	Enum []string
	// Min and Max bound a numeric value (nil: unbounded).
	Min, Max *float64
	// Default is the value AWS uses when the field is absent, as JSON text
	// ("" when there is none or it depends on context).
	Default string
	// Doc is the hover text: markdown, two to four sentences.
	Doc string
	// Object is the schema of the value when it is an object, or of each
	// element when the value is an array of objects (Retry, Catch, Choices,
	// Branches). Nil for scalars and free-form values.
	Object *ObjectSchema
	// ElemTypes is the JSON type of each element of an array value
	// (e.g. String for ErrorEquals); 0 when not checked.
	ElemTypes Type
	// NonEmpty is true for arrays and strings that must not be empty.
	NonEmpty bool
	// Free marks a value whose contents are not checked against a schema
	// (payload templates, Assign, Result, Output): any keys are allowed.
	Free bool
	// Template is true for JSONPath payload templates, whose keys may end in
	// ".$" (and must not repeat once the suffix is stripped).
	Template bool
	// Instead names the field(s) to use in the other query language, for
	// the "wrong query language" message (e.g. Parameters -> "Arguments").
	Instead string
	// Deprecated explains what replaces a field that still works.
	Deprecated string
	// Operator is set on a Choice rule's comparison operator fields (the
	// names LookupOperator knows).
	Operator bool
	// Snippet is the completion insert text in LSP snippet syntax,
	// e.g. `"Next": "$1"`.
	Snippet string
}

// Group kinds for fields that constrain each other.
type GroupKind uint8

const (
	// ExactlyOne: one and only one of the fields must be present.
	ExactlyOne GroupKind = iota + 1
	// AtMostOne: the fields are mutually exclusive but all may be absent.
	AtMostOne
	// AtLeastOne: one or more of the fields must be present.
	AtLeastOne
)

// Group is a constraint over several fields of one object.
type Group struct {
	Kind   GroupKind
	Fields []string
}

// ObjectKind names each object shape of the language.
type ObjectKind uint8

const (
	KindUnknown ObjectKind = iota
	// KindTop is the root of a definition.
	KindTop
	// KindStates is a "States" object: state names to state objects.
	KindStates
	// KindState is a state object; its fields depend on Type and the query
	// language, see StateSchema.
	KindState
	// KindBranch is a Parallel branch (StartAt, States, Comment).
	KindBranch
	// KindItemProcessor is a Map's ItemProcessor.
	KindItemProcessor
	// KindIterator is a Map's deprecated Iterator.
	KindIterator
	KindProcessorConfig
	KindRetrier
	// KindCatcher depends on the query language (ResultPath vs Output).
	KindCatcher
	// KindChoiceRule is a top-level JSONPath Choice rule (has Next).
	KindChoiceRule
	// KindNestedChoiceRule is a JSONPath rule inside And/Or/Not (no Next).
	KindNestedChoiceRule
	// KindJSONataChoiceRule is a JSONata Choice rule (Condition, Next).
	KindJSONataChoiceRule
	KindItemReader
	KindReaderConfig
	KindItemBatcher
	KindResultWriter
	KindWriterConfig
	KindCredentials
)

// ObjectSchema is the shape of one kind of object.
type ObjectSchema struct {
	Kind ObjectKind
	// Name is how messages refer to the object ("Retrier", "Task state").
	Name string
	// Doc describes the object for hover.
	Doc    string
	Fields []*Field
	Groups []Group
	// Open is true when keys not listed in Fields are allowed.
	Open bool
	// QueryLanguage is set for schemas that exist per language (states,
	// catchers, sub-objects with Parameters/Arguments): "JSONPath" or
	// "JSONata". "" means the schema is the same in both.
	QueryLanguage string
	// StateType is the Type of a KindState schema ("" for a state whose
	// Type is missing or unknown).
	StateType string
	byName    fieldTable
	// required and groupPos are the positions in Fields of the Required
	// fields and of each group's fields (-1: not a field), for the checks
	// that test them on every object of a definition.
	required []int
	groupPos [][]int
	// requiredMask has a bit per position of a Required field;
	// requiredFar is set when one lies past the mask's 128 bits.
	requiredMask [2]uint64
	requiredFar  bool
}

// Field returns the field named name, or nil.
func (o *ObjectSchema) Field(name string) *Field {
	if o == nil {
		return nil
	}
	f, _ := o.byName.get(name)
	return f
}

// FieldPos returns the field named name and its position in o.Fields, or
// nil and -1: a walk can then note the fields an object has in a bit set.
func (o *ObjectSchema) FieldPos(name string) (*Field, int) {
	if o == nil {
		return nil, -1
	}
	return o.byName.get(name)
}

// RequiredPositions returns the positions in o.Fields of the Required
// fields. The caller must not modify the slice.
func (o *ObjectSchema) RequiredPositions() []int { return o.required }

// RequiredMask returns a bit per position in o.Fields of the Required
// fields: an object whose fields' bits cover it lacks none. ok is false
// when a Required field lies past the 128 bits.
func (o *ObjectSchema) RequiredMask() (mask [2]uint64, ok bool) {
	return o.requiredMask, !o.requiredFar
}

// GroupPositions returns the positions in o.Fields of the fields of
// o.Groups[i] (-1 for a name that is not a field). The caller must not
// modify the slice.
func (o *ObjectSchema) GroupPositions(i int) []int { return o.groupPos[i] }

func f64(v float64) *float64 { return &v }

package schema

import (
	"strconv"
	"strings"
)

// Top returns the schema of a definition's root object.
func Top() *ObjectSchema { return topObject }

// StateSchema returns the schema of a state of type t, with the fields of
// both query languages (each tagged with its Mode). For a missing or
// unknown type it returns the schema of the common fields (Type, Comment,
// QueryLanguage), never nil.
func StateSchema(t string) *ObjectSchema {
	if i := stateTypeIndex(t); i >= 0 {
		return stateSchemaList[i]
	}
	return anyState
}

// stateTypeIndex is t's position in stateTypeEnum, or -1. A switch: the
// checks ask for every state's schema, and hashing the type costs more.
func stateTypeIndex(t string) int {
	switch t {
	case Task:
		return 0
	case Wait:
		return 1
	case Pass:
		return 2
	case Succeed:
		return 3
	case Fail:
		return 4
	case Choice:
		return 5
	case Parallel:
		return 6
	case Map:
		return 7
	}
	return -1
}

// StateFields returns the fields a state of type t may have in query
// language ql ("JSONPath", "JSONata"; "" means JSONPath).
func StateFields(t, ql string) []*Field { return FieldsFor(StateSchema(t), ql) }

// FieldsFor filters an object schema's fields by query language.
func FieldsFor(o *ObjectSchema, ql string) []*Field {
	if o == nil {
		return nil
	}
	var out []*Field
	for _, f := range o.Fields {
		if f.Mode.Allows(ql) {
			out = append(out, f)
		}
	}
	return out
}

// StateField returns the field name of a state of type t when it is allowed
// in query language ql, else nil. Use StateSchema(t).Field(name) to find a
// field regardless of the language.
func StateField(t, ql, name string) *Field {
	if f := StateSchema(t).Field(name); f != nil && f.Mode.Allows(ql) {
		return f
	}
	return nil
}

// TypesWithField returns the state types whose schema has a field named
// name (in either language), in AWS's order.
func TypesWithField(name string) []string {
	var out []string
	for _, t := range stateTypeEnum {
		if stateSchemas[t].Field(name) != nil {
			out = append(out, t)
		}
	}
	return out
}

var objects = map[ObjectKind]*ObjectSchema{
	KindTop:               topObject,
	KindStates:            statesObject,
	KindBranch:            branchObject,
	KindItemProcessor:     itemProcessorObject,
	KindIterator:          iteratorObject,
	KindProcessorConfig:   processorConfigObject,
	KindRetrier:           retrierObject,
	KindCatcher:           catcherObject,
	KindChoiceRule:        choiceRuleObject,
	KindNestedChoiceRule:  nestedChoiceRuleObject,
	KindJSONataChoiceRule: jsonataChoiceRuleObject,
	KindItemReader:        itemReaderObject,
	KindReaderConfig:      readerConfigObject,
	KindItemBatcher:       itemBatcherObject,
	KindResultWriter:      resultWriterObject,
	KindWriterConfig:      writerConfigObject,
	KindCredentials:       credentialsObject,
}

// Object returns the schema of a sub-object kind. For KindState it returns
// the common-fields schema; use StateSchema for a typed state.
func Object(kind ObjectKind) *ObjectSchema {
	if kind == KindState {
		return anyState
	}
	return objects[kind]
}

// ElemObject returns the schema of the object a field's value (or each
// element of its array value) must be, adjusted for the query language:
// the rules of a JSONata Choice state are JSONata rules.
func (f *Field) ElemObject(ql string) *ObjectSchema {
	if f == nil {
		return nil
	}
	if f.Object == choiceRuleObject && ql == "JSONata" {
		return jsonataChoiceRuleObject
	}
	return f.Object
}

// IsJSONataString reports whether s is a JSONata expression string: it
// starts with "{%" and ends with "%}" with nothing outside them.
func IsJSONataString(s string) bool {
	return len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

// StripDollar removes the ".$" suffix of a payload-template key.
func StripDollar(key string) (name string, dynamic bool) {
	if strings.HasSuffix(key, ".$") {
		return key[:len(key)-2], true
	}
	return key, false
}

func defaultSnippet(f *Field) string {
	key := strconv.Quote(f.Name) + ": "
	switch {
	case len(f.Enum) > 0:
		return key + "\"${1|" + strings.Join(f.Enum, ",") + "|}\""
	case f.Types == TBoolean:
		return key + "${1|true,false|}"
	case f.Types&(TInteger|TNumber) != 0 && f.Types&TString == 0:
		if f.Default != "" {
			return key + "${1:" + f.Default + "}"
		}
		return key + "$1"
	case f.Types&TObject != 0:
		return key + "{\n\t$0\n}"
	case f.Types&TArray != 0:
		return key + "[$0]"
	case f.Types&TString != 0:
		return key + "\"$1\""
	}
	return key + "$1"
}

// Describe renders a field's hover text: its doc followed by a line with
// its type, mode, default, enum values and range.
func (f *Field) Describe() string {
	var b strings.Builder
	b.WriteString("**")
	b.WriteString(f.Name)
	b.WriteString("**")
	if f.Deprecated != "" {
		b.WriteString(" (deprecated: " + f.Deprecated + ")")
	}
	b.WriteString("\n\n")
	b.WriteString(f.Doc)
	var facts []string
	t := f.Types.String()
	if f.JSONata {
		t += ", or a JSONata `{% %}` string"
	}
	facts = append(facts, "Type: "+t)
	if f.Required {
		facts = append(facts, "required")
	}
	switch f.Mode {
	case JSONPathOnly:
		facts = append(facts, "JSONPath only")
	case JSONataOnly:
		facts = append(facts, "JSONata only")
	}
	if f.Default != "" {
		facts = append(facts, "default `"+f.Default+"`")
	}
	if len(f.Enum) > 0 {
		facts = append(facts, "one of `"+strings.Join(f.Enum, "`, `")+"`")
	}
	if r := f.RangeText(); r != "" {
		facts = append(facts, r)
	}
	b.WriteString("\n\n")
	b.WriteString(strings.Join(facts, " · "))
	return b.String()
}

// RangeText describes a numeric range ("at least 1", "0 to 100"), or "".
func (f *Field) RangeText() string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case f.Min != nil && f.Max != nil && *f.Max < 1e15:
		return "from " + num(*f.Min) + " to " + num(*f.Max)
	case f.Min != nil:
		return "at least " + num(*f.Min)
	case f.Max != nil:
		return "at most " + num(*f.Max)
	}
	return ""
}

// Suggest returns the fields worth offering as new keys of an object of
// schema o in query language ql, given the keys already present: fields
// of the other language, fields already there, and fields excluded by a
// present member of an exactly-one or at-most-one group (End once Next is
// there, Iterator once ItemProcessor is) are left out. Deprecated fields
// come last. A ".$" suffix on a present key counts as the field itself.
func Suggest(o *ObjectSchema, ql string, present []string) []*Field {
	if o == nil {
		return nil
	}
	have := map[string]bool{}
	for _, p := range present {
		have[p] = true
		if base, dyn := StripDollar(p); dyn {
			have[base] = true
		}
	}
	excluded := map[string]bool{}
	for _, g := range o.Groups {
		if g.Kind == AtLeastOne {
			continue
		}
		for _, name := range g.Fields {
			if have[name] {
				for _, other := range g.Fields {
					excluded[other] = true
				}
			}
		}
	}
	var out, late []*Field
	for _, f := range o.Fields {
		if have[f.Name] || excluded[f.Name] || !f.Mode.Allows(ql) {
			continue
		}
		if f.Deprecated != "" {
			late = append(late, f)
			continue
		}
		out = append(out, f)
	}
	return append(out, late...)
}

// Values returns the literal values worth completing for a field's value:
// its enum values, or true and false for a boolean. Nil otherwise (state
// names for Next/Default/StartAt come from the document, not the schema).
func (f *Field) Values() []string {
	switch {
	case f == nil:
		return nil
	case len(f.Enum) > 0:
		return append([]string(nil), f.Enum...)
	case f.Types == TBoolean:
		return []string{"true", "false"}
	}
	return nil
}

package schema

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fieldNames(fs []*Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

func TestStateFieldsPerLanguage(t *testing.T) {
	tests := []struct {
		typ, ql string
		want    []string
	}{
		{Succeed, "JSONPath", []string{"Type", "Comment", "QueryLanguage", "InputPath", "OutputPath"}},
		{Succeed, "JSONata", []string{"Type", "Comment", "QueryLanguage", "Output"}},
		{Fail, "JSONPath", []string{"Type", "Comment", "QueryLanguage", "Error", "Cause", "ErrorPath", "CausePath"}},
		{Fail, "JSONata", []string{"Type", "Comment", "QueryLanguage", "Error", "Cause"}},
		{Wait, "JSONata", []string{"Type", "Comment", "QueryLanguage", "Seconds", "Timestamp", "Next", "End", "Output", "Assign"}},
		{Pass, "JSONPath", []string{"Type", "Comment", "QueryLanguage", "Result", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Assign"}},
		{Choice, "JSONata", []string{"Type", "Comment", "QueryLanguage", "Choices", "Default", "Output", "Assign"}},
		{"", "JSONPath", []string{"Type", "Comment", "QueryLanguage"}},
		{"Bogus", "JSONata", []string{"Type", "Comment", "QueryLanguage"}},
	}
	for _, tt := range tests {
		got := fieldNames(StateFields(tt.typ, tt.ql))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("StateFields(%q, %q) (-want +got):\n%s", tt.typ, tt.ql, diff)
		}
	}
}

func TestStateFieldLookup(t *testing.T) {
	tests := []struct {
		typ, ql, name string
		found         bool
	}{
		{Task, "JSONPath", "Parameters", true},
		{Task, "JSONata", "Parameters", false},
		{Task, "JSONata", "Arguments", true},
		{Task, "", "Arguments", false},
		{Map, "JSONata", "Arguments", false},
		{Map, "JSONPath", "ItemsPath", true},
		{Map, "JSONata", "Items", true},
		{Choice, "JSONPath", "Next", false},
		{Pass, "JSONPath", "Retry", false},
		{Parallel, "JSONata", "Catch", true},
		{Fail, "JSONPath", "InputPath", false},
	}
	for _, tt := range tests {
		if got := StateField(tt.typ, tt.ql, tt.name) != nil; got != tt.found {
			t.Errorf("StateField(%q, %q, %q) found = %v, want %v", tt.typ, tt.ql, tt.name, got, tt.found)
		}
	}
}

func TestTypesWithField(t *testing.T) {
	if diff := cmp.Diff([]string{"Task", "Parallel", "Map"}, TypesWithField("Retry")); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]string{"Task", "Wait", "Pass", "Parallel", "Map"}, TypesWithField("Next")); diff != "" {
		t.Error(diff)
	}
}

// Every field of every schema has a doc, a snippet and a sane shape.
func TestTablesAreComplete(t *testing.T) {
	var all []*ObjectSchema
	for _, typ := range StateTypes() {
		all = append(all, StateSchema(typ))
	}
	for k := KindTop; k <= KindCredentials; k++ {
		if o := Object(k); o != nil {
			all = append(all, o)
		} else {
			t.Errorf("Object(%d) is nil", k)
		}
	}
	for _, o := range all {
		if o.Doc == "" && o.Kind != KindState {
			t.Errorf("%s has no doc", o.Name)
		}
		seen := map[string]bool{}
		for _, f := range o.Fields {
			if seen[f.Name] {
				t.Errorf("%s: field %s twice", o.Name, f.Name)
			}
			seen[f.Name] = true
			if f.Doc == "" || f.Snippet == "" || f.Types == 0 {
				t.Errorf("%s.%s: doc %q snippet %q types %v", o.Name, f.Name, f.Doc, f.Snippet, f.Types)
			}
			if f.Mode != Both && f.Instead == "" {
				t.Errorf("%s.%s is %v only but names no replacement", o.Name, f.Name, f.Mode)
			}
		}
		for _, g := range o.Groups {
			for _, name := range g.Fields {
				if o.Field(name) == nil {
					t.Errorf("%s: group names unknown field %s", o.Name, name)
				}
			}
		}
	}
	for _, typ := range StateTypes() {
		if StateTypeDoc(typ) == "" {
			t.Errorf("no doc for %s", typ)
		}
	}
}

func TestLocate(t *testing.T) {
	doc := map[string]string{
		"QueryLanguage":                            "JSONPath",
		"States/Fetch/Type":                        "Task",
		"States/Pick/Type":                         "Choice",
		"States/Pick/QueryLanguage":                "JSONata",
		"States/Loop/Type":                         "Map",
		"States/Loop/ItemProcessor/States/In/Type": "Pass",
	}
	get := func(p []string) (string, bool) { v, ok := doc[strings.Join(p, "/")]; return v, ok }
	tests := []struct {
		path                  string
		field, object, parent string
		stateType, ql         string
		elem, stateName, free bool
		unknown               bool
	}{
		{path: "", object: "state machine", ql: "JSONPath"},
		{path: "StartAt", field: "StartAt", parent: "state machine", ql: "JSONPath"},
		{path: "States", field: "States", object: "States", parent: "state machine", ql: "JSONPath"},
		{path: "States/Fetch", object: "Task state", parent: "States", stateType: "Task", ql: "JSONPath", stateName: true},
		{path: "States/Fetch/Retry", field: "Retry", parent: "Task state", stateType: "Task", ql: "JSONPath"},
		{path: "States/Fetch/Retry/0", field: "Retry", object: "Retrier", stateType: "Task", ql: "JSONPath", elem: true},
		{path: "States/Fetch/Retry/0/BackoffRate", field: "BackoffRate", parent: "Retrier", stateType: "Task", ql: "JSONPath"},
		{path: "States/Fetch/Retry/0/ErrorEquals/1", field: "ErrorEquals", stateType: "Task", ql: "JSONPath", elem: true},
		{path: "States/Fetch/Parameters/a.$", stateType: "Task", ql: "JSONPath", free: true},
		{path: "States/Fetch/Credentials/RoleArn.$", field: "RoleArn", parent: "Credentials", stateType: "Task", ql: "JSONPath"},
		{path: "States/Fetch/Bogus", parent: "Task state", stateType: "Task", ql: "JSONPath", unknown: true},
		{path: "States/Fetch/Bogus/x", stateType: "Task", ql: "JSONPath", unknown: true},
		{path: "States/Pick/Choices/0", field: "Choices", object: "Choice rule", stateType: "Choice", ql: "JSONata", elem: true},
		{path: "States/Pick/Choices/0/Condition", field: "Condition", parent: "Choice rule", stateType: "Choice", ql: "JSONata"},
		{path: "States/Loop/ItemProcessor/ProcessorConfig/Mode", field: "Mode", parent: "ProcessorConfig", stateType: "Map", ql: "JSONPath"},
		{path: "States/Loop/ItemProcessor/States/In/Result", field: "Result", parent: "Pass state", stateType: "Pass", ql: "JSONPath", free: true},
		{path: "States/Loop/ItemReader/ReaderConfig/InputType", field: "InputType", parent: "ReaderConfig", stateType: "Map", ql: "JSONPath"},
		{path: "States/X", object: "state", parent: "States", ql: "JSONPath", stateName: true},
	}
	name := func(o *ObjectSchema) string {
		if o == nil {
			return ""
		}
		return o.Name
	}
	for _, tt := range tests {
		var p []string
		if tt.path != "" {
			p = strings.Split(tt.path, "/")
		}
		loc := Locate(p, get)
		if loc.Free != (loc.Container != nil) && !(loc.Free && loc.Parent != nil && loc.Parent.Open) {
			t.Errorf("Locate(%s): Free %v but Container %v", tt.path, loc.Free, loc.Container)
		}
		fieldName := ""
		if loc.Field != nil {
			fieldName = loc.Field.Name
		}
		got := []any{fieldName, name(loc.Object), name(loc.Parent), loc.StateType, loc.QueryLanguage, loc.Elem, loc.StateName, loc.Free, loc.Unknown}
		want := []any{tt.field, tt.object, tt.parent, tt.stateType, tt.ql, tt.elem, tt.stateName, tt.free, tt.unknown}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Locate(%s) [field object parent type ql elem stateName free unknown] (-want +got):\n%s", tt.path, diff)
		}
	}
}

func TestTypeString(t *testing.T) {
	tests := []struct {
		t    Type
		want string
	}{
		{TString, "string"},
		{TString | TNull, "string or null"},
		{TInteger | TNumber, "number"},
		{TInteger, "integer"},
		{TBoolean | TObject | TArray, "boolean, object or array"},
		{TAny, "any JSON value"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%b.String() = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	got := StateSchema(Task).Field("TimeoutSeconds").Describe()
	for _, want := range []string{"**TimeoutSeconds**", "integer, or a JSONata `{% %}` string", "default `99999999`", "from 1 to 99999999"} {
		if !strings.Contains(got, want) {
			t.Errorf("Describe() = %q, missing %q", got, want)
		}
	}
	if got := Object(KindRetrier).Field("JitterStrategy").Snippet; got != `"JitterStrategy": "${1|FULL,NONE|}"` {
		t.Errorf("snippet = %q", got)
	}
}

func TestErrorNames(t *testing.T) {
	for _, name := range []string{"States.ALL", "States.Timeout", "States.TaskFailed", "States.Permissions", "States.ResultPathMatchFailure", "States.ParameterPathFailure", "States.BranchFailed", "States.NoChoiceMatched", "States.IntrinsicFailure", "States.HeartbeatTimeout", "States.Runtime", "States.DataLimitExceeded", "States.ExceedToleratedFailureThreshold", "States.ItemReaderFailed", "States.ResultWriterFailed", "States.QueryEvaluationError", "Lambda.ServiceException", "Lambda.Unknown"} {
		if ErrorDoc(name) == "" {
			t.Errorf("no doc for %s", name)
		}
	}
	if !IsPredefinedError("States.Timeout") || IsPredefinedError("Lambda.Unknown") || IsPredefinedError("Custom") {
		t.Error("IsPredefinedError is wrong")
	}
}

func TestOperators(t *testing.T) {
	if got := len(Operators()); got != 39 {
		t.Errorf("%d operators, want 39", got)
	}
	if op := LookupOperator("NumericEqualsPath"); op == nil || !op.Path || op.Operand != TString {
		t.Errorf("NumericEqualsPath = %+v", op)
	}
	if LookupOperator("And") != nil {
		t.Error("And is not a comparison operator")
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		o       *ObjectSchema
		ql      string
		present []string
		want    []string
	}{
		{StateSchema(Wait), "JSONPath", []string{"Type", "Seconds", "Next"}, []string{"Comment", "QueryLanguage", "InputPath", "OutputPath", "Assign"}},
		{StateSchema(Wait), "JSONata", []string{"Type"}, []string{"Comment", "QueryLanguage", "Seconds", "Timestamp", "Next", "End", "Output", "Assign"}},
		{StateSchema(Map), "JSONPath", []string{"Type", "ItemProcessor", "End", "ItemSelector", "Parameters", "ResultSelector", "ResultPath", "InputPath", "OutputPath", "Assign", "Retry", "Catch", "Comment", "QueryLanguage", "ItemsPath"},
			[]string{"ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label"}},
		{Object(KindCredentials), "JSONPath", []string{"RoleArn.$"}, nil},
		{nil, "JSONPath", nil, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, fieldNames(Suggest(tt.o, tt.ql, tt.present))); diff != "" {
			t.Errorf("Suggest(%v) (-want +got):\n%s", tt.present, diff)
		}
	}
}

func TestEnumDoc(t *testing.T) {
	for _, c := range [][2]string{{"Type", "Map"}, {"Mode", "DISTRIBUTED"}, {"QueryLanguage", "JSONata"}, {"JitterStrategy", "FULL"}, {"InputType", "PARQUET"}} {
		if EnumDoc(c[0], c[1]) == "" {
			t.Errorf("no doc for %s=%s", c[0], c[1])
		}
	}
	if EnumDoc("Mode", "inline") != "" {
		t.Error("enum docs are case-sensitive")
	}
	// Every documented value is a value of a field with that name.
	for field, values := range enumDocs {
		for v := range values {
			found := false
			for _, o := range []*ObjectSchema{topObject, StateSchema(Task), processorConfigObject, retrierObject, readerConfigObject} {
				if f := o.Field(field); f != nil {
					for _, e := range f.Enum {
						found = found || e == v
					}
				}
			}
			if !found {
				t.Errorf("enum doc for %s=%s names no enum value", field, v)
			}
		}
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		f    *Field
		want []string
	}{
		{StateSchema(Task).Field("Type"), []string{"Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map"}},
		{StateSchema(Pass).Field("End"), []string{"true", "false"}},
		{Object(KindProcessorConfig).Field("Mode"), []string{"INLINE", "DISTRIBUTED"}},
		{StateSchema(Task).Field("Resource"), nil},
		{nil, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.f.Values()); diff != "" {
			t.Error(diff)
		}
	}
}

// Every field of every schema is found by name, and near misses are not.
func TestFieldTableFindsEveryField(t *testing.T) {
	var all []*ObjectSchema
	for _, o := range objects {
		all = append(all, o)
	}
	for _, o := range stateSchemas {
		all = append(all, o)
	}
	all = append(all, anyState)
	for _, o := range all {
		for _, f := range o.Fields {
			// The same pointer: no schema lists a name twice (the checks
			// compare fields by pointer).
			if got := o.Field(f.Name); got != f {
				t.Errorf("%s: Field(%q) = %v, not the listed field", o.Name, f.Name, got)
			}
			for _, miss := range []string{f.Name + "x", "x" + f.Name, f.Name[:len(f.Name)-1]} {
				if got := o.Field(miss); got != nil && got.Name != miss {
					t.Errorf("%s: Field(%q) = %q", o.Name, miss, got.Name)
				}
			}
		}
		if o.Field("") != nil {
			t.Errorf("%s: Field(\"\") is not nil", o.Name)
		}
	}
}

func TestStateSchemaByType(t *testing.T) {
	if len(stateTypeDocs) != len(stateTypeEnum) || len(stateSchemas) != len(stateTypeEnum) {
		t.Fatalf("%d docs, %d schemas, %d types", len(stateTypeDocs), len(stateSchemas), len(stateTypeEnum))
	}
	for _, typ := range stateTypeEnum {
		if !IsStateType(typ) || StateSchema(typ) != stateSchemas[typ] || StateSchema(typ) == nil || stateTypeDocs[typ] == "" {
			t.Errorf("%s: not found by type", typ)
		}
	}
	for _, typ := range []string{"", "task", "Tasks", "Mapp"} {
		if IsStateType(typ) || StateSchema(typ) != anyState {
			t.Errorf("%q is taken for a state type", typ)
		}
	}
}

// Field.Operator marks exactly the rule fields LookupOperator knows.
func TestFieldOperator(t *testing.T) {
	for _, o := range []*ObjectSchema{choiceRuleObject, nestedChoiceRuleObject, jsonataChoiceRuleObject} {
		for _, f := range o.Fields {
			if want := LookupOperator(f.Name) != nil; f.Operator != want {
				t.Errorf("%s field %q: Operator = %v, want %v", o.Name, f.Name, f.Operator, want)
			}
		}
	}
}

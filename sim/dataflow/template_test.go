package dataflow

import (
	"reflect"
	"testing"
)

func TestTemplateApply(t *testing.T) {
	tests := []struct {
		name, template, input, want string
	}{
		{
			// paths.md §3: the AWS Parameters example.
			"aws parameters example",
			`{"comment":"Selecting what I care about.","MyDetails":{"size.$":"$.product.details.size","exists.$":"$.product.availability","StaticValue":"foo"}}`,
			`{"product":{"details":{"color":"blue","size":"small","material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}`,
			`{"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}`,
		},
		{
			// paths.md §3: ResultSelector example.
			"aws result selector example",
			`{"ClusterId.$":"$.output.ClusterId","ResourceType.$":"$.resourceType"}`,
			`{"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{"SdkHttpMetadata":{"HttpStatusCode":200},"ClusterId":"AKIAIOSFODNN7EXAMPLE"}}`,
			`{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}`,
		},
		{
			"flatten",
			`{"flattenArray.$":"$[*][*]"}`,
			`[[1,2],[3]]`,
			`{"flattenArray":[1,2,3]}`,
		},
		{
			"objects inside arrays are templates too",
			`{"list":[1,{"v.$":"$.a"},[{"w.$":"States.Format('{}!', $.a)"}]]}`,
			`{"a":"x"}`,
			`{"list":[1,{"v":"x"},[{"w":"x!"}]]}`,
		},
		{
			"context object and variables",
			`{"name.$":"$$.Execution.Name","n.$":"$count","whole.$":"$"}`,
			`{"k":1}`,
			`{"name":"exec-1","n":3,"whole":{"k":1}}`,
		},
		{
			"a literal key with a dollar is copied as is",
			`{"price":"$.x","nested":{"a.b":"c"}}`,
			`{}`,
			`{"price":"$.x","nested":{"a.b":"c"}}`,
		},
	}
	ctx := &Context{
		Object: map[string]any{"Execution": map[string]any{"Name": "exec-1"}},
		Vars: func(name string) (any, bool) {
			if name == "count" {
				return 3.0, true
			}
			return nil, false
		},
	}
	for _, tt := range tests {
		tmpl, err := CompileTemplate(mustJSON(t, tt.template))
		if err != nil {
			t.Errorf("%s: CompileTemplate: %v", tt.name, err)
			continue
		}
		got, err := tmpl.Apply(mustJSON(t, tt.input), ctx)
		if err != nil {
			t.Errorf("%s: Apply: %v", tt.name, err)
			continue
		}
		if !DeepEqual(got, mustJSON(t, tt.want)) {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, EncodeJSON(got), tt.want)
		}
	}
}

func TestTemplateLiteralsAreNotShared(t *testing.T) {
	tmpl, err := CompileTemplate(mustJSON(t, `{"fixed":{"list":[1]}}`))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := tmpl.Apply(nil, nil)
	first.(map[string]any)["fixed"].(map[string]any)["list"].([]any)[0] = "changed"
	second, _ := tmpl.Apply(nil, nil)
	if !DeepEqual(second, mustJSON(t, `{"fixed":{"list":[1]}}`)) {
		t.Errorf("a caller's change leaked into the template: %s", EncodeJSON(second))
	}
}

func TestTemplateErrors(t *testing.T) {
	for _, bad := range []string{
		`{"a.$":1}`,
		`{"a.$":"not a path"}`,
		`{"a.$":"States.Nope()"}`,
		`{"a.$":"States.Format("}`,
		`{"a":1,"a.$":"$.x"}`,
		`{"a.$":"$.x[?(@.y"}`,
	} {
		if _, err := CompileTemplate(mustJSON(t, bad)); err == nil {
			t.Errorf("CompileTemplate(%s) succeeded, want an error", bad)
		}
	}
	// Recorded: test_invalid_jsonpath INVALID_JSONPATH_IN_STRING_EXPR_*.
	tmpl, err := CompileTemplate(mustJSON(t, `{"value.$":"$$.Execution.Input.no_such_jsonpath"}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tmpl.Apply(mustJSON(t, `{}`), &Context{Object: map[string]any{"Execution": map[string]any{"Input": map[string]any{}}}})
	want := `The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{}'`
	if e, ok := err.(*Error); !ok || e.Name != ErrRuntime || e.Cause != want {
		t.Errorf("got %v\nwant States.Runtime %q", err, want)
	}
}

// ApplyWithin builds what Apply builds, and says it fits only when
// SizeOver says so of the whole result.
func TestApplyWithinMatchesApplyAndSizeOver(t *testing.T) {
	input := map[string]any{"a": "xxxxxxxxxx", "b": []any{int64(1), "yy"}, "c": map[string]any{"d": 1.5}}
	for _, def := range []any{
		map[string]any{"v.$": "$"},
		map[string]any{"x.$": "$.a", "y": "lit", "z.$": "States.Format('{}', $.a)"},
		map[string]any{"b.$": "$.b", "c.$": "$.c"},
		[]any{"not", "an", "object"},
	} {
		tpl, err := CompileTemplate(def)
		if err != nil {
			t.Fatal(err)
		}
		want, err := tpl.Apply(input, nil)
		if err != nil {
			t.Fatal(err)
		}
		for limit := 0; limit < 120; limit++ {
			got, fits, err := tpl.ApplyWithin(input, nil, limit)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%v: ApplyWithin %v, Apply %v", def, got, want)
			}
			n := 0
			over := SizeOver(got, &n, limit)
			_, isObj := def.(map[string]any)
			if fits && over || isObj && fits == over {
				t.Fatalf("%v, limit %d: fits %v, SizeOver %v", def, limit, fits, over)
			}
		}
	}
}

package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/syntax"
)

const nested = `{
  "QueryLanguage": "JSONata",
  "StartAt": "Choose",
  "States": {
    "Choose": {
      "Type": "Choice",
      "QueryLanguage": "JSONPath",
      "Choices": [
        {"Variable": "$.x", "NumericEquals": 1, "Next": "Par"},
        {"And": [{"Variable": "$.y", "IsPresent": true}, {"Not": {"Variable": "$.z", "StringEquals": "a"}}], "Next": "Loop"}
      ],
      "Default": "Missing"
    },
    "Par": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}, "Next": "Choose"}}}
      ],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Loop"}],
      "End": true
    },
    "Loop": {"Type": "Pass", "Next": "Loop"},
    "Orphan": {"Type": "Succeed"}
  }
}`

func build(t *testing.T, text string) *Definition {
	t.Helper()
	f := syntax.Parse([]byte(text))
	if len(f.Errors) > 0 {
		t.Fatalf("test document has syntax errors: %v", f.Errors)
	}
	return Build(f)
}

func names(states []*State) []string {
	var out []string
	for _, s := range states {
		out = append(out, s.Path())
	}
	return out
}

func TestBuildScopes(t *testing.T) {
	d := build(t, nested)
	if got, want := names(d.All), []string{"Choose", "Par", "Par/branch[0]/A", "Par/branch[1]/Each", "Par/branch[1]/Each/A", "Loop", "Orphan"}; !slices.Equal(got, want) {
		t.Errorf("All = %q, want %q", got, want)
	}
	if n := len(d.ByName["A"]); n != 2 {
		t.Errorf("ByName[A] has %d states, want 2 (a machine-wide duplicate)", n)
	}
	if got := len(d.Machine.Scopes()); got != 4 {
		t.Errorf("Scopes() = %d, want 4 (top, two branches, one processor)", got)
	}
	par := d.Machine.Lookup("Par")
	if len(par.Branches) != 2 || par.Branches[1].Index != 1 || par.Branches[1].Owner != par {
		t.Fatalf("Par branches not linked: %+v", par.Branches)
	}
	each := par.Branches[1].Lookup("Each")
	if each.Processor == nil || each.Processor.Lookup("A").Type != TypeSucceed {
		t.Errorf("Map processor not built")
	}
	if each.Processor.Top() != d.Machine {
		t.Errorf("Top() of a nested scope is not the top-level machine")
	}
}

func TestQueryLanguageInheritsFromTopLevel(t *testing.T) {
	d := build(t, nested)
	tests := map[string]QueryLanguage{"Choose": JSONPath, "Par": JSONata, "Par/branch[0]/A": JSONata, "Loop": JSONata}
	for _, s := range d.All {
		if want, ok := tests[s.Path()]; ok && s.QueryLanguage != want {
			t.Errorf("%s: QueryLanguage = %s, want %s", s.Path(), s.QueryLanguage, want)
		}
	}
}

func TestReferencesResolvePerScope(t *testing.T) {
	d := build(t, nested)
	choose := d.Machine.Lookup("Choose")
	if choose.Default == nil || choose.Default.Target != nil || choose.Default.Name != "Missing" {
		t.Errorf("Default to an unknown state should stay unresolved: %+v", choose.Default)
	}
	if len(choose.Choices) != 2 || choose.Choices[0].Next.Target != d.Machine.Lookup("Par") {
		t.Errorf("Choice rule Next not resolved")
	}
	if op := choose.Choices[1].Operator; op != "And" {
		t.Errorf("rule operator = %q, want And", op)
	}
	if n := len(choose.Choices[1].Nested); n != 2 || choose.Choices[1].Nested[1].Nested[0].Operator != "StringEquals" {
		t.Errorf("nested rules not built")
	}
	// "Choose" exists only at the top level: the Map's Next inside a branch
	// must not resolve across the scope boundary.
	each := d.Machine.Lookup("Par").Branches[1].Lookup("Each")
	if each.Next.Target != nil {
		t.Errorf("Next resolved across a branch boundary to %s", each.Next.Target.Path())
	}
}

func TestGraph(t *testing.T) {
	d := build(t, nested)
	edges := d.Machine.Lookup("Choose").Edges()
	var kinds []EdgeKind
	for _, e := range edges {
		kinds = append(kinds, e.Kind)
	}
	if want := []EdgeKind{EdgeChoice, EdgeChoice, EdgeDefault}; !slices.Equal(kinds, want) {
		t.Errorf("Edges kinds = %v, want %v", kinds, want)
	}
}

func TestBuildNeverFails(t *testing.T) {
	for _, text := range []string{``, `[]`, `{"States": 3}`, `{"StartAt": 1, "States": {"A": 7, "B": {"Type": 5}}}`, `{"States": {"M": {"Type": "Map", "Iterator": []}}}`, `{"States": {"P": {"Type": "Parallel", "Branches": [1, {}]}}}`} {
		d := Build(syntax.Parse([]byte(text)))
		if d.Machine == nil {
			t.Errorf("Build(%q): nil machine", text)
		}
	}
}

func TestStateIDAndIndex(t *testing.T) {
	d := build(t, nested)
	for i, s := range d.All {
		if s.ID != i {
			t.Errorf("%s: ID = %d, want its position in All, %d", s.Path(), s.ID, i)
		}
		if s.Scope.States[s.Index] != s {
			t.Errorf("%s: Index = %d is not its position in its scope", s.Path(), s.Index)
		}
	}
}

// A name repeated in more scopes than Lookup scans still resolves in each.
func TestLookupManyScopesSharingAName(t *testing.T) {
	var branches []string
	for i := 0; i < 3*maxGroupScan; i++ {
		branches = append(branches, `{"StartAt": "A", "States": {"B": {"Type": "Pass", "Next": "A"}, "A": {"Type": "Succeed"}, "A": {"Type": "Fail"}}}`)
	}
	d := Build(syntax.Parse([]byte(`{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [` + strings.Join(branches, ",") + `]}}}`)))
	if n := len(d.ByName["A"]); n != 2*3*maxGroupScan {
		t.Fatalf("ByName[A] has %d states", n)
	}
	for i, br := range d.Machine.Lookup("P").Branches {
		a := br.Lookup("A")
		if a == nil || a.Scope != br || a.Type != TypeSucceed {
			t.Fatalf("branch %d: Lookup(A) = %+v", i, a)
		}
		if br.StartAt.Target != a || br.States[0].Next.Target != a {
			t.Errorf("branch %d: references not resolved to its own first A", i)
		}
	}
}

func TestFieldSlots(t *testing.T) {
	for slot, name := range fieldNames {
		if got := fieldSlot(name); got != slot {
			t.Errorf("fieldSlot(%q) = %d, want %d", name, got, slot)
		}
		for _, miss := range []string{name + "s", "x" + name, name[1:]} {
			if got := fieldSlot(miss); got >= 0 && fieldNames[got] != miss {
				t.Errorf("fieldSlot(%q) = %d", miss, got)
			}
		}
	}
	if fieldSlot("") != -1 || fieldSlot("Nope") != -1 {
		t.Error("unknown names have a slot")
	}
}

// A name used twice in one scope resolves to its first state, also when
// the second one follows the referring state.
func TestDuplicateNameResolvesToFirst(t *testing.T) {
	d := Build(syntax.Parse([]byte(`{"StartAt": "X", "States": {"A": {"Type": "Fail"}, "X": {"Type": "Pass", "Next": "A"}, "A": {"Type": "Succeed"}}}`)))
	x := d.Machine.Lookup("X")
	if x == nil || x.Next.Target == nil || x.Next.Target.Type != TypeFail {
		t.Fatalf("X.Next resolves to %+v, want the first A (Fail)", x.Next.Target)
	}
	if d.Machine.StartAt.Target != x {
		t.Errorf("StartAt does not resolve to X")
	}
}

func TestStateIDsArePositionsInAll(t *testing.T) {
	d := build(t, nested)
	for i, s := range d.All {
		if s.ID != i || s.Scope.States[s.Index] != s {
			t.Errorf("%s: ID %d at position %d, Index %d", s.Path(), s.ID, i, s.Index)
		}
	}
}

func TestSlotHashPerfect(t *testing.T) {
	for slot, name := range fieldNames {
		if got := fieldSlot(name); got != slot {
			t.Errorf("fieldSlot(%q) = %d, want %d", name, got, slot)
		}
	}
	for _, name := range []string{"Typ", "Types", "X", "Parameter", "ResultSelectors", "comment"} {
		if got := fieldSlot(name); got != -1 {
			t.Errorf("fieldSlot(%q) = %d, want -1", name, got)
		}
	}
}

// FieldAt, ValueAt, Field and Value agree with scans of the state's
// object, wherever the field is.
func TestFieldAt(t *testing.T) {
	for _, src := range []string{
		`{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:x","Next":"B","Retry":[],"Comment":"c","Type":"Pass"},"B":{"Type":"Succeed"}}}`,
		`{"StartAt":"A","States":{"A":"not an object"}}`,
		// Fields met past the 14th member, which the index does not place.
		`{"StartAt":"A","States":{"A":{"X1":1,"X2":2,"X3":3,"X4":4,"X5":5,"X6":6,"X7":7,"X8":8,"X9":9,"X10":10,"X11":11,"X12":12,"Type":"Task","X14":14,` +
			`"Next":"B","Resource":"arn:x","Type":"Pass","Comment":"c","Next":"C","Retry":[]},"B":{"Type":"Succeed"}}}`,
	} {
		d := Build(syntax.Parse([]byte(src)))
		for _, s := range d.All {
			for k, name := range fieldNames {
				want := s.Node.Get(name)
				if got := s.FieldAt(FieldKey(k)); got != want {
					t.Errorf("%s: FieldAt(%s) = %v, want %v", s.Name, name, got, want)
				}
				if got := s.Field(name); got != want {
					t.Errorf("%s: Field(%s) = %v, want %v", s.Name, name, got, want)
				}
				if got, want := s.ValueAt(FieldKey(k)), s.Node.Value(name); got != want {
					t.Errorf("%s: ValueAt(%s) = %v, want %v", s.Name, name, got, want)
				}
				if got, want := s.Value(name), s.Node.Value(name); got != want {
					t.Errorf("%s: Value(%s) = %v, want %v", s.Name, name, got, want)
				}
			}
			if typ := s.Node.Value("Type"); typ.IsString() != (s.Type != "") || typ.IsString() && s.Type != typ.Str {
				t.Errorf("%s: Type = %q", s.Name, s.Type)
			}
			if next := s.Node.Value("Next"); next.IsString() != (s.Next != nil) || next.IsString() && s.Next.Node != next {
				t.Errorf("%s: Next = %+v", s.Name, s.Next)
			}
			if s.FieldAt(FieldKey(indexedFields)) != nil || s.ValueAt(255) != nil {
				t.Errorf("%s: a key past the indexed fields found something", s.Name)
			}
		}
	}
}

// The index's mark says an object was indexed, whatever the parity of
// indexedFields, and leaves the last slot's nibble alone.
func TestFieldIndexMark(t *testing.T) {
	d := Build(syntax.Parse([]byte(`{"StartAt":"A","States":{"A":{},"B":{"Credentials":{}},"C":[]}}`)))
	for _, s := range d.All {
		if got, want := s.fields.indexed(), s.Node.Kind == syntax.Object; got != want {
			t.Errorf("%s: indexed() = %t, want %t", s.Name, got, want)
		}
		if got, want := s.FieldAt(FieldCredentials), s.Node.Get("Credentials"); got != want {
			t.Errorf("%s: FieldAt(Credentials) = %v, want %v", s.Name, got, want)
		}
	}
	var x fieldIndex
	if x.set(indexedFields-1, farField); x.indexed() {
		t.Error("the last field's slot reads as the mark")
	}
	if x.set(indexMark, 1); !x.indexed() {
		t.Error("the mark is not read where set writes it")
	}
}

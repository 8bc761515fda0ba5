package check

import (
	"reflect"
	"testing"

	"github.com/aslkit/aslkit/asl/expr"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

func TestPassMemoComputesOncePerRun(t *testing.T) {
	calls := 0
	compute := func() any { calls++; return calls }
	const key = memoKey(255)

	run := map[any]any{}
	first, second := &Pass{memo: run}, &Pass{memo: run} // two rules of one Run
	if got := first.Memo(key, compute); got != 1 {
		t.Fatalf("first Memo = %v, want 1", got)
	}
	if got := second.Memo(key, compute); got != 1 || calls != 1 {
		t.Errorf("second rule of the Run: Memo = %v after %d computations, want the first value after 1", got, calls)
	}
	if got := (&Pass{memo: map[any]any{}}).Memo(key, compute); got != 2 {
		t.Errorf("another Run: Memo = %v, want a fresh computation (2)", got)
	}
	if got := (&Pass{}).Memo(key, compute); got != 3 {
		t.Errorf("a Pass without a memo: Memo = %v, want a computation (3)", got)
	}
}

// Memo may be called from inside a computation (the scope graphs need the
// scope list).
func TestPassMemoNested(t *testing.T) {
	def := model.Build(syntax.Parse([]byte(`{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`)))
	p := &Pass{Def: def, memo: map[any]any{}}
	g := graphOf(p, def.Machine)
	if g == nil || !g.reached(def.Machine.Lookup("A")) || !g.finishes(def.Machine.Lookup("A")) {
		t.Fatalf("graph of a one-state machine: %+v", g)
	}
	if len(p.memo) != 2 {
		t.Errorf("memo holds %d values, want 2 (scopes and graphs)", len(p.memo))
	}
}

// The parser-free answer for plain paths is what the parsers say.
func TestPlainPathResultMatchesParsers(t *testing.T) {
	for _, s := range []string{"$", "$$", "$.a", "$.a.b_c.D9", "$$.Execution.Id", "$.9", "$.a.", "$..a", "$.a[0]", "$x", "$$x", "$.a b", "$.a-b", "$ ", " $", "$.*", ""} {
		got, ok := plainPathResult(s)
		if !ok {
			continue
		}
		for kind, parse := range map[string]func(string) (*expr.Path, []expr.Error){
			"path": expr.ParsePath, "reference": expr.ParseReferencePath,
			"dollar": func(s string) (*expr.Path, []expr.Error) {
				e, errs := expr.ParseDollarValue(s)
				p, _ := e.(*expr.Path)
				return p, errs
			},
		} {
			var want parsedExpr
			path, errs := parse(s)
			want.setPath(path)
			want.errs = errs
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: plainPathResult = %+v, parser = %+v", kind, s, got, want)
			}
		}
	}
}

package expr

import (
	"testing"

	"github.com/ohler55/ojg/jp"
)

var pathSeeds = []string{
	"$", "$.a.b", "$['a b']", `$["x"]`, "$.a[0]", "$.a[-1]", "$.a[*]", "$.*", "$..a", "$.a[1:3]", "$.a[0,1]",
	"$.a[?(@.price < 10)]", "$.a[?(@.x)]", "$.my-field", "$$.Execution.Input", "$var.field[0]",
	`$.store\.book`, `$.\uD800\uDF46`, "$.a[?(@.t =~ /ab/i && !(@.x in [1,'b']))]", "$[(@.length-1)]",
	"$.a[", "$.a[?(", "$..", "$$$", "$.a['x", `$.a\`, "$[?(@.a == $.b || @.c nin [null, true])]",
}

// checkSpans fails when a span leaves [0, n] or is inverted.
func checkSpans(t *testing.T, n int, spans ...Span) {
	t.Helper()
	for _, s := range spans {
		if s.Start < 0 || s.End < s.Start || s.End > n {
			t.Fatalf("span %v out of range for length %d", s, n)
		}
	}
}

func checkPath(t *testing.T, s string, p *Path, errs []Error) {
	t.Helper()
	if p == nil {
		t.Fatal("nil path")
	}
	checkSpans(t, len(s), p.Span, p.RootSpan)
	for _, seg := range p.Segments {
		checkSpans(t, len(s), seg.Span, seg.NameSpan)
		for _, m := range seg.Union {
			checkSpans(t, len(s), m.Span)
		}
	}
	for _, e := range errs {
		checkSpans(t, len(s), e.Span)
		if e.Message == "" {
			t.Fatal("error without a message")
		}
	}
	if errs == nil {
		// Every path we accept must be evaluable by the simulator's engine.
		if _, err := jp.ParseString(p.JSONPath()); err != nil {
			t.Fatalf("ojg rejects %q (from %q): %v", p.JSONPath(), s, err)
		}
		again, errs2 := ParsePath(p.JSONPath())
		if errs2 != nil || again.JSONPath() != p.JSONPath() {
			t.Fatalf("re-parsing %q gives %q %v", p.JSONPath(), again.JSONPath(), errs2)
		}
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, errs := ParsePath(s)
		checkPath(t, s, p, errs)
	})
}

func FuzzParseReferencePath(f *testing.F) {
	for _, s := range pathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, errs := ParseReferencePath(s)
		checkPath(t, s, p, errs)
		if errs == nil && !p.IsSingular() {
			t.Fatalf("%q accepted as a reference path but not singular", s)
		}
	})
}

func FuzzParseIntrinsic(f *testing.F) {
	for _, s := range []string{
		"States.Format('Hello {}', $.name)", "States.UUID()", "States.MathAdd(-1.5, 2e3)",
		"States.Array('a', 1, true, false, null, $$.x, $v, States.Array())", `States.Format('\{\}\\ {}', $.a[?(@.b == 'x')])`,
		"States.Hash($.x, 'SHA-1')", "States.JsonMerge($.a, $.b, true)", "States.ArrayRange(0, 10000, 0)",
		"States.Format('x'", "States.(", "States.Format('x', $.a b)", "States.Format(,)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, errs := ParseIntrinsic(s)
		for _, e := range errs {
			checkSpans(t, len(s), e.Span)
		}
		if c == nil {
			return
		}
		var walk func(c *Call)
		walk = func(c *Call) {
			checkSpans(t, len(s), c.Span, c.NameSpan, c.LParen, c.RParen)
			for _, a := range c.Args {
				checkSpans(t, len(s), a.Span)
				if a.Path != nil {
					checkPath(t, s[:a.Path.Span.End], a.Path, nil)
				}
				if a.Call != nil {
					walk(a.Call)
				}
			}
		}
		walk(c)
		for _, e := range CheckCall(c) {
			checkSpans(t, len(s), e.Span)
		}
		_, _ = ParseDollarValue(s)
	})
}

func FuzzJSONataFraming(f *testing.F) {
	for _, s := range []string{"{% 10 %}", "{%10%}", "{% 10 %", "10 %}", " {% 1 %} ", "{%%}", "{%}", "%}", "{%", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range CheckJSONataFraming(s) {
			checkSpans(t, len(s), e.Span)
		}
		if body, off, ok := JSONataBody(s); ok && s[off:off+len(body)] != body {
			t.Fatalf("body %q is not at offset %d", body, off)
		}
		HasPlaceholder(s)
		IsWholePlaceholder(s)
		pieces, errs := SplitFormatTemplate(s)
		if len(pieces) == 0 {
			t.Fatal("no pieces")
		}
		for _, e := range errs {
			checkSpans(t, len(s), e.Span)
		}
	})
}

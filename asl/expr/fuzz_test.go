package expr

import (
	"fmt"
	"strings"
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
		x, err := jp.ParseString(p.JSONPath())
		if err != nil {
			t.Fatalf("ojg rejects %q (from %q): %v", p.JSONPath(), s, err)
		}
		if msg := sameSteps(p, x); msg != "" {
			t.Fatalf("ojg reads %q (from %q) differently: %s", p.JSONPath(), s, msg)
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
		if got, want := HasPlaceholder(s), hasPlaceholderByBytes(s); got != want {
			t.Fatalf("HasPlaceholder(%q) = %v, want %v", s, got, want)
		}
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

// sameSteps checks that ojg parsed the rendered path into the steps we
// meant: same kinds in the same order, same field names and indexes.
func sameSteps(p *Path, x jp.Expr) string {
	if len(x) == 0 {
		return "empty expression"
	}
	if _, ok := x[0].(jp.Root); !ok {
		return fmt.Sprintf("first step %T, want the root", x[0])
	}
	frags := x[1:]
	i := 0
	next := func() jp.Frag {
		if i >= len(frags) {
			return nil
		}
		i++
		return frags[i-1]
	}
	for _, seg := range p.Segments {
		if seg.Descendant {
			if _, ok := next().(jp.Descent); !ok {
				return "missing deep scan"
			}
		}
		f := next()
		ok := false
		switch seg.Kind {
		case SegField:
			c, isChild := f.(jp.Child)
			ok = isChild && string(c) == seg.Name
		case SegIndex:
			n, isNth := f.(jp.Nth)
			ok = isNth && int(n) == seg.Index
		case SegWildcard:
			_, ok = f.(jp.Wildcard)
		case SegSlice:
			_, ok = f.(jp.Slice)
		case SegUnion:
			u, isUnion := f.(jp.Union)
			ok = isUnion && len(u) == len(seg.Union)
		case SegFilter:
			_, ok = f.(*jp.Filter)
		}
		if !ok {
			return fmt.Sprintf("segment %v %q read as %#v", seg.Kind, seg.Name, f)
		}
	}
	if i != len(frags) {
		return fmt.Sprintf("%d extra steps", len(frags)-i)
	}
	return ""
}

// hasPlaceholderByBytes is HasPlaceholder's plain definition: some "${" has
// a '}' after it, not right after it.
func hasPlaceholderByBytes(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && s[i+1] == '{' {
			if end := strings.IndexByte(s[i+2:], '}'); end > 0 {
				return true
			}
		}
	}
	return false
}

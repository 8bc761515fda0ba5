package dataflow

import "testing"

// Filter semantics follow Jayway JsonPath, which AWS runs: a bare path
// tests existence, =~ matches the whole string, comparisons with a missing
// value are false (so != and nin hold), $ inside a filter is the document.
func TestFilters(t *testing.T) {
	const input = `{"lim":2,"a":[{"n":1,"s":"x","t":["p"]},{"n":2,"s":"y","t":[]},{"n":3,"s":"0"},{"m":true}]}`
	tests := []struct {
		path, want string
	}{
		{`$.a[?(@.n >= 2)].n`, `[2,3]`},
		{`$.a[?(@.n == 2.0)].n`, `[2]`},
		{`$.a[?(@.s == 'x')].n`, `[1]`},
		{`$.a[?(@.s > 'x')].n`, `[2]`},
		{`$.a[?(@.n)].n`, `[1,2,3]`},
		{`$.a[?(!@.n)]`, `[{"m":true}]`},
		{`$.a[?(@.s =~ /x|y/)].n`, `[1,2]`},
		{`$.a[?(@.s =~ /x.*/)].n`, `[1]`},
		{`$.a[?(@.s =~ /X/i)].n`, `[1]`},
		{`$.a[?(@.n in [1,3])].n`, `[1,3]`},
		{`$.a[?(@.n nin [1,3])]`, `[{"n":2,"s":"y","t":[]},{"m":true}]`},
		{`$.a[?(@.n != 1)]`, `[{"n":2,"s":"y","t":[]},{"n":3,"s":"0"},{"m":true}]`},
		{`$.a[?(@.n > 1 && @.s != 'y')].n`, `[3]`},
		{`$.a[?(@.n == 1 || @.m == true)]`, `[{"n":1,"s":"x","t":["p"]},{"m":true}]`},
		{`$.a[?(@.n < $.lim)].n`, `[1]`},
		{`$.a[?(@.t[0] == 'p')].n`, `[1]`},
		{`$.a[?(@.n > 'x')]`, `[]`},
	}
	in := mustJSON(t, input)
	for _, tt := range tests {
		p, err := CompilePath(tt.path)
		if err != nil {
			t.Errorf("CompilePath(%s): %v", tt.path, err)
			continue
		}
		got, err := p.Get(in, nil)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if !DeepEqual(got, mustJSON(t, tt.want)) {
			t.Errorf("%s = %s, want %s", tt.path, EncodeJSON(got), tt.want)
		}
	}
}

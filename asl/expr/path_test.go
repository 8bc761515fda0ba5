package expr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ohler55/ojg/jp"
)

// describeSegments renders segments compactly: kind, name/index, span.
func describeSegments(p *Path) string {
	var parts []string
	for _, s := range p.Segments {
		d := s.Kind.String()
		switch s.Kind {
		case SegField:
			d += "(" + s.Name + ")"
		case SegIndex:
			d += fmt.Sprintf("(%d)", s.Index)
		}
		if s.Descendant {
			d = ".." + d
		}
		parts = append(parts, d+s.Span.String())
	}
	return strings.Join(parts, " ")
}

func TestParsePathValid(t *testing.T) {
	tests := []struct {
		in       string
		root     RootKind
		variable string
		segments string
		jsonpath string
	}{
		{"$", RootInput, "", "", "$"},
		{"$.a.b", RootInput, "", "field(a)[1,3) field(b)[3,5)", "$['a']['b']"},
		{"$['a b']", RootInput, "", "field(a b)[1,8)", "$['a b']"},
		{`$["x"]`, RootInput, "", "field(x)[1,6)", "$['x']"},
		{`$['it\'s']`, RootInput, "", `field(it\'s)[1,10)`, `$['it\\\'s']`},
		{`$['Test\""Name"']`, RootInput, "", `field(Test\""Name")[1,17)`, `$['Test\\""Name"']`},
		{"$.a[0]", RootInput, "", "field(a)[1,3) index(0)[3,6)", "$['a'][0]"},
		{"$.a[-1]", RootInput, "", "field(a)[1,3) index(-1)[3,7)", "$['a'][-1]"},
		{"$.a[ 2 ]", RootInput, "", "field(a)[1,3) index(2)[3,8)", "$['a'][2]"},
		{"$.a[*]", RootInput, "", "field(a)[1,3) wildcard[3,6)", "$['a'][*]"},
		{"$.*", RootInput, "", "wildcard[1,3)", "$[*]"},
		{"$..a", RootInput, "", "..field(a)[1,4)", "$..['a']"},
		{"$..*", RootInput, "", "..wildcard[1,4)", "$..[*]"},
		{"$..[0]", RootInput, "", "..index(0)[1,6)", "$..[0]"},
		{"$.order..product", RootInput, "", "field(order)[1,7) ..field(product)[7,16)", "$['order']..['product']"},
		{"$.a[1:3]", RootInput, "", "field(a)[1,3) slice[3,8)", "$['a'][1:3]"},
		{"$.a[:2]", RootInput, "", "field(a)[1,3) slice[3,7)", "$['a'][:2]"},
		{"$.a[-2:]", RootInput, "", "field(a)[1,3) slice[3,8)", "$['a'][-2:]"},
		{"$.a[0:6:2]", RootInput, "", "field(a)[1,3) slice[3,10)", "$['a'][0:6:2]"},
		{"$.a[0,1]", RootInput, "", "field(a)[1,3) union[3,8)", "$['a'][0,1]"},
		{"$['a', 'b']", RootInput, "", "union[1,11)", "$['a','b']"},
		{"$[*][*]", RootInput, "", "wildcard[1,4) wildcard[4,7)", "$[*][*]"},
		{"$.a[?(@.price < 10)]", RootInput, "", "field(a)[1,3) filter[3,20)", "$['a'][?(@['price'] < 10)]"},
		{"$.a[?(@.x)]", RootInput, "", "field(a)[1,3) filter[3,11)", "$['a'][?(@['x'])]"},
		{"$.a[?(@)]", RootInput, "", "field(a)[1,3) filter[3,9)", "$['a'][?(@)]"},
		{"$.a[?(@.k == 'v' && @.n >= -1.5e3)]", RootInput, "", "field(a)[1,3) filter[3,35)", "$['a'][?((@['k'] == 'v') && (@['n'] >= -1.5e3))]"},
		{"$.a[?(@.k == FooBar)].v", RootInput, "", "field(a)[1,3) filter[3,21) field(v)[21,23)", "$['a'][?(@['k'] == 'FooBar')]['v']"},
		{"$.a[?(!(@.x == true) || @.y != null)]", RootInput, "", "field(a)[1,3) filter[3,37)", "$['a'][?((!(@['x'] == true)) || (@['y'] != null))]"},
		{"$.a[?(@.t =~ /^ab.*/i)]", RootInput, "", "field(a)[1,3) filter[3,23)", "$['a'][?(@['t'] =~ /(?i)^ab.*/)]"},
		{"$.a[?(@.t in ['x', 'y'])]", RootInput, "", "field(a)[1,3) filter[3,25)", "$['a'][?(@['t'] in ['x','y'])]"},
		{"$.a[?(@.t nin [1, 2])]", RootInput, "", "field(a)[1,3) filter[3,22)", "$['a'][?(!(@['t'] in [1,2]))]"},
		{"$.a[?(@.n > $.min)]", RootInput, "", "field(a)[1,3) filter[3,19)", "$['a'][?(@['n'] > $['min'])]"},
		{"$.my-field", RootInput, "", "field(my-field)[1,10)", "$['my-field']"},
		{"$.&Ж中", RootInput, "", "field(&Ж中)[1,8)", "$['&Ж中']"},
		{`$.store\.book`, RootInput, "", "field(store.book)[1,13)", "$['store.book']"},
		{`$.\stor\e.boo\k`, RootInput, "", "field(store)[1,9) field(book)[9,15)", "$['store']['book']"},
		{`$.foo\@bar.baz\[\[.\?pretty`, RootInput, "", "field(foo@bar)[1,10) field(baz[[)[10,18) field(?pretty)[18,27)", "$['foo@bar']['baz[[']['?pretty']"},
		{`$.\uD800\uDF46`, RootInput, "", "field(\U00010346)[1,14)", "$['\U00010346']"},
		{"$.ledgers[0][22][315].foo", RootInput, "", "field(ledgers)[1,9) index(0)[9,12) index(22)[12,16) index(315)[16,21) field(foo)[21,25)", "$['ledgers'][0][22][315]['foo']"},
		{"$['store'][0]['book']", RootInput, "", "field(store)[1,10) index(0)[10,13) field(book)[13,21)", "$['store'][0]['book']"},
		{"$.abc.['def ghi']", RootInput, "", "field(abc)[1,5) field(def ghi)[5,17)", "$['abc']['def ghi']"},
		{"$[(@.length-1)].bar", RootInput, "", "index(-1)[1,15) field(bar)[15,19)", "$[-1]['bar']"},
		{"$.a[( @.length - 2 )]", RootInput, "", "field(a)[1,3) index(-2)[3,21)", "$['a'][-2]"},
		{"$$", RootContext, "", "", "$"},
		{"$$.Execution.Input", RootContext, "", "field(Execution)[2,12) field(Input)[12,18)", "$['Execution']['Input']"},
		{"$$.Map.Item.Value", RootContext, "", "field(Map)[2,6) field(Item)[6,11) field(Value)[11,17)", "$['Map']['Item']['Value']"},
		{"$$.Task.Token", RootContext, "", "field(Task)[2,7) field(Token)[7,13)", "$['Task']['Token']"},
		{"$x", RootVariable, "x", "", "$"},
		{"$name.field[0]", RootVariable, "name", "field(field)[5,11) index(0)[11,14)", "$['field'][0]"},
		{"$count2", RootVariable, "count2", "", "$"},
		{"$données.x", RootVariable, "données", "field(x)[9,11)", "$['x']"},
		{"$a_b['c']", RootVariable, "a_b", "field(c)[4,9)", "$['c']"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, errs := ParsePath(tt.in)
			if errs != nil {
				t.Fatalf("ParsePath(%q) errors: %v", tt.in, errs)
			}
			if p.Root != tt.root || p.Variable != tt.variable {
				t.Errorf("root = %v %q, want %v %q", p.Root, p.Variable, tt.root, tt.variable)
			}
			if got := describeSegments(p); got != tt.segments {
				t.Errorf("segments = %s\n           want %s", got, tt.segments)
			}
			if got := p.JSONPath(); got != tt.jsonpath {
				t.Errorf("JSONPath() = %s, want %s", got, tt.jsonpath)
			}
			if p.Span != sp(0, len(tt.in)) || p.Text != tt.in {
				t.Errorf("span %v text %q, want the whole input", p.Span, p.Text)
			}
			if _, err := jp.ParseString(p.JSONPath()); err != nil {
				t.Errorf("ojg rejects %s: %v", p.JSONPath(), err)
			}
		})
	}
}

func TestParsePathInvalid(t *testing.T) {
	tests := []struct {
		in      string
		span    Span
		message string // a substring of the message
	}{
		{"", sp(0, 0), "must start with $"},
		{".guid", sp(0, 1), "must start with $"},
		{"..guid", sp(0, 1), "must start with $"},
		{"()", sp(0, 1), "must start with $"},
		{"guid", sp(0, 1), "must start with $"},
		{"$...", sp(3, 4), "a field name must follow '.'"},
		{"$.a.", sp(3, 4), "expected a field name after '.'"},
		{"$.", sp(1, 2), "expected a field name after '.'"},
		{"$_x", sp(1, 2), "variable name must start with a letter"},
		{"$1", sp(1, 2), "variable name must start with a letter"},
		{"$.a b", sp(3, 4), "unexpected whitespace"},
		{"$.a ", sp(3, 4), "unexpected whitespace"},
		{" $.a", sp(0, 1), "must start with $"},
		{"$.a]", sp(3, 4), `unexpected ']'`},
		{"$.a[", sp(3, 4), "'[' is not closed"},
		{"$.a[0", sp(3, 5), "'[' is not closed"},
		{"$.a[]", sp(3, 5), "empty brackets"},
		{"$.a[x]", sp(4, 5), `unexpected 'x' after '['`},
		{"$.a['x]", sp(4, 7), "quoted name is not closed"},
		{"$.a['x' 'y']", sp(8, 9), "expected ']'"},
		{"$.a[-]", sp(4, 6), "expected digits after '-'"},
		{"$.a[1,]", sp(6, 7), "a union lists quoted names or indexes"},
		{"$.a[0:1:0]", sp(3, 9), "slice step of 0"},
		{"$.a[12345678901]", sp(4, 15), "too large"},
		{"$.a[(@.length)]", sp(4, 5), "script expressions"},
		{"$$MyVar", sp(2, 3), "or $name (one $) for a variable"},
		{"$.a[?@.x]", sp(4, 6), "[?( condition )]"},
		{"$.a[?(@.x < )]", sp(12, 13), "unexpected ')' in the filter"},
		{"$.a[?(@.x", sp(5, 9), "filter's '(' is not closed"},
		{"$.a[?(@.x contains 'a')]", sp(10, 18), `"contains" is not supported`},
		{"$.a[?(@.x =~ 'a')]", sp(13, 16), "=~ needs a regular expression"},
		{"$.a[?(@.x =~ /(?<=a)b/)]", sp(13, 22), "regular expression is not supported"},
		{"$.a[?(@.x =~ /ab)]", sp(13, 18), "regular expression is not closed"},
		{"$.a[?(@.x in 'a')]", sp(13, 16), "needs a list"},
		{"$[?([])]", sp(4, 6), "a list can only follow in or nin"},
		{"$[?(@.x == 99999999999999999999)]", sp(11, 31), "too large"},
		{"$[?(@.x in [])]", sp(11, 13), "the list is empty"},
		{"$[?(@.x == [1])]", sp(4, 14), "a list can only follow in or nin"},
		{"$.a[?(@.x == $$.y)]", sp(13, 14), "only refer to @"},
		{"$.a[?(@.length() > 1)]", sp(6, 15), "path functions"},
		{"$.a[?(@.x == 1.)]", sp(13, 15), `"1." is not a number`},
		{"$.a\\", sp(3, 4), "backslash at the end"},
		{"$$$", sp(2, 3), `unexpected '$'`},
		{"$.a.length()", sp(10, 11), `unexpected '('`},
		{"$" + strings.Repeat("v", 81), sp(1, 82), "limit is 80"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, errs := ParsePath(tt.in)
			if p == nil {
				t.Fatal("ParsePath returned a nil path")
			}
			if len(errs) != 1 {
				t.Fatalf("ParsePath(%q) = %d errors %v, want 1", tt.in, len(errs), errs)
			}
			if errs[0].Span != tt.span || !strings.Contains(errs[0].Message, tt.message) {
				t.Errorf("error %v %q\nwant  %v containing %q", errs[0].Span, errs[0].Message, tt.span, tt.message)
			}
		})
	}
}

func TestParsePathPartialForCompletion(t *testing.T) {
	p, errs := ParsePath("$.order.items.")
	if errs == nil {
		t.Fatal("want an error for the trailing dot")
	}
	if got := strings.Join(p.FieldNames(), ","); got != "order,items" {
		t.Errorf("FieldNames = %q, want order,items", got)
	}
	p, _ = ParsePath("$$.Execution.In")
	if got := strings.Join(p.FieldNames(), ","); p.Root != RootContext || got != "Execution,In" {
		t.Errorf("root %v FieldNames %q", p.Root, got)
	}
	seg := p.Segments[1]
	if seg.NameSpan != (sp(13, 15)) {
		t.Errorf("NameSpan = %v, want [13,15)", seg.NameSpan)
	}
}

func TestParseReferencePath(t *testing.T) {
	valid := []string{"$", "$.a", "$.a.b[0]", "$['a b'][-1]", "$$.Execution.Input", "$v.a", `$.store\.book`}
	for _, s := range valid {
		if p, errs := ParseReferencePath(s); errs != nil || !p.IsSingular() {
			t.Errorf("ParseReferencePath(%q) = %v, singular %v; want valid", s, errs, p.IsSingular())
		}
	}
	invalid := []struct {
		in    string
		spans []Span
		what  string
	}{
		{"$.a[*]", []Span{sp(3, 6)}, "wildcard"},
		{"$.*", []Span{sp(1, 3)}, "wildcard"},
		{"$..a", []Span{sp(1, 4)}, "deep scan"},
		{"$.a[0:2]", []Span{sp(3, 8)}, "slice"},
		{"$.a[0,1]", []Span{sp(3, 8)}, "union"},
		{"$.a[?(@.x)].b", []Span{sp(3, 11)}, "filter"},
		{"$.a[*].b[*]", []Span{sp(3, 6), sp(8, 11)}, "wildcard"},
	}
	for _, tt := range invalid {
		p, errs := ParseReferencePath(tt.in)
		if p.IsSingular() {
			t.Errorf("%q: IsSingular() = true", tt.in)
		}
		if len(errs) != len(tt.spans) {
			t.Errorf("%q: %d errors %v, want %d", tt.in, len(errs), errs, len(tt.spans))
			continue
		}
		for i, e := range errs {
			if e.Span != tt.spans[i] || !strings.Contains(e.Message, tt.what) || !strings.Contains(e.Message, "exactly one value") {
				t.Errorf("%q: error %v %q, want %v naming %s", tt.in, e.Span, e.Message, tt.spans[i], tt.what)
			}
		}
	}
	if _, errs := ParseReferencePath("$.a."); len(errs) != 1 || !strings.Contains(errs[0].Message, "field name") {
		t.Errorf("syntax errors come first: %v", errs)
	}
}

func TestIsVariableName(t *testing.T) {
	for name, want := range map[string]bool{
		"x": true, "count2": true, "a_b": true, "données": true, "名前": true, "states": true,
		"": false, "_x": false, "2x": false, "a-b": false, "a.b": false, "a b": false,
		strings.Repeat("v", 80): true, strings.Repeat("v", 81): false,
	} {
		if got := IsVariableName(name); got != want {
			t.Errorf("IsVariableName(%q) = %v, want %v", name, got, want)
		}
	}
}

func sp(start, end int) Span { return Span{Start: start, End: end} }

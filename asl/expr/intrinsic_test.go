package expr

import (
	"fmt"
	"strings"
	"testing"
)

// describeCall renders a call tree with spans for exact comparisons.
func describeCall(c *Call) string {
	var args []string
	for _, a := range c.Args {
		var d string
		switch a.Kind {
		case ArgString:
			d = fmt.Sprintf("str(%q)", a.Str)
		case ArgNumber:
			d = fmt.Sprintf("num(%g,int=%v)", a.Num, a.IsInt)
		case ArgBool:
			d = fmt.Sprintf("bool(%v)", a.Bool)
		case ArgNull:
			d = "null"
		case ArgPath:
			d = fmt.Sprintf("path(%s:%s)", a.Path.Root, a.Path.JSONPath())
		case ArgCall:
			d = describeCall(a.Call)
		}
		args = append(args, d+a.Span.String())
	}
	return fmt.Sprintf("%s%v(%s)%v%v", c.Name, c.NameSpan, strings.Join(args, " "), c.LParen, c.RParen)
}

func TestParseIntrinsicValid(t *testing.T) {
	tests := []struct{ in, want string }{
		{"States.UUID()", "States.UUID[0,11)()[11,12)[12,13)"},
		{"States.UUID( )", "States.UUID[0,11)()[11,12)[13,14)"},
		{"States.Format('Hello, my name is {}.', $.name)",
			`States.Format[0,13)(str("Hello, my name is {}.")[14,37) path(input:$['name'])[39,45))[13,14)[45,46)`},
		{"States.Format($.template, $.name)",
			`States.Format[0,13)(path(input:$['template'])[14,24) path(input:$['name'])[26,32))[13,14)[32,33)`},
		{`States.Format('it\'s \{\} \\ {}', $$.Execution.Id)`,
			`States.Format[0,13)(str("it's {} \\ {}")[14,32) path(context:$['Execution']['Id'])[34,49))[13,14)[49,50)`},
		{"States.MathAdd($.value1, -1)", `States.MathAdd[0,14)(path(input:$['value1'])[15,23) num(-1,int=true)[25,27))[14,15)[27,28)`},
		{"States.MathAdd(1.5, 2e3)", `States.MathAdd[0,14)(num(1.5,int=false)[15,18) num(2000,int=false)[20,23))[14,15)[23,24)`},
		{"States.Array('Foo', 2020, $.someJson, null, true, false)",
			`States.Array[0,12)(str("Foo")[13,18) num(2020,int=true)[20,24) path(input:$['someJson'])[26,36) null[38,42) bool(true)[44,48) bool(false)[50,55))[12,13)[55,56)`},
		{"States.Format('Hello {}', $customer.name)",
			`States.Format[0,13)(str("Hello {}")[14,24) path(variable:$['name'])[26,40))[13,14)[40,41)`},
		{"  States.ArrayGetItem(States.StringSplit($.arn, ':'), 4)  ",
			`States.ArrayGetItem[2,21)(States.StringSplit[22,40)(path(input:$['arn'])[41,46) str(":")[48,51))[40,41)[51,52)[22,52) num(4,int=true)[54,55))[21,22)[55,56)`},
		{"States.ArrayGetItem($.a[?(@.k == FooBar)].v, 0)",
			`States.ArrayGetItem[0,19)(path(input:$['a'][?(@['k'] == 'FooBar')]['v'])[20,43) num(0,int=true)[45,46))[19,20)[46,47)`},
		{"States.JsonToString($.abc.['def ghi'])", `States.JsonToString[0,19)(path(input:$['abc']['def ghi'])[20,37))[19,20)[37,38)`},
		{"States.Format('{}',$)", `States.Format[0,13)(str("{}")[14,18) path(input:$)[19,20))[13,14)[20,21)`},
		{"States.Array('a\nb')", `States.Array[0,12)(str("a\nb")[13,18))[12,13)[18,19)`},
		{"States.Unknown(1)", `States.Unknown[0,14)(num(1,int=true)[15,16))[14,15)[16,17)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, errs := ParseIntrinsic(tt.in)
			if errs != nil {
				t.Fatalf("errors: %v", errs)
			}
			if got := describeCall(c); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseIntrinsicInvalid(t *testing.T) {
	tests := []struct {
		in      string
		span    Span
		message string
	}{
		{"", sp(0, 0), "expected an intrinsic function call"},
		{"$.x", sp(0, 1), "expected an intrinsic function call"},
		{"States.Format", sp(0, 13), "expected '(' after States.Format"},
		{"States.Format['x']", sp(13, 14), "expected '(' after States.Format, found '['"},
		{"States.Format('x'", sp(13, 17), "the call's '(' is not closed"},
		{"States.Format('x' $.a)", sp(18, 19), "separate arguments with ','"},
		{"States.Format('x)", sp(14, 17), "string literal is not closed"},
		{`States.Format('x\`, sp(14, 17), "trailing backslash"},
		{`States.Format("x")`, sp(14, 15), "single quotes"},
		{"States.Format('x',)", sp(18, 19), "missing argument before ')'"},
		{"States.Format(,'x')", sp(14, 15), "missing argument before ','"},
		{"States.Format('x', foo)", sp(19, 22), `unexpected "foo"`},
		{"States.Format('x', 1.)", sp(19, 21), `"1." is not a number`},
		{"States.Format('x', $.my-field)", sp(21, 29), "must use bracket notation"},
		{"States.Format('x', $.a b)", sp(23, 24), "unexpected 'b': separate arguments"},
		{"States.Format('x', $.a#)", sp(21, 23), "must use bracket notation"},
		{"States.Format('x') extra", sp(19, 24), "unexpected text after"},
		{"States.Format('x', States.UUID(), ", sp(34, 34), "not closed"},
		{"States.Format('x', @)", sp(19, 20), "unexpected '@'"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, errs := ParseIntrinsic(tt.in)
			if len(errs) != 1 {
				t.Fatalf("%d errors %v, want 1", len(errs), errs)
			}
			if errs[0].Span != tt.span || !strings.Contains(errs[0].Message, tt.message) {
				t.Errorf("error %v %q\nwant  %v containing %q", errs[0].Span, errs[0].Message, tt.span, tt.message)
			}
		})
	}
}

func TestCheckCall(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "span message-substring", "W" prefix for warnings
	}{
		{"States.Format('Hello {}', $.name)", nil},
		{"States.Format('{} and {}', $.a, States.UUID())", nil},
		{`States.Format('\{\} {}', 1)`, nil},
		{"States.Format($.t, 1, 2, 3)", nil},
		{"States.Array()", nil},
		{"States.Hash($.x, 'SHA-256')", nil},
		{"States.JsonMerge($.a, $.b, false)", nil},
		{"States.MathRandom(1, 999, 7)", nil},
		{"States.ArrayRange(1, 1000, 1)", nil},
		{"States.MathAdd(States.ArrayLength($.a), -1)", nil},
		{"States.format('x')", []string{"[0,13) did you mean States.Format?"}},
		{"States.Concat('x')", []string{"[0,13) unknown intrinsic function States.Concat: the functions are"}},
		{"Format('x')", []string{"[0,6) did you mean States.Format?"}},
		{"States.UUID(1)", []string{"[12,13) States.UUID takes 0 arguments but is given 1"}},
		{"States.Format()", []string{"[13,15) States.Format takes at least 1 argument but is given 0"}},
		{"States.MathAdd(1)", []string{"[14,17) takes 2 arguments but is given 1"}},
		{"States.MathRandom(1)", []string{"[17,20) takes 2 to 3 arguments"}},
		{"States.ArrayLength($.a, $.b, $.c)", []string{"[24,32) takes 1 argument but is given 3"}},
		{"States.MathAdd('a', 1)", []string{"[15,18) argument 1 of States.MathAdd must be an integer, not the string 'a'"}},
		{"States.ArrayLength(null)", []string{"[19,23) must be an array, not null"}},
		{"States.StringSplit(States.ArrayLength($.a), ',')", []string{"[19,42) must be a string, not States.ArrayLength(...), which returns an integer"}},
		{"States.JsonMerge($.a, $.b, 'no')", []string{"[27,31) must be a boolean"}},
		{"States.Format('{} {}', $.a)", []string{"[14,21) the template has 2 {} placeholders but 1 value follows"}},
		{"States.Format('x', $.a, $.b)", []string{"[19,27) the template has 0 {} placeholders but 2 values follow"}},
		{"States.Format('{', $.a)", []string{"W[15,16) '{' without '}'", "[19,22) the template has 0 {} placeholders but 1 value follows"}},
		{"States.JsonToString('x')", []string{"[20,23) takes a path"}},
		{"States.Hash($.x, 'sha256')", []string{"[17,25) did you mean 'SHA-256'"}},
		{"States.Hash($.x, 'CRC32')", []string{"[17,24) use one of MD5, SHA-1"}},
		{"States.JsonMerge($.a, $.b, true)", []string{"W[27,31) shallow merge"}},
		{"States.ArrayPartition($.a, 0)", []string{"[27,28) positive integer"}},
		{"States.ArrayRange(1, 9, 0)", []string{"[24,25) must not be 0"}},
		{"States.ArrayRange(0, 1000, 1)", []string{"[27,28) 1001 items"}},
		{"States.MathAdd(2147483648, 1)", []string{"[15,25) from -2147483648 to 2147483647"}},
		{"States.MathRandom(5, 5)", []string{"[21,22) end must be greater than start"}},
		{"States.Base64Encode('" + strings.Repeat("a", 10001) + "')", []string{"[20,10023) at most 10000 characters"}},
		{strings.Repeat("States.Array(", 11) + strings.Repeat(")", 11),
			[]string{"[130,142) nested more than 10 deep"}},
	}
	for _, tt := range tests {
		t.Run(tt.in[:min(len(tt.in), 60)], func(t *testing.T) {
			c, errs := ParseIntrinsic(tt.in)
			if errs != nil {
				t.Fatalf("parse errors: %v", errs)
			}
			var got []string
			for _, e := range CheckCall(c) {
				w := ""
				if e.Warning {
					w = "W"
				}
				got = append(got, w+e.Span.String()+" "+e.Message)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings %q, want %d %q", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				span, msg, _ := strings.Cut(tt.want[i], " ")
				if !strings.HasPrefix(got[i], span+" ") || !strings.Contains(got[i], msg) {
					t.Errorf("finding %q\nwant      %q", got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFunctionTable(t *testing.T) {
	if n := len(Functions()); n != 18 {
		t.Fatalf("%d functions, want 18", n)
	}
	for _, f := range Functions() {
		if !strings.HasPrefix(f.Signature, f.Name+"(") || f.Doc == "" {
			t.Errorf("%s: signature %q doc %q", f.Name, f.Signature, f.Doc)
		}
		if f.MaxArgs >= 0 && f.MaxArgs < f.MinArgs {
			t.Errorf("%s: arity %d..%d", f.Name, f.MinArgs, f.MaxArgs)
		}
		if !f.Variadic && len(f.Params) != max(f.MaxArgs, 0) {
			t.Errorf("%s: %d params for max %d args", f.Name, len(f.Params), f.MaxArgs)
		}
		if g, ok := LookupFunction(f.Name); !ok || g.Name != f.Name {
			t.Errorf("LookupFunction(%s) failed", f.Name)
		}
	}
	// Arity per intrinsics.md §4.
	arity := map[string][2]int{"States.Format": {1, -1}, "States.StringToJson": {1, 1}, "States.JsonToString": {1, 1},
		"States.ArrayLength": {1, 1}, "States.ArrayUnique": {1, 1}, "States.Base64Encode": {1, 1}, "States.Base64Decode": {1, 1},
		"States.ArrayPartition": {2, 2}, "States.ArrayContains": {2, 2}, "States.ArrayGetItem": {2, 2}, "States.Hash": {2, 2},
		"States.MathAdd": {2, 2}, "States.StringSplit": {2, 2}, "States.ArrayRange": {3, 3}, "States.JsonMerge": {3, 3},
		"States.MathRandom": {2, 3}, "States.UUID": {0, 0}, "States.Array": {0, -1}}
	for name, a := range arity {
		f, ok := LookupFunction(name)
		if !ok || f.MinArgs != a[0] || f.MaxArgs != a[1] {
			t.Errorf("%s arity = %v, want %v", name, f, a)
		}
	}
}

func TestIsIntrinsic(t *testing.T) {
	for s, want := range map[string]bool{
		"States.Format('x')": true, "States.UUID()": true, " States.UUID ()": true, "States.Foo(": true,
		"States.": false, "States.(": false, "$.a": false, "states.Format()": false, "States.Format": false, "X.States.Format()": false,
	} {
		if got := IsIntrinsic(s); got != want {
			t.Errorf("IsIntrinsic(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSplitFormatTemplate(t *testing.T) {
	tests := []struct {
		in     string
		pieces []string
		errs   int
	}{
		{"Hello {}!", []string{"Hello ", "!"}, 0},
		{"{}{}", []string{"", "", ""}, 0},
		{`\{\} {} \\ \'`, []string{"{} ", ` \ '`}, 0},
		{"no holes", []string{"no holes"}, 0},
		{"a { b", []string{"a { b"}, 1},
		{"a } b", []string{"a } b"}, 1},
		{`a\`, []string{`a\`}, 1},
	}
	for _, tt := range tests {
		pieces, errs := SplitFormatTemplate(tt.in)
		if fmt.Sprintf("%q", pieces) != fmt.Sprintf("%q", tt.pieces) || len(errs) != tt.errs {
			t.Errorf("SplitFormatTemplate(%q) = %q, %v; want %q, %d errors", tt.in, pieces, errs, tt.pieces, tt.errs)
		}
	}
}

func TestJavaRound(t *testing.T) {
	for in, want := range map[float64]float64{0.5: 1, 1.5: 2, 2.5: 3, -0.5: 0, -1.5: -1, -2.5: -2, 1.49: 1, -1.51: -2} {
		if got := JavaRound(in); got != want {
			t.Errorf("JavaRound(%v) = %v, want %v", in, got, want)
		}
	}
}

package schema

// Choice rules. A JSONPath rule compares `Variable` with one operator, or
// combines rules with And/Or/Not; a JSONata rule has a `Condition`. Each
// schema also lists the other language's fields with their Mode, so a check
// can tell "wrong query language" from "unknown field".

// Operator is a JSONPath Choice comparison operator.
type Operator struct {
	Name string
	// Operand is the JSON type of the literal operand (String for the
	// ...Path variants, whose operand is a path).
	Operand Type
	// Path is true for the ...Path variants.
	Path bool
	// Timestamp is true when a literal operand must be an RFC 3339 timestamp.
	Timestamp bool
	Doc       string
}

var operators = buildOperators()

func buildOperators() []*Operator {
	var ops []*Operator
	cmp := []struct{ suffix, words string }{
		{"Equals", "equals"}, {"LessThan", "is less than"}, {"GreaterThan", "is greater than"},
		{"LessThanEquals", "is less than or equal to"}, {"GreaterThanEquals", "is greater than or equal to"},
	}
	for _, kind := range []struct {
		prefix string
		t      Type
		noun   string
	}{{"String", TString, "string"}, {"Numeric", TNumber, "number"}, {"Timestamp", TString, "timestamp"}} {
		for _, c := range cmp {
			name := kind.prefix + c.suffix
			ops = append(ops,
				&Operator{Name: name, Operand: kind.t, Timestamp: kind.prefix == "Timestamp",
					Doc: "True when `Variable` is a " + kind.noun + " that " + c.words + " this literal " + kind.noun + ". If `Variable` holds another type the rule is simply false (no error)."},
				&Operator{Name: name + "Path", Operand: TString, Path: true,
					Doc: "True when `Variable` and the value at this path are both " + kind.noun + "s and `Variable` " + c.words + " it. A path that matches nothing fails the execution with `States.Runtime`."})
		}
	}
	ops = append(ops,
		&Operator{Name: "BooleanEquals", Operand: TBoolean, Doc: "True when `Variable` is a boolean equal to this literal."},
		&Operator{Name: "BooleanEqualsPath", Operand: TString, Path: true, Doc: "True when `Variable` and the value at this path are equal booleans."},
		&Operator{Name: "StringMatches", Operand: TString, Doc: "True when `Variable` is a string matching this pattern, where `*` matches any run of characters. Escape a literal `*` as `\\\\*` in JSON."},
		&Operator{Name: "IsNull", Operand: TBoolean, Doc: "With `true`: true when `Variable` is JSON `null`. With `false`: true for any other value."},
		&Operator{Name: "IsPresent", Operand: TBoolean, Doc: "With `true`: true when the `Variable` path matches something (even `null`). Unlike other operators a missing path is not an error, which makes it the safe first test for optional fields."},
		&Operator{Name: "IsNumeric", Operand: TBoolean, Doc: "With `true`: true when `Variable` is a number (a numeric string does not count)."},
		&Operator{Name: "IsString", Operand: TBoolean, Doc: "With `true`: true when `Variable` is a string."},
		&Operator{Name: "IsBoolean", Operand: TBoolean, Doc: "With `true`: true when `Variable` is a boolean."},
		&Operator{Name: "IsTimestamp", Operand: TBoolean, Doc: "With `true`: true when `Variable` is a string in RFC 3339 timestamp form, such as `2016-03-14T01:59:00Z`."},
	)
	return ops
}

var operatorByName = func() map[string]*Operator {
	m := map[string]*Operator{}
	for _, op := range operators {
		m[op.Name] = op
	}
	return m
}()

// Operators returns every JSONPath Choice comparison operator.
func Operators() []*Operator { return operators }

// LookupOperator returns the comparison operator named name, or nil.
// And, Or and Not are not comparison operators.
func LookupOperator(name string) *Operator { return operatorByName[name] }

func operatorFields() []*Field {
	var fs []*Field
	for _, op := range operators {
		t := op.Operand
		if t == TNumber {
			t = TNumber | TInteger
		}
		fs = append(fs, &Field{Name: op.Name, Types: t, Mode: JSONPathOnly, Instead: "Condition", Doc: op.Doc, Operator: true})
	}
	return fs
}

func jsonPathRuleFields(top bool) []*Field {
	fs := []*Field{
		str("Variable", "The path whose value the operator tests: `$.x` on the state input, `$$.x` on the Context object, or `$name` for a variable.").only(JSONPathOnly, "Condition"),
	}
	fs = append(fs, operatorFields()...)
	fs = append(fs,
		(&Field{Name: "And", Types: TArray, ElemTypes: TObject, NonEmpty: true, Mode: JSONPathOnly, Instead: "Condition", Doc: "True when every rule in the array is true (checked left to right, stopping at the first false). Nested rules have no `Next`."}).snippet("\"And\": [\n\t{\n\t\t\"Variable\": \"$1\",\n\t\t$0\n\t}\n]"),
		(&Field{Name: "Or", Types: TArray, ElemTypes: TObject, NonEmpty: true, Mode: JSONPathOnly, Instead: "Condition", Doc: "True when at least one rule in the array is true (checked left to right, stopping at the first true). Nested rules have no `Next`."}).snippet("\"Or\": [\n\t{\n\t\t\"Variable\": \"$1\",\n\t\t$0\n\t}\n]"),
		(&Field{Name: "Not", Types: TObject, Mode: JSONPathOnly, Instead: "Condition", Doc: "True when the single nested rule is false. The nested rule has no `Next`."}),
		commentField("this rule"),
	)
	if top {
		fs = append(fs,
			str("Next", "The state to go to when this rule is the first one that matches. It must be a state of the same scope.").required().nonEmpty(),
			assignField("when this rule is the one chosen (`$` is the state's effective input)"),
			(&Field{Name: "Condition", Types: TBoolean, JSONata: true, Mode: JSONataOnly, Instead: "Variable with a comparison operator", Doc: "JSONata only: the test of this rule."}),
			(&Field{Name: "Output", Types: TAny, Mode: JSONataOnly, Instead: "OutputPath", Doc: "JSONata only: the state output when this rule is chosen."}).free(),
		)
	}
	return fs
}

var choiceRuleObject = newObject(KindChoiceRule, "Choice rule",
	"A JSONPath Choice rule: either `Variable` with exactly one comparison operator, or a boolean combination (`And`, `Or`, `Not`) of nested rules, plus the `Next` state to take when it matches.",
	jsonPathRuleFields(true))

var nestedChoiceRuleObject = newObject(KindNestedChoiceRule, "nested Choice rule",
	"A rule inside `And`, `Or` or `Not`: `Variable` with one comparison operator, or a further `And`/`Or`/`Not`. It has no `Next`; only the top-level rule decides where to go.",
	jsonPathRuleFields(false))

var jsonataChoiceRuleObject = func() *ObjectSchema {
	fs := []*Field{
		(&Field{Name: "Condition", Types: TBoolean, JSONata: true, Required: true, Doc: "A `{% %}` expression that must evaluate to a boolean (or a literal `true`/`false`). The first rule whose condition is true is chosen. A non-boolean result fails the state with `States.QueryEvaluationError`."}).snippet("\"Condition\": \"{% $1 %}\""),
		str("Next", "The state to go to when this rule is the first one whose `Condition` is true. It must be a state of the same scope.").required().nonEmpty(),
		assignField("when this rule is chosen (instead of the state-level `Assign`)"),
		(&Field{Name: "Output", Types: TAny, Doc: "The state output when this rule is chosen (instead of the state-level `Output`). Default: the state input."}).free(),
		commentField("this rule"),
	}
	for _, f := range jsonPathRuleFields(false) {
		if f.Mode == JSONPathOnly {
			fs = append(fs, f)
		}
	}
	return newObject(KindJSONataChoiceRule, "Choice rule",
		"A JSONata Choice rule: a `Condition` expression and the `Next` state to take when it is true, with optional `Assign` and `Output` used only when this rule is chosen.",
		fs)
}()

func init() {
	// Nested rules refer to their own kind; wire the cycles after creation.
	for _, o := range []*ObjectSchema{choiceRuleObject, nestedChoiceRuleObject, jsonataChoiceRuleObject} {
		for _, name := range []string{"And", "Or", "Not"} {
			if f := o.Field(name); f != nil {
				f.Object = nestedChoiceRuleObject
			}
		}
	}
}

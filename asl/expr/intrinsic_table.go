package expr

// Type is a JSON value type as the intrinsic table describes arguments and
// results.
type Type uint8

const (
	TypeAny Type = iota
	TypeString
	TypeNumber
	TypeInteger // a number; AWS rounds non-integers half up
	TypeBoolean
	TypeArray
	TypeObject
)

func (t Type) String() string {
	switch t {
	case TypeString:
		return "string"
	case TypeNumber:
		return "number"
	case TypeInteger:
		return "integer"
	case TypeBoolean:
		return "boolean"
	case TypeArray:
		return "array"
	case TypeObject:
		return "object"
	}
	return "any"
}

// Param is one parameter of an intrinsic function.
type Param struct {
	Name string
	Type Type
}

// Function describes one intrinsic function.
type Function struct {
	Name string
	// MinArgs and MaxArgs bound the argument count; MaxArgs < 0 means no limit.
	MinArgs, MaxArgs int
	// Params lists the parameters; when Variadic, the last one repeats.
	Params   []Param
	Variadic bool
	Result   Type
	// Signature is a one-line form for completion and signature help.
	Signature string
	// Doc is a one-line description for hover.
	Doc string
	// ErrorCausePath is true for the functions that Fail.ErrorPath and
	// Fail.CausePath accept (those that return a string).
	ErrorCausePath bool
}

// ParamType is the type expected for argument i (0-based).
func (f *Function) ParamType(i int) Type {
	switch {
	case i < len(f.Params):
		return f.Params[i].Type
	case f.Variadic && len(f.Params) > 0:
		return f.Params[len(f.Params)-1].Type
	}
	return TypeAny
}

// functions is the table of the 18 intrinsics AWS implements, in the order
// of the AWS documentation.
var functions = []Function{
	{Name: "States.Format", MinArgs: 1, MaxArgs: -1, Variadic: true, Result: TypeString, ErrorCausePath: true,
		Params:    []Param{{"template", TypeString}, {"values", TypeAny}},
		Signature: "States.Format(template: string, values...: any) -> string",
		Doc:       "Fills each {} in the template with the next value, in order; write \\{ and \\} for literal braces."},
	{Name: "States.StringToJson", MinArgs: 1, MaxArgs: 1, Result: TypeAny,
		Params:    []Param{{"text", TypeString}},
		Signature: "States.StringToJson(text: string) -> any",
		Doc:       "Parses a string holding JSON text and returns the value."},
	{Name: "States.JsonToString", MinArgs: 1, MaxArgs: 1, Result: TypeString, ErrorCausePath: true,
		Params:    []Param{{"value", TypeAny}},
		Signature: "States.JsonToString(value: path) -> string",
		Doc:       "Serialises the value at a path as compact JSON text."},
	{Name: "States.Array", MinArgs: 0, MaxArgs: -1, Variadic: true, Result: TypeArray,
		Params:    []Param{{"values", TypeAny}},
		Signature: "States.Array(values...: any) -> array",
		Doc:       "Builds an array from its arguments, in order."},
	{Name: "States.ArrayPartition", MinArgs: 2, MaxArgs: 2, Result: TypeArray,
		Params:    []Param{{"array", TypeArray}, {"chunkSize", TypeInteger}},
		Signature: "States.ArrayPartition(array: array, chunkSize: integer) -> array",
		Doc:       "Splits an array into chunks of chunkSize items; the last chunk may be shorter."},
	{Name: "States.ArrayContains", MinArgs: 2, MaxArgs: 2, Result: TypeBoolean,
		Params:    []Param{{"array", TypeArray}, {"value", TypeAny}},
		Signature: "States.ArrayContains(array: array, value: any) -> boolean",
		Doc:       "Tells whether the array holds a value deeply equal to value."},
	{Name: "States.ArrayRange", MinArgs: 3, MaxArgs: 3, Result: TypeArray,
		Params:    []Param{{"first", TypeInteger}, {"last", TypeInteger}, {"step", TypeInteger}},
		Signature: "States.ArrayRange(first: integer, last: integer, step: integer) -> array",
		Doc:       "Counts from first towards last by step (last included when reached); at most 1000 items."},
	{Name: "States.ArrayGetItem", MinArgs: 2, MaxArgs: 2, Result: TypeAny, ErrorCausePath: true,
		Params:    []Param{{"array", TypeArray}, {"index", TypeInteger}},
		Signature: "States.ArrayGetItem(array: array, index: integer) -> any",
		Doc:       "Returns the item at a zero-based index."},
	{Name: "States.ArrayLength", MinArgs: 1, MaxArgs: 1, Result: TypeInteger,
		Params:    []Param{{"array", TypeArray}},
		Signature: "States.ArrayLength(array: array) -> integer",
		Doc:       "Returns the number of items in an array."},
	{Name: "States.ArrayUnique", MinArgs: 1, MaxArgs: 1, Result: TypeArray,
		Params:    []Param{{"array", TypeArray}},
		Signature: "States.ArrayUnique(array: array) -> array",
		Doc:       "Drops repeated items (deep equality), keeping each first occurrence."},
	{Name: "States.Base64Encode", MinArgs: 1, MaxArgs: 1, Result: TypeString, ErrorCausePath: true,
		Params:    []Param{{"text", TypeString}},
		Signature: "States.Base64Encode(text: string) -> string",
		Doc:       "Encodes a string (up to 10,000 characters) as MIME Base64."},
	{Name: "States.Base64Decode", MinArgs: 1, MaxArgs: 1, Result: TypeString, ErrorCausePath: true,
		Params:    []Param{{"base64", TypeString}},
		Signature: "States.Base64Decode(base64: string) -> string",
		Doc:       "Decodes MIME Base64 text (up to 10,000 characters) into a string."},
	{Name: "States.Hash", MinArgs: 2, MaxArgs: 2, Result: TypeString, ErrorCausePath: true,
		Params:    []Param{{"data", TypeAny}, {"algorithm", TypeString}},
		Signature: "States.Hash(data: any, algorithm: 'MD5'|'SHA-1'|'SHA-256'|'SHA-384'|'SHA-512') -> string",
		Doc:       "Hashes the data (at most 10,000 characters once stringified) and returns lowercase hex."},
	{Name: "States.JsonMerge", MinArgs: 3, MaxArgs: 3, Result: TypeObject,
		Params:    []Param{{"base", TypeObject}, {"overrides", TypeObject}, {"deep", TypeBoolean}},
		Signature: "States.JsonMerge(base: object, overrides: object, deep: false) -> object",
		Doc:       "Merges two objects, keys of the second winning; AWS only does a shallow merge, so deep must be false."},
	{Name: "States.MathRandom", MinArgs: 2, MaxArgs: 3, Result: TypeInteger,
		Params:    []Param{{"start", TypeInteger}, {"end", TypeInteger}, {"seed", TypeInteger}},
		Signature: "States.MathRandom(start: integer, end: integer, seed?: integer) -> integer",
		Doc:       "Returns a random integer from start (included) to end (excluded); the same seed gives the same value."},
	{Name: "States.MathAdd", MinArgs: 2, MaxArgs: 2, Result: TypeInteger,
		Params:    []Param{{"a", TypeInteger}, {"b", TypeInteger}},
		Signature: "States.MathAdd(a: integer, b: integer) -> integer",
		Doc:       "Adds two integers in the 32-bit signed range."},
	{Name: "States.StringSplit", MinArgs: 2, MaxArgs: 2, Result: TypeArray,
		Params:    []Param{{"text", TypeString}, {"delimiters", TypeString}},
		Signature: "States.StringSplit(text: string, delimiters: string) -> array",
		Doc:       "Splits text at every character of delimiters and drops empty pieces."},
	{Name: "States.UUID", MinArgs: 0, MaxArgs: 0, Result: TypeString, ErrorCausePath: true,
		Signature: "States.UUID() -> string",
		Doc:       "Returns a new random version 4 UUID."},
}

var functionsByName = func() map[string]*Function {
	m := make(map[string]*Function, len(functions))
	for i := range functions {
		m[functions[i].Name] = &functions[i]
	}
	return m
}()

// Functions lists all intrinsic functions in documentation order. The
// slice is shared: do not modify it.
func Functions() []Function { return functions }

// LookupFunction finds a function by its exact (case-sensitive) name.
func LookupFunction(name string) (*Function, bool) {
	f, ok := functionsByName[name]
	return f, ok
}

// HashAlgorithms are the algorithm names States.Hash accepts.
var HashAlgorithms = []string{"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"}

// MaxCallDepth is how many intrinsic calls AWS allows nested in one field.
const MaxCallDepth = 10

package jsonata

import "sort"

// FunctionInfo describes a built-in function for completion, hover and checks.
type FunctionInfo struct {
	Name      string // without the leading $
	Signature string // jsonata signature, e.g. <s-nn?:s>
	Params    string // human-readable parameter list
	Doc       string // one line, our own words
	MinArgs   int    // arguments that must be written (context "-" params excluded)
	MaxArgs   int    // -1 for variadic
	// StepFunctions marks functions added by AWS Step Functions.
	StepFunctions bool
	// Unavailable is set (with the reason) for functions Step Functions removes.
	Unavailable string
}

var functionDocs = map[string][2]string{
	"sum":                {"(array)", "Adds up an array of numbers."},
	"count":              {"(array)", "Number of items in an array (0 for nothing)."},
	"max":                {"(array)", "Largest number in an array."},
	"min":                {"(array)", "Smallest number in an array."},
	"average":            {"(array)", "Arithmetic mean of an array of numbers."},
	"string":             {"(value, prettify?)", "Converts a value to a string; objects and arrays become JSON text."},
	"substring":          {"(str, start, length?)", "Characters of str from start (negative counts from the end)."},
	"substringBefore":    {"(str, chars)", "The part of str before the first occurrence of chars."},
	"substringAfter":     {"(str, chars)", "The part of str after the first occurrence of chars."},
	"lowercase":          {"(str)", "str in lower case."},
	"uppercase":          {"(str)", "str in upper case."},
	"length":             {"(str)", "Number of characters in str."},
	"trim":               {"(str)", "Collapses runs of whitespace to one space and strips both ends."},
	"pad":                {"(str, width, char?)", "Pads str to width characters (negative width pads on the left)."},
	"contains":           {"(str, pattern)", "True when str contains the substring or matches the regex."},
	"split":              {"(str, separator, limit?)", "Splits str into an array at a substring or regex."},
	"join":               {"(array, separator?)", "Concatenates an array of strings."},
	"match":              {"(str, pattern, limit?)", "Regex matches in str as objects with match, index and groups."},
	"replace":            {"(str, pattern, replacement, limit?)", "Replaces substring or regex matches; replacement may use $1 or be a function."},
	"eval":               {"(expr, context?)", "Parses and evaluates a JSONata expression held in a string."},
	"base64encode":       {"(str)", "Base64 encoding of str."},
	"base64decode":       {"(str)", "Decodes a Base64 string."},
	"encodeUrlComponent": {"(str)", "Percent-encodes str for use in a URL component."},
	"encodeUrl":          {"(str)", "Percent-encodes str as a full URL (keeps reserved characters)."},
	"decodeUrlComponent": {"(str)", "Decodes a percent-encoded URL component."},
	"decodeUrl":          {"(str)", "Decodes a percent-encoded URL."},
	"formatNumber":       {"(number, picture, options?)", "Formats a number with an XPath decimal picture such as '#,##0.00'."},
	"formatBase":         {"(number, radix?)", "Writes an integer in base 2 to 36."},
	"formatInteger":      {"(number, picture)", "Formats an integer as digits, words or roman numerals per an XPath picture."},
	"parseInteger":       {"(str, picture)", "Reads an integer written per an XPath integer picture."},
	"number":             {"(value)", "Converts a string or boolean to a number."},
	"abs":                {"(number)", "Absolute value."},
	"floor":              {"(number)", "Rounds down to an integer."},
	"ceil":               {"(number)", "Rounds up to an integer."},
	"round":              {"(number, precision?)", "Rounds half to even at the given number of decimal places."},
	"power":              {"(base, exponent)", "base raised to exponent."},
	"sqrt":               {"(number)", "Square root."},
	"random":             {"(seed?)", "A number in [0, 1); Step Functions accepts an optional integer seed."},
	"boolean":            {"(value)", "Effective boolean value of a value."},
	"not":                {"(value)", "Logical negation of the effective boolean value."},
	"exists":             {"(value)", "True when the value is not undefined."},
	"append":             {"(array1, array2)", "Concatenates two arrays (single values count as arrays)."},
	"reverse":            {"(array)", "The array in reverse order."},
	"shuffle":            {"(array)", "The array in random order."},
	"distinct":           {"(array)", "The array without duplicate values."},
	"sort":               {"(array, before?)", "Stable sort; before($a, $b) returns true when $b must come first."},
	"zip":                {"(array1, ...)", "Groups the i-th items of each array into arrays."},
	"keys":               {"(object)", "Keys of an object (or the union over an array of objects)."},
	"lookup":             {"(object, key)", "Value of key in an object (mapped over arrays)."},
	"spread":             {"(object)", "Splits an object into an array of one-key objects."},
	"merge":              {"(array)", "Merges an array of objects into one; later keys win."},
	"sift":               {"(object, function)", "Keeps the object entries for which function(value, key) is truthy."},
	"each":               {"(object, function)", "Array of function(value, key) over the object's entries."},
	"error":              {"(message?)", "Raises an error with the message."},
	"assert":             {"(condition, message?)", "Raises an error when condition is false."},
	"type":               {"(value)", "Type name: null, number, string, boolean, array, object or function."},
	"map":                {"(array, function)", "Array of function(value, index, array) results."},
	"filter":             {"(array, function)", "Items for which function(value, index, array) is truthy."},
	"single":             {"(array, function?)", "The one item matching function; an error if none or several match."},
	"reduce":             {"(array, function, init?)", "Folds the array with function(accumulator, value)."},
	"now":                {"(picture?, timezone?)", "Current timestamp as an ISO 8601 string (fixed for one evaluation)."},
	"millis":             {"()", "Current time in milliseconds since the epoch (fixed for one evaluation)."},
	"fromMillis":         {"(millis, picture?, timezone?)", "Formats epoch milliseconds as a timestamp string."},
	"toMillis":           {"(timestamp, picture?)", "Parses a timestamp string into epoch milliseconds."},
	"clone":              {"(value)", "Deep copy of a value."},
	"partition":          {"(array, size)", "Splits an array into chunks of size items (Step Functions)."},
	"range":              {"(start, end, step?)", "Integers from start to end by step (Step Functions)."},
	"hash":               {"(value, algorithm)", "Hex digest with MD5, SHA-1, SHA-256, SHA-384 or SHA-512 (Step Functions)."},
	"uuid":               {"()", "A random version 4 UUID (Step Functions)."},
	"parse":              {"(json)", "Parses a JSON string into a value (Step Functions)."},
}

// Functions returns the built-in functions sorted by name.
func Functions() []FunctionInfo {
	var out []FunctionInfo
	for name := range builtins {
		if fi, ok := LookupFunction(name); ok {
			out = append(out, fi)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupFunction returns the description of a built-in (name without $).
func LookupFunction(name string) (FunctionInfo, bool) {
	b, ok := builtins[name].(*builtin)
	if !ok {
		return FunctionInfo{}, false
	}
	d := functionDocs[name]
	fi := FunctionInfo{Name: name, Params: d[0], Doc: d[1]}
	if b.sig != nil {
		fi.Signature = b.sig.Definition
		fi.MinArgs, fi.MaxArgs = b.sig.arity()
	}
	for _, n := range StepFunctionsOnly {
		if n == name {
			fi.StepFunctions = true
		}
	}
	fi.Unavailable = RemovedInStepFunctions[name]
	return fi, true
}

// FunctionArity returns how many arguments a call to the built-in may have:
// min excludes optional parameters and those filled from the context ("-"),
// max is -1 for variadic functions. ok is false for unknown names.
func FunctionArity(name string) (min, max int, ok bool) {
	fi, ok := LookupFunction(name)
	if !ok {
		return 0, 0, false
	}
	return fi.MinArgs, fi.MaxArgs, true
}

func (s *Signature) arity() (min, max int) {
	for _, p := range s.params {
		r := p.regex
		last := r[len(r)-1]
		switch last {
		case '?':
			max++
		case '+':
			min++
			max = -1 << 30
		default:
			min++
			max++
		}
	}
	if max < 0 {
		max = -1
	}
	return min, max
}

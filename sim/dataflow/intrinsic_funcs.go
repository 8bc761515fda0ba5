package dataflow

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
)

type intrinsicFunc struct {
	minArgs, maxArgs int // maxArgs -1: unbounded
	eval             func(ci callInfo, args []any) (any, error)
}

func (f *intrinsicFunc) arity() string {
	switch {
	case f.maxArgs < 0:
		return fmt.Sprintf("at least %d argument(s)", f.minArgs)
	case f.minArgs == f.maxArgs:
		return fmt.Sprintf("%d argument(s)", f.minArgs)
	}
	return fmt.Sprintf("%d to %d arguments", f.minArgs, f.maxArgs)
}

var intrinsics map[string]*intrinsicFunc

func init() {
	intrinsics = map[string]*intrinsicFunc{
		"States.Format":         {1, -1, fnFormat},
		"States.StringToJson":   {1, 1, fnStringToJSON},
		"States.JsonToString":   {1, 1, fnJSONToString},
		"States.Array":          {0, -1, fnArray},
		"States.ArrayPartition": {2, 2, fnArrayPartition},
		"States.ArrayContains":  {2, 2, fnArrayContains},
		"States.ArrayRange":     {3, 3, fnArrayRange},
		"States.ArrayGetItem":   {2, 2, fnArrayGetItem},
		"States.ArrayLength":    {1, 1, fnArrayLength},
		"States.ArrayUnique":    {1, 1, fnArrayUnique},
		"States.Base64Encode":   {1, 1, fnBase64Encode},
		"States.Base64Decode":   {1, 1, fnBase64Decode},
		"States.Hash":           {2, 2, fnHash},
		"States.JsonMerge":      {3, 3, fnJSONMerge},
		"States.MathRandom":     {2, 3, fnMathRandom},
		"States.MathAdd":        {2, 2, fnMathAdd},
		"States.StringSplit":    {2, 2, fnStringSplit},
		"States.UUID":           {0, 0, fnUUID},
	}
}

// States.Format('template {}', args...). Braces must pair as {}: AWS fails
// on 'Hello {', 'Hello {{}}' and '}' (observed); \{ and \} are literal.
func fnFormat(ci callInfo, args []any) (any, error) {
	tmpl, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if a := ci.call.args[0]; a.isLit {
		tmpl = a.raw // split on the raw text so that \{ stays a literal brace
	}
	badTemplate := func(detail string) error {
		return ci.failWith("Invalid template in States.Format: matching '}' not found for '{'.", detail)
	}
	var b strings.Builder
	values := args[1:]
	next := 0
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch c {
		case '\\':
			if i+1 >= len(tmpl) {
				return nil, badTemplate("the template ends with an unpaired escape character '\\'")
			}
			i++
			b.WriteByte(tmpl[i])
		case '{':
			if i+1 >= len(tmpl) || tmpl[i+1] != '}' {
				return nil, badTemplate("'{' must be followed by '}'; write \\{ for a literal brace")
			}
			if next < len(values) {
				b.WriteString(javaText(values[next]))
			}
			next++
			i++
		case '}':
			return nil, ci.failWith("Invalid template in States.Format: matching '{' not found for '}'.", "'}' without '{'; write \\} for a literal brace")
		default:
			b.WriteByte(c)
		}
	}
	if next != len(values) {
		return nil, ci.failWith("Invalid arguments in States.Format: number of arguments do not match the occurrences of {}.",
			fmt.Sprintf("the template has %d placeholder(s) {} but %d argument(s) follow it", next, len(values)))
	}
	return b.String(), nil
}

// States.StringToJson(string): blank text is null.
func fnStringToJSON(ci callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	v, err := DecodeJSON([]byte(s))
	if err != nil {
		return nil, ci.fail("States.StringToJson could not parse the string as JSON: %v", err)
	}
	return v, nil
}

// States.JsonToString(value): compact JSON.
func fnJSONToString(_ callInfo, args []any) (any, error) {
	return EncodeJSON(args[0]), nil
}

func fnArray(_ callInfo, args []any) (any, error) {
	out := make([]any, len(args))
	copy(out, args)
	return out, nil
}

func fnArrayPartition(ci callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	size, err := ci.integer(args, 1)
	if err != nil {
		return nil, err
	}
	if size <= 0 {
		return nil, ci.fail("The chunk size of States.ArrayPartition must be a positive integer, but was %d", size)
	}
	out := []any{}
	for start := 0; start < len(arr); start += int(size) {
		end := min(start+int(size), len(arr))
		chunk := make([]any, end-start)
		copy(chunk, arr[start:end])
		out = append(out, chunk)
	}
	return out, nil
}

// fnArrayContains compares the way AWS was observed to: by the values'
// Java text, so true matches "true" and 9007199254740991 matches
// "9007199254740991", while false does not match 0.
func fnArrayContains(ci callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	want := javaText(args[1])
	for _, e := range arr {
		if javaText(e) == want {
			return true, nil
		}
	}
	return false, nil
}

// maxArrayRange is AWS's limit on the length of States.ArrayRange's result.
const maxArrayRange = 1000

func fnArrayRange(ci callInfo, args []any) (any, error) {
	var n [3]int64
	for i := range n {
		v, err := ci.integer(args, i)
		if err != nil {
			return nil, err
		}
		n[i] = v
	}
	first, last, stride := n[0], n[1], n[2]
	if stride == 0 {
		return nil, ci.fail("The step of States.ArrayRange must not be 0")
	}
	count := int64(0)
	if stride > 0 && first <= last {
		count = (last-first)/stride + 1
	} else if stride < 0 && first >= last {
		count = (first-last)/(-stride) + 1
	}
	if count > maxArrayRange {
		return nil, ci.fail("States.ArrayRange would produce %d items; the maximum is %d", count, maxArrayRange)
	}
	out := make([]any, 0, count)
	for i := int64(0); i < count; i++ {
		out = append(out, first+i*stride)
	}
	return out, nil
}

func fnArrayGetItem(ci callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	idx, err := ci.integer(args, 1)
	if err != nil {
		return nil, err
	}
	if len(arr) == 0 && idx >= 0 {
		return nil, nil // observed on AWS: any index into [] reads null
	}
	if idx < 0 || idx >= int64(len(arr)) {
		return nil, ci.fail("The index %d is out of bounds for the array of length %d given to States.ArrayGetItem", idx, len(arr))
	}
	return arr[idx], nil
}

func fnArrayLength(ci callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	return int64(len(arr)), nil
}

// fnArrayUnique removes duplicates and returns what is left in the order
// of a java.util.HashSet built from the array, which is what AWS was
// observed to return: [true,false,true,false] gives [false,true] and
// [[1,2],[1,2],[2,1]] gives [[2,1],[1,2]], while small integers and
// one-letter strings come out sorted. Equality is Java's: 1 and 1.0
// differ, objects compare regardless of key order.
func fnArrayUnique(ci callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	return javaHashSetOrder(arr), nil
}

// maxCodecInput is AWS's limit on Base64 and Hash input, in characters.
const maxCodecInput = 10000

func fnBase64Encode(ci callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if javaLength(s) > maxCodecInput {
		return nil, ci.fail("The input of States.Base64Encode is longer than %d characters", maxCodecInput)
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

func fnBase64Decode(ci callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if javaLength(s) > maxCodecInput {
		return nil, ci.fail("The input of States.Base64Decode is longer than %d characters", maxCodecInput)
	}
	return strings.ToValidUTF8(string(decodeBase64Lenient(s)), "\uFFFD"), nil
}

func fnHash(ci callInfo, args []any) (any, error) {
	data, ok := args[0].(string)
	if !ok {
		data = javaText(args[0])
	}
	if javaLength(data) > maxCodecInput {
		return nil, ci.fail("The input of States.Hash is longer than %d characters", maxCodecInput)
	}
	alg, err := ci.str(args, 1)
	if err != nil {
		return nil, err
	}
	h, ok := expr.NewHash(alg)
	if !ok {
		return nil, ci.fail("The hashing algorithm %s is not supported by States.Hash; use one of %s", alg, strings.Join(expr.HashAlgorithms, ", "))
	}
	h.Write([]byte(data))
	return hex.EncodeToString(h.Sum(nil)), nil
}

func fnJSONMerge(ci callInfo, args []any) (any, error) {
	a, err := ci.object(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := ci.object(args, 1)
	if err != nil {
		return nil, err
	}
	// AWS reads the flag loosely (a non-boolean like "false" merges
	// shallowly, observed) and supports only shallow merging.
	deep := args[2] == true || args[2] == "true"
	if deep {
		return nil, ci.fail("States.JsonMerge supports only shallow merging: its third argument must be false")
	}
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out, nil
}

func fnMathRandom(ci callInfo, args []any) (any, error) {
	start, err := ci.integer(args, 0)
	if err != nil {
		return nil, err
	}
	end, err := ci.integer(args, 1)
	if err != nil {
		return nil, err
	}
	if end <= start {
		return nil, ci.fail("The end of States.MathRandom (%d) must be greater than its start (%d)", end, start)
	}
	span := end - start
	if len(args) == 3 {
		seed, err := ci.integer(args, 2)
		if err != nil {
			return nil, err
		}
		if span <= math.MaxInt32 {
			// A guess at AWS's Java: new Random(seed).nextInt(end - start) + start.
			return start + int64(newJavaRandom(seed).nextInt(int32(span))), nil
		}
		return start + int64(rand.NewPCG(uint64(seed), 0).Uint64()%uint64(span)), nil
	}
	return start + int64(ci.random().Uint64()%uint64(span)), nil
}

// random returns the Context's random source or a fixed-seed one.
func (ci *callInfo) random() Rand {
	if ci.ctx != nil && ci.ctx.Rand != nil {
		return ci.ctx.Rand
	}
	return rand.NewPCG(0x5eed, 0)
}

func fnMathAdd(ci callInfo, args []any) (any, error) {
	// Integers in range (most calls: a counter and a step) add as they
	// are: rounded takes them to float64 and back unchanged.
	if a, ok := args[0].(int64); ok && a >= math.MinInt32 && a <= math.MaxInt32 {
		if b, ok := args[1].(int64); ok && b >= math.MinInt32 && b <= math.MaxInt32 {
			if sum := a + b; sum >= math.MinInt32 && sum <= math.MaxInt32 {
				return sum, nil
			}
		}
	}
	var n [2]int64
	for i := range n {
		v, err := ci.rounded(args, i)
		if err != nil {
			return nil, err
		}
		if v < math.MinInt32 || v > math.MaxInt32 {
			return nil, ci.fail("The argument %d of States.MathAdd is outside the integer range [-2147483648, 2147483647]: %d", i+1, v)
		}
		n[i] = v
	}
	sum := n[0] + n[1]
	if sum < math.MinInt32 || sum > math.MaxInt32 {
		return nil, ci.fail("The sum %d is outside the integer range [-2147483648, 2147483647]", sum)
	}
	return sum, nil
}

// States.StringSplit(string, delimiters): every character of delimiters
// splits; empty pieces are dropped.
func fnStringSplit(ci callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	delims, err := ci.str(args, 1)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(delims, r) }) {
		out = append(out, piece)
	}
	return out, nil
}

func fnUUID(ci callInfo, _ []any) (any, error) {
	return NewUUID(ci.random()), nil
}

// NewUUID draws a version 4 UUID from r.
func NewUUID(r Rand) string {
	var b [16]byte
	hi, lo := r.Uint64(), r.Uint64()
	for i := range 8 {
		b[i] = byte(hi >> (56 - 8*i))
		b[8+i] = byte(lo >> (56 - 8*i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

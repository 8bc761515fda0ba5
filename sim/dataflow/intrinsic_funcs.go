package dataflow

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

type intrinsicFunc struct {
	minArgs, maxArgs int // maxArgs -1: unbounded
	eval             func(ci *callInfo, args []any) (any, error)
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

// callInfo is what a function sees besides its argument values.
type callInfo struct {
	call *icall
	ctx  *Context
}

func (ci *callInfo) name() string { return ci.call.name }

func (ci *callInfo) fail(format string, a ...any) error {
	return intrinsicErr(fmt.Sprintf(format, a...))
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

// argument accessors: each names the argument (1-based) in its failure.

func (ci *callInfo) str(args []any, i int) (string, error) {
	s, ok := args[i].(string)
	if !ok {
		return "", ci.fail("The argument %d of %s must be a string, but was %s: %s", i+1, ci.name(), typeName(args[i]), EncodeJSON(args[i]))
	}
	return s, nil
}

func (ci *callInfo) array(args []any, i int) ([]any, error) {
	a, ok := args[i].([]any)
	if !ok {
		return nil, ci.fail("The argument %d of %s must be an array, but was %s: %s", i+1, ci.name(), typeName(args[i]), EncodeJSON(args[i]))
	}
	return a, nil
}

func (ci *callInfo) object(args []any, i int) (map[string]any, error) {
	m, ok := args[i].(map[string]any)
	if !ok {
		return nil, ci.fail("The argument %d of %s must be an object, but was %s: %s", i+1, ci.name(), typeName(args[i]), EncodeJSON(args[i]))
	}
	return m, nil
}

// integer reads an integer argument; non-integers are rounded like Java's
// Math.round (half up toward +Inf), as AWS does.
func (ci *callInfo) integer(args []any, i int) (int64, error) {
	f, ok := toFloat(args[i])
	if !ok {
		return 0, ci.fail("The argument %d of %s must be a number, but was %s: %s", i+1, ci.name(), typeName(args[i]), EncodeJSON(args[i]))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<62 {
		return 0, ci.fail("The argument %d of %s is out of range: %s", i+1, ci.name(), FormatNumber(args[i]))
	}
	return javaRound(f), nil
}

func javaRound(f float64) int64 { return int64(math.Floor(f + 0.5)) }

// States.Format('template {}', args...)
func fnFormat(ci *callInfo, args []any) (any, error) {
	tmpl, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if a := ci.call.args[0]; a.isLit {
		tmpl = a.raw // split on the raw text so that \{ stays a literal brace
	}
	var b strings.Builder
	next := 1
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case c == '\\':
			if i+1 >= len(tmpl) {
				return nil, ci.fail("The template of States.Format ends with an unpaired escape character '\\'")
			}
			i++
			b.WriteByte(tmpl[i])
		case c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			if next >= len(args) {
				return nil, ci.fail("The template of States.Format has more placeholders {} than the %d argument(s) given", len(args)-1)
			}
			b.WriteString(javaText(args[next]))
			next++
			i++
		default:
			b.WriteByte(c)
		}
	}
	if next != len(args) {
		return nil, ci.fail("The template of States.Format has %d placeholder(s) {} but %d argument(s) were given", next-1, len(args)-1)
	}
	return b.String(), nil
}

// States.StringToJson(string): blank text is null.
func fnStringToJSON(ci *callInfo, args []any) (any, error) {
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

// DecodeJSON parses one JSON document into plain values: int64 for
// integer literals that fit, float64 for the others (no negative zero).
func DecodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	var rest [1]byte
	if n, _ := dec.Buffered().Read(rest[:]); n > 0 && !isJSONSpace(rest[0]) {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return normalizeNumbers(v), nil
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// normalizeNumbers turns json.Number into int64 for integer literals (as
// Jackson reads them, and as the rest of aslkit decodes JSON) and float64
// otherwise.
func normalizeNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		s := string(x)
		if !strings.ContainsAny(s, ".eE") {
			if i, err := strconv.ParseInt(s, 10, 64); err == nil {
				return i
			}
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0.0
		}
		if f == 0 {
			return 0.0 // no negative zero
		}
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeNumbers(e)
		}
	}
	return v
}

// States.JsonToString(value): compact JSON.
func fnJSONToString(_ *callInfo, args []any) (any, error) {
	return EncodeJSON(args[0]), nil
}

func fnArray(_ *callInfo, args []any) (any, error) {
	out := make([]any, len(args))
	copy(out, args)
	return out, nil
}

func fnArrayPartition(ci *callInfo, args []any) (any, error) {
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

func fnArrayContains(ci *callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	for _, e := range arr {
		if DeepEqual(e, args[1]) {
			return true, nil
		}
	}
	return false, nil
}

// maxArrayRange is AWS's limit on the length of States.ArrayRange's result.
const maxArrayRange = 1000

func fnArrayRange(ci *callInfo, args []any) (any, error) {
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

func fnArrayGetItem(ci *callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	idx, err := ci.integer(args, 1)
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx >= int64(len(arr)) {
		return nil, ci.fail("The index %d is out of bounds for the array of length %d given to States.ArrayGetItem", idx, len(arr))
	}
	return arr[idx], nil
}

func fnArrayLength(ci *callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	return int64(len(arr)), nil
}

func fnArrayUnique(ci *callInfo, args []any) (any, error) {
	arr, err := ci.array(args, 0)
	if err != nil {
		return nil, err
	}
	out := []any{}
	seen := make(map[string]bool, len(arr))
	for _, e := range arr {
		k := canonicalKey(e)
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// canonicalKey renders v so that values DeepEqual considers equal (numbers
// by value, objects regardless of key order) get the same key.
func canonicalKey(v any) string {
	var b strings.Builder
	writeCanonical(&b, v)
	return b.String()
}

func writeCanonical(b *strings.Builder, v any) {
	if f, ok := toFloat(v); ok {
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		return
	}
	switch x := v.(type) {
	case map[string]any:
		b.WriteByte('{')
		for i, k := range sortedKeys(x) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			writeCanonical(b, x[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, e)
		}
		b.WriteByte(']')
	default:
		encodeJSON(b, v)
	}
}

// maxCodecInput is AWS's limit on Base64 and Hash input, in characters.
const maxCodecInput = 10000

func fnBase64Encode(ci *callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(s) > maxCodecInput {
		return nil, ci.fail("The input of States.Base64Encode is longer than %d characters", maxCodecInput)
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

func fnBase64Decode(ci *callInfo, args []any) (any, error) {
	s, err := ci.str(args, 0)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(s) > maxCodecInput {
		return nil, ci.fail("The input of States.Base64Decode is longer than %d characters", maxCodecInput)
	}
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	}
	if err != nil {
		return nil, ci.fail("The input of States.Base64Decode is not valid Base64: %s", s)
	}
	return string(data), nil
}

func fnHash(ci *callInfo, args []any) (any, error) {
	data, ok := args[0].(string)
	if !ok {
		data = javaText(args[0])
	}
	if utf8.RuneCountInString(data) > maxCodecInput {
		return nil, ci.fail("The input of States.Hash is longer than %d characters", maxCodecInput)
	}
	alg, err := ci.str(args, 1)
	if err != nil {
		return nil, err
	}
	var h hash.Hash
	switch alg {
	case "MD5":
		h = md5.New()
	case "SHA-1":
		h = sha1.New()
	case "SHA-256":
		h = sha256.New()
	case "SHA-384":
		h = sha512.New384()
	case "SHA-512":
		h = sha512.New()
	default:
		return nil, ci.fail("The hashing algorithm %s is not supported by States.Hash; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", alg)
	}
	h.Write([]byte(data))
	return hex.EncodeToString(h.Sum(nil)), nil
}

func fnJSONMerge(ci *callInfo, args []any) (any, error) {
	a, err := ci.object(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := ci.object(args, 1)
	if err != nil {
		return nil, err
	}
	deep, ok := args[2].(bool)
	if !ok {
		return nil, ci.fail("The argument 3 of States.JsonMerge must be a boolean, but was %s: %s", typeName(args[2]), EncodeJSON(args[2]))
	}
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

func fnMathRandom(ci *callInfo, args []any) (any, error) {
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

// javaRandom is java.util.Random's 48-bit linear congruential generator.
type javaRandom struct{ seed int64 }

const (
	javaMultiplier = 0x5DEECE66D
	javaMask       = 1<<48 - 1
)

func newJavaRandom(seed int64) *javaRandom {
	return &javaRandom{seed: (seed ^ javaMultiplier) & javaMask}
}

func (r *javaRandom) next(bits uint) int32 {
	r.seed = (r.seed*javaMultiplier + 0xB) & javaMask
	return int32(uint64(r.seed) >> (48 - bits))
}

// nextInt is Random.nextInt(bound) for bound > 0.
func (r *javaRandom) nextInt(bound int32) int32 {
	if bound&(-bound) == bound { // a power of two
		return int32((int64(bound) * int64(r.next(31))) >> 31)
	}
	for {
		bits := r.next(31)
		val := bits % bound
		if bits-val+(bound-1) >= 0 { // int32 overflow means retry, as in Java
			return val
		}
	}
}

// random returns the Context's random source or a fixed-seed one.
func (ci *callInfo) random() Rand {
	if ci.ctx != nil && ci.ctx.Rand != nil {
		return ci.ctx.Rand
	}
	return rand.NewPCG(0x5eed, 0)
}

func fnMathAdd(ci *callInfo, args []any) (any, error) {
	var n [2]int64
	for i := range n {
		v, err := ci.integer(args, i)
		if err != nil {
			return nil, err
		}
		if v < math.MinInt32 || v > math.MaxInt32 {
			return nil, ci.fail("The argument %d of States.MathAdd is outside the integer range [-2147483648, 2147483647]: %d", i+1, v)
		}
		n[i] = v
	}
	return n[0] + n[1], nil
}

// States.StringSplit(string, delimiters): every character of delimiters
// splits; empty pieces are dropped.
func fnStringSplit(ci *callInfo, args []any) (any, error) {
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

func fnUUID(ci *callInfo, _ []any) (any, error) {
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

package jsonata

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
)

// Step Functions adds $partition, $range, $hash, $random(seed), $uuid and
// $parse to JSONata, and removes $eval (see RemovedInStepFunctions).

// RemovedInStepFunctions lists functions AWS Step Functions does not offer in
// JSONata expressions, with the reason, so checks can flag them.
var RemovedInStepFunctions = map[string]string{
	"eval":         "$eval is not supported in Step Functions; use $parse",
	"randomSeeded": "$randomSeeded does not exist; use $random(seed)",
}

// StepFunctionsOnly lists the functions Step Functions adds to JSONata.
var StepFunctionsOnly = []string{"partition", "range", "hash", "random", "uuid", "parse"}

func defineStepFunctions() {
	define(
		builtinDef{"partition", "<an:a>", 2, fnPartition},
		builtinDef{"range", "<nnn?:a>", 3, fnRange},
		builtinDef{"hash", "<ss:s>", 2, fnHash},
		builtinDef{"uuid", "<:s>", 0, fnUUID},
		builtinDef{"parse", "<s-:j>", 1, fnParse},
	)
}

func fnPartition(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	items, _ := arrayItems(args[0])
	size := math.Floor(argNumber(args, 1))
	if !(size >= 1) || size > 1e9 {
		return nil, &Error{Code: "D3151", Position: -1, Start: -1, Value: args[1]}
	}
	n := int(size)
	out := &seq{}
	for i := 0; i < len(items); i += n {
		end := min(i+n, len(items))
		out.v = append(out.v, &seq{v: append([]any(nil), items[i:end]...)})
	}
	return out, nil
}

func fnRange(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	start := math.Floor(argNumber(args, 0))
	end := math.Floor(argNumber(args, 1))
	step := 1.0
	if f, ok := argAt(args, 2).(float64); ok {
		step = math.Floor(f)
	}
	if step == 0 {
		return nil, &Error{Code: "D3152", Position: -1, Start: -1}
	}
	count := math.Floor((end-start)/step) + 1
	if count > 1e7 {
		return nil, dynErr("D2014", count)
	}
	out := &seq{sequence: true}
	if count <= 0 {
		return &seq{}, nil
	}
	if err := ev.charge(int(count)); err != nil {
		return nil, err
	}
	for x := start; (step > 0 && x <= end) || (step < 0 && x >= end); x += step {
		out.v = append(out.v, x)
	}
	return out, nil
}

func fnHash(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	alg := "SHA-256"
	if s, ok := argAt(args, 1).(string); ok {
		alg = s
	}
	h, ok := expr.NewHash(strings.ToUpper(alg))
	if !ok {
		return nil, &Error{Code: "D3150", Position: -1, Start: -1, Value: alg}
	}
	h.Write([]byte(args[0].(string)))
	return hex.EncodeToString(h.Sum(nil)), nil
}

func fnUUID(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if ev.cfg.uuid != nil {
		return ev.cfg.uuid(), nil
	}
	var b [16]byte
	for i := range b {
		b[i] = byte(rand.IntN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	s := hex.EncodeToString(b[:])
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:], nil
}

func fnParse(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	v, err := DecodeJSON([]byte(args[0].(string)))
	if err != nil {
		return nil, &Error{Code: "D3153", Position: -1, Start: -1, Value: err.Error()}
	}
	return v, nil
}

// seededRandom is a deterministic number in [0,1) for a seed.
func seededRandom(seed float64) float64 {
	r := rand.New(rand.NewPCG(math.Float64bits(seed), 0x9e3779b97f4a7c15))
	return r.Float64()
}

// DecodeJSON decodes JSON text into engine values, keeping object key order
// (*Object) and numbers as float64.
func DecodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, &json.SyntaxError{}
	}
	if _, err := dec.Token(); err == nil {
		return nil, errTrailing
	}
	return v, nil
}

type trailingError struct{}

func (trailingError) Error() string { return "unexpected data after JSON value" }

var errTrailing = trailingError{}

type nestingError struct{}

func (nestingError) Error() string { return "JSON nesting is too deep" }

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > maxValueDepth {
		return nil, nestingError{}
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := NewObject(4)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				o.Set(k, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return o, nil
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return arr, nil
		}
	case float64, string, bool, nil:
		return t, nil
	}
	return nil, errTrailing
}

// Package jsonata is a pure-Go JSONata 2.x engine, faithful to jsonata-js
// 2.2.2 (the reference for AWS Step Functions' JSONata query language), with
// the Step Functions additions and resource limits.
//
// # Evaluating
//
//	expr, err := jsonata.Compile(`$sum($states.input.items.price)`)
//	v, err := expr.Evaluate(nil, map[string]any{"states": states},
//		jsonata.WithTimeout(time.Second), jsonata.WithNow(clock.Now))
//
// Values are plain Go JSON values: map[string]any (or the ordered *Object),
// []any, string, float64, bool and nil for JSON null (numbers must be
// float64, as encoding/json produces; DecodeJSON keeps key order). "No
// value" (JSONata's undefined) is the distinct sentinel Undefined: Evaluate
// returns Undefined
// when the expression yields nothing, and IsUndefined tests for it. Bindings
// are variables named without the $ (so $states is bindings["states"]).
// Results contain no engine-internal types; a function value comes back as
// *FunctionValue (not JSON; it marshals to "").
// WithOrderedObjects returns objects as *Object with keys in JSONata order.
// WithStepFunctions removes the functions AWS does not offer.
//
// Errors are *Error with jsonata-js's codes (S0xxx syntax, T0410-T0412
// signature, T1xxx/T2xxx type, D1xxx/D2xxx/D3xxx dynamic, U1001 stack
// overflow or timeout, U1002 allocation limit), the position just after the
// offending token (Position) and, where known, its start (Start). Positions
// are byte offsets into the expression (jsonata-js counts UTF-16 units; the
// two agree on ASCII). Messages follow jsonata-js's templates. Step Functions
// additions use D3150-D3153. InternalErrorCode (X0001) marks an engine bug
// caught at the API boundary.
//
// # Limits
//
// Evaluation never panics, never overflows the Go stack and never hangs:
// nesting depth is bounded (WithMaxDepth, default 10000 -> U1001 "Stack
// overflow"), time is bounded by WithTimeout/WithContext/WithMaxSteps (polled
// every 4096 steps -> U1001 timeout) and sequence/string growth by
// WithMaxAlloc (U1002, default 5e7 units: sequence items or 4-byte string
// chunks, counted cumulatively). Tail calls run in constant stack.
//
// # Step Functions
//
// $partition, $range, $hash, $uuid and $parse are built in; $random accepts
// an optional seed. WithNow, WithRandom, WithSeededRandom and WithUUID make
// $now/$millis/$random/$shuffle/$uuid deterministic for a simulator.
// RemovedInStepFunctions names functions AWS does not offer ($eval), so checks
// can flag them; StepFunctionsOnly names the additions.
//
// # Editors
//
// ParseTolerant parses unfinished text (`$states.input.`, `$sum(`) into a
// tree whose broken parts are nodes of Type "error", plus all errors. Every
// Node has a byte span [Start, End). NodeAt finds the innermost node at an
// offset (with its ancestors), Walk visits a tree, Functions/LookupFunction
// describe the built-ins (signature, parameters, one-line doc) and
// FunctionArity gives the argument counts a call may have. For checks,
// FreeVariables lists the variables an expression reads without binding
// them ($states, workflow variables, unknown $functions) and
// ContextReferences lists top-level reads of the implicit input ($, $$, bare
// field names), which Step Functions rejects.
//
// # Regular expressions
//
// Regex literals are JavaScript regexes translated to Go's RE2. Lookaround
// and backreferences have no RE2 equivalent and are rejected at compile time
// with S0303 naming the construct.
//
// # Conformance
//
// TestConformance runs the jsonata-js suite (../shared/corpus/jsonata-suite):
// all 1686 cases pass. Strings are UTF-8; a lone UTF-16 surrogate (which a
// JavaScript string can hold) is kept as its 3-byte generalized encoding.
package jsonata

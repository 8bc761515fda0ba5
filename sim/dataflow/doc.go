// Package dataflow holds the pure functions the simulator calls for
// JSONPath-mode data processing: paths, payload templates, ResultPath,
// intrinsic functions and Choice rules. Nothing here reads a clock, logs,
// does I/O or starts goroutines; evaluators never panic.
//
// Values are plain Go JSON values: map[string]any, []any, string, bool,
// nil and numbers. Numbers may be float64, int64, int or json.Number; the
// functions here return int64 for integer results (MathAdd, ArrayLength,
// ArrayRange, MathRandom, integer literals parsed by StringToJson) and
// float64 otherwise, matching how aslkit decodes JSON. FormatNumber prints
// an integral float64 without a fraction ("3", not Jackson's "3.0"): that is
// right for computed values and wrong only for a literal like 1.0 in the
// data, which a json.Number keeps. Values are treated as immutable:
// results may share unchanged parts with their inputs. Go maps keep no key
// order, so wherever AWS would print members in document order (JsonToString,
// Format, wildcards over objects) this package uses sorted key order, which
// keeps every run deterministic.
//
// Failures are *Error values carrying the ASL error name and the cause
// text exactly as AWS words it after the "An error occurred while executing
// the state 'X' (entered at the event id #N). " prefix, which the engine
// adds unless Error.Bare is set.
//
// The pipeline of a Pass/Task/Map/Parallel state, with the calls to make:
//
//	effective := inputPath.Select(raw, ctx)          // nil *Path: InputPath null -> {}
//	effective  = parameters.Apply(effective, ctx)    // *Template, if present
//	result     = ...                                 // the work
//	result     = resultSelector.Apply(result, ctx)   // *Template, if present
//	output    := ApplyResultPath(resultPath, raw, result) // nil: ResultPath null
//	output     = outputPath.Select(output, ctx)      // nil *Path: OutputPath null -> {}
//
// Choice: CompileRule(rule) once, then rule.Eval(effective, ctx).
// Fail: path.GetField(raw, ctx, "ErrorPath") or EvalIntrinsic.
// Timestamps (Choice, Wait): ParseTimestamp, Java's ISO_OFFSET_DATE_TIME.
// Paths follow Jayway JsonPath, which AWS runs: definite paths fail with
// Jayway's messages; wildcards, slices, unions, filters and deep scans
// return arrays in document order.
//
// Exact AWS texts reproduced (recorded):
//
//	Invalid path '$.x' : No results for path: $['x']           (Path.Get)
//	Invalid path '$.a.b' : Missing property in path $['a']     (Path.Get)
//	The JSONPath '$.x' specified for the field 'k.$' could not be found in the input '<json>'  (Template.Apply, Path.GetField)
//	Invalid path '$.x': The choice state's condition path references an invalid value.        (Rule.Eval)
//	The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.  (DataLimitExceeded, Bare)
//
// Intrinsic functions fail the way AWS was observed to fail them (not with
// the spec's States.IntrinsicFailure): States.Runtime with "There was an
// error while evaluating the intrinsic function: <call>. Invalid arguments
// in States.<Name>" (the "Invalid arguments in States.X" part and the error
// name are confirmed against AWS; the leading sentence follows an emulator
// that mirrors AWS). Argument handling follows AWS observations where they
// differ from the documentation: integer arguments are truncated (MathAdd
// alone rounds half up), Base64Decode is lenient, ArrayContains compares
// Java text, ArrayGetItem on [] is null, Format rejects unpaired braces.
// Error.Detail explains each failure for people. States.ResultPathMatchFailure
// causes were never recorded; the text here is a descriptive stand-in.
package dataflow

package jsonata

func formatDateTime(ms int64, pic, tz string) (any, *Error) {
	return nil, &Error{Code: "D3132", Position: -1, Start: -1}
}
func parseDateTime(s, pic string) (any, *Error) {
	return nil, &Error{Code: "D3132", Position: -1, Start: -1}
}
func fnFormatNumber(ev *evaluator, fc *fnCtx, args []any) (any, *Error)  { return Undefined, nil }
func fnFormatBase(ev *evaluator, fc *fnCtx, args []any) (any, *Error)    { return Undefined, nil }
func fnFormatInteger(ev *evaluator, fc *fnCtx, args []any) (any, *Error) { return Undefined, nil }
func fnParseInteger(ev *evaluator, fc *fnCtx, args []any) (any, *Error)  { return Undefined, nil }

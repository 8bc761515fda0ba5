package jsonata

import (
	"math"
	"regexp"
	"time"
)

func fnMillis(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return ev.nowMillis(), nil
}

func fnNow(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	return fromMillis(ev.nowMillis(), argAt(args, 0), argAt(args, 1))
}

func fnFromMillis(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	return fromMillis(args[0].(float64), argAt(args, 1), argAt(args, 2))
}

func fromMillis(ms float64, picture, tz any) (any, *Error) {
	pic, hasPic := picture.(string)
	tzs, _ := tz.(string)
	if !hasPic {
		if tzs == "" {
			t := time.UnixMilli(int64(math.Floor(ms))).UTC()
			return t.Format("2006-01-02T15:04:05.000Z"), nil
		}
		pic = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"
	}
	return formatDateTime(int64(math.Floor(ms)), pic, tzs)
}

func fnToMillis(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	s := args[0].(string)
	if pic, ok := argAt(args, 1).(string); ok {
		return parseDateTimeWithNow(s, pic, ev.nowMillis())
	}
	ms, ok := parseISO8601(s)
	if !ok || !iso8601Re.MatchString(s) {
		return nil, &Error{Code: "D3110", Position: -1, Start: -1, Value: s}
	}
	return ms, nil
}

var iso8601Re = regexp.MustCompile(`^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$`)

// parseISO8601 accepts the forms JavaScript's Date constructor accepts for
// ISO 8601 timestamps.
func parseISO8601(s string) (float64, bool) {
	layouts := []string{
		"2006-01-02T15:04:05.999999999Z07:00",
		"2006-01-02T15:04:05Z07:00",
		"2006-01-02T15:04:05.999999999Z0700",
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02",
		"2006-01",
		"2006",
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return float64(t.UnixMilli()), true
		}
	}
	return 0, false
}

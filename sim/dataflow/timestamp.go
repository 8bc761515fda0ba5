package dataflow

import (
	"time"
)

// ParseTimestamp parses a timestamp the way AWS does: Java's
// DateTimeFormatter.ISO_OFFSET_DATE_TIME (AWS's Wait errors name it: "ISO-8601
// extended offset date-time format"). That means yyyy-MM-dd'T'HH:mm, then
// optional :ss and .fraction (1 to 9 digits), then an offset: Z, +HH,
// +HHmm, +HH:mm, +HHmmss or +HH:mm:ss (at most 18 hours); T and Z may be
// lower case; calendar fields are checked strictly. Recorded rejections:
// no offset, a space instead of T, day-month-year order, month 13, hour 25,
// a date alone.
func ParseTimestamp(s string) (time.Time, bool) {
	p := tsParser{s: s}
	year, ok1 := p.digits(4)
	ok2 := p.lit('-')
	month, ok3 := p.digits(2)
	ok4 := p.lit('-')
	day, ok5 := p.digits(2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || !p.litFold('T') {
		return time.Time{}, false
	}
	hour, ok1 := p.digits(2)
	ok2 = p.lit(':')
	minute, ok3 := p.digits(2)
	if !(ok1 && ok2 && ok3) {
		return time.Time{}, false
	}
	second, nanos := 0, 0
	if p.peek() == ':' {
		p.i++
		var ok bool
		if second, ok = p.digits(2); !ok {
			return time.Time{}, false
		}
		if p.peek() == '.' {
			p.i++
			start := p.i
			for p.i < len(p.s) && isDigit(p.s[p.i]) && p.i-start < 9 {
				nanos = nanos*10 + int(p.s[p.i]-'0')
				p.i++
			}
			n := p.i - start
			if n == 0 {
				return time.Time{}, false
			}
			for ; n < 9; n++ {
				nanos *= 10
			}
		}
	}
	offset, ok := p.offset()
	if !ok || p.i != len(p.s) {
		return time.Time{}, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || second > 59 {
		return time.Time{}, false
	}
	loc := time.FixedZone("", offset)
	return time.Date(year, time.Month(month), day, hour, minute, second, nanos, loc), true
}

type tsParser struct {
	s string
	i int
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (p *tsParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *tsParser) lit(c byte) bool {
	if p.peek() != c {
		return false
	}
	p.i++
	return true
}

// litFold matches an upper-case ASCII letter in either case.
func (p *tsParser) litFold(c byte) bool {
	if b := p.peek(); b == c || b == c+('a'-'A') {
		p.i++
		return true
	}
	return false
}

func (p *tsParser) digits(n int) (int, bool) {
	if p.i+n > len(p.s) {
		return 0, false
	}
	v := 0
	for k := 0; k < n; k++ {
		c := p.s[p.i+k]
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	p.i += n
	return v, true
}

// offset reads Z or a numeric offset in any of the lenient ISO forms and
// returns it in seconds east of UTC.
func (p *tsParser) offset() (int, bool) {
	if p.litFold('Z') {
		return 0, true
	}
	sign := 1
	switch p.peek() {
	case '+':
	case '-':
		sign = -1
	default:
		return 0, false
	}
	p.i++
	h, ok := p.digits(2)
	if !ok {
		return 0, false
	}
	m, sec := 0, 0
	colon := p.peek() == ':'
	if colon {
		p.i++
	}
	if isDigit(p.peek()) {
		if m, ok = p.digits(2); !ok {
			return 0, false
		}
		if (colon && p.peek() == ':') || (!colon && isDigit(p.peek())) {
			if colon {
				p.i++
			}
			if sec, ok = p.digits(2); !ok {
				return 0, false
			}
		}
	} else if colon {
		return 0, false
	}
	if h > 18 || m > 59 || sec > 59 || (h == 18 && (m > 0 || sec > 0)) {
		return 0, false
	}
	return sign * (h*3600 + m*60 + sec), true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

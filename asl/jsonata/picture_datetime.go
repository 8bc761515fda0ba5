package jsonata

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// XPath fn:format-dateTime pictures for $fromMillis/$now and the parsing
// counterpart used by $toMillis(timestamp, picture).

type dtMarker struct {
	literal       bool
	value         string
	component     byte
	presentation1 string
	presentation2 string
	ordinal       bool
	names         string
	widthMin      int // -1 unset
	widthMax      int
	intFormat     *integerFormat
	n             int
}

var defaultPresentation = map[byte]string{
	'Y': "1", 'M': "1", 'D': "1", 'd': "1", 'F': "n", 'W': "1", 'w': "1", 'X': "1", 'x': "1", 'H': "1", 'h': "1",
	'P': "n", 'm': "01", 's': "01", 'f': "1", 'Z': "01:01", 'z': "01:01", 'C': "n", 'E': "n",
}

var spaceRe = regexp.MustCompile(`\s+`)

func analyseDateTimePicture(picture string) ([]*dtMarker, *Error) {
	var spec []*dtMarker
	addLiteral := func(start, end int) {
		if end > start {
			lit := strings.ReplaceAll(picture[start:end], "]]", "]")
			spec = append(spec, &dtMarker{literal: true, value: lit})
		}
	}
	start, pos := 0, 0
	for pos < len(picture) {
		if picture[pos] == '[' {
			if pos+1 < len(picture) && picture[pos+1] == '[' {
				addLiteral(start, pos)
				spec = append(spec, &dtMarker{literal: true, value: "["})
				pos += 2
				start = pos
				continue
			}
			addLiteral(start, pos)
			start = pos
			end := strings.IndexByte(picture[start:], ']')
			if end < 0 {
				return nil, &Error{Code: "D3135", Position: -1, Start: -1}
			}
			pos = start + end
			marker := spaceRe.ReplaceAllString(picture[start+1:pos], "")
			def := &dtMarker{widthMin: -1, widthMax: -1}
			if marker != "" {
				def.component = marker[0]
			}
			var presMod string
			if comma := strings.LastIndexByte(marker, ','); comma >= 0 {
				widthMod := marker[comma+1:]
				minS, maxS := widthMod, ""
				hasMax := false
				if dash := strings.IndexByte(widthMod, '-'); dash >= 0 {
					minS, maxS = widthMod[:dash], widthMod[dash+1:]
					hasMax = true
				}
				def.widthMin = parseWidth(minS)
				if hasMax {
					def.widthMax = parseWidth(maxS)
				}
				if comma >= 1 {
					presMod = marker[1:comma]
				}
			} else if len(marker) > 1 {
				presMod = marker[1:]
			}
			if len(presMod) == 1 {
				def.presentation1 = presMod
			} else if len(presMod) > 1 {
				last := presMod[len(presMod)-1]
				if strings.IndexByte("atco", last) >= 0 {
					def.presentation2 = string(last)
					if last == 'o' {
						def.ordinal = true
					}
					def.presentation1 = presMod[:len(presMod)-1]
				} else {
					def.presentation1 = presMod
				}
			} else {
				p, ok := defaultPresentation[def.component]
				if !ok {
					return nil, &Error{Code: "D3132", Position: -1, Start: -1, Value: string(def.component)}
				}
				def.presentation1 = p
			}
			if def.presentation1 == "" {
				return nil, &Error{Code: "D3132", Position: -1, Start: -1, Value: string(def.component)}
			}
			if def.presentation1[0] == 'n' {
				def.names = "lower"
			} else if def.presentation1[0] == 'N' {
				if len(def.presentation1) > 1 && def.presentation1[1] == 'n' {
					def.names = "title"
				} else {
					def.names = "upper"
				}
			} else if strings.IndexByte("YMDdFWwXxHhmsf", def.component) >= 0 {
				pat := def.presentation1
				if def.presentation2 != "" {
					pat += ";" + def.presentation2
				}
				f, err := analyseIntegerPicture(pat)
				if err != nil {
					return nil, err
				}
				def.intFormat = f
				if def.widthMin >= 0 && f.mandatoryDigits < def.widthMin {
					f.mandatoryDigits = def.widthMin
				}
				if def.component == 'Y' {
					def.n = -1
					if def.widthMax >= 0 {
						def.n = def.widthMax
						f.mandatoryDigits = def.n
					} else if w := f.mandatoryDigits + f.optionalDigits; w >= 2 {
						def.n = w
					}
				}
			}
			if def.component == 'Z' || def.component == 'z' {
				f, err := analyseIntegerPicture(def.presentation1)
				if err != nil {
					return nil, err
				}
				def.intFormat = f
			}
			spec = append(spec, def)
			start = pos + 1
		}
		pos++
	}
	addLiteral(start, pos)
	return spec, nil
}

func parseWidth(s string) int {
	if s == "" || s == "*" {
		return -1
	}
	n, ok := leadingInt(s)
	if !ok {
		return -1
	}
	return n
}

var dayNames = []string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

const millisInADay = 86400000

func utcMillis(year, month, day int) float64 {
	return float64(time.Date(year, time.Month(month+1), day, 0, 0, 0, 0, time.UTC).UnixMilli())
}

func startOfFirstWeek(year, month int) float64 {
	jan1 := utcMillis(year, month, 1)
	dow := int(time.UnixMilli(int64(jan1)).UTC().Weekday())
	if dow == 0 {
		dow = 7
	}
	if dow > 4 {
		return jan1 + float64((8-dow)*millisInADay)
	}
	return jan1 - float64((dow-1)*millisInADay)
}

func nextMonth(y, m int) (int, int) {
	if m == 11 {
		return y + 1, 0
	}
	return y, m + 1
}

func prevMonth(y, m int) (int, int) {
	if m == 0 {
		return y - 1, 11
	}
	return y, m - 1
}

func deltaWeeks(start, end float64) float64 { return (end-start)/(millisInADay*7) + 1 }

// dateFragment returns a component of t (already shifted to the target zone).
func dateFragment(t time.Time, component byte) any {
	switch component {
	case 'Y':
		return float64(t.Year())
	case 'M':
		return float64(int(t.Month()))
	case 'D':
		return float64(t.Day())
	case 'd':
		return float64(t.YearDay())
	case 'F':
		d := int(t.Weekday())
		if d == 0 {
			d = 7
		}
		return float64(d)
	case 'W':
		y := t.Year()
		sw := startOfFirstWeek(y, 0)
		today := utcMillis(y, int(t.Month())-1, t.Day())
		week := deltaWeeks(sw, today)
		if week > 52 {
			if today >= startOfFirstWeek(y+1, 0) {
				week = 1
			}
		} else if week < 1 {
			week = deltaWeeks(startOfFirstWeek(y-1, 0), today)
		}
		return math.Floor(week)
	case 'w':
		y, m := t.Year(), int(t.Month())-1
		sw := startOfFirstWeek(y, m)
		today := utcMillis(y, m, t.Day())
		week := deltaWeeks(sw, today)
		if week > 4 {
			ny, nm := nextMonth(y, m)
			if today >= startOfFirstWeek(ny, nm) {
				week = 1
			}
		} else if week < 1 {
			py, pm := prevMonth(y, m)
			week = deltaWeeks(startOfFirstWeek(py, pm), today)
		}
		return math.Floor(week)
	case 'X':
		y := t.Year()
		now := float64(t.UnixMilli())
		if now < startOfFirstWeek(y, 0) {
			return float64(y - 1)
		} else if now >= startOfFirstWeek(y+1, 0) {
			return float64(y + 1)
		}
		return float64(y)
	case 'x':
		y, m := t.Year(), int(t.Month())-1
		now := float64(t.UnixMilli())
		ny, nm := nextMonth(y, m)
		if now < startOfFirstWeek(y, m) {
			_, pm := prevMonth(y, m)
			return float64(pm + 1)
		} else if now >= startOfFirstWeek(ny, nm) {
			return float64(nm + 1)
		}
		return float64(m + 1)
	case 'H':
		return float64(t.Hour())
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		return float64(h)
	case 'P':
		if t.Hour() >= 12 {
			return "pm"
		}
		return "am"
	case 'm':
		return float64(t.Minute())
	case 's':
		return float64(t.Second())
	case 'f':
		return float64(t.Nanosecond() / 1e6)
	case 'C', 'E':
		return "ISO"
	}
	return Undefined
}

func formatDateTime(millis int64, picture, timezone string) (any, *Error) {
	offH, offM := 0, 0
	if timezone != "" {
		off, ok := parseIntPrefix(timezone)
		if ok {
			offH = int(math.Floor(float64(off) / 100))
			offM = off % 100
		}
	}
	spec, err := analyseDateTimePicture(picture)
	if err != nil {
		return nil, err
	}
	offsetMillis := int64((60*offH + offM) * 60 * 1000)
	t := time.UnixMilli(millis + offsetMillis).UTC()
	var b strings.Builder
	for _, part := range spec {
		if part.literal {
			b.WriteString(part.value)
			continue
		}
		s, err := formatComponent(t, part, offH, offM)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func parseIntPrefix(s string) (int, bool) {
	neg := false
	s = strings.TrimLeft(s, " ")
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	n, ok := leadingInt(s)
	if neg {
		n = -n
	}
	return n, ok
}

func formatComponent(t time.Time, m *dtMarker, offH, offM int) (string, *Error) {
	value := dateFragment(t, m.component)
	switch {
	case strings.IndexByte("YMDdFWwXxHhms", m.component) >= 0:
		v, _ := value.(float64)
		if m.component == 'Y' && m.n != -1 && m.n != 0 {
			v = math.Mod(v, math.Pow(10, float64(m.n)))
		}
		if m.names != "" {
			var name string
			switch m.component {
			case 'M', 'x':
				name = monthNames[int(v)-1]
			case 'F':
				name = dayNames[int(v)]
			default:
				return "", &Error{Code: "D3133", Position: -1, Start: -1, Value: string(m.component)}
			}
			if m.names == "upper" {
				name = strings.ToUpper(name)
			} else if m.names == "lower" {
				name = strings.ToLower(name)
			}
			if m.widthMax >= 0 && len(name) > m.widthMax {
				name = name[:m.widthMax]
			}
			return name, nil
		}
		if m.intFormat == nil {
			return "", &Error{Code: "D3132", Position: -1, Start: -1, Value: string(m.component)}
		}
		return formatIntegerWith(v, m.intFormat)
	case m.component == 'f':
		v, _ := value.(float64)
		if m.intFormat == nil {
			return "", &Error{Code: "D3132", Position: -1, Start: -1, Value: "f"}
		}
		return formatIntegerWith(v, m.intFormat)
	case m.component == 'Z' || m.component == 'z':
		offset := offH*100 + offM
		var s string
		if m.intFormat.regular {
			r, err := formatIntegerWith(float64(offset), m.intFormat)
			if err != nil {
				return "", err
			}
			s = r
		} else {
			nd := m.intFormat.mandatoryDigits
			switch {
			case nd == 1 || nd == 2:
				r, err := formatIntegerWith(float64(offH), m.intFormat)
				if err != nil {
					return "", err
				}
				s = r
				if offM != 0 {
					mm := strconv.Itoa(offM)
					if len(mm) < 2 {
						mm = "0" + mm
					}
					s += ":" + mm
				}
			case nd == 3 || nd == 4:
				r, err := formatIntegerWith(float64(offset), m.intFormat)
				if err != nil {
					return "", err
				}
				s = r
			default:
				return "", &Error{Code: "D3134", Position: -1, Start: -1, Value: float64(nd)}
			}
		}
		if offset >= 0 {
			s = "+" + s
		}
		if m.component == 'z' {
			s = "GMT" + s
		}
		if offset == 0 && m.presentation2 == "t" {
			s = "Z"
		}
		return s, nil
	case m.component == 'P':
		s, _ := value.(string)
		if m.names == "upper" {
			s = strings.ToUpper(s)
		}
		return s, nil
	case m.component == 'C' || m.component == 'E':
		s, _ := value.(string)
		return s, nil
	}
	return "", &Error{Code: "D3132", Position: -1, Start: -1, Value: string(m.component)}
}

type dtParsePart struct {
	regex     string
	component byte
	parse     func(string) (float64, bool)
}

func parseDateTimeWithNow(timestamp, picture string, nowMs float64) (any, *Error) {
	spec, err := analyseDateTimePicture(picture)
	if err != nil {
		return nil, err
	}
	var parts []dtParsePart
	for _, part := range spec {
		if part.literal {
			parts = append(parts, dtParsePart{regex: regexp.QuoteMeta(part.value)})
			continue
		}
		p := dtParsePart{component: part.component}
		switch {
		case part.component == 'Z' || part.component == 'z':
			var sep string
			if part.intFormat.regular {
				sep = part.intFormat.regularSep.character
			}
			if part.component == 'z' {
				p.regex = "GMT"
			}
			p.regex += "[-+][0-9]+"
			if sep != "" {
				p.regex += regexp.QuoteMeta(sep) + "[0-9]+"
			}
			comp := part.component
			p.parse = func(v string) (float64, bool) {
				if comp == 'z' && len(v) >= 3 {
					v = v[3:]
				}
				h, m := 0, 0
				if sep != "" {
					i := strings.Index(v, sep)
					h, _ = parseIntPrefix(v[:i])
					m, _ = parseIntPrefix(v[i+len(sep):])
				} else if len(v)-1 <= 2 {
					h, _ = parseIntPrefix(v)
				} else {
					h, _ = parseIntPrefix(v[:3])
					m, _ = parseIntPrefix(v[3:])
				}
				return float64(h*60 + m), true
			}
		case part.component == 'f' && part.intFormat != nil && part.intFormat.primary == "decimal":
			p.regex = "[0-9]+"
			p.parse = func(v string) (float64, bool) {
				x, err := strconv.ParseFloat("0."+v, 64)
				if err != nil {
					return 0, false
				}
				return math.Floor(x*1000 + 1e-9), true
			}
		case part.intFormat != nil:
			f := part.intFormat
			f.n = part.n
			if part.component != 'Y' && f.primary == "decimal" && f.mandatoryDigits >= 2 {
				f.n = f.mandatoryDigits
			}
			p.regex = integerRegex(f)
			if f.primary == "sequence" {
				return nil, &Error{Code: "D3130", Position: -1, Start: -1, Value: f.token}
			}
			p.parse = func(v string) (float64, bool) {
				r, err := parseIntegerWith(v, f)
				if err != nil {
					return 0, false
				}
				x, _ := r.(float64)
				return x, true
			}
		default:
			p.regex = "[a-zA-Z]+"
			lookup := map[string]float64{}
			switch part.component {
			case 'M', 'x':
				for i, n := range monthNames {
					if part.widthMax > 0 && len(n) > part.widthMax {
						n = n[:part.widthMax]
					}
					lookup[strings.ToLower(n)] = float64(i + 1)
				}
			case 'F':
				for i, n := range dayNames {
					if i == 0 {
						continue
					}
					if part.widthMax > 0 && len(n) > part.widthMax {
						n = n[:part.widthMax]
					}
					lookup[strings.ToLower(n)] = float64(i)
				}
			case 'P':
				lookup = map[string]float64{"am": 0, "pm": 1}
			default:
				return nil, &Error{Code: "D3133", Position: -1, Start: -1, Value: string(part.component)}
			}
			p.parse = func(v string) (float64, bool) {
				x, ok := lookup[strings.ToLower(v)]
				return x, ok
			}
		}
		parts = append(parts, p)
	}
	var full strings.Builder
	full.WriteString("(?i)^")
	for _, p := range parts {
		full.WriteString("(" + p.regex + ")")
	}
	full.WriteString("$")
	re, cerr := regexp.Compile(full.String())
	if cerr != nil {
		return nil, &Error{Code: "D3136", Position: -1, Start: -1}
	}
	info := re.FindStringSubmatch(timestamp)
	if info == nil {
		return Undefined, nil
	}
	comps := map[byte]float64{}
	for i := 1; i < len(info); i++ {
		p := parts[i-1]
		if p.parse != nil {
			if v, ok := p.parse(info[i]); ok {
				comps[p.component] = v
			} else {
				comps[p.component] = math.NaN()
			}
		}
	}
	if len(comps) == 0 {
		return Undefined, nil
	}
	mask := 0
	shift := func(present bool) {
		mask <<= 1
		if present {
			mask++
		}
	}
	has := func(c byte) bool { _, ok := comps[c]; return ok }
	isType := func(t int) bool { return (^t&mask) == 0 && (t&mask) != 0 }
	for _, c := range []byte("YXMxWwdD") {
		shift(has(c))
	}
	dateA := isType(161)
	dateB := !dateA && isType(130)
	dateC := isType(84)
	dateD := !dateC && isType(72)
	mask = 0
	for _, c := range []byte("PHhmsf") {
		shift(has(c))
	}
	timeA := isType(23)
	timeB := !timeA && isType(47)
	dateComps := "YMD"
	if dateB {
		dateComps = "Yd"
	} else if dateC {
		dateComps = "XxwF"
	} else if dateD {
		dateComps = "XWF"
	}
	timeComps := "Hmsf"
	if timeB {
		timeComps = "Phmsf"
	}
	now := time.UnixMilli(int64(nowMs)).UTC()
	startSpecified, endSpecified := false, false
	for _, c := range []byte(dateComps + timeComps) {
		if !has(c) {
			if startSpecified {
				if strings.IndexByte("MDd", c) >= 0 {
					comps[c] = 1
				} else {
					comps[c] = 0
				}
				endSpecified = true
			} else {
				if v, ok := dateFragment(now, c).(float64); ok {
					comps[c] = v
				} else if s, ok := dateFragment(now, c).(string); ok && c == 'P' {
					if s == "pm" {
						comps[c] = 1
					} else {
						comps[c] = 0
					}
				}
			}
		} else {
			startSpecified = true
			if endSpecified {
				return nil, &Error{Code: "D3136", Position: -1, Start: -1}
			}
		}
	}
	if comps['M'] > 0 {
		comps['M']--
	} else {
		comps['M'] = 0
	}
	if dateB {
		d := time.UnixMilli(int64(utcMillis(int(comps['Y']), 0, 1) + (comps['d']-1)*millisInADay)).UTC()
		comps['M'] = float64(int(d.Month()) - 1)
		comps['D'] = float64(d.Day())
	}
	if dateC || dateD {
		return nil, &Error{Code: "D3136", Position: -1, Start: -1}
	}
	if timeB {
		if comps['h'] == 12 {
			comps['H'] = 0
		} else {
			comps['H'] = comps['h']
		}
		if comps['P'] == 1 {
			comps['H'] += 12
		}
	}
	for _, v := range comps {
		if math.IsNaN(v) {
			return Undefined, nil
		}
	}
	t := time.Date(int(comps['Y']), time.Month(int(comps['M'])+1), int(comps['D']), int(comps['H']), int(comps['m']), int(comps['s']), int(comps['f'])*1e6, time.UTC)
	millis := float64(t.UnixMilli())
	if z, ok := comps['Z']; ok && z != 0 {
		millis -= z * 60 * 1000
	} else if z, ok := comps['z']; ok && z != 0 {
		millis -= z * 60 * 1000
	}
	return millis, nil
}

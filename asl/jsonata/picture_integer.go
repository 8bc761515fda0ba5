package jsonata

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// XPath fn:format-integer / parse-integer pictures ($formatInteger,
// $parseInteger and the integer components of date/time pictures).

var (
	fewWords      = []string{"Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}
	ordinalWords  = []string{"Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"}
	decadeWords   = []string{"Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"}
	magnitudeWord = []string{"Thousand", "Million", "Billion", "Trillion"}
	wordValues    = map[string]float64{}
	wordKeys      []string
)

func init() {
	add := func(k string, v float64) {
		if _, ok := wordValues[k]; !ok {
			wordKeys = append(wordKeys, k)
		}
		wordValues[k] = v
	}
	for i, w := range fewWords {
		add(strings.ToLower(w), float64(i))
	}
	for i, w := range ordinalWords {
		add(strings.ToLower(w), float64(i))
	}
	for i, w := range decadeWords {
		lw := strings.ToLower(w)
		add(lw, float64((i+2)*10))
		add(lw[:len(lw)-1]+"ieth", float64((i+2)*10))
	}
	add("hundredth", 100)
	for i, w := range magnitudeWord {
		lw := strings.ToLower(w)
		v := math.Pow(10, float64((i+1)*3))
		add(lw, v)
		add(lw+"th", v)
	}
}

func numberToWords(value float64, ordinal bool) string {
	var lookup func(num float64, prev, ord bool) string
	lookup = func(num float64, prev, ord bool) string {
		words := ""
		switch {
		case num <= 19:
			if prev {
				words = " and "
			}
			if ord {
				words += ordinalWords[int(num)]
			} else {
				words += fewWords[int(num)]
			}
		case num < 100:
			tens := int(num / 10)
			rem := math.Mod(num, 10)
			if prev {
				words = " and "
			}
			words += decadeWords[tens-2]
			if rem > 0 {
				words += "-" + lookup(rem, false, ord)
			} else if ord {
				words = words[:len(words)-1] + "ieth"
			}
		case num < 1000:
			hundreds := int(num / 100)
			rem := math.Mod(num, 100)
			if prev {
				words = ", "
			}
			words += fewWords[hundreds] + " Hundred"
			if rem > 0 {
				words += lookup(rem, true, ord)
			} else if ord {
				words += "th"
			}
		default:
			mag := int(math.Floor(math.Log10(num) / 3))
			if mag > len(magnitudeWord) {
				mag = len(magnitudeWord)
			}
			factor := math.Pow(10, float64(mag*3))
			mant := math.Floor(num / factor)
			rem := num - mant*factor
			if prev {
				words = ", "
			}
			words += lookup(mant, false, false) + " " + magnitudeWord[mag-1]
			if rem > 0 {
				words += lookup(rem, true, ord)
			} else if ord {
				words += "th"
			}
		}
		return words
	}
	return lookup(value, false, ordinal)
}

func wordsToNumber(text string) float64 {
	parts := splitWords(text)
	segs := []float64{0}
	for _, p := range parts {
		value, ok := wordValues[p]
		if !ok {
			value = math.NaN()
		}
		if value < 100 || math.IsNaN(value) {
			top := segs[len(segs)-1]
			segs = segs[:len(segs)-1]
			if top >= 1000 {
				segs = append(segs, top)
				top = 0
			}
			segs = append(segs, top+value)
		} else {
			top := segs[len(segs)-1]
			segs[len(segs)-1] = top * value
		}
	}
	total := 0.0
	for _, s := range segs {
		total += s
	}
	return total
}

var wordSplitRe = regexp.MustCompile(`,\s|\sand\s|[\s\\-]`)

func splitWords(text string) []string { return wordSplitRe.Split(text, -1) }

var romanNumerals = []struct {
	v float64
	s string
}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}

func decimalToRoman(v float64) string {
	var b strings.Builder
	for v > 0 {
		found := false
		for _, r := range romanNumerals {
			if v >= r.v {
				b.WriteString(r.s)
				v -= r.v
				found = true
				break
			}
		}
		if !found || b.Len() > 10000 {
			break
		}
	}
	return b.String()
}

func romanToDecimal(roman string) float64 {
	vals := map[byte]float64{'M': 1000, 'D': 500, 'C': 100, 'L': 50, 'X': 10, 'V': 5, 'I': 1}
	dec, max := 0.0, 1.0
	for i := len(roman) - 1; i >= 0; i-- {
		v := vals[roman[i]]
		if v < max {
			dec -= v
		} else {
			max = v
			dec += v
		}
	}
	return dec
}

func decimalToLetters(v float64, a rune) string {
	var letters []rune
	for v > 0 && len(letters) < 1000 {
		letters = append([]rune{rune(int(math.Mod(v-1, 26))) + a}, letters...)
		v = math.Floor((v - 1) / 26)
	}
	return string(letters)
}

func lettersToDecimal(letters string, a rune) float64 {
	dec := 0.0
	rs := []rune(letters)
	for i := 0; i < len(rs); i++ {
		dec += float64(rs[len(rs)-i-1]-a+1) * math.Pow(26, float64(i))
	}
	return dec
}

type groupSep struct {
	position  int
	character string
}

type integerFormat struct {
	primary         string // decimal letters roman words sequence
	tcase           string // upper lower title
	ordinal         bool
	zeroCode        rune
	mandatoryDigits int
	optionalDigits  int
	regular         bool
	regularSep      groupSep
	separators      []groupSep
	token           string
	n               int
}

var decimalGroups = []rune{0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10}

func analyseIntegerPicture(picture string) (*integerFormat, *Error) {
	f := &integerFormat{primary: "decimal", tcase: "lower"}
	primary := picture
	if semi := strings.LastIndex(picture, ";"); semi >= 0 {
		primary = picture[:semi]
		mod := picture[semi+1:]
		if strings.HasPrefix(mod, "o") {
			f.ordinal = true
		}
	}
	switch primary {
	case "A":
		f.tcase = "upper"
		f.primary = "letters"
	case "a":
		f.primary = "letters"
	case "I":
		f.tcase = "upper"
		f.primary = "roman"
	case "i":
		f.primary = "roman"
	case "W":
		f.tcase = "upper"
		f.primary = "words"
	case "Ww":
		f.tcase = "title"
		f.primary = "words"
	case "w":
		f.primary = "words"
	default:
		zero := rune(-1)
		mandatory, optional, sepPos := 0, 0, 0
		var seps []groupSep
		rs := []rune(primary)
		for i := len(rs) - 1; i >= 0; i-- {
			cp := rs[i]
			digit := false
			for _, g := range decimalGroups {
				if cp >= g && cp <= g+9 {
					digit = true
					mandatory++
					sepPos++
					if zero < 0 {
						zero = g
					} else if g != zero {
						return nil, &Error{Code: "D3131", Position: -1, Start: -1}
					}
					break
				}
			}
			if !digit {
				if cp == '#' {
					sepPos++
					optional++
				} else {
					seps = append(seps, groupSep{position: sepPos, character: string(cp)})
				}
			}
		}
		if mandatory > 0 {
			f.primary = "decimal"
			f.zeroCode = zero
			f.mandatoryDigits = mandatory
			f.optionalDigits = optional
			if r := regularRepeat(seps); r > 0 {
				f.regular = true
				f.regularSep = groupSep{position: r, character: seps[0].character}
			} else {
				f.separators = seps
			}
		} else {
			f.primary = "sequence"
			f.token = primary
		}
	}
	return f, nil
}

func regularRepeat(seps []groupSep) int {
	if len(seps) == 0 {
		return 0
	}
	for _, s := range seps[1:] {
		if s.character != seps[0].character {
			return 0
		}
	}
	gcd := func(a, b int) int {
		for b != 0 {
			a, b = b, a%b
		}
		return a
	}
	factor := seps[0].position
	for _, s := range seps[1:] {
		factor = gcd(factor, s.position)
	}
	if factor == 0 {
		return 0
	}
	for i := 1; i <= len(seps); i++ {
		found := false
		for _, s := range seps {
			if s.position == i*factor {
				found = true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return factor
}

func formatIntegerWith(value float64, f *integerFormat) (string, *Error) {
	var out string
	negative := value < 0
	value = math.Abs(value)
	switch f.primary {
	case "letters":
		a := 'a'
		if f.tcase == "upper" {
			a = 'A'
		}
		out = decimalToLetters(value, a)
	case "roman":
		out = decimalToRoman(value)
		if f.tcase == "upper" {
			out = strings.ToUpper(out)
		}
	case "words":
		out = numberToWords(value, f.ordinal)
		if f.tcase == "upper" {
			out = strings.ToUpper(out)
		} else if f.tcase == "lower" {
			out = strings.ToLower(out)
		}
	case "decimal":
		out = formatNumberJS(value)
		if pad := f.mandatoryDigits - len(out); pad > 0 {
			out = strings.Repeat("0", pad) + out
		}
		if f.zeroCode != 0x30 {
			rs := []rune(out)
			for i, r := range rs {
				if r >= '0' && r <= '9' {
					rs[i] = r - '0' + f.zeroCode
				}
			}
			out = string(rs)
		}
		rs := []rune(out)
		if f.regular {
			n := (len(rs) - 1) / f.regularSep.position
			for ii := n; ii > 0; ii-- {
				pos := len(rs) - ii*f.regularSep.position
				rs = append(rs[:pos:pos], append([]rune(f.regularSep.character), rs[pos:]...)...)
			}
		} else {
			for i := len(f.separators) - 1; i >= 0; i-- {
				s := f.separators[i]
				pos := len(rs) - s.position
				if pos < 0 {
					pos = 0
				}
				rs = append(rs[:pos:pos], append([]rune(s.character), rs[pos:]...)...)
			}
		}
		out = string(rs)
		if f.ordinal {
			suffix := map[byte]string{'1': "st", '2': "nd", '3': "rd"}
			last := out[len(out)-1]
			sfx, ok := suffix[last]
			if !ok || (len(out) > 1 && out[len(out)-2] == '1') {
				sfx = "th"
			}
			out += sfx
		}
	case "sequence":
		return "", &Error{Code: "D3130", Position: -1, Start: -1, Value: f.token}
	}
	if negative {
		out = "-" + out
	}
	return out, nil
}

func fnFormatInteger(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	f, err := analyseIntegerPicture(argString(args, 1))
	if err != nil {
		return nil, err
	}
	s, err := formatIntegerWith(math.Floor(args[0].(float64)), f)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func fnParseInteger(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	f, err := analyseIntegerPicture(argString(args, 1))
	if err != nil {
		return nil, err
	}
	return parseIntegerWith(args[0].(string), f)
}

func parseIntegerWith(value string, f *integerFormat) (any, *Error) {
	switch f.primary {
	case "letters":
		a := 'a'
		if f.tcase == "upper" {
			a = 'A'
		}
		return lettersToDecimal(value, a), nil
	case "roman":
		if f.tcase != "upper" {
			value = strings.ToUpper(value)
		}
		return romanToDecimal(value), nil
	case "words":
		return wordsToNumber(strings.ToLower(value)), nil
	case "decimal":
		digits := value
		if f.ordinal && len(digits) >= 2 {
			digits = digits[:len(digits)-2]
		}
		if f.regular {
			digits = strings.ReplaceAll(digits, ",", "")
		} else {
			for _, s := range f.separators {
				digits = strings.ReplaceAll(digits, s.character, "")
			}
		}
		if f.zeroCode != 0x30 {
			rs := []rune(digits)
			for i, r := range rs {
				rs[i] = r - f.zeroCode + '0'
			}
			digits = string(rs)
		}
		n, ok := leadingInt(digits)
		if !ok {
			return math.NaN(), nil
		}
		return float64(n), nil
	}
	return nil, &Error{Code: "D3130", Position: -1, Start: -1, Value: f.token}
}

// integerRegex is the regex matching a formatted integer (for date parsing).
func integerRegex(f *integerFormat) string {
	occ := "+"
	if f.n > 0 {
		occ = "{" + strconv.Itoa(f.n) + "}"
	}
	switch f.primary {
	case "letters":
		if f.tcase == "upper" {
			return "[A-Z]+"
		}
		return "[a-z]+"
	case "roman":
		if f.tcase == "upper" {
			return "[MDCLXVI]+"
		}
		return "[mdclxvi]+"
	case "words":
		return "(?:" + strings.Join(append(append([]string{}, wordKeys...), "and", `[\-, ]`), "|") + ")+"
	case "decimal":
		r := "[0-9]" + occ
		if f.ordinal {
			r += "(?:th|st|nd|rd)"
		}
		return r
	}
	return ""
}

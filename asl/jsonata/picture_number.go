package jsonata

import (
	"math"
	"strconv"
	"strings"
)

// $formatNumber (XPath fn:format-number) and $formatBase.

func fnFormatBase(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	value := roundHalfEven(args[0].(float64), 0)
	radix := 10.0
	if r, ok := argAt(args, 1).(float64); ok {
		radix = roundHalfEven(r, 0)
	}
	if radix < 2 || radix > 36 {
		return nil, dynErr("D3100", radix)
	}
	if math.Abs(value) < 9.2e18 {
		return strconv.FormatInt(int64(value), int(radix)), nil
	}
	return formatNumberJS(value), nil
}

type numberPictureParts struct {
	prefix, suffix, activePart, mantissaPart, integerPart, fractionalPart, subpicture string
	exponentPart                                                                      *string
}

type numberPictureVars struct {
	integerGroupingPositions    []int
	regularGrouping             int
	minimumIntegerPartSize      int
	scalingFactor               int
	prefix, suffix, picture     string
	fractionalGroupingPositions []int
	minimumFractionalPartSize   int
	maximumFractionalPartSize   int
	minimumExponentSize         int
}

func fnFormatNumber(ev *evaluator, fc *fnCtx, args []any) (any, *Error) {
	if undef(args, 0) {
		return Undefined, nil
	}
	value := args[0].(float64)
	picture := argString(args, 1)
	props := map[string]string{
		"decimal-separator": ".", "grouping-separator": ",", "exponent-separator": "e", "infinity": "Infinity",
		"minus-sign": "-", "NaN": "NaN", "percent": "%", "per-mille": "\u2030", "zero-digit": "0", "digit": "#",
		"pattern-separator": ";",
	}
	if opts := argAt(args, 2); isObject(opts) {
		for _, k := range objectKeys(opts) {
			if v, ok := mustGet(opts, k).(string); ok {
				props[k] = v
			}
		}
	}
	zero := []rune(props["zero-digit"])[0]
	family := make([]string, 10)
	for i := 0; i < 10; i++ {
		family[i] = string(zero + rune(i))
	}
	inFamily := func(c string) bool {
		for _, d := range family {
			if d == c {
				return true
			}
		}
		return false
	}
	active := append(append([]string{}, family...), props["decimal-separator"], props["exponent-separator"], props["grouping-separator"], props["digit"], props["pattern-separator"])
	isActive := func(c string) bool {
		for _, a := range active {
			if a == c {
				return true
			}
		}
		return false
	}
	subPictures := strings.Split(picture, props["pattern-separator"])
	if len(subPictures) > 2 {
		return nil, &Error{Code: "D3080", Position: -1, Start: -1}
	}
	chars := func(s string) []string {
		var out []string
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	splitParts := func(sub string) numberPictureParts {
		cs := chars(sub)
		prefixLen := len(cs)
		for i, c := range cs {
			if isActive(c) && c != props["exponent-separator"] {
				prefixLen = i
				break
			}
		}
		suffixStart := 0
		for i := len(cs) - 1; i >= 0; i-- {
			if isActive(cs[i]) && cs[i] != props["exponent-separator"] {
				suffixStart = i + 1
				break
			}
		}
		prefix := strings.Join(cs[:prefixLen], "")
		var suffix string
		if suffixStart >= prefixLen {
			suffix = strings.Join(cs[suffixStart:], "")
		}
		activeEnd := len(cs) - len(chars(suffix))
		activePart := ""
		if activeEnd > prefixLen {
			activePart = strings.Join(cs[prefixLen:activeEnd], "")
		}
		ac := chars(activePart)
		var mantissa string
		var exponent *string
		expPos := -1
		for i := prefixLen; i < len(cs); i++ {
			if cs[i] == props["exponent-separator"] {
				expPos = i
				break
			}
		}
		if expPos == -1 || expPos > len(cs)-len(chars(suffix)) {
			mantissa = activePart
		} else {
			// positions are relative to the sub-picture, as jsonata-js does
			mp := min(expPos, len(ac))
			mantissa = strings.Join(ac[:mp], "")
			e := ""
			if expPos+1 <= len(ac) {
				e = strings.Join(ac[expPos+1:], "")
			}
			exponent = &e
		}
		var integer, fractional string
		if dp := strings.Index(mantissa, props["decimal-separator"]); dp == -1 {
			integer, fractional = mantissa, suffix
		} else {
			integer, fractional = mantissa[:dp], mantissa[dp+len(props["decimal-separator"]):]
		}
		return numberPictureParts{prefix: prefix, suffix: suffix, activePart: activePart, mantissaPart: mantissa,
			exponentPart: exponent, integerPart: integer, fractionalPart: fractional, subpicture: sub}
	}
	validate := func(p numberPictureParts) *Error {
		code := ""
		sub := p.subpicture
		ds, gs := props["decimal-separator"], props["grouping-separator"]
		if strings.Index(sub, ds) != strings.LastIndex(sub, ds) {
			code = "D3081"
		}
		if strings.Index(sub, props["percent"]) != strings.LastIndex(sub, props["percent"]) {
			code = "D3082"
		}
		if strings.Index(sub, props["per-mille"]) != strings.LastIndex(sub, props["per-mille"]) {
			code = "D3083"
		}
		if strings.Contains(sub, props["percent"]) && strings.Contains(sub, props["per-mille"]) {
			code = "D3084"
		}
		valid := false
		for _, c := range chars(p.mantissaPart) {
			if inFamily(c) || c == props["digit"] {
				valid = true
				break
			}
		}
		if !valid {
			code = "D3085"
		}
		anyActive := false
		for _, c := range chars(sub) {
			if isActive(c) {
				anyActive = true
			}
		}
		for _, c := range chars(p.activePart) {
			if !isActive(c) {
				code = "D3086"
			}
		}
		if !anyActive {
			code = "D3086"
		}
		sc := chars(sub)
		dpos := -1
		for i, c := range sc {
			if c == ds {
				dpos = i
				break
			}
		}
		if dpos != -1 {
			if (dpos > 0 && sc[dpos-1] == gs) || (dpos+1 < len(sc) && sc[dpos+1] == gs) {
				code = "D3087"
			}
		} else if ic := chars(p.integerPart); len(ic) > 0 && ic[len(ic)-1] == gs {
			code = "D3088"
		}
		if strings.Contains(sub, gs+gs) {
			code = "D3089"
		}
		if od := strings.Index(p.integerPart, props["digit"]); od != -1 {
			for _, c := range chars(p.integerPart[:od]) {
				if inFamily(c) {
					code = "D3090"
				}
			}
		}
		if od := strings.LastIndex(p.fractionalPart, props["digit"]); od != -1 {
			for _, c := range chars(p.fractionalPart[od:]) {
				if inFamily(c) {
					code = "D3091"
				}
			}
		}
		if p.exponentPart != nil {
			if len(*p.exponentPart) > 0 && (strings.Contains(sub, props["percent"]) || strings.Contains(sub, props["per-mille"])) {
				code = "D3092"
			}
			bad := len(*p.exponentPart) == 0
			for _, c := range chars(*p.exponentPart) {
				if !inFamily(c) {
					bad = true
				}
			}
			if bad {
				code = "D3093"
			}
		}
		if code != "" {
			return &Error{Code: code, Position: -1, Start: -1}
		}
		return nil
	}
	groupingPositions := func(part string, toLeft bool, integerPart string) []int {
		var positions []int
		gs := props["grouping-separator"]
		pos := strings.Index(part, gs)
		for pos != -1 {
			var seg string
			if toLeft {
				seg = part[:pos]
			} else {
				seg = part[pos:]
			}
			n := 0
			for _, c := range chars(seg) {
				if inFamily(c) || c == props["digit"] {
					n++
				}
			}
			positions = append(positions, n)
			next := -1
			if pos+1 <= len(integerPart) {
				if i := strings.Index(integerPart[pos+1:], gs); i >= 0 {
					next = pos + 1 + i
				}
			}
			pos = next
		}
		return positions
	}
	analyse := func(p numberPictureParts) numberPictureVars {
		v := numberPictureVars{prefix: p.prefix, suffix: p.suffix, picture: p.subpicture}
		v.integerGroupingPositions = groupingPositions(p.integerPart, false, p.integerPart)
		if len(v.integerGroupingPositions) > 0 {
			gcd := func(a, b int) int {
				for b != 0 {
					a, b = b, a%b
				}
				return a
			}
			factor := v.integerGroupingPositions[0]
			for _, x := range v.integerGroupingPositions[1:] {
				factor = gcd(factor, x)
			}
			regular := factor
			for i := 1; i <= len(v.integerGroupingPositions); i++ {
				found := false
				for _, x := range v.integerGroupingPositions {
					if x == i*factor {
						found = true
					}
				}
				if !found {
					regular = 0
					break
				}
			}
			v.regularGrouping = regular
		}
		v.fractionalGroupingPositions = groupingPositions(p.fractionalPart, true, p.integerPart)
		for _, c := range chars(p.integerPart) {
			if inFamily(c) {
				v.minimumIntegerPartSize++
			}
		}
		v.scalingFactor = v.minimumIntegerPartSize
		for _, c := range chars(p.fractionalPart) {
			if inFamily(c) {
				v.minimumFractionalPartSize++
			}
			if inFamily(c) || c == props["digit"] {
				v.maximumFractionalPartSize++
			}
		}
		exponentPresent := p.exponentPart != nil
		if v.minimumIntegerPartSize == 0 && v.maximumFractionalPartSize == 0 {
			if exponentPresent {
				v.minimumFractionalPartSize = 1
				v.maximumFractionalPartSize = 1
			} else {
				v.minimumIntegerPartSize = 1
			}
		}
		if exponentPresent && v.minimumIntegerPartSize == 0 && strings.Contains(p.integerPart, props["digit"]) {
			v.minimumIntegerPartSize = 1
		}
		if v.minimumIntegerPartSize == 0 && v.minimumFractionalPartSize == 0 {
			v.minimumFractionalPartSize = 1
		}
		if exponentPresent {
			for _, c := range chars(*p.exponentPart) {
				if inFamily(c) {
					v.minimumExponentSize++
				}
			}
		}
		return v
	}
	var parts []numberPictureParts
	for _, sp := range subPictures {
		parts = append(parts, splitParts(sp))
	}
	for _, p := range parts {
		if err := validate(p); err != nil {
			return nil, err
		}
	}
	var vars []numberPictureVars
	for _, p := range parts {
		vars = append(vars, analyse(p))
	}
	minus := props["minus-sign"]
	ds := props["decimal-separator"]
	gs := props["grouping-separator"]
	if len(vars) == 1 {
		neg := vars[0]
		neg.prefix = minus + neg.prefix
		vars = append(vars, neg)
	}
	pic := vars[0]
	if value < 0 {
		pic = vars[1]
	}
	adjusted := value
	if strings.Contains(pic.picture, props["percent"]) {
		adjusted = value * 100
	} else if strings.Contains(pic.picture, props["per-mille"]) {
		adjusted = value * 1000
	}
	var mantissa float64
	exponent := 0
	hasExponent := pic.minimumExponentSize != 0
	if !hasExponent {
		mantissa = adjusted
	} else {
		maxM := math.Pow(10, float64(pic.scalingFactor))
		minM := math.Pow(10, float64(pic.scalingFactor-1))
		mantissa = math.Abs(adjusted)
		for i := 0; mantissa < minM && i < 400 && mantissa != 0; i++ {
			mantissa *= 10
			exponent--
		}
		for i := 0; mantissa > maxM && i < 400; i++ {
			mantissa /= 10
			exponent++
		}
		if adjusted < 0 {
			mantissa = -mantissa
		}
	}
	rounded := roundHalfEven(mantissa, pic.maximumFractionalPartSize)
	makeString := func(v float64, dp int) string {
		s := strconv.FormatFloat(math.Abs(v), 'f', dp, 64)
		if zero != '0' {
			rs := []rune(s)
			for i, r := range rs {
				if r >= '0' && r <= '9' {
					rs[i] = r - '0' + zero
				}
			}
			s = string(rs)
		}
		return s
	}
	sv := []rune(makeString(rounded, pic.maximumFractionalPartSize))
	dsr := []rune(ds)[0]
	zr := zero
	idx := func(rs []rune, r rune) int {
		for i, x := range rs {
			if x == r {
				return i
			}
		}
		return -1
	}
	if d := idx(sv, '.'); d == -1 {
		sv = append(sv, dsr)
	} else {
		sv[d] = dsr
	}
	for len(sv) > 0 && sv[0] == zr {
		sv = sv[1:]
	}
	for len(sv) > 0 && sv[len(sv)-1] == zr {
		sv = sv[:len(sv)-1]
	}
	dp := idx(sv, dsr)
	padLeft := pic.minimumIntegerPartSize - dp
	padRight := pic.minimumFractionalPartSize - (len(sv) - dp - 1)
	if padLeft > 0 {
		sv = append([]rune(strings.Repeat(string(zr), padLeft)), sv...)
	}
	if padRight > 0 {
		sv = append(sv, []rune(strings.Repeat(string(zr), padRight))...)
	}
	dp = idx(sv, dsr)
	gsr := []rune(gs)
	insert := func(rs []rune, at int, ins []rune) []rune {
		if at < 0 {
			at = 0
		}
		if at > len(rs) {
			at = len(rs)
		}
		out := append([]rune{}, rs[:at]...)
		out = append(out, ins...)
		return append(out, rs[at:]...)
	}
	if pic.regularGrouping > 0 {
		groupCount := (dp - 1) / pic.regularGrouping
		for g := 1; g <= groupCount; g++ {
			sv = insert(sv, dp-g*pic.regularGrouping, gsr)
		}
	} else {
		for _, pos := range pic.integerGroupingPositions {
			sv = insert(sv, dp-pos, gsr)
			dp++
		}
	}
	dp = idx(sv, dsr)
	for _, pos := range pic.fractionalGroupingPositions {
		sv = insert(sv, pos+dp+1, gsr)
	}
	dp = idx(sv, dsr)
	if !strings.Contains(pic.picture, ds) || dp == len(sv)-1 {
		sv = sv[:len(sv)-1]
	}
	result := string(sv)
	if hasExponent {
		se := makeString(float64(exponent), 0)
		if pad := pic.minimumExponentSize - len([]rune(se)); pad > 0 {
			se = strings.Repeat(string(zr), pad) + se
		}
		sign := ""
		if exponent < 0 {
			sign = minus
		}
		result += props["exponent-separator"] + sign + se
	}
	return pic.prefix + result + pic.suffix, nil
}

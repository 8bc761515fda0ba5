package jsonata

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aslkit/aslkit/internal/testkit"
)

// conformanceFloor is the minimum number of jsonata-js suite cases that must
// pass; raise it as the engine improves.
const conformanceFloor = 1686

type suiteCase struct {
	Expr     string `json:"expr"`
	ExprFile string `json:"expr-file"`
	ErrorObj *struct {
		Code    string `json:"code"`
		Token   string `json:"token"`
		Message string `json:"message"`
	} `json:"error"`
	Data            json.RawMessage `json:"data"`
	Dataset         *string         `json:"dataset"`
	Bindings        json.RawMessage `json:"bindings"`
	Result          json.RawMessage `json:"result"`
	UndefinedResult bool            `json:"undefinedResult"`
	Code            string          `json:"code"`
	Token           string          `json:"token"`
	Timelimit       int             `json:"timelimit"`
	Depth           int             `json:"depth"`
	hasData         bool
	hasResult       bool
}

// loneSurrogateRe finds \uD800-\uDFFF escapes in JSON text.
var loneSurrogateRe = regexp.MustCompile(`\\u[dD][89a-fA-F][0-9a-fA-F]{2}`)

// keepLoneSurrogates rewrites JSON escapes of lone UTF-16 surrogates (which
// encoding/json would turn into U+FFFD) into a private marker restored by
// restoreSurrogates, so test strings hold what a JavaScript string holds.
func keepLoneSurrogates(raw []byte) []byte {
	s := string(raw)
	locs := loneSurrogateRe.FindAllStringIndex(s, -1)
	if locs == nil {
		return raw
	}
	var b strings.Builder
	last := 0
	for i, l := range locs {
		hi := s[l[0]+2 : l[1]]
		paired := false
		if hi[0]|0x20 == 'd' && strings.ContainsRune("89abAB", rune(hi[1])) && i+1 < len(locs) && locs[i+1][0] == l[1] {
			paired = true
		}
		if i > 0 && locs[i-1][1] == l[0] && strings.ContainsRune("89abAB", rune(s[locs[i-1][0]+3])) {
			paired = true
		}
		if s[l[0]-1] == '\\' || paired {
			continue
		}
		b.WriteString(s[last:l[0]])
		b.WriteString("\uE000" + hi + "\uE001")
		last = l[1]
	}
	b.WriteString(s[last:])
	return []byte(b.String())
}

var surrogateMarkerRe = regexp.MustCompile("\uE000([0-9a-fA-F]{4})\uE001")

func restoreSurrogates(s string) string {
	return surrogateMarkerRe.ReplaceAllStringFunc(s, func(m string) string {
		hex := surrogateMarkerRe.FindStringSubmatch(m)[1]
		n, _ := strconv.ParseUint(hex, 16, 32)
		var b strings.Builder
		writeWTF8(&b, rune(n))
		return b.String()
	})
}

func loadCases(path string) ([]suiteCase, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	raw = keepLoneSurrogates(raw)
	var msgs []json.RawMessage
	if strings.HasPrefix(strings.TrimSpace(string(raw)), "[") {
		if err := json.Unmarshal(raw, &msgs); err != nil {
			return nil, err
		}
	} else {
		msgs = []json.RawMessage{raw}
	}
	var out []suiteCase
	for _, m := range msgs {
		var c suiteCase
		if err := json.Unmarshal(m, &c); err != nil {
			return nil, err
		}
		var keys map[string]json.RawMessage
		_ = json.Unmarshal(m, &keys)
		_, c.hasData = keys["data"]
		_, c.hasResult = keys["result"]
		c.Expr = restoreSurrogates(c.Expr)
		if c.ExprFile != "" {
			b, err := os.ReadFile(filepath.Join(filepath.Dir(path), c.ExprFile))
			if err != nil {
				return nil, err
			}
			c.Expr = string(b)
		}
		if c.ErrorObj != nil && c.Code == "" {
			c.Code = c.ErrorObj.Code
		}
		out = append(out, c)
	}
	return out, nil
}

// plainEqual compares two plain JSON values; numbers by value.
func plainEqual(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		return math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !plainEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !plainEqual(v, w) {
				return false
			}
		}
		return true
	}
	return a == b
}

func toPlainJSON(v any) any {
	switch x := v.(type) {
	case *Object:
		m := map[string]any{}
		for _, k := range x.Keys {
			m[k] = toPlainJSON(x.Values[k])
		}
		return m
	case []any:
		out := make([]any, len(x))
		for i, it := range x {
			out[i] = toPlainJSON(it)
		}
		return out
	}
	return v
}

type caseOutcome struct {
	id     string
	pass   bool
	detail string
}

// decodeInput decodes test data; JSONATA_PLAIN=1 uses encoding/json maps
// (unordered) to exercise the map[string]any input path.
func decodeInput(raw []byte) (any, error) {
	if os.Getenv("JSONATA_PLAIN") != "" {
		var v any
		err := json.Unmarshal(raw, &v)
		return v, err
	}
	return DecodeJSON(raw)
}

func runCase(root, id string, c suiteCase, datasets map[string]any) caseOutcome {
	out := caseOutcome{id: id}
	var input any = Undefined
	if c.hasData {
		v, err := decodeInput(c.Data)
		if err != nil {
			out.detail = "bad data: " + err.Error()
			return out
		}
		input = v
	} else if c.Dataset != nil {
		ds, ok := datasets[*c.Dataset]
		if !ok {
			raw, err := os.ReadFile(filepath.Join(root, "datasets", *c.Dataset+".json"))
			if err != nil {
				out.detail = "missing dataset"
				return out
			}
			ds, err = decodeInput(raw)
			if err != nil {
				out.detail = "bad dataset"
				return out
			}
			datasets[*c.Dataset] = ds
		}
		input = ds
	}
	bindings := map[string]any{}
	if len(c.Bindings) > 0 && string(c.Bindings) != "null" {
		b, err := DecodeJSON(c.Bindings)
		if err == nil {
			if o, ok := b.(*Object); ok {
				for _, k := range o.Keys {
					bindings[k] = o.Values[k]
				}
			}
		}
	}
	var result any
	var err error
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("PANIC: %v", r)
			}
		}()
		expr, cerr := Compile(c.Expr)
		if cerr != nil {
			err = cerr
			return
		}
		opts := []Option{WithMaxDepth(c.Depth)}
		tl := c.Timelimit
		if tl == 0 {
			tl = 5000
		}
		if c.Code == "" {
			// the limit guards against runaway evaluation; cases expecting a
			// value get headroom so a loaded machine does not fail them
			tl *= 3
		}
		opts = append(opts, WithTimeout(time.Duration(tl)*time.Millisecond))
		result, err = expr.Evaluate(input, bindings, opts...)
	}()
	switch {
	case c.Code != "":
		if err == nil {
			out.detail = fmt.Sprintf("expected error %s, got %s", c.Code, show(result))
			return out
		}
		je, ok := err.(*Error)
		if !ok || je.Code != c.Code {
			out.detail = fmt.Sprintf("expected error %s, got %v", c.Code, err)
			return out
		}
		out.pass = true
		wantTok := c.Token
		if c.ErrorObj != nil && c.ErrorObj.Token != "" {
			wantTok = c.ErrorObj.Token
		}
		if wantTok != "" && je.Token != wantTok {
			out.detail = fmt.Sprintf("token mismatch: want %q got %q", wantTok, je.Token)
			out.pass = false
		}
	case c.UndefinedResult:
		if err != nil {
			out.detail = "expected undefined, got error " + err.Error()
			return out
		}
		if !IsUndefined(result) {
			out.detail = "expected undefined, got " + show(result)
			return out
		}
		out.pass = true
	case c.hasResult:
		if err != nil {
			out.detail = "error " + err.Error()
			return out
		}
		var want any
		if err := json.Unmarshal(c.Result, &want); err != nil {
			out.detail = "bad result"
			return out
		}
		got := toPlainJSON(result)
		if IsUndefined(got) || !plainEqual(want, got) {
			out.detail = fmt.Sprintf("want %s got %s", string(c.Result), show(result))
			return out
		}
		out.pass = true
	default:
		// no expectation recorded: the case passes if it does not fail
		if err == nil && IsUndefined(result) {
			out.pass = true
		} else {
			out.detail = "no expectation; got " + show(result)
		}
	}
	return out
}

func show(v any) string {
	if IsUndefined(v) {
		return "undefined"
	}
	b, err := json.Marshal(toPlainJSON(v))
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	s := string(b)
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// TestConformance runs the jsonata-js test suite and reports pass counts; it
// fails only when the pass count drops below conformanceFloor.
func TestConformance(t *testing.T) {
	root := testkit.Shared(t, "corpus", "jsonata-suite")
	groupsDir := filepath.Join(root, "groups")
	if _, err := os.Stat(groupsDir); err != nil {
		t.Skipf("jsonata suite not found at %s", groupsDir)
	}
	groups, _ := os.ReadDir(groupsDir)
	datasets := map[string]any{}
	total, passed := 0, 0
	var failedIDs []string
	var perGroup []string
	only := os.Getenv("JSONATA_GROUP")
	for _, g := range groups {
		if !g.IsDir() || (only != "" && g.Name() != only) {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(groupsDir, g.Name(), "*.json"))
		sort.Strings(files)
		gp, gt := 0, 0
		for _, f := range files {
			cases, err := loadCases(f)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			for i, c := range cases {
				id := g.Name() + "/" + strings.TrimSuffix(filepath.Base(f), ".json")
				if len(cases) > 1 {
					id += fmt.Sprintf("[%d]", i)
				}
				began := time.Now()
				o := runCase(root, id, c, datasets)
				if d := time.Since(began); d > 300*time.Millisecond {
					t.Logf("slow case %s: %v", id, d)
				}
				gt++
				if o.pass {
					gp++
				} else {
					failedIDs = append(failedIDs, id)
					if os.Getenv("JSONATA_VERBOSE") != "" {
						t.Logf("FAIL %s: %s\n    expr: %s", id, o.detail, c.Expr)
					}
				}
			}
		}
		total += gt
		passed += gp
		perGroup = append(perGroup, fmt.Sprintf("  %-32s %4d passed, %3d failed", g.Name(), gp, gt-gp))
	}
	t.Logf("per group:\n%s", strings.Join(perGroup, "\n"))
	if len(failedIDs) > 0 {
		t.Logf("failing cases: %s", strings.Join(failedIDs, " "))
	}
	t.Logf("jsonata conformance: %d passed, %d failed (of %d)", passed, total-passed, total)
	fmt.Printf("jsonata conformance: %d passed, %d failed (of %d)\n", passed, total-passed, total)
	if only == "" && os.Getenv("JSONATA_PLAIN") == "" && passed < conformanceFloor {
		t.Fatalf("conformance regressed: %d passed, floor is %d", passed, conformanceFloor)
	}
}

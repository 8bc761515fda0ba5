package assist

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// exprToken finds, inside expression strings, what completion should
// re-offer when it is cut short: intrinsic names, JSONata function names
// and the fields of $. / $states.input. paths.
var exprToken = regexp.MustCompile(`States\.[A-Za-z]+\(|\$[a-z][A-Za-z]+\(|\$states\.input(\.[A-Za-z_][A-Za-z0-9_]*)+|\$(\.[A-Za-z_][A-Za-z0-9_]*)+`)

// TestTypingExpressionsCorpus replays typing inside the expressions of the
// AWS-recorded definitions, with each case's input as the sample input:
// an intrinsic or JSONata function name cut after two characters of its
// name, or a path cut inside its last field, must be offered again when
// the name or field exists (in the function tables or the sample input).
// It prints "N passed, N failed".
func TestTypingExpressionsCorpus(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join(filepath.Dir(largeCorpus(t)), "aws-recorded", "cases", "*"))
	passed, failed := 0, 0
	kinds := map[string]int{}
	for _, dir := range cases {
		text, err := os.ReadFile(filepath.Join(dir, "definition.json"))
		if err != nil {
			continue
		}
		opts := Options{}
		if raw, err := os.ReadFile(filepath.Join(dir, "input.json")); err == nil && json.Unmarshal(raw, &opts.Input) == nil {
			opts.HasInput = true
		}
		f := syntax.Parse(text)
		if len(f.Errors) > 0 {
			continue
		}
		syntax.Walk(f.Root, func(n *syntax.Node) bool {
			if !n.IsString() || n.Parent == nil || classify(f.Root, n) == exprNone || strings.Contains(n.Str, `\`) || strings.Contains(n.Str, `"`) {
				return true
			}
			for _, m := range exprToken.FindAllStringIndex(n.Str, -1) {
				tok := n.Str[m[0]:m[1]]
				var want string
				var cut int // decoded index to cut at
				switch {
				case strings.HasSuffix(tok, "("):
					name := strings.TrimSuffix(tok, "(")
					want = name
					cut = m[0] + strings.LastIndexAny(name, ".$") + 3
					if cut > m[0]+len(name) {
						continue
					}
				default:
					dot := strings.LastIndexByte(tok, '.')
					want = tok[dot+1:]
					path := strings.Split(strings.TrimPrefix(strings.TrimPrefix(tok[:dot], "$states.input"), "$"), ".")
					v, ok := sampleAt(opts.Input, path[1:])
					obj, isObj := v.(map[string]any)
					if _, has := obj[want]; !ok || !isObj || !opts.HasInput || !has {
						continue
					}
					cut = m[0] + dot + 2
				}
				start := n.SourceOffset(text, cut)
				end := n.SourceOffset(text, m[0]+len(tok))
				if strings.HasSuffix(tok, "(") {
					end = n.SourceOffset(text, m[1]-1)
				}
				variant := string(text[:start]) + string(text[end:])
				def := model.Build(syntax.Parse([]byte(variant)))
				found := false
				for _, c := range Complete(def, start, opts) {
					if c.Label == want || c.Label == "$"+want {
						found = true
					}
				}
				if found {
					passed++
					switch {
					case strings.HasPrefix(tok, "States."):
						kinds["intrinsic"]++
					case strings.HasSuffix(tok, "("):
						kinds["JSONata function"]++
					case strings.HasPrefix(tok, "$states"):
						kinds["$states.input path"]++
					default:
						kinds["$. path"]++
					}
					continue
				}
				failed++
				if failed <= 10 {
					t.Errorf("%s: %q not offered at %q", filepath.Base(dir), want, excerpt(variant, start))
				}
			}
			return true
		})
	}
	t.Logf("by kind: %v", kinds)
	t.Logf("typing expressions: %d passed, %d failed", passed, failed)
	if passed == 0 {
		t.Fatal("no case ran: the corpus is empty or unreadable")
	}
}

package jsonata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"
)

func benchInput() map[string]any {
	items := make([]any, 20)
	for i := range items {
		items[i] = map[string]any{"price": float64(i), "qty": float64(i % 3), "sku": "s"}
	}
	return map[string]any{"input": map[string]any{"order": map[string]any{"id": "o-1"}, "items": items}}
}

func benchEval(b *testing.B, expr string, compileEach bool) {
	bindings := map[string]any{"states": benchInput()}
	e, err := Compile(expr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if compileEach {
			e, _ = Compile(expr)
		}
		if _, err := e.Evaluate(nil, bindings); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFieldPath(b *testing.B) { benchEval(b, `$states.input.order.id`, false) }
func BenchmarkSumPrices(b *testing.B) { benchEval(b, `$sum($states.input.items.price)`, false) }
func BenchmarkMapFilter(b *testing.B) {
	benchEval(b, `$map($filter($states.input.items, function($i){$i.qty > 0}), function($i){$i.price * $i.qty})`, false)
}
func BenchmarkCompileFieldPath(b *testing.B) { benchEval(b, `$states.input.order.id`, true) }
func BenchmarkCompileMapFilter(b *testing.B) {
	benchEval(b, `$map($filter($states.input.items, function($i){$i.qty > 0}), function($i){$i.price * $i.qty})`, true)
}

// stepFunctionsExpressions returns the bodies of the {% ... %} strings of
// the large corpus definition (every occurrence, as a check run meets them)
// followed by the distinct ones of the aws-recorded definitions.
func stepFunctionsExpressions(b *testing.B) []string {
	b.Helper()
	var out []string
	collect := func(path string, seen map[string]bool) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			return // a deliberately broken fixture
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				s := strings.TrimSpace(v)
				if strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") && len(s) >= 4 {
					body := s[2 : len(s)-2]
					if seen == nil || !seen[body] {
						out = append(out, body)
						if seen != nil {
							seen[body] = true
						}
					}
				}
			case []any:
				for _, x := range v {
					walk(x)
				}
			case map[string]any:
				keys := make([]string, 0, len(v))
				for k := range v {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					walk(v[k])
				}
			}
		}
		walk(doc)
	}
	collect(testkit.Shared(b, "corpus", "large", "large.asl.json"), nil)
	recorded, _ := filepath.Glob(filepath.Join(testkit.Shared(b, "corpus", "aws-recorded", "cases"), "*", "definition.json"))
	sort.Strings(recorded)
	seen := map[string]bool{}
	for _, path := range recorded {
		collect(path, seen)
	}
	return out
}

// BenchmarkParseStepFunctionsExpressions parses every Step Functions
// expression of the corpus once per iteration (strict and tolerant).
func BenchmarkParseStepFunctionsExpressions(b *testing.B) {
	exprs := stepFunctionsExpressions(b)
	for _, parser := range []struct {
		name  string
		parse func(string) *Node
	}{
		{"Parse", func(e string) *Node { n, _ := Parse(e); return n }},
		{"ParseTolerant", func(e string) *Node { n, _ := ParseTolerant(e); return n }},
	} {
		b.Run(parser.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				for _, e := range exprs {
					parser.parse(e)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(exprs)), "ns/expr")
		})
	}
}

// BenchmarkEvalStepFunctionsExpressions evaluates a few typical compiled
// Step Functions expressions, so parser changes that reshape Node are
// measured on the evaluation side too.
func BenchmarkEvalStepFunctionsExpressions(b *testing.B) {
	exprs := []string{
		`$states.input.order.id`,
		`$states.input.items[0]`,
		`{ "id": $states.input.order.id, "n": $count($states.input.items) }`,
		`$states.input.items[price > 5].sku`,
		`$string($states.input)`,
		`$states.input.items^(>price)[0].price`,
	}
	compiled := make([]*Expression, len(exprs))
	for i, src := range exprs {
		e, err := Compile(src)
		if err != nil {
			b.Fatal(err)
		}
		compiled[i] = e
	}
	bindings := map[string]any{"states": benchInput()}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range compiled {
			if _, err := e.Evaluate(nil, bindings); err != nil {
				b.Fatal(err)
			}
		}
	}
}

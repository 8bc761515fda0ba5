package jsonata

import "testing"

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

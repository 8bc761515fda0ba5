package dataflow

import (
	"testing"
)

func benchInput(b *testing.B) any {
	return mustJSON(b, `{"order":{"id":"o-1","items":[{"sku":"a","qty":2,"price":3.5},{"sku":"b","qty":1,"price":10}],"customer":{"name":"Ann","tier":"gold"}},"meta":{"region":"eu"}}`)
}

func BenchmarkTemplateApply(b *testing.B) {
	tmpl, err := CompileTemplate(mustJSON(b, `{"id.$":"$.order.id","customer":{"name.$":"$.order.customer.name","static":"x"},"skus.$":"$.order.items[*].sku","greeting.$":"States.Format('Hello {} ({})', $.order.customer.name, $.meta.region)","count.$":"States.ArrayLength($.order.items)"}`))
	if err != nil {
		b.Fatal(err)
	}
	input := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tmpl.Apply(input, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPathGetDefinite(b *testing.B) {
	p := MustCompilePath(`$.order.items[1].price`)
	input := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Get(input, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPathGetFilter(b *testing.B) {
	p := MustCompilePath(`$.order.items[?(@.qty > 1)].sku`)
	input := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Get(input, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkApplyResultPath(b *testing.B) {
	ref := "$.order.result.total"
	input := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ApplyResultPath(&ref, input, 13.5); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRuleEval(b *testing.B) {
	r, err := CompileRule(mustJSON(b, `{"And":[{"Variable":"$.order.customer.tier","StringEquals":"gold"},{"Variable":"$.order.items[0].qty","NumericGreaterThanEquals":2},{"Variable":"$.order.id","StringMatches":"o-*"}]}`))
	if err != nil {
		b.Fatal(err)
	}
	input := benchInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := r.Eval(input, nil); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

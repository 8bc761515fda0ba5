package expr

import "testing"

func BenchmarkParsePath(b *testing.B) {
	for _, s := range []string{"$.detail.requestParameters.bucketName", "$$.Map.Item.Value.id", "$.items[?(@.price < 10 && @.tag == 'x')].name"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParsePath(s)
			}
		})
	}
}

func BenchmarkParseIntrinsic(b *testing.B) {
	for _, s := range []string{
		"States.Format('Hello, my name is {}.', $.name)",
		"States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), $.a, $.b)",
	} {
		b.Run(s[:20], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c, _ := ParseIntrinsic(s)
				CheckCall(c)
			}
		})
	}
}

package assist

import (
	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/source"
)

// completeIntrinsics offers the intrinsic functions with their signatures.
func completeIntrinsics(c *cursor, sp source.Span, out *[]Candidate) {
	for _, f := range expr.Functions() {
		cand := Candidate{Label: f.Name, Kind: KindFunction, Detail: f.Signature, Doc: f.Doc}
		if c.opts.Snippets {
			cand.Snippet = true
			cand.Edit = Edit{Span: sp, NewText: f.Name + "($1)"}
		} else {
			cand.Edit = Edit{Span: sp, NewText: f.Name + "()"}
		}
		*out = append(*out, cand)
	}
}

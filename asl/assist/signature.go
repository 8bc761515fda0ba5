package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/expr"
	"github.com/aslkit/aslkit/asl/jsonata"
	"github.com/aslkit/aslkit/asl/model"
)

// Signature returns signature help for the intrinsic or JSONata function
// call around offset, or nil.
func Signature(def *model.Definition, offset int) (si *SignatureInfo) {
	if def == nil || def.File == nil || def.File.Root == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			si = nil
		}
	}()
	return signature(def, offset)
}

// signature is Signature without the recover, so fuzzing sees panics.
func signature(def *model.Definition, offset int) (si *SignatureInfo) {
	sc := stringAt(def.File.Root, def.File.Text, offset)
	if sc == nil {
		return nil
	}
	if sc.kind == exprJSONata {
		return jsonataSignature(sc)
	}
	if sc.kind != exprDollar && sc.kind != exprErrCause {
		return nil
	}
	call, _ := expr.ParseIntrinsic(sc.s)
	inner, idx := call.CallAt(sc.i)
	if inner == nil {
		return nil
	}
	f, ok := expr.LookupFunction(inner.Name)
	if !ok {
		return nil
	}
	si = &SignatureInfo{Label: f.Signature, Doc: f.Doc}
	open := strings.IndexByte(f.Signature, '(')
	close := strings.LastIndexByte(f.Signature, ')')
	if open >= 0 && close > open {
		si.Params = splitParams(f.Signature, open+1, close)
	}
	si.Active = idx
	if len(si.Params) > 0 && si.Active >= len(si.Params) {
		si.Active = len(si.Params) - 1
	}
	return si
}

// splitParams returns the comma-separated parameter ranges of label[from:to].
func splitParams(label string, from, to int) []ParamInfo {
	var out []ParamInfo
	start := from
	for i := from; i <= to; i++ {
		if i == to || label[i] == ',' {
			s, e := start, i
			for s < e && label[s] == ' ' {
				s++
			}
			if e > s {
				out = append(out, ParamInfo{Start: s, End: e})
			}
			start = i + 1
		}
	}
	return out
}

// jsonataSignature finds the innermost call of a built-in around the
// cursor in a {% %} string.
func jsonataSignature(sc *strCtx) *SignatureInfo {
	body := sc.s[2:]
	if strings.HasSuffix(body, "%}") {
		body = body[:len(body)-2]
	}
	bi := sc.i - 2
	if bi < 0 {
		return nil
	}
	ast, _ := jsonata.ParseTolerant(body)
	var best *jsonata.Node
	jsonata.Walk(ast, func(n *jsonata.Node) bool {
		if n.Type == "function" && n.Procedure != nil && n.Procedure.Type == "variable" && n.Procedure.End < bi+1 && bi <= n.End {
			if n.Procedure.End <= bi && (best == nil || n.Start >= best.Start) {
				best = n
			}
		}
		return true
	})
	if best == nil {
		return nil
	}
	name, _ := best.Procedure.Value.(string)
	f, ok := jsonata.LookupFunction(name)
	if !ok {
		return nil
	}
	label := "$" + f.Name + f.Params
	si := &SignatureInfo{Label: label, Doc: f.Doc}
	if open, close := strings.IndexByte(label, '('), strings.LastIndexByte(label, ')'); open >= 0 && close > open {
		si.Params = splitParams(label, open+1, close)
	}
	// The active argument: commas at depth 0 between "(" and the cursor.
	depth, idx := 0, 0
	for i := best.Procedure.End; i < bi && i < len(body); i++ {
		switch body[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 1 {
				idx++
			}
		}
	}
	si.Active = idx
	if len(si.Params) > 0 && si.Active >= len(si.Params) {
		si.Active = len(si.Params) - 1
	}
	return si
}

package assist

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// TestFixesCorpus applies every quick fix offered for the diagnostics of
// the real-world corpus (broken definitions included): the result must
// parse with no new syntax errors and report fewer diagnostics of the
// fixed code. It prints "N passed, N failed".
func TestFixesCorpus(t *testing.T) {
	dir := filepath.Join(filepath.Dir(largeCorpus(t)), "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	passed, failed := 0, 0
	byCode := map[string]int{}
	for _, file := range files {
		ext := strings.ToLower(filepath.Ext(file))
		if ext != ".json" && ext != ".yaml" && ext != ".yml" {
			continue
		}
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		def := model.Build(syntax.ParseAuto(name, text))
		if def.File.Root.Get("States") == nil {
			continue
		}
		diags := check.Run(def, check.Options{})
		tryFixes(t, name, string(text), def, diags, "", &passed, &failed, byCode)
		if check.HasErrors(diags) {
			continue
		}
		// Break valid definitions the way people do, then fix them: drop
		// a state's "End": true (ASL103), misspell a transition (ASL101).
		dc := newDoc(def.File)
		mutations := 0
		for _, st := range def.All {
			if mutations >= 6 {
				break
			}
			if end := st.Field("End"); end != nil && st.Next == nil && st.Type != model.TypeSucceed && st.Type != model.TypeFail {
				mutations++
				broken := applyAll(string(text), []Edit{dc.removeMember(st.Node, end)})
				bdef := model.Build(syntax.ParseAuto(name, []byte(broken)))
				tryFixes(t, name, broken, bdef, check.Run(bdef, check.Options{}), check.CodeNoTransition, &passed, &failed, byCode)
			}
			if st.Next != nil && st.Next.Target != nil && len(st.Next.Name) > 4 && st.Next.Node.Tag == "" {
				mutations++
				typo := st.Next.Name[:len(st.Next.Name)-1]
				broken := applyAll(string(text), []Edit{dc.replaceString(st.Next.Node, typo)})
				bdef := model.Build(syntax.ParseAuto(name, []byte(broken)))
				tryFixes(t, name, broken, bdef, check.Run(bdef, check.Options{}), check.CodeNextUnknown, &passed, &failed, byCode)
			}
		}
	}
	var codes []string
	for c, n := range byCode {
		codes = append(codes, c+"="+strconv.Itoa(n))
	}
	sort.Strings(codes)
	t.Logf("fixes by code: %s", strings.Join(codes, " "))
	t.Logf("fixes on the corpus: %d passed, %d failed", passed, failed)
	if passed == 0 {
		t.Fatal("no fix was tried: the corpus is empty or unreadable")
	}
}

// tryFixes applies each fix for diags (of code only, when set) to text
// and judges the result.
func tryFixes(t *testing.T, name, text string, def *model.Definition, diags []check.Diagnostic, only string, passed, failed *int, byCode map[string]int) {
	t.Helper()
	count := func(ds []check.Diagnostic, code string) int {
		n := 0
		for _, d := range ds {
			if d.Code == code {
				n++
			}
		}
		return n
	}
	for _, d := range diags {
		if only != "" && d.Code != only {
			continue
		}
		for _, fx := range Fixes(def, Diagnostic{Code: d.Code, Span: d.Span, Message: d.Message}) {
			out := applyAll(text, fx.Edits)
			after := model.Build(syntax.ParseAuto(name, []byte(out)))
			problem := ""
			switch {
			case len(after.File.Errors) > len(def.File.Errors):
				problem = "adds syntax errors"
			case count(check.Run(after, check.Options{}), d.Code) >= count(diags, d.Code):
				problem = "does not remove the diagnostic"
			}
			if problem == "" {
				*passed++
				byCode[d.Code]++
				continue
			}
			*failed++
			if *failed <= 10 {
				t.Errorf("%s: %s fix %q %s:\n%s", name, d.Code, fx.Title, problem, out)
			}
		}
	}
}

func applyAll(text string, edits []Edit) string {
	sorted := append([]Edit(nil), edits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Span.Start > sorted[j].Span.Start })
	for _, e := range sorted {
		text = text[:e.Span.Start] + e.NewText + text[e.Span.End:]
	}
	return text
}

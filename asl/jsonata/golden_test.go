package jsonata

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden sections in testdata/*.txtar")

// caret draws the expression with a caret line under [start, end).
func caret(src string, start, end int) string {
	if start < 0 {
		start = 0
	}
	if start > len(src) {
		start = len(src)
	}
	if end <= start {
		end = start + 1
	}
	return "  " + src + "\n  " + strings.Repeat(" ", start) + strings.Repeat("^", end-start)
}

// renderTolerant documents what an editor sees for an unfinished expression.
func renderTolerant(src string, marks map[string]int) string {
	var b strings.Builder
	ast, errs := ParseTolerant(src)
	for _, e := range errs {
		start := e.Start
		if start < 0 {
			start = e.Position
		}
		fmt.Fprintf(&b, "%s\n%s\n", e.Error(), caret(src, start, e.Position))
	}
	fmt.Fprintf(&b, "tree: %s\n", describe(ast))
	names := make([]string, 0, len(marks))
	for n := range marks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		n, path := NodeAt(ast, marks[name])
		var types []string
		for _, p := range path {
			types = append(types, p.Type)
		}
		fmt.Fprintf(&b, "at <|%s|>: %s [%s]\n%s\n", name, nodeLabel(n), strings.Join(types, " > "), caret(src, n.Start, n.End))
	}
	return b.String()
}

func nodeLabel(n *Node) string {
	if n == nil {
		return "nothing"
	}
	if n.Value != nil && n.Type != "error" {
		return fmt.Sprintf("%s %v", n.Type, n.Value)
	}
	return n.Type
}

// TestGoldenTolerant reads testdata/tolerant.txtar: each NAME.jsonata
// section is parsed tolerantly and compared with NAME.golden.
func TestGoldenTolerant(t *testing.T) {
	path := filepath.Join("testdata", "tolerant.txtar")
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden := map[string]int{}
	for i, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".golden") {
			golden[strings.TrimSuffix(f.Name, ".golden")] = i
		}
	}
	var out []txtar.File
	changed := false
	for _, f := range ar.Files {
		if !strings.HasSuffix(f.Name, ".jsonata") {
			continue
		}
		name := strings.TrimSuffix(f.Name, ".jsonata")
		src, marks := testkit.StripMarkers(t, strings.TrimSuffix(string(f.Data), "\n"))
		got := renderTolerant(src, marks)
		out = append(out, f)
		want := ""
		if i, ok := golden[name]; ok {
			want = string(ar.Files[i].Data)
		}
		if got != want {
			changed = true
			if !*update {
				t.Errorf("%s:\n--- got\n%s--- want\n%s", name, got, want)
			}
		}
		out = append(out, txtar.File{Name: name + ".golden", Data: []byte(got)})
	}
	if *update && changed {
		ar.Files = out
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

package assist

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// largeCorpus returns ../shared/corpus/large (the test is skipped when
// the reference material is absent).
func largeCorpus(tb testing.TB) string { return testkit.Shared(tb, "corpus", "large") }

// largeDoc parses one large document and reads its cursor positions
// ("line:col", 1-based) into offsets by feature and name.
func largeDoc(tb testing.TB, name string) (*model.Definition, map[string]map[string]int) {
	dir := largeCorpus(tb)
	text, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, name+".positions.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var pos map[string]map[string]string
	if err := json.Unmarshal(raw, &pos); err != nil {
		tb.Fatal(err)
	}
	m := source.NewMapper(text)
	out := map[string]map[string]int{}
	for feature, marks := range pos {
		out[feature] = map[string]int{}
		for mark, lc := range marks {
			l, c, _ := strings.Cut(lc, ":")
			line, _ := strconv.Atoi(l)
			col, _ := strconv.Atoi(c)
			out[feature][mark] = m.OffsetFromUTF16(source.Position{Line: line - 1, Column: col - 1})
		}
	}
	return model.Build(syntax.ParseAuto(name, text)), out
}

var largeFiles = []string{"large.asl.json", "large.asl.yaml"}

// TestLargePositions makes sure the benchmark positions answer something,
// so the benchmarks measure real work.
func TestLargePositions(t *testing.T) {
	for _, name := range largeFiles {
		def, pos := largeDoc(t, name)
		for mark, off := range pos["complete"] {
			if len(Complete(def, off, Options{Snippets: true})) == 0 {
				t.Errorf("%s: no completion at %s", name, mark)
			}
		}
		for mark, off := range pos["hover"] {
			if Hover(def, off, Options{}) == nil {
				t.Errorf("%s: no hover at %s", name, mark)
			}
		}
	}
}

func BenchmarkComplete(b *testing.B) {
	for _, name := range largeFiles {
		def, pos := largeDoc(b, name)
		for mark, off := range pos["complete"] {
			b.Run(name+"/"+mark, func(b *testing.B) {
				for b.Loop() {
					Complete(def, off, Options{Snippets: true})
				}
			})
		}
	}
}

func BenchmarkHover(b *testing.B) {
	for _, name := range largeFiles {
		def, pos := largeDoc(b, name)
		for mark, off := range pos["hover"] {
			b.Run(name+"/"+mark, func(b *testing.B) {
				for b.Loop() {
					Hover(def, off, Options{})
				}
			})
		}
	}
}

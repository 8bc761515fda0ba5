package checkrun

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// The two-half run must give exactly check.Run's diagnostics, in its order,
// on every definition people wrote (valid and invalid ones) and on the
// large one, with and without rules the user turned off.
func TestRunMatchesCheckRun(t *testing.T) {
	var files []string
	for _, dir := range []string{"realworld", "large"} {
		matches, err := filepath.Glob(filepath.Join(testkit.Shared(t, "corpus", dir), "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	userOff := map[string]bool{"ASL400": true, "ASL312": true, "ASL202": true}
	compared, withDiagnostics := 0, 0
	for _, path := range files {
		switch ext := filepath.Ext(path); {
		case strings.HasSuffix(path, ".positions.json"):
			continue
		case ext != ".json" && ext != ".yaml" && ext != ".yml":
			continue
		}
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		def := model.Build(syntax.ParseAuto(filepath.Base(path), text))
		for _, opts := range []check.Options{{}, {Disabled: userOff}, {WorkflowType: check.Express}} {
			want := check.Run(def, opts)
			if diff := cmp.Diff(want, Run(def, opts)); diff != "" {
				t.Errorf("%s %+v: Run differs from check.Run (-want +got):\n%s", filepath.Base(path), opts, diff)
			}
			compared++
			if len(want) > 0 {
				withDiagnostics++
			}
		}
	}
	if compared < 300 || withDiagnostics < 100 {
		t.Fatalf("compared %d runs (%d with diagnostics): the corpus looks incomplete", compared, withDiagnostics)
	}
	t.Logf("%d runs compared, %d with diagnostics", compared, withDiagnostics)
}

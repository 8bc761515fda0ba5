package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aslkit/aslkit/internal/testkit"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

func TestIsTemplateToken(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"DYNAMIC_ROUTING_CHOICES", true},
		{"TOOL_LIST", true},
		{"__TBD__", true},
		{"_tbd_", true},
		{"%ComparisonOperatorType%", true},
		{"<op>", true},
		{"DONE", false}, // one word: could be a real value
		{"Task", false},
		{"$.items", false},
		{"_", false},
		{"9_LIVES", false},
	}
	for _, tt := range tests {
		if got := isTemplateToken(tt.s); got != tt.want {
			t.Errorf("isTemplateToken(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestMessageHelpers(t *testing.T) {
	tests := []struct{ got, want string }{
		{withArticle("integer"), "an integer"},
		{withArticle("string or null"), "a string or null"},
		{withArticle("object"), "an object"},
		{withArticle("any JSON value"), "any JSON value"},
		{quoteList([]string{"A"}, "or"), `"A"`},
		{quoteList([]string{"A", "B"}, "and"), `"A" and "B"`},
		{quoteList([]string{"A", "B", "C"}, "or"), `"A", "B" or "C"`},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// FuzzSchemaWalk runs the schema walk on arbitrary documents: it must
// never panic (check.Run would hide a panic behind ASL000).
func FuzzSchemaWalk(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txtar")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"States":{"B":{"Type":"Choice","Choices":[{"Not":{"And":[{}]}}]}}}}}}`))
	f.Add([]byte("StartAt: A\nStates:\n  A:\n    Type: Task\n    Retry: [ {MaxAttempts: x} ]\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		for _, file := range []*syntax.File{syntax.Parse(text), syntax.ParseYAML(text)} {
			schemaFindings(model.Build(file), false)
		}
	})
}

func TestCloseField(t *testing.T) {
	names := []string{"Or", "And", "Not", "Variable", "Next", "MaxAttempts", "IntervalSeconds", "ResultSelector", "Resource"}
	tests := []struct{ key, want string }{
		{"Foo", ""},
		{"next", "Next"},
		{"Nextt", "Next"},
		{"MaxAttempt", "MaxAttempts"},
		{"IntervalSecond", "IntervalSeconds"},
		{"ResultSelecter", "ResultSelector"},
		{"Ressource", "Resource"},
		{"Timeout", ""},
	}
	for _, tt := range tests {
		if got := closeField(tt.key, names); got != tt.want {
			t.Errorf("closeField(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// BenchmarkSchemaFindings measures one schema walk over the large shared
// definition (one check.Run does it once and every schema rule shares it).
func BenchmarkSchemaFindings(b *testing.B) {
	text := testkit.SharedFile(b, "corpus", "large", "large.asl.json")
	def := model.Build(syntax.Parse(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		schemaFindings(def, false)
	}
}

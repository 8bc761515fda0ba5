package model

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/testkit"
)

// dumpDir, when set, receives a dump of the model of every corpus
// document: comparing the folders written before and after a change to
// Build proves that the change kept the model the same.
var dumpDir = flag.String("model.dump", "", "write a dump of the model of every corpus document into this folder")

// corpusDir, when set, replaces the shared corpora by the documents of
// this folder (generated ones, say).
var corpusDir = flag.String("model.corpus", "", "build the documents of this folder instead of the shared corpora")

// TestCorpusModels builds the model of every document of the shared
// corpora and checks that its lookups agree with the plain scans they stand
// for (and writes the dumps, with -model.dump).
func TestCorpusModels(t *testing.T) {
	root, sets := *corpusDir, []string{"."}
	if root == "" {
		root, sets = testkit.Shared(t, "corpus"), []string{"realworld", "aws-recorded", "large"}
	}
	count := 0
	for _, set := range sets {
		err := filepath.WalkDir(filepath.Join(root, set), func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".json", ".json5", ".yaml", ".yml":
			default:
				return nil
			}
			text, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			d := Build(syntax.ParseAuto(path, text))
			checkLookups(t, rel, d)
			count++
			if *dumpDir == "" {
				return nil
			}
			out := filepath.Join(*dumpDir, rel+".model")
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			return os.WriteFile(out, []byte(dumpModel(d)), 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d documents", count)
}

// checkLookups compares the indexed and resolved answers of the model with
// scans of the syntax tree.
func checkLookups(t *testing.T, name string, d *Definition) {
	t.Helper()
	for _, s := range d.All {
		for k, field := range fieldNames {
			want := s.Node.Get(field)
			if got := s.FieldAt(FieldKey(k)); got != want {
				t.Errorf("%s: %s: FieldAt(%s) = %v, want %v", name, s.Path(), field, got, want)
			}
			if got := s.Field(field); got != want {
				t.Errorf("%s: %s: Field(%s) = %v, want %v", name, s.Path(), field, got, want)
			}
		}
		if got, want := s.Value("Resource"), s.Node.Value("Resource"); got != want {
			t.Errorf("%s: %s: Value(Resource) = %v, want %v", name, s.Path(), got, want)
		}
		s.EachRef(func(_ EdgeKind, r *Ref) {
			if want := firstNamed(s.Scope, r.Name); r.Target != want {
				t.Errorf("%s: %s: reference %q resolves to %v, want %v", name, s.Path(), r.Name, r.Target, want)
			}
		})
	}
	for _, m := range d.Machine.Scopes() {
		for _, s := range m.States {
			if got := m.Lookup(s.Name); got != firstNamed(m, s.Name) {
				t.Errorf("%s: Lookup(%q) = %v", name, s.Name, got)
			}
		}
	}
}

func firstNamed(m *StateMachine, name string) *State {
	for _, s := range m.States {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// dumpModel writes every exported part of the model, with states named by
// their ID and syntax by its span, in a stable order.
func dumpModel(d *Definition) string {
	var b strings.Builder
	fmt.Fprintf(&b, "QueryLanguage %s, %d states\n", d.QueryLanguage, len(d.All))
	names := make([]string, 0, len(d.ByName))
	for name := range d.ByName {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(&b, "ByName %q:", name)
		for _, s := range d.ByName[name] {
			fmt.Fprintf(&b, " #%d", s.ID)
		}
		b.WriteByte('\n')
	}
	for _, m := range d.Machine.Scopes() {
		dumpScope(&b, m, names)
	}
	for _, s := range d.All {
		dumpState(&b, s)
	}
	return b.String()
}

func dumpScope(b *strings.Builder, m *StateMachine, names []string) {
	fmt.Fprintf(b, "scope %s owner %s index %d statesNode %s top %s startAt %s states",
		nodeSpan(m.Node), stateID(m.Owner), m.Index, nodeSpan(m.StatesNode), nodeSpan(m.Top().Node), refString(m.StartAt))
	for _, s := range m.States {
		fmt.Fprintf(b, " #%d", s.ID)
	}
	b.WriteString("\n  lookups:")
	for _, name := range names {
		if s := m.Lookup(name); s != nil {
			fmt.Fprintf(b, " %q=#%d", name, s.ID)
		}
	}
	b.WriteByte('\n')
}

func dumpState(b *strings.Builder, s *State) {
	fmt.Fprintf(b, "#%d %q path %q index %d member %v/%s node %s type %q ql %s end %t terminal %t object %t\n",
		s.ID, s.Name, s.Path(), s.Index, s.Member.KeySpan, s.Member.Span, nodeSpan(s.Node), s.Type, s.QueryLanguage,
		s.End, s.IsTerminal(), s.HasObjectBody())
	fmt.Fprintf(b, "  scope %s next %s default %s\n", nodeSpan(s.Scope.Node), refString(s.Next), refString(s.Default))
	for k := range fieldNames {
		if m := s.FieldAt(FieldKey(k)); m != nil {
			fmt.Fprintf(b, "  field %s %v value %s\n", fieldNames[k], m.Span, nodeSpan(s.ValueAt(FieldKey(k))))
		}
	}
	for _, r := range s.Choices {
		dumpRule(b, r)
	}
	for _, r := range s.Retry {
		fmt.Fprintf(b, "  retry %s errors %s\n", nodeSpan(r.Node), nodeSpans(r.ErrorEquals))
	}
	for _, c := range s.Catch {
		fmt.Fprintf(b, "  catch %s errors %s next %s\n", nodeSpan(c.Node), nodeSpans(c.ErrorEquals), refString(c.Next))
	}
	for _, br := range s.Branches {
		fmt.Fprintf(b, "  branch %d %s\n", br.Index, nodeSpan(br.Node))
	}
	if s.Processor != nil {
		fmt.Fprintf(b, "  processor %s\n", nodeSpan(s.Processor.Node))
	}
	for _, e := range s.Edges() {
		fmt.Fprintf(b, "  edge %d %s to %s\n", e.Kind, refString(e.Ref), stateID(e.To))
	}
}

func dumpRule(b *strings.Builder, r *ChoiceRule) {
	fmt.Fprintf(b, "  %srule %s depth %d operator %q next %s\n",
		strings.Repeat("  ", r.Depth), nodeSpan(r.Node), r.Depth, r.Operator, refString(r.Next))
	for _, n := range r.Nested {
		dumpRule(b, n)
	}
}

func refString(r *Ref) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%q@%v->%s", r.Name, r.Span(), stateID(r.Target))
}

func stateID(s *State) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprintf("#%d", s.ID)
}

func nodeSpan(n *syntax.Node) string {
	if n == nil {
		return "-"
	}
	return fmt.Sprintf("%d%v", n.Kind, n.Span)
}

func nodeSpans(ns []*syntax.Node) string {
	spans := make([]source.Span, len(ns))
	for i, n := range ns {
		spans[i] = n.Span
	}
	return fmt.Sprint(spans)
}

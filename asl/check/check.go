// Package check holds every diagnostic rule over the ASL model: one rule per
// file, each with a stable code registered in the rule table. Run is the one
// entry point shared by `asl check`, the language server and the simulator's
// "refuse to run a broken definition" gate.
package check

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// Severity follows LSP's order: Error is the most severe.
type Severity uint8

const (
	Error Severity = iota + 1
	Warning
	Information
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Information:
		return "information"
	case Hint:
		return "hint"
	}
	return "unknown"
}

// WorkflowType is the kind of state machine the definition is deployed as.
type WorkflowType string

const (
	Standard WorkflowType = "STANDARD"
	Express  WorkflowType = "EXPRESS"
)

// Options tune a run. The zero value checks a Standard workflow with every
// rule on.
type Options struct {
	WorkflowType WorkflowType
	// Disabled turns rules off by code (e.g. hints a user does not want).
	Disabled map[string]bool
}

// Related points at another place that explains a diagnostic (e.g. the
// first of two duplicate states).
type Related struct {
	Span    source.Span
	Message string
}

// Diagnostic is one finding at a span of the document.
type Diagnostic struct {
	Span     source.Span
	Severity Severity
	Code     string
	Message  string
	Related  []Related
}

// Rule is one check. Code is stable forever once released; Name is a short
// kebab-case name; Doc says what the rule finds and how to fix it (it feeds
// docs/diagnostics.md and hover).
type Rule struct {
	Code     string
	Name     string
	Severity Severity
	Doc      string
	Run      func(*Pass)
}

var rules []*Rule
var byCode = map[string]*Rule{}

// register adds a rule to the table; each rule file calls it from init.
func register(r *Rule) *Rule {
	if byCode[r.Code] != nil {
		panic("check: duplicate rule code " + r.Code)
	}
	rules = append(rules, r)
	byCode[r.Code] = r
	return r
}

// Rules returns every registered rule ordered by code.
func Rules() []*Rule {
	out := append([]*Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Lookup returns the rule with the given code, or nil.
func Lookup(code string) *Rule { return byCode[code] }

// Pass is what a rule sees: the model, the options, a report sink, and the
// memo of analyses shared by the rules of one Run.
type Pass struct {
	Def  *model.Definition
	Opts Options
	rule *Rule
	out  *[]Diagnostic
	memo map[any]any
	// analyses holds this Run's values of the memoKey keys: an array look-up
	// instead of hashing an interface, for the analyses asked for thousands
	// of times (the expression cache, once per parsed path).
	analyses *[memoKeys]any
}

// Memo returns the value computed for key during this Run, calling compute
// the first time the key is asked for. Rules that need the same analysis (a
// graph traversal, a walk of the payload templates, the parsed expressions)
// compute it once per Run. The memo belongs to the Run: nothing is kept
// between Runs and concurrent Runs share nothing, so no lock is needed. Keys
// are values of unexported types (see memoKey) so packages cannot collide.
// compute may itself call Memo for other keys.
func (p *Pass) Memo(key any, compute func() any) any {
	if k, ok := key.(memoKey); ok && p.analyses != nil && k < memoKeys {
		if v := p.analyses[k]; v != nil {
			return v
		}
		v := compute()
		p.analyses[k] = v
		return v
	}
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	if p.memo != nil {
		p.memo[key] = v
	}
	return v
}

// memoized is Memo with the value's type kept.
func memoized[T any](p *Pass, key memoKey, compute func() T) T {
	if a := p.analyses; a != nil && key < memoKeys {
		if v, ok := a[key].(T); ok {
			return v
		}
		v := compute()
		a[key] = v
		return v
	}
	v, _ := p.Memo(key, func() any { return compute() }).(T)
	return v
}

// memoKey names one analysis shared through Pass.Memo.
type memoKey uint8

const (
	memoScopes memoKey = iota + 1
	memoGraph
	memoExprs
	memoDollar
	memoSchema
	memoJSONata
	memoVariables
	memoTemplates
	memoNoBackslash
	memoSubstitutionFree
	memoChoiceRules
	memoKeys // the number of keys above, plus one
)

// Report records a diagnostic of the running rule at span.
func (p *Pass) Report(span source.Span, message string, related ...Related) {
	*p.out = append(*p.out, Diagnostic{Span: span, Severity: p.rule.Severity, Code: p.rule.Code, Message: message, Related: related})
}

// ReportSeverity records a diagnostic with a severity other than the rule's
// default (e.g. a rule that is an error for AWS-rejected forms and a warning
// for merely suspicious ones).
func (p *Pass) ReportSeverity(sev Severity, span source.Span, message string, related ...Related) {
	*p.out = append(*p.out, Diagnostic{Span: span, Severity: sev, Code: p.rule.Code, Message: message, Related: related})
}

// Run returns the syntax errors of the definition's file followed by every
// enabled rule's findings, sorted by position. A rule that panics is a bug:
// the panic is turned into a diagnostic at the document start instead of
// taking down the caller.
func Run(def *model.Definition, opts Options) []Diagnostic {
	// Room for a finding per few states up front: a big definition's hints
	// would otherwise regrow the slice many times.
	out := make([]Diagnostic, 0, len(def.File.Errors)+len(def.All)/4)
	for _, e := range def.File.Errors {
		sev := Error
		if e.Severity == syntax.SeverityWarning {
			sev = Warning
		}
		out = append(out, Diagnostic{Span: e.Span, Severity: sev, Code: e.Code, Message: e.Message})
	}
	memo := map[any]any{}
	var analyses [memoKeys]any
	passes := make([]Pass, len(rules)) // a Pass per rule, in one allocation
	for i, r := range rules {
		if opts.Disabled[r.Code] {
			continue
		}
		p := &passes[i]
		*p = Pass{Def: def, Opts: opts, rule: r, out: &out, memo: memo, analyses: &analyses}
		runRule(p)
	}
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		if a.Span.Start != b.Span.Start {
			return cmp.Compare(a.Span.Start, b.Span.Start)
		}
		return strings.Compare(a.Code, b.Code)
	})
	if len(out) == 0 {
		return nil // no findings: nil, as callers have always seen
	}
	return out
}

func runRule(p *Pass) {
	defer func() {
		if v := recover(); v != nil {
			r := p.rule
			*p.out = append(*p.out, Diagnostic{Severity: Error, Code: "ASL000", Message: "internal error in rule " + r.Code + " (" + r.Name + "); please report it"})
		}
	}()
	p.rule.Run(p)
}

// HasErrors reports whether any diagnostic is an error.
func HasErrors(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

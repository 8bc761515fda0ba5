// Package checkrun runs asl/check on both cores for the programs that may
// start goroutines (the server and the command); asl/check itself does not.
package checkrun

import (
	"slices"
	"strings"
	"sync"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/asl/model"
)

// Run gives the same diagnostics as check.Run, computed in two halves at
// once: the JSONata and variable rules (ASL3xx), which share one costly
// analysis, and all the others.
func Run(def *model.Definition, opts check.Options) []check.Diagnostic {
	jsonataOnly, othersOnly := splitRules(opts.Disabled)
	othersOpts, jsonataOpts := opts, opts
	othersOpts.Disabled, jsonataOpts.Disabled = othersOnly, jsonataOnly
	var others []check.Diagnostic
	var panicked any
	var wg sync.WaitGroup
	wg.Go(func() {
		// A panic goes on in the caller, whose recover logs it.
		defer func() { panicked = recover() }()
		others = check.Run(def, othersOpts)
	})
	jsonata := check.Run(def, jsonataOpts)
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	// Both halves repeat the file's syntax errors; keep them once.
	jsonata = slices.DeleteFunc(jsonata, isSyntaxDiagnostic)
	out := append(others, jsonata...)
	// check.Run's order: a stable sort by start, then code. Diagnostics that
	// tie come from one rule, hence one half, so the order is the same.
	slices.SortStableFunc(out, func(a, b check.Diagnostic) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}

// splitRules returns the Disabled sets that leave on only the ASL3xx rules
// and only the other rules, each keeping what the user turned off.
func splitRules(disabled map[string]bool) (jsonataOnly, othersOnly map[string]bool) {
	jsonataOnly, othersOnly = map[string]bool{}, map[string]bool{}
	for code, off := range disabled {
		jsonataOnly[code], othersOnly[code] = off, off
	}
	for _, r := range check.Rules() {
		if isJSONataRule(r.Code) {
			othersOnly[r.Code] = true
		} else {
			jsonataOnly[r.Code] = true
		}
	}
	return jsonataOnly, othersOnly
}

func isJSONataRule(code string) bool { return strings.HasPrefix(code, "ASL3") }

// isSyntaxDiagnostic reports a parser error (ASL001-ASL099); rules use
// ASL100 and up, and ASL000 reports a rule's internal error.
func isSyntaxDiagnostic(d check.Diagnostic) bool {
	return d.Code > "ASL000" && d.Code < "ASL100"
}

package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/aslkit/aslkit/asl/check"
	"github.com/aslkit/aslkit/internal/checkrun"
)

func init() {
	register(&command{name: "check", summary: "report problems in definitions (for CI: exit 1 on errors)", run: runCheck})
}

func runCheck(ctx context.Context, e *env, args []string) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	format := fl.String("format", "text", "output `format`: text, json (one object per line) or sarif")
	workflow := fl.String("workflow-type", "standard", "the `type` the machines are deployed as: standard or express")
	disable := fl.String("disable", "", "comma-separated rule `codes` to turn off (e.g. ASL401,ASL402)")
	fl.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: asl check [--format text|json|sarif] [--workflow-type standard|express] [--disable CODES] PATH...")
		fmt.Fprintln(e.stderr, "\nChecks ASL definitions (files, or folders searched for *.asl.json/*.asl.yaml and")
		fmt.Fprintln(e.stderr, "state-machine-shaped .json/.yaml files). Exit 0: no errors; 1: errors; 2: usage or I/O problem.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(e.stderr, "asl check: no PATH given")
		fl.Usage()
		return exitUsage
	}
	opts := check.Options{Disabled: map[string]bool{}}
	var err error
	if opts.WorkflowType, err = parseWorkflowType(*workflow); err != nil {
		fmt.Fprintf(e.stderr, "asl check: %v\n", err)
		return exitUsage
	}
	for _, c := range strings.Split(*disable, ",") {
		if c = strings.TrimSpace(c); c != "" {
			opts.Disabled[c] = true
		}
	}
	var out reporter
	switch *format {
	case "text":
		out = &textReporter{w: e.stdout}
	case "json":
		out = &jsonReporter{w: e.stdout}
	case "sarif":
		out = &sarifReporter{w: e.stdout}
	default:
		fmt.Fprintf(e.stderr, "asl check: --format must be text, json or sarif, not %q\n", *format)
		return exitUsage
	}

	files, err := expandPaths(fl.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "asl check: %v\n", err)
		return exitUsage
	}
	code, checked := exitOK, 0
	for _, file := range files {
		if ctx.Err() != nil {
			return exitUsage
		}
		doc, err := loadDocument(file.path)
		if file.guess && (err != nil || !isGuessedStateMachine(doc)) {
			continue // a package.json or config file met in a folder
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "asl check: %v\n", err)
			code = exitUsage
			continue
		}
		checked++
		diags := checkrun.Run(doc.def, opts)
		out.file(doc, diags)
		if check.HasErrors(diags) && code == exitOK {
			code = exitFound
		}
	}
	if checked == 0 && code == exitOK {
		fmt.Fprintln(e.stderr, "asl check: no ASL definitions found under", strings.Join(fl.Args(), ", "))
		return exitUsage
	}
	if err := out.finish(); err != nil {
		fmt.Fprintf(e.stderr, "asl check: %v\n", err)
		return exitUsage
	}
	return code
}

// parseWorkflowType reads the --workflow-type flag shared by check and lsp.
func parseWorkflowType(s string) (check.WorkflowType, error) {
	switch strings.ToLower(s) {
	case "standard":
		return check.Standard, nil
	case "express":
		return check.Express, nil
	}
	return "", fmt.Errorf("--workflow-type must be standard or express, not %q", s)
}

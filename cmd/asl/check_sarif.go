package main

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/aslkit/aslkit/asl/check"
)

// sarifReporter collects every file's results into one SARIF 2.1.0 log, the
// format code-scanning services read.
type sarifReporter struct {
	w       io.Writer
	results []sarifResult
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation struct {
		URI string `json:"uri"`
	} `json:"artifactLocation"`
	Region sarifRegion `json:"region"`
}

// sarifRegion uses 1-based lines and columns.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifRule struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	ShortDescription sarifText `json:"shortDescription"`
	DefaultConfig    struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

func sarifLevel(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Warning:
		return "warning"
	}
	return "note"
}

func (r *sarifReporter) file(doc *document, diags []check.Diagnostic) {
	for _, d := range diags {
		rg := toLSPRange(doc.mapper, d.Span)
		var loc sarifLocation
		loc.PhysicalLocation.ArtifactLocation.URI = filepath.ToSlash(doc.path)
		loc.PhysicalLocation.Region = sarifRegion{rg.Start.Line + 1, rg.Start.Character + 1, rg.End.Line + 1, rg.End.Character + 1}
		r.results = append(r.results, sarifResult{RuleID: d.Code, Level: sarifLevel(d.Severity), Message: sarifText{d.Message}, Locations: []sarifLocation{loc}})
	}
}

func (r *sarifReporter) finish() error {
	var rules []sarifRule
	for _, rule := range check.Rules() {
		sr := sarifRule{ID: rule.Code, Name: rule.Name, ShortDescription: sarifText{rule.Doc}}
		sr.DefaultConfig.Level = sarifLevel(rule.Severity)
		rules = append(rules, sr)
	}
	results := r.results
	if results == nil {
		results = []sarifResult{}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "asl check",
				"informationUri": "https://github.com/aslkit/aslkit",
				"rules":          rules,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(r.w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

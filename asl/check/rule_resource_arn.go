package check

import (
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// A Task's Resource is an ARN of a known shape.
var _ = register(&Rule{
	Code:     CodeResourceARN,
	Name:     "resource-arn",
	Severity: Error,
	Doc: "A Task's \"Resource\" is not an ARN AWS can call. Shapes: arn:<partition>:states:::<service>:<api>" +
		"[.sync|.sync:2|.waitForTaskToken] (optimized integrations), arn:<partition>:states:::aws-sdk:<service>:<api>" +
		"[.waitForTaskToken], arn:<partition>:states:<region>:<account>:activity:<name>, " +
		"arn:<partition>:lambda:<region>:<account>:function:<name>[:<alias>]. Malformed ARNs are errors; " +
		"unknown partitions or unsupported integration patterns are warnings. Placeholders are not checked.",
	Run: func(p *Pass) {
		// A definition uses a few Resources many times: each is checked once.
		type verdict struct {
			sev Severity
			msg string
		}
		seen := map[string]verdict{}
		for _, s := range p.Def.All {
			if s.Type != model.TypeTask {
				continue
			}
			r := s.ValueAt(model.FieldResource)
			if !r.IsString() || isDeployPlaceholder(r) || strings.HasPrefix(r.Str, "{%") || hasDocPlaceholder(r.Str) {
				continue
			}
			v, ok := seen[r.Str]
			if !ok {
				v.sev, v.msg = resourceProblem(r.Str)
				seen[r.Str] = v
			}
			if v.msg != "" {
				p.ReportSeverity(v.sev, r.Span, v.msg)
			}
		}
	},
})

var partitions = map[string]bool{
	"aws": true, "aws-cn": true, "aws-us-gov": true, "aws-iso": true, "aws-iso-b": true,
	"aws-iso-e": true, "aws-iso-f": true, "aws-eusc": true,
}

// integrationSuffixes are the integration patterns an optimized API may carry.
var integrationSuffixes = []string{".sync:2", ".sync", ".waitForTaskToken"}

// resourceProblem checks the shape of a Resource ARN.
func resourceProblem(arn string) (Severity, string) {
	const shape = "arn:<partition>:<service>:<region>:<account>:<resource>"
	if !strings.HasPrefix(arn, "arn:") {
		return Error, "\"Resource\" must be an ARN (" + shape + "), e.g. \"arn:aws:states:::lambda:invoke\""
	}
	var buf [arnPartsOnStack]string
	parts := splitARN(arn, buf[:0])
	if len(parts) < 6 {
		return Error, "\"Resource\" is not a complete ARN: expected " + shape + ", found " + strconv.Itoa(len(parts)) + " colon-separated parts"
	}
	partition, service := parts[1], parts[2]
	if service == "" {
		return Error, "the service part of this ARN is empty; write it as " + shape + ", e.g. arn:aws:lambda:us-east-1:123456789012:function:name"
	}
	if partition == "" {
		return Error, "the partition part of this ARN is empty; use \"aws\" (or aws-cn, aws-us-gov)"
	}
	if !partitions[partition] {
		return Warning, "unknown ARN partition \"" + partition + "\"; expected aws, aws-cn or aws-us-gov"
	}
	switch service {
	case "states":
		return statesResourceProblem(parts)
	case "lambda":
		if parts[5] != "function" || len(parts) < 7 || parts[6] == "" || len(parts) > 8 {
			return Error, "a Lambda function ARN looks like arn:aws:lambda:<region>:<account>:function:<name>[:<alias or version>]"
		}
	}
	return Warning, ""
}

func statesResourceProblem(parts []string) (Severity, string) {
	rest := parts[5:]
	if rest[0] == "activity" {
		if len(rest) != 2 || rest[1] == "" {
			return Error, "an activity ARN looks like arn:aws:states:<region>:<account>:activity:<name>"
		}
		return Warning, ""
	}
	if rest[0] == "aws-sdk" {
		if len(rest) != 3 || rest[1] == "" || rest[2] == "" {
			return Error, "an AWS SDK integration looks like arn:aws:states:::aws-sdk:<service>:<apiAction>, e.g. arn:aws:states:::aws-sdk:s3:getObject"
		}
		if api, _, suffix := splitPattern(rest[2]); strings.HasPrefix(suffix, ".sync") {
			return Error, "AWS SDK integrations do not support \"" + suffix + "\"; use arn:aws:states:::aws-sdk:" + rest[1] + ":" + api + " (or an optimized integration that has .sync)"
		}
		return Warning, ""
	}
	// Optimized integration: <service>:<api>[.suffix]; ".sync:2" adds a part.
	if len(rest) == 3 && rest[2] == "2" && strings.HasSuffix(rest[1], ".sync") {
		rest = []string{rest[0], rest[1] + ":2"}
	}
	if len(rest) != 2 || rest[0] == "" || rest[1] == "" {
		return Error, "a service integration looks like arn:aws:states:::<service>:<apiAction>[.sync|.sync:2|.waitForTaskToken], e.g. arn:aws:states:::dynamodb:putItem"
	}
	api, dot, suffix := splitPattern(rest[1])
	if api == "" {
		return Error, "the API action of this integration is empty"
	}
	if dot && suffix == "" {
		return Error, "unknown integration pattern \"" + rest[1][len(api):] + "\"; use .sync, .sync:2 or .waitForTaskToken"
	}
	return Warning, ""
}

// splitPattern splits "startExecution.sync:2" into the API and its suffix.
// dot reports a '.' that starts no known suffix.
func splitPattern(s string) (api string, dot bool, suffix string) {
	for _, suf := range integrationSuffixes {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf), false, suf
		}
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], true, ""
	}
	return s, false, ""
}

// hasDocPlaceholder reports `<Partition>`-style placeholders, as written in
// documentation: angle brackets never occur in a real ARN.
func hasDocPlaceholder(s string) bool {
	i := strings.IndexByte(s, '<')
	return i >= 0 && strings.IndexByte(s[i:], '>') > 0
}

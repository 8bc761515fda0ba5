package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// taskResource returns a Task's Resource string ("" when missing, not a
// string, or a placeholder whose value cannot be known).
func taskResource(s *model.State) string {
	r := s.Value("Resource")
	if !r.IsString() {
		return ""
	}
	return r.Str
}

// isLambdaResource reports whether the Resource invokes a Lambda function:
// the optimized integration, the SDK integration or a function ARN. A
// placeholder counts when its text says it is one (arn:${AWS::Partition}:lambda:...).
func isLambdaResource(arn string) bool {
	if strings.Contains(arn, ":states:::lambda:invoke") || strings.Contains(arn, ":states:::aws-sdk:lambda:invoke") {
		return true
	}
	parts := strings.Split(arn, ":")
	return len(parts) >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
}

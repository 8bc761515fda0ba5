package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// taskResource returns a Task's Resource string ("" when missing, not a
// string, or a placeholder whose value cannot be known).
func taskResource(s *model.State) string {
	r := s.ValueAt(model.FieldResource)
	if !r.IsString() {
		return ""
	}
	return r.Str
}

// isLambdaResource reports whether the Resource invokes a Lambda function:
// the optimized integration, the SDK integration or a function ARN. A
// placeholder counts when its text says it is one (arn:${AWS::Partition}:lambda:...).
func isLambdaResource(arn string) bool {
	if !strings.Contains(arn, "lambda") {
		return false // every form below names lambda: one search rules most out
	}
	if strings.Contains(arn, ":states:::lambda:invoke") || strings.Contains(arn, ":states:::aws-sdk:lambda:invoke") {
		return true
	}
	var buf [arnPartsOnStack]string
	parts := splitARN(arn, buf[:0])
	return len(parts) >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
}

// arnPartsOnStack is how many parts splitARN fills without allocating:
// every well-formed ARN has fewer.
const arnPartsOnStack = 12

// splitARN is strings.Split(arn, ":") appended to buf: Resources are split
// for every Task, and a caller's array keeps that off the heap. ARNs with
// more parts than buf can hold get their own slice.
func splitARN(arn string, buf []string) []string {
	if strings.Count(arn, ":")+1 > cap(buf) {
		return strings.Split(arn, ":")
	}
	for {
		i := strings.IndexByte(arn, ':')
		if i < 0 {
			return append(buf, arn)
		}
		buf = append(buf, arn[:i])
		arn = arn[i+1:]
	}
}

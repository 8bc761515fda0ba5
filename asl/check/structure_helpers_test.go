package check

import "testing"

func TestTimestampProblem(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = valid
	}{
		{"2016-03-14T01:59:00Z", ""},
		{"2012-10-09T19:00:55+01:00", ""},
		{"2016-03-14T01:59:00.123456789Z", ""},
		{"2016-12-05T21:29:29", "the zone is missing: end with Z or an offset like +01:00"},
		{"2016-12-05 21:29:29Z", "the date and time must be separated by an uppercase T"},
		{"2016-12-05t21:29:29Z", "the date and time must be separated by an uppercase T"},
		{"2016-12-05T21:29:29z", "the zone must be an uppercase Z"},
		{"05-12-2016T21:29:29Z", "it is not a valid date and time"},
		{"2016/12/05X21:29:29Z", "expected YYYY-MM-DDThh:mm:ss"},
		{"2016-13-05T21:29:29Z", "it is not a valid date and time"},
		{"2016-12-05T25:29:29Z", "it is not a valid date and time"},
		{"2023-02-24", "a date needs a time and a zone"},
		{"soon", "expected YYYY-MM-DDThh:mm:ss and a zone"},
	}
	for _, tt := range tests {
		if got := timestampProblem(tt.in); got != tt.want {
			t.Errorf("timestampProblem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResourceProblem(t *testing.T) {
	tests := []struct {
		arn string
		sev Severity // 0 = no finding
	}{
		{"arn:aws:states:::lambda:invoke", 0},
		{"arn:aws:states:::lambda:invoke.waitForTaskToken", 0},
		{"arn:aws:states:::states:startExecution.sync:2", 0},
		{"arn:aws:states:::batch:submitJob.sync", 0},
		{"arn:aws:states:::aws-sdk:s3:getObject", 0},
		{"arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken", 0},
		{"arn:aws:states:us-east-1:123456789012:aws-sdk:s3:putObject", 0},
		{"arn:aws:states:us-east-1:123456789012:activity:work", 0},
		{"arn:aws-cn:lambda:cn-north-1:123456789012:function:f", 0},
		{"arn:aws:lambda:us-east-1:123456789012:function:f:prod", 0},
		{"arn:aws:sns:us-east-1:123456789012:topic", 0},
		{"arn:aws:states:::aws-sdk:s3:getObject.sync", Error},
		{"arn:aws:states:::batch:submitJob.synch", Error},
		{"arn:aws:states:::lambda", Error},
		{"arn:aws:states:us-east-1:123456789012:activity:", Error},
		{"arn:aws::lambda:us-east-1:1:function:f", Error},
		{"arn::states:::lambda:invoke", Error},
		{"arn:aws:lambda:us-east-1:1:f", Error},
		{"Lambda", Error},
		{"arn:aws", Error},
		{"arn:aws-moon:states:::lambda:invoke", Warning},
	}
	for _, tt := range tests {
		sev, msg := resourceProblem(tt.arn)
		if msg == "" {
			sev = 0
		}
		if sev != tt.sev {
			t.Errorf("resourceProblem(%q) = %v %q, want severity %v", tt.arn, sev, msg, tt.sev)
		}
	}
}

func TestNearestName(t *testing.T) {
	names := []string{"Done", "Fetch", "ProcessOrder", "A"}
	tests := []struct{ in, want string }{
		{"Dne", "Done"},
		{"done", "Done"},
		{"Fech", "Fetch"},
		{"ProcesOrder", "ProcessOrder"},
		{"B", ""},
		{"Completely different", ""},
	}
	for _, tt := range tests {
		if got := nearestName(tt.in, names); got != tt.want {
			t.Errorf("nearestName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasPlaceholderSyntax(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"${LambdaArn}", true},
		{"arn:${AWS::Partition}:states:::lambda:invoke", true},
		{"#{AWS::Region}", true},
		{"{{resolve:ssm:name}}", true},
		{"$.items", false},
		{"{% $x %}", false},
		{"a { b } c", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasPlaceholderSyntax(tt.in); got != tt.want {
			t.Errorf("hasPlaceholderSyntax(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

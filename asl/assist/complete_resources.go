package assist

import "strings"

// resourceARNs are the Resource values worth offering: the optimized
// integrations people use most, with their .sync and callback variants,
// the AWS SDK pattern and activities.
var resourceARNs = []struct{ arn, detail string }{
	{"arn:aws:states:::lambda:invoke", "Invoke a Lambda function (optimized)"},
	{"arn:aws:states:::lambda:invoke.waitForTaskToken", "Invoke Lambda and wait for a task token callback"},
	{"arn:aws:states:::sqs:sendMessage", "Send an SQS message"},
	{"arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Send an SQS message and wait for a callback"},
	{"arn:aws:states:::sns:publish", "Publish to an SNS topic"},
	{"arn:aws:states:::sns:publish.waitForTaskToken", "Publish to SNS and wait for a callback"},
	{"arn:aws:states:::dynamodb:getItem", "Read a DynamoDB item"},
	{"arn:aws:states:::dynamodb:putItem", "Write a DynamoDB item"},
	{"arn:aws:states:::dynamodb:updateItem", "Update a DynamoDB item"},
	{"arn:aws:states:::dynamodb:deleteItem", "Delete a DynamoDB item"},
	{"arn:aws:states:::states:startExecution", "Start a child state machine (fire and forget)"},
	{"arn:aws:states:::states:startExecution.sync:2", "Start a child state machine and wait (JSON output)"},
	{"arn:aws:states:::states:startExecution.sync", "Start a child state machine and wait (string output)"},
	{"arn:aws:states:::states:startExecution.waitForTaskToken", "Start a child state machine and wait for a callback"},
	{"arn:aws:states:::ecs:runTask", "Run an ECS task"},
	{"arn:aws:states:::ecs:runTask.sync", "Run an ECS task and wait for it"},
	{"arn:aws:states:::ecs:runTask.waitForTaskToken", "Run an ECS task and wait for a callback"},
	{"arn:aws:states:::batch:submitJob.sync", "Submit a Batch job and wait for it"},
	{"arn:aws:states:::glue:startJobRun.sync", "Run a Glue job and wait for it"},
	{"arn:aws:states:::events:putEvents", "Put EventBridge events"},
	{"arn:aws:states:::events:putEvents.waitForTaskToken", "Put EventBridge events and wait for a callback"},
	{"arn:aws:states:::apigateway:invoke", "Call an API Gateway API"},
	{"arn:aws:states:::http:invoke", "Call an HTTPS endpoint (HTTP Task)"},
	{"arn:aws:states:::aws-sdk:service:apiAction", "AWS SDK integration: aws-sdk:<service>:<apiAction>"},
	{"arn:aws:states:region:account:activity:name", "An activity (workers poll for tasks)"},
}

// describeResource explains a Resource ARN: the integration, its service
// and action, and the wait pattern its suffix selects ("" when unknown).
func describeResource(arn string) string {
	for _, r := range resourceARNs {
		if r.arn == arn {
			return r.detail + "."
		}
	}
	pattern := ""
	base := arn
	for _, suf := range []struct{ s, doc string }{
		{".sync:2", "Waits for the job to finish (`.sync:2`: the output is JSON)."},
		{".sync", "Waits for the job to finish (`.sync`)."},
		{".waitForTaskToken", "Waits until `SendTaskSuccess` or `SendTaskFailure` returns the task token (`$$.Task.Token`)."},
	} {
		if strings.HasSuffix(base, suf.s) {
			base, pattern = strings.TrimSuffix(base, suf.s), " "+suf.doc
			break
		}
	}
	parts := strings.Split(base, ":")
	switch {
	case strings.HasPrefix(base, "arn:aws:states:::aws-sdk:") && len(parts) == 8:
		return "AWS SDK integration: calls `" + parts[7] + "` of the `" + parts[6] + "` API; the result is the raw API response." + pattern
	case strings.HasPrefix(base, "arn:aws:states:::") && len(parts) == 7:
		return "Optimized integration: `" + parts[6] + "` of `" + parts[5] + "`." + pattern
	case len(parts) >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function":
		return "Invokes the Lambda function `" + parts[6] + "` directly (the legacy form: the result is the function's return value; prefer `arn:aws:states:::lambda:invoke`)."
	case len(parts) == 7 && parts[0] == "arn" && parts[2] == "states" && parts[5] == "activity":
		return "Activity `" + parts[6] + "`: a worker polls for the task with GetActivityTask and answers with SendTaskSuccess or SendTaskFailure."
	}
	return ""
}

// completeResources offers Resource ARNs.
func completeResources(c *cursor, out *[]Candidate) {
	if c.place != placeValue || c.member.Key != "Resource" || c.state == nil || c.state.Node != c.obj {
		return
	}
	for _, r := range resourceARNs {
		cand := c.stringCandidate(r.arn, KindResource, r.arn)
		cand.Detail = r.detail
		*out = append(*out, cand)
	}
}

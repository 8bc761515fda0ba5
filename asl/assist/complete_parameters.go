package assist

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// integrationParam is one request field of an optimized integration.
type integrationParam struct {
	name     string
	required bool
	object   bool // an object value (Payload, Key, Item, ...)
}

// integrationParams are the request fields of the optimized integrations
// people use most, keyed by "service:action" (without .sync or callback
// suffixes).
var integrationParams = map[string][]integrationParam{
	"lambda:invoke":         {{"FunctionName", true, false}, {"Payload", false, true}, {"InvocationType", false, false}, {"Qualifier", false, false}, {"ClientContext", false, false}, {"LogType", false, false}},
	"sqs:sendMessage":       {{"QueueUrl", true, false}, {"MessageBody", true, false}, {"DelaySeconds", false, false}, {"MessageAttributes", false, true}, {"MessageGroupId", false, false}, {"MessageDeduplicationId", false, false}},
	"sns:publish":           {{"TopicArn", false, false}, {"Message", true, false}, {"Subject", false, false}, {"MessageAttributes", false, true}, {"TargetArn", false, false}, {"PhoneNumber", false, false}, {"MessageGroupId", false, false}},
	"dynamodb:getItem":      {{"TableName", true, false}, {"Key", true, true}, {"ProjectionExpression", false, false}, {"ConsistentRead", false, false}, {"ExpressionAttributeNames", false, true}},
	"dynamodb:putItem":      {{"TableName", true, false}, {"Item", true, true}, {"ConditionExpression", false, false}, {"ExpressionAttributeNames", false, true}, {"ExpressionAttributeValues", false, true}},
	"dynamodb:updateItem":   {{"TableName", true, false}, {"Key", true, true}, {"UpdateExpression", false, false}, {"ConditionExpression", false, false}, {"ExpressionAttributeNames", false, true}, {"ExpressionAttributeValues", false, true}, {"ReturnValues", false, false}},
	"dynamodb:deleteItem":   {{"TableName", true, false}, {"Key", true, true}, {"ConditionExpression", false, false}, {"ExpressionAttributeNames", false, true}, {"ExpressionAttributeValues", false, true}},
	"states:startExecution": {{"StateMachineArn", true, false}, {"Input", false, true}, {"Name", false, false}},
	"events:putEvents":      {{"Entries", true, false}},
	"ecs:runTask":           {{"TaskDefinition", true, false}, {"Cluster", false, false}, {"LaunchType", false, false}, {"NetworkConfiguration", false, true}, {"Overrides", false, true}},
	"batch:submitJob":       {{"JobName", true, false}, {"JobQueue", true, false}, {"JobDefinition", true, false}, {"Parameters", false, true}, {"ContainerOverrides", false, true}},
	"glue:startJobRun":      {{"JobName", true, false}, {"Arguments", false, true}},
	"apigateway:invoke":     {{"ApiEndpoint", true, false}, {"Method", true, false}, {"Stage", false, false}, {"Path", false, false}, {"Headers", false, true}, {"QueryParameters", false, true}, {"RequestBody", false, true}, {"AuthType", false, false}},
	"http:invoke":           {{"ApiEndpoint", true, false}, {"Method", true, false}, {"Authentication", true, true}, {"Headers", false, true}, {"QueryParameters", false, true}, {"RequestBody", false, true}, {"Transform", false, true}},
}

// integrationOf returns "service:action" of an optimized integration ARN.
func integrationOf(arn string) string {
	rest, ok := strings.CutPrefix(arn, "arn:aws:states:::")
	if !ok {
		return ""
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// completeParameters offers the request fields of a Task's optimized
// integration as keys of its Parameters (JSONPath) or Arguments (JSONata).
func completeParameters(c *cursor, out *[]Candidate) {
	s := c.state
	if c.place != placeKey || s == nil || s.Type != model.TypeTask || c.obj.Parent != s.Node {
		return
	}
	field := "Arguments"
	if s.QueryLanguage != model.JSONata {
		field = "Parameters"
	}
	if s.Value(field) != c.obj {
		return
	}
	r := s.Value("Resource")
	if !r.IsString() {
		return
	}
	service := integrationOf(r.Str)
	params := integrationParams[service]
	have := map[string]bool{}
	for _, k := range c.present() {
		have[strings.TrimSuffix(k, ".$")] = true
	}
	for _, p := range params {
		if have[p.name] {
			continue
		}
		v := valueText{jsonSnippet: `"$1"`, jsonPlain: `""`, yamlSnip: " $1", yamlPlain: ` ""`}
		if p.object {
			v = valueText{jsonSnippet: "{\n@I$0\n@B}", jsonPlain: "{}", yamlSnip: "\n@I$0", yamlPlain: " {}"}
		}
		cand := c.keyCandidate(p.name, KindField, p.name, v)
		cand.Detail = service + " request field"
		cand.SortText = "3"
		if p.required {
			cand.Detail += ", required"
			cand.SortText = "1"
		}
		*out = append(*out, cand)
		if s.QueryLanguage != model.JSONata {
			dyn := c.keyCandidate(p.name+".$", KindField, p.name+".$", valueText{jsonSnippet: `"\$.$1"`, jsonPlain: `"$"`, yamlSnip: ` \$.$1`, yamlPlain: ` $`})
			dyn.Detail = service + " request field from a path"
			dyn.SortText = cand.SortText + "1"
			*out = append(*out, dyn)
		}
	}
}

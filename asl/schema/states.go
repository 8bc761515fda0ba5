package schema

// The state tables: one ObjectSchema per state Type holding the fields of
// both query languages, each tagged with its Mode.

// State type names.
const (
	Task     = "Task"
	Pass     = "Pass"
	Choice   = "Choice"
	Wait     = "Wait"
	Succeed  = "Succeed"
	Fail     = "Fail"
	Parallel = "Parallel"
	Map      = "Map"
)

var stateTypeDocs = map[string]string{
	Task:     "**Task** runs one unit of work named by `Resource`: a Lambda function, an activity, an AWS service API (optimized or AWS SDK integration) or an HTTPS endpoint. It can wait for a job (`.sync`) or a callback (`.waitForTaskToken`), and supports `Retry` and `Catch`.",
	Pass:     "**Pass** does no work: it passes its input to its output, optionally reshaped or replaced with fixed data. Useful for building payloads, setting variables and stubbing out states while designing.",
	Choice:   "**Choice** branches: it tries its `Choices` rules in order and goes to the `Next` of the first one that matches, else to `Default`. It has no `Next`/`End` of its own; without a `Default`, no match fails with `States.NoChoiceMatched`.",
	Wait:     "**Wait** pauses the execution for a number of seconds or until a timestamp, then continues at `Next`. It is billed as a single transition however long it waits.",
	Succeed:  "**Succeed** ends the execution successfully, or ends the current Parallel branch or Map iteration. It is a terminal state: no `Next` or `End`.",
	Fail:     "**Fail** stops the execution (or the current branch or iteration) as failed, with an optional `Error` name and `Cause` text. An enclosing Parallel or Map can catch it. It is a terminal state.",
	Parallel: "**Parallel** runs all of its `Branches` at the same time on the same input and produces an array of their outputs, in branch order. If any branch fails, the whole state fails (and can be retried or caught).",
	Map:      "**Map** runs its `ItemProcessor` once per item of an array (or an S3 dataset in Distributed mode) and produces the array of results in item order. Inline mode runs up to 40 iterations at a time; Distributed mode runs child executions at large scale.",
}

// StateTypeDoc returns the hover doc of a state type, or "".
func StateTypeDoc(t string) string { return stateTypeDocs[t] }

// StateTypes returns the state type names in the order AWS messages list them.
func StateTypes() []string { return append([]string(nil), stateTypeEnum...) }

// IsStateType reports whether t is one of the eight state types.
func IsStateType(t string) bool { return stateTypeIndex(t) >= 0 }

// stateSchemas holds one schema per state type; anyState is used when the
// Type is missing or unknown and offers only the common fields.
var stateSchemas = map[string]*ObjectSchema{}
var anyState *ObjectSchema

// stateSchemaList is stateSchemas in stateTypeEnum order (see StateSchema).
var stateSchemaList [8]*ObjectSchema

// which flags select the optional common fields of a state type.
type which struct {
	io, resultPath, parameters, resultSelector, arguments, output, assign, transition, errors bool
}

func init() {
	all := which{io: true, resultPath: true, parameters: true, resultSelector: true, arguments: true, output: true, assign: true, transition: true, errors: true}
	stateSchemas[Task] = stateObject(Task, all, taskFields())
	stateSchemas[Pass] = stateObject(Pass, which{io: true, resultPath: true, parameters: true, output: true, assign: true, transition: true}, passFields())
	stateSchemas[Choice] = stateObject(Choice, which{io: true, output: true, assign: true}, choiceFields())
	stateSchemas[Wait] = stateObject(Wait, which{io: true, output: true, assign: true, transition: true}, waitFields(),
		exactlyOne("Seconds", "SecondsPath", "Timestamp", "TimestampPath"))
	stateSchemas[Succeed] = stateObject(Succeed, which{io: true, output: true}, nil)
	stateSchemas[Fail] = stateObject(Fail, which{}, failFields(), atMostOne("Error", "ErrorPath"), atMostOne("Cause", "CausePath"))
	stateSchemas[Parallel] = stateObject(Parallel, all, parallelFields())
	mapWhich := all
	mapWhich.arguments = false
	stateSchemas[Map] = stateObject(Map, mapWhich, mapFields(),
		exactlyOne("ItemProcessor", "Iterator"),
		atMostOne("ItemSelector", "Parameters"),
		atMostOne("ItemsPath", "Items"),
		atMostOne("MaxConcurrency", "MaxConcurrencyPath"),
		atMostOne("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
		atMostOne("ToleratedFailureCount", "ToleratedFailureCountPath"))
	stateSchemas[Task].addGroups(
		atMostOne("TimeoutSeconds", "TimeoutSecondsPath"),
		atMostOne("HeartbeatSeconds", "HeartbeatSecondsPath"))
	anyState = stateObject("", which{}, nil)
	for i, t := range stateTypeEnum {
		stateSchemaList[i] = stateSchemas[t]
	}
}

func stateObject(t string, w which, own []*Field, groups ...Group) *ObjectSchema {
	fs := []*Field{
		(&Field{Name: "Type", Types: TString, Required: true, Enum: stateTypeEnum,
			Doc: "The kind of state: `Task`, `Pass`, `Choice`, `Wait`, `Succeed`, `Fail`, `Parallel` or `Map`. It decides which other fields are allowed. Case-sensitive."}),
		commentField("this state"),
		enum("QueryLanguage", queryLanguageEnum, "Overrides the machine's query language for this state only: `JSONPath` or `JSONata`. States nested in a Parallel or Map still default to the top-level language, not to this one. A JSONata machine cannot set a state back to `JSONPath`."),
	}
	fs = append(fs, own...)
	if w.transition {
		fs = append(fs,
			str("Next", "The name of the state to run after this one, in the same scope. Give either `Next` or `\"End\": true`, not both.").nonEmpty(),
			boolean("End", "`true` makes this the last state of its scope: the execution, branch or iteration ends here with this state's output. Give either `End` or `Next`, not both.").snippet("\"End\": true"),
		)
		groups = append(groups, exactlyOne("Next", "End"))
	}
	if w.io {
		fs = append(fs,
			str("InputPath", "A path selecting the part of the raw input the state works on. Default `$` (the whole input); `null` gives the state an empty object `{}`.").types(TString|TNull).only(JSONPathOnly, "{% %} expressions reading $states.input").def(`"$"`),
			str("OutputPath", "A path selecting the part of the state's result (after `ResultPath`) passed on as output. Default `$`; `null` outputs `{}`.").types(TString|TNull).only(JSONPathOnly, "Output").def(`"$"`),
		)
	}
	if w.parameters {
		doc := "A payload template building the state's effective input: keys ending in `.$` take their value from a path (`$.x`), the Context object (`$$.Execution.Id`), a variable or an intrinsic function; other keys are copied as they are."
		if t == Task {
			doc = "A payload template building the request sent to the resource: keys ending in `.$` take their value from a path (`$.x`), the Context object (`$$.Task.Token`), a variable or an intrinsic function; other keys are copied as they are. Without it the whole effective input is sent."
		}
		p := (&Field{Name: "Parameters", Types: TAny, Doc: doc}).template().free().only(JSONPathOnly, "Arguments")
		if t == Pass {
			p.Instead = "Output"
		}
		if t == Map {
			p.Doc = "The deprecated name of `ItemSelector`: builds each iteration's input from the item and the state input."
			p.Deprecated = "use ItemSelector"
			p.Instead = "ItemSelector"
		}
		fs = append(fs, p.snippet("\"Parameters\": {\n\t\"$1\": $2\n}"))
	}
	if w.arguments {
		doc := "The input sent to the resource, as JSON whose strings may be `{% %}` expressions, or one expression. Default: the state input."
		if t == Parallel {
			doc = "The input given to every branch, as JSON whose strings may be `{% %}` expressions, or one expression. Default: the state input."
		}
		fs = append(fs, (&Field{Name: "Arguments", Types: TAny, JSONata: true, Mode: JSONataOnly, Instead: "Parameters", Doc: doc}).free().snippet("\"Arguments\": {\n\t\"$1\": \"{% $2 %}\"\n}"))
	}
	if w.resultSelector {
		fs = append(fs, (&Field{Name: "ResultSelector", Types: TObject, Doc: "A payload template applied to the raw result before `ResultPath`: `$` is the result, so `\"body.$\": \"$.Payload\"` keeps only the Lambda payload."}).template().free().only(JSONPathOnly, "Output"))
	}
	if w.resultPath {
		fs = append(fs, str("ResultPath", "Where to put the result in the state's raw input: `$` (the default) replaces the input with the result, `$.result` adds it under a key, and `null` discards it and passes the input through. Cannot start with `$$` or name a variable.").types(TString|TNull).only(JSONPathOnly, "Output (e.g. {% $merge([$states.input, {'result': $states.result}]) %})").def(`"$"`))
	}
	if w.output {
		doc := "The state output in JSONata mode: any JSON whose strings may be `{% %}` expressions, or one expression. Default: the state input."
		switch t {
		case Task, Parallel, Map:
			doc = "The state output in JSONata mode: any JSON whose strings may be `{% %}` expressions, or one expression; `$states.result` is the result. Default: `$states.result`."
		case Choice:
			doc = "The state output when no rule's own `Output` applies (the `Default` path). Any JSON whose strings may be `{% %}` expressions. Default: the state input."
		}
		fs = append(fs, (&Field{Name: "Output", Types: TAny, Mode: JSONataOnly, Instead: "OutputPath/ResultPath/ResultSelector", Doc: doc}).free())
	}
	if w.assign {
		when := "when the state succeeds"
		if t == Choice {
			when = "when no rule matches (a matching rule's own `Assign` runs instead)"
		}
		fs = append(fs, assignField(when))
	}
	if w.errors {
		fs = append(fs,
			arrayOf("Retry", retrierObject, "Retry policies tried in order when the state fails: the first retrier whose `ErrorEquals` matches decides whether and when to run the state again. Retrying a Parallel or Map re-runs all branches or iterations.").snippet("\"Retry\": [\n\t{\n\t\t\"ErrorEquals\": [\"${1:States.ALL}\"],\n\t\t\"IntervalSeconds\": ${2:1},\n\t\t\"MaxAttempts\": ${3:3},\n\t\t\"BackoffRate\": ${4:2}\n\t}\n]"),
			arrayOf("Catch", catcherObject, "Fallbacks tried in order once retries are exhausted: the first catcher whose `ErrorEquals` matches sends the execution to its `Next` with the error output instead of failing.").snippet("\"Catch\": [\n\t{\n\t\t\"ErrorEquals\": [\"${1:States.ALL}\"],\n\t\t\"Next\": \"$2\"\n\t}\n]"),
		)
	}
	name := t + " state"
	if t == "" {
		name = "state"
	}
	o := newObject(KindState, name, stateTypeDocs[t], fs, groups...)
	o.StateType = t
	return o
}

func taskFields() []*Field {
	return []*Field{
		str("Resource", "What the task runs: a Lambda function ARN, an activity ARN, or a service integration such as `arn:aws:states:::lambda:invoke` or `arn:aws:states:::aws-sdk:s3:getObject`. A `.sync` or `.waitForTaskToken` suffix waits for a job or a callback. Always a literal string, even in JSONata.").required().nonEmpty(),
		object("Credentials", credentialsObject, "A role to assume before calling the resource, for cross-account tasks: `{\"RoleArn\": \"arn:aws:iam::...\"}`. Not supported for activities.").template(),
		integer("TimeoutSeconds", 1, 99999999, "The longest the task may run, in seconds, before it fails with `States.Timeout`. Default 99999999 (effectively the execution limit), so set it for anything that can hang. HTTP tasks are capped at 60 s.").jsonata().def("99999999"),
		path("TimeoutSecondsPath", "TimeoutSeconds with a {% %} expression", "A reference path to the timeout in seconds, read from the state input. Not with `TimeoutSeconds`."),
		integer("HeartbeatSeconds", 1, 99999999, "The longest the task may go without a heartbeat (`SendTaskHeartbeat`) before it fails with `States.Timeout`. Must be less than `TimeoutSeconds`. Mostly for activities and callbacks.").jsonata(),
		path("HeartbeatSecondsPath", "HeartbeatSeconds with a {% %} expression", "A reference path to the heartbeat interval in seconds, read from the state input. Not with `HeartbeatSeconds`."),
	}
}

func passFields() []*Field {
	return []*Field{
		(&Field{Name: "Result", Types: TAny, Mode: JSONPathOnly, Instead: "Output", Doc: "Fixed JSON the Pass state treats as its result, placed into the input by `ResultPath`. Nothing in it is evaluated (`.$` keys stay literal)."}).free(),
	}
}

func choiceFields() []*Field {
	return []*Field{
		arrayOf("Choices", choiceRuleObject, "The rules, tried in order: the first one that matches decides the next state. There must be at least one.").required().nonEmpty().snippet("\"Choices\": [\n\t{\n\t\t$0\n\t}\n]"),
		str("Default", "The state to go to when no rule matches. Without it, no match fails the execution with `States.NoChoiceMatched`.").nonEmpty(),
	}
}

func waitFields() []*Field {
	return []*Field{
		integer("Seconds", 0, 99999999, "How long to wait, in seconds. In JSONata it may be a `{% %}` expression giving a non-negative integer. Give exactly one of `Seconds`, `Timestamp`, `SecondsPath`, `TimestampPath`.").jsonata(),
		str("Timestamp", "Wait until this time, an RFC 3339 timestamp such as `2026-03-14T01:59:00Z` (uppercase `T`, and `Z` or an offset). A time in the past continues at once. In JSONata it may be a `{% %}` expression.").jsonata(),
		path("SecondsPath", "Seconds with a {% %} expression", "A reference path to the number of seconds to wait, read from the state input. It must be a non-negative integer at run time."),
		path("TimestampPath", "Timestamp with a {% %} expression", "A reference path to the timestamp to wait until, read from the state input."),
	}
}

func failFields() []*Field {
	return []*Field{
		str("Error", "The error name reported for the failure, matched by an enclosing catcher's `ErrorEquals`. Avoid the reserved `States.` prefix. In JSONata it may be a `{% %}` expression.").jsonata(),
		str("Cause", "A human-readable explanation of the failure. In JSONata it may be a `{% %}` expression.").jsonata(),
		path("ErrorPath", "Error with a {% %} expression", "A reference path (or a string-returning intrinsic such as `States.Format`) giving the error name at run time. Not with `Error`."),
		path("CausePath", "Cause with a {% %} expression", "A reference path (or a string-returning intrinsic) giving the cause at run time. Not with `Cause`."),
	}
}

func parallelFields() []*Field {
	return []*Field{
		arrayOf("Branches", branchObject, "The sub-state machines to run concurrently, each `{\"StartAt\": ..., \"States\": {...}}`. The result is the array of their outputs in this order. At least one branch is required.").required().nonEmpty().snippet("\"Branches\": [\n\t{\n\t\t\"StartAt\": \"$1\",\n\t\t\"States\": {\n\t\t\t$0\n\t\t}\n\t}\n]"),
	}
}

func mapFields() []*Field {
	return []*Field{
		object("ItemProcessor", itemProcessorObject, "The sub-state machine run for each item, with its own `StartAt` and `States`, and a `ProcessorConfig` choosing inline (default) or distributed processing.").snippet("\"ItemProcessor\": {\n\t\"ProcessorConfig\": {\n\t\t\"Mode\": \"${1|INLINE,DISTRIBUTED|}\"\n\t},\n\t\"StartAt\": \"$2\",\n\t\"States\": {\n\t\t$0\n\t}\n}"),
		object("Iterator", iteratorObject, "The deprecated name of `ItemProcessor` (inline processing only). Do not use both.").deprecated("use ItemProcessor"),
		path("ItemsPath", "Items", "A reference path to the array to iterate, in the effective input (or the ItemReader result). Default `$`, the whole input.").def(`"$"`),
		(&Field{Name: "Items", Types: TArray | TObject, JSONata: true, Mode: JSONataOnly, Instead: "ItemsPath", Doc: "The items to iterate in JSONata mode: a JSON array (its strings may be `{% %}` expressions) or one expression giving an array; newer AWS versions also iterate over the key/value pairs of an object. Default: the state input."}).free(),
		object("ItemReader", itemReaderObject, "Reads the items of a Distributed Map from S3 (a CSV/JSON/JSONL/Parquet file, a manifest, or an object listing) instead of the state input."),
		(&Field{Name: "ItemSelector", Types: TAny, Doc: "Builds the input of each iteration. In JSONPath it is a payload template where `$$.Map.Item.Value` and `$$.Map.Item.Index` are the current item and its index; in JSONata use `$states.context.Map.Item.Value`. Default: the item itself."}).template().free().jsonata(),
		object("ItemBatcher", itemBatcherObject, "Groups items into batches for a Distributed Map; each child execution then gets `{\"Items\": [...]}`."),
		object("ResultWriter", resultWriterObject, "Writes the results of a Distributed Map to S3 instead of returning them, avoiding the 256 KiB output limit."),
		integer("MaxConcurrency", 0, 1e15, "The most iterations running at once. `0` (the default) means no limit: up to about 40 inline, 10,000 distributed. `1` processes items one at a time, in order.").jsonata().def("0"),
		path("MaxConcurrencyPath", "MaxConcurrency with a {% %} expression", "A reference path to the concurrency limit, read from the state input. Not with `MaxConcurrency`."),
		(&Field{Name: "ToleratedFailurePercentage", Types: TNumber | TInteger, Min: f64(0), Max: f64(100), JSONata: true, Doc: "Distributed Map: the percentage of failed items (0-100) the Map tolerates before failing with `States.ExceedToleratedFailureThreshold`. Default 0: any failure fails the Map."}).def("0"),
		path("ToleratedFailurePercentagePath", "ToleratedFailurePercentage with a {% %} expression", "A reference path to the tolerated failure percentage, read from the state input."),
		integer("ToleratedFailureCount", 0, 1e15, "Distributed Map: the number of failed items tolerated before the Map fails with `States.ExceedToleratedFailureThreshold`. Default 0.").jsonata().def("0"),
		path("ToleratedFailureCountPath", "ToleratedFailureCount with a {% %} expression", "A reference path to the tolerated failure count, read from the state input."),
		str("Label", "Distributed Map: a name (at most 40 characters, unique in the definition, no spaces or special characters) used in the Map Run ARN and child execution names."),
	}
}

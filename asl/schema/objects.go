package schema

// Sub-object schemas: top level, scopes, retriers, catchers and the
// Distributed Map configuration objects.

var (
	stateTypeEnum     = []string{"Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map"}
	queryLanguageEnum = []string{"JSONPath", "JSONata"}
)

// statesObject is the "States" map; its values are states (KindState).
var statesObject = &ObjectSchema{Kind: KindStates, Name: "States", Open: true,
	Doc: "The states of this scope, keyed by state name. Names must be unique across the whole state machine (nested scopes included) and at most 80 characters long."}

func startAtField() *Field {
	return str("StartAt", "The name of the state this scope starts with. It must match a key of `States` in the **same** scope exactly (names are case-sensitive).").required().nonEmpty()
}

func statesField() *Field {
	return object("States", statesObject, "The states of this scope as an object: each key is a state name, each value a state with a `Type`. A Parallel branch or Map processor has its own `States`, and `Next` can only name states of the same scope.").required().snippet("\"States\": {\n\t$0\n}")
}

func commentField(what string) *Field {
	return str("Comment", "A human-readable note about "+what+". Step Functions ignores it.")
}

var topObject = newObject(KindTop, "state machine",
	"An Amazon States Language definition: a `StartAt` state name and the `States` object, plus optional settings for the whole machine.",
	[]*Field{
		startAtField(),
		statesField(),
		commentField("the state machine"),
		enum("QueryLanguage", queryLanguageEnum, "The query language of every state that does not set its own: `JSONPath` (the default) or `JSONata`. It also applies inside Parallel branches and Map processors. With `JSONata` here, no state may switch back to `JSONPath`.").def(`"JSONPath"`),
		integer("TimeoutSeconds", 0, 99999999, "The longest an execution may run, in seconds. When it is exceeded the execution fails with `States.Timeout`. Without it only the service limit applies (1 year for Standard, 5 minutes for Express)."),
		enum("Version", []string{"1.0"}, "The version of the States Language. Only `\"1.0\"` exists, which is also the default.").def(`"1.0"`),
	})

var branchObject = newObject(KindBranch, "Parallel branch",
	"One branch of a Parallel state: a sub-state machine with its own `StartAt` and `States`. Transitions cannot leave the branch; a Succeed or `End: true` state ends the branch and its output becomes one element of the Parallel result.",
	[]*Field{startAtField(), statesField(), commentField("this branch")})

var processorConfigObject = newObject(KindProcessorConfig, "ProcessorConfig",
	"How the Map runs its iterations: inline in this execution, or as child executions of a Distributed Map.",
	[]*Field{
		enum("Mode", []string{"INLINE", "DISTRIBUTED"}, "`INLINE` (the default) runs iterations inside this execution, up to 40 at a time, with the items taken from the state input. `DISTRIBUTED` starts a child workflow execution per item or batch (up to 10,000 in parallel) and can read items from S3 with `ItemReader`; it needs `ExecutionType` and a Standard parent.").def(`"INLINE"`),
		enum("ExecutionType", []string{"STANDARD", "EXPRESS"}, "The workflow type of the child executions of a Distributed Map: `STANDARD` or `EXPRESS`. Required when `Mode` is `DISTRIBUTED`. Express children are cheaper but limited to 5 minutes and have no `.sync`/`.waitForTaskToken`."),
	})

var itemProcessorObject = newObject(KindItemProcessor, "ItemProcessor",
	"The sub-state machine a Map state runs for each item, with its own `StartAt` and `States`, plus an optional `ProcessorConfig` choosing inline or distributed processing.",
	[]*Field{
		object("ProcessorConfig", processorConfigObject, "Chooses how iterations run: `{\"Mode\": \"INLINE\"}` (the default) or `{\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}` for a Distributed Map.").def(`{"Mode": "INLINE"}`),
		startAtField(), statesField(), commentField("this processor"),
	})

var iteratorObject = newObject(KindIterator, "Iterator",
	"The deprecated form of `ItemProcessor`: the sub-state machine run for each item. It only supports inline processing; prefer `ItemProcessor`.",
	[]*Field{
		object("ProcessorConfig", processorConfigObject, "Chooses how iterations run. Accepted next to the legacy `Iterator`, but new definitions should use `ItemProcessor`."),
		startAtField(), statesField(), commentField("this iterator"),
	})

var retrierObject = newObject(KindRetrier, "Retrier",
	"A retry policy: when the state fails with an error named in `ErrorEquals`, it is run again after a growing delay, up to `MaxAttempts` times.",
	[]*Field{
		errorEqualsField("retrier"),
		integer("IntervalSeconds", 1, 99999999, "Seconds to wait before the first retry. Later waits grow by `BackoffRate`. Default 1.").def("1"),
		integer("MaxAttempts", 0, 99999999, "How many times to retry at most. `0` means never retry the matched errors (useful to stop a later, broader retrier from applying). Default 3.").def("3"),
		(&Field{Name: "BackoffRate", Types: TNumber, Min: f64(1), Doc: "The multiplier applied to the wait after each attempt: retry *k* waits `IntervalSeconds * BackoffRate^(k-1)`. Must be at least 1.0. Default 2.0."}).def("2.0"),
		integer("MaxDelaySeconds", 1, 31622400, "Caps the wait between retries, in seconds, however large the backoff grows. Without it the wait is unbounded."),
		enum("JitterStrategy", []string{"FULL", "NONE"}, "`FULL` randomises each wait uniformly between 0 and the computed delay, so many failing executions do not retry in lockstep. `NONE` (the default) waits exactly the computed delay.").def(`"NONE"`),
		commentField("this retrier"),
	})

var catcherObject = newObject(KindCatcher, "Catcher",
	"A fallback: when the state fails (after its retries) with an error named in `ErrorEquals`, execution continues at `Next` with the error output instead of failing.",
	[]*Field{
		errorEqualsField("catcher"),
		str("Next", "The state to go to when this catcher matches. It must be a state of the same scope.").required().nonEmpty(),
		str("ResultPath", "Where to put the error output (`{\"Error\": ..., \"Cause\": ...}`) in the state's raw input. The default `$` replaces the input with the error output; `null` discards the error and keeps the input.").types(TString|TNull).only(JSONPathOnly, "Output").def(`"$"`),
		(&Field{Name: "Output", Types: TAny, Doc: "The state output when this catcher matches; may use `$states.errorOutput` and `$states.input`. Default: the error output."}).free().only(JSONataOnly, "ResultPath"),
		assignField("when this catcher matches, instead of the state's own `Assign`. In JSONPath `$` is the error output; in JSONata use `$states.errorOutput`"),
		commentField("this catcher"),
	})

func errorEqualsField(what string) *Field {
	return (&Field{Name: "ErrorEquals", Types: TArray, ElemTypes: TString, Required: true, NonEmpty: true,
		Doc:     "The error names this " + what + " matches, e.g. `[\"States.Timeout\", \"Lambda.ServiceException\"]`. `States.ALL` matches any error but must be alone and in the last " + what + ". Names are case-sensitive.",
		Snippet: "\"ErrorEquals\": [\"$1\"]"})
}

func assignField(when string) *Field {
	return (&Field{Name: "Assign", Types: TObject, Template: true, Doc: "Sets workflow variables " + when + ". Each key is a variable name, each value its new value (in JSONPath a key ending in `.$` takes a path or intrinsic; in JSONata strings may hold `{% %}` expressions). New values are visible from the next state on."}).free().snippet("\"Assign\": {\n\t\"$1\": $2\n}")
}

var credentialsObject = func() *ObjectSchema {
	o := newObject(KindCredentials, "Credentials",
		"Cross-account access: the role the execution role assumes before calling the task's resource.",
		[]*Field{
			str("RoleArn", "The ARN of the IAM role to assume for this task. In JSONPath write `\"RoleArn.$\"` to take it from a path or an intrinsic; in JSONata the value may be a `{% %}` expression.").required().jsonata(),
		})
	o.Open = true
	return o
}()

var readerConfigObject = newObject(KindReaderConfig, "ReaderConfig",
	"How a Distributed Map reads its dataset from S3: the file format and how many items to read.",
	[]*Field{
		enum("InputType", []string{"CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"}, "The format of the S3 object: `CSV`, `JSON` (an array), `JSONL` (one item per line), `PARQUET`, or `MANIFEST` (an Athena or S3 Inventory manifest). Required with `s3:getObject`."),
		enum("CSVHeaderLocation", []string{"FIRST_ROW", "GIVEN"}, "Where the CSV column names come from: `FIRST_ROW` of the file, or `GIVEN` in `CSVHeaders`. Each CSV row becomes an object keyed by these names."),
		(&Field{Name: "CSVHeaders", Types: TArray, ElemTypes: TString, Doc: "The column names for a CSV file when `CSVHeaderLocation` is `GIVEN`. Duplicate names fail the Map with `States.ItemReaderFailed`."}),
		enum("CSVDelimiter", []string{"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"}, "The field separator of a CSV file. Default `COMMA`.").def(`"COMMA"`),
		integer("MaxItems", 0, 100000000, "Reads at most this many items from the dataset (up to 100,000,000). Handy to test a large Map on a small sample.").jsonata(),
		path("MaxItemsPath", "MaxItems", "A reference path to the maximum number of items to read, taken from the state input. Not with `MaxItems`."),
		enum("ManifestType", []string{"ATHENA_DATA", "S3_INVENTORY"}, "The kind of manifest when the dataset is a manifest: `ATHENA_DATA` or `S3_INVENTORY`."),
		enum("Transformation", []string{"NONE", "LOAD_AND_FLATTEN"}, "With `s3:listObjectsV2`, `LOAD_AND_FLATTEN` reads the listed objects and iterates over their contents instead of the object metadata. Default `NONE`.").def(`"NONE"`),
		str("ItemsPointer", "A JSON Pointer (e.g. `/data/items`) selecting the array or object to iterate inside a JSON file."),
	},
	atMostOne("MaxItems", "MaxItemsPath"))

var itemReaderObject = newObject(KindItemReader, "ItemReader",
	"Where a Distributed Map gets its items: a file (`s3:getObject`) or an object listing (`s3:listObjectsV2`) in S3, instead of the state input.",
	[]*Field{
		str("Resource", "The S3 API used to read the dataset: `arn:aws:states:::s3:getObject` for one file (CSV, JSON, JSONL, Parquet, manifest) or `arn:aws:states:::s3:listObjectsV2` for the objects under a prefix. Must be a literal string.").required(),
		(&Field{Name: "Parameters", Types: TObject, Doc: "The S3 request: `Bucket` and `Key` for getObject, `Bucket` and `Prefix` for listObjectsV2. Keys ending in `.$` take their value from a path."}).template().free().only(JSONPathOnly, "Arguments"),
		(&Field{Name: "Arguments", Types: TObject, Doc: "The S3 request: `Bucket` and `Key` for getObject, `Bucket` and `Prefix` for listObjectsV2. Values may be `{% %}` expressions."}).free().jsonata().only(JSONataOnly, "Parameters"),
		object("ReaderConfig", readerConfigObject, "The dataset format (`InputType`), CSV settings and item limits."),
	})

var itemBatcherObject = newObject(KindItemBatcher, "ItemBatcher",
	"Groups the items of a Distributed Map so each child execution receives `{\"Items\": [...]}` (plus `BatchInput`) instead of a single item.",
	[]*Field{
		integer("MaxItemsPerBatch", 1, 1e15, "The most items in one batch. Not with `MaxItemsPerBatchPath`.").jsonata(),
		path("MaxItemsPerBatchPath", "MaxItemsPerBatch", "A reference path to the most items per batch, read from the state input."),
		integer("MaxInputBytesPerBatch", 1, 262144, "The largest batch in bytes (at most 256 KiB).").jsonata(),
		path("MaxInputBytesPerBatchPath", "MaxInputBytesPerBatch", "A reference path to the largest batch in bytes, read from the state input."),
		(&Field{Name: "BatchInput", Types: TObject, Doc: "Fixed JSON added to every batch as `BatchInput`, next to `Items`. In JSONPath keys ending in `.$` take a path; in JSONata values may be `{% %}` expressions."}).template().free().jsonata(),
	},
	atMostOne("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
	atMostOne("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
	atLeastOne("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"))

var writerConfigObject = newObject(KindWriterConfig, "WriterConfig",
	"The shape of the results a Distributed Map exports to S3.",
	[]*Field{
		enum("Transformation", []string{"NONE", "COMPACT", "FLATTEN"}, "`NONE` writes child outputs with execution metadata, `COMPACT` only the outputs, `FLATTEN` the outputs with arrays flattened into one list."),
		enum("OutputType", []string{"JSON", "JSONL"}, "Write the results as one JSON array (`JSON`) or one item per line (`JSONL`)."),
	})

var resultWriterObject = newObject(KindResultWriter, "ResultWriter",
	"Exports the results of a Distributed Map to S3 instead of returning them in the state output (which is limited to 256 KiB).",
	[]*Field{
		str("Resource", "Must be `arn:aws:states:::s3:putObject`, as a literal string."),
		(&Field{Name: "Parameters", Types: TObject, Doc: "The S3 destination: `Bucket` and `Prefix`. Keys ending in `.$` take their value from a path."}).template().free().only(JSONPathOnly, "Arguments"),
		(&Field{Name: "Arguments", Types: TObject, Doc: "The S3 destination: `Bucket` and `Prefix`. Values may be `{% %}` expressions."}).free().jsonata().only(JSONataOnly, "Parameters"),
		object("WriterConfig", writerConfigObject, "How results are shaped (`Transformation`) and encoded (`OutputType`)."),
	},
	atLeastOne("Resource", "WriterConfig"))

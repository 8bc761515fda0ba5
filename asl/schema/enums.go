package schema

// Hover docs for enum values, keyed by field name then value.
var enumDocs = map[string]map[string]string{
	"QueryLanguage": {
		"JSONPath": "Data is selected with JSONPath: `InputPath`, `Parameters`, `ResultSelector`, `ResultPath`, `OutputPath`, `.$` keys and intrinsic functions. The default.",
		"JSONata":  "Data is computed with JSONata `{% %}` expressions in `Arguments`, `Output`, `Assign`, `Items` and `Condition`, reading `$states.input`, `$states.result` and variables.",
	},
	"Mode": {
		"INLINE":      "Iterations run inside this execution (up to 40 at a time) over an array from the state input; their events are in this execution's history.",
		"DISTRIBUTED": "Each item or batch runs as a child workflow execution (up to 10,000 in parallel), optionally reading items from S3. Needs `ExecutionType` and a Standard parent.",
	},
	"ExecutionType": {
		"STANDARD": "Child executions are Standard workflows: exactly-once, up to a year long, with full history.",
		"EXPRESS":  "Child executions are Express workflows: cheaper and faster, at most 5 minutes, at-least-once, no `.sync` or callbacks.",
	},
	"JitterStrategy": {
		"FULL": "Each retry waits a random time between 0 and the computed delay, spreading out retries of many executions.",
		"NONE": "Each retry waits exactly the computed delay. The default.",
	},
	"InputType": {
		"CSV":      "A CSV file; each row becomes an object keyed by the column names (see `CSVHeaderLocation`).",
		"JSON":     "A JSON file holding an array (or, with `ItemsPointer`, a nested array or object).",
		"JSONL":    "A JSON Lines file: one JSON value per line.",
		"MANIFEST": "An Athena or S3 Inventory manifest listing the objects to process.",
		"PARQUET":  "An Apache Parquet file; each row becomes an item.",
	},
	"CSVHeaderLocation": {
		"FIRST_ROW": "The first line of the CSV file holds the column names.",
		"GIVEN":     "The column names are listed in `CSVHeaders`; every line of the file is data.",
	},
	"Version": {
		"1.0": "The only version of the Amazon States Language.",
	},
}

// EnumDoc returns the hover doc of one enum value of a field, or "".
// For a state's Type use StateTypeDoc.
func EnumDoc(field, value string) string {
	if field == "Type" {
		return StateTypeDoc(value)
	}
	return enumDocs[field][value]
}

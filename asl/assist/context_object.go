package assist

// ctxField is one field of the Context object ($$ in JSONPath,
// $states.context in JSONata).
type ctxField struct {
	name, doc string
	fields    []ctxField
}

var contextObject = []ctxField{
	{"Execution", "The running execution.", []ctxField{
		{"Id", "The execution ARN.", nil},
		{"Input", "The execution's original input.", nil},
		{"Name", "The execution name.", nil},
		{"RoleArn", "The execution role ARN.", nil},
		{"StartTime", "When the execution started (ISO 8601).", nil},
		{"RedriveCount", "How many times the execution was redriven.", nil},
		{"RedriveTime", "When the execution was last redriven (only after a redrive).", nil},
	}},
	{"State", "The current state.", []ctxField{
		{"EnteredTime", "When the state was entered (ISO 8601).", nil},
		{"Name", "The current state's name.", nil},
		{"RetryCount", "How many retries the state has made.", nil},
	}},
	{"StateMachine", "The state machine.", []ctxField{
		{"Id", "The state machine ARN.", nil},
		{"Name", "The state machine name.", nil},
	}},
	{"Task", "The current task.", []ctxField{
		{"Token", "The task token; send it back with SendTaskSuccess/Failure (`.waitForTaskToken` and activities).", nil},
	}},
	{"Map", "The current Map item (only inside ItemSelector).", []ctxField{
		{"Item", "The item being processed.", []ctxField{
			{"Index", "The item's zero-based index.", nil},
			{"Key", "The item's key when iterating over a JSON object.", nil},
			{"Value", "The item itself.", nil},
			{"Source", "Where the item came from: STATE_DATA or an S3 URI.", nil},
		}},
	}},
}

// contextFields returns the fields under path (nil when unknown).
func contextFields(path []string) []ctxField {
	fields := contextObject
	for _, seg := range path {
		var next []ctxField
		found := false
		for _, f := range fields {
			if f.name == seg {
				next, found = f.fields, true
			}
		}
		if !found {
			return nil
		}
		fields = next
	}
	return fields
}

// contextDoc returns the doc of the field at path ("" when unknown).
func contextDoc(path []string) string {
	fields := contextObject
	doc := ""
	for _, seg := range path {
		found := false
		for _, f := range fields {
			if f.name == seg {
				doc, fields, found = f.doc, f.fields, true
				break
			}
		}
		if !found {
			return ""
		}
	}
	return doc
}

// statesFields are the fields of $states in JSONata.
var statesFields = []ctxField{
	{"input", "The state's input.", nil},
	{"result", "The task's or Parallel/Map's result (Output and Assign of Task, Parallel, Map).", nil},
	{"errorOutput", "The error output in a Catch's Output and Assign: {Error, Cause}.", nil},
	{"context", "The Context object: Execution, State, StateMachine, Task, Map.", nil},
}

package check

// Codes of the JSONata and workflow-variable rules. Errors are what AWS
// rejects when the state machine is created; warnings are what AWS accepts
// but fails (or silently misbehaves) at run time; hints are advice.
// The JSONata rules share one parse of every {% %} expression per
// definition (rule_jsonata_walk.go); the variable rules share one data-flow
// analysis of the Assign fields (rule_variables_flow.go).
//
//	code    name                          severity       file
//	ASL300  jsonata-syntax                error          rule_jsonata_syntax.go
//	ASL301  jsonata-unknown-function      warning        rule_jsonata_unknown_function.go
//	ASL302  jsonata-function-arity        warning        rule_jsonata_function_arity.go
//	ASL303  jsonata-states-member         error/warning  rule_jsonata_states_member.go
//	ASL304  jsonata-implicit-input        warning        rule_jsonata_implicit_input.go
//	ASL305  jsonata-in-jsonpath-state     warning        rule_jsonata_in_jsonpath.go
//	ASL310  variable-name                 error          rule_variables_name.go
//	ASL311  variable-reserved-name        error          rule_variables_name.go
//	ASL312  variable-undefined            warning        rule_variables_undefined.go
//	ASL313  variable-outer-scope-assign   warning        rule_variables_outer_scope.go
//	ASL314  variable-same-state-read      hint           rule_variables_undefined.go
//	ASL315  variable-too-large            warning        rule_variables_name.go
const (
	CodeJSONataSyntax          = "ASL300"
	CodeJSONataUnknownFunction = "ASL301"
	CodeJSONataFunctionArity   = "ASL302"
	CodeJSONataStatesMember    = "ASL303"
	CodeJSONataImplicitInput   = "ASL304"
	CodeJSONataInJSONPath      = "ASL305"
	CodeVariableName           = "ASL310"
	CodeVariableReservedName   = "ASL311"
	CodeVariableUndefined      = "ASL312"
	CodeVariableOuterScope     = "ASL313"
	CodeVariableSameStateRead  = "ASL314"
	CodeVariableTooLarge       = "ASL315"
)

package check

// Codes of the structural, graph, expression and best-practice rules.
// ASL1xx are errors (AWS rejects the definition) or warnings (AWS accepts it
// but it cannot work as written); ASL4xx are hints (advice). A code is
// never reused for a different problem. Each rule lives in its own file,
// named after it, with its Doc.
//
//	code    name                       severity  file
//	ASL100  start-at-unknown           error     rule_start_at_unknown.go
//	ASL101  next-unknown               error     rule_next_unknown.go
//	ASL102  next-and-end               error     rule_next_and_end.go
//	ASL103  no-transition              error     rule_no_transition.go
//	ASL104  duplicate-state-name       error     rule_duplicate_state_name.go
//	ASL105  state-name-length          error     rule_state_name_length.go
//	ASL106  empty-states               error     rule_empty_states.go
//	ASL107  states-all-position        error     rule_states_all_position.go
//	ASL108  empty-error-equals         error     rule_empty_error_equals.go
//	ASL109  unknown-states-error       warning   rule_unknown_states_error.go
//	ASL110  choice-rule-next           error     rule_choice_rule_next.go
//	ASL111  choice-rule-operator       error     rule_choice_rule_operator.go
//	ASL112  choice-operand-type        error     rule_choice_operand_type.go
//	ASL113  choice-boolean-shape       error     rule_choice_boolean_shape.go
//	ASL114  empty-choices              error     rule_empty_choices.go
//	ASL115  invalid-timestamp          error     rule_invalid_timestamp.go
//	ASL116  fail-reserved-error        warning   rule_fail_reserved_error.go
//	ASL117  invalid-path               error     rule_invalid_path.go
//	ASL118  invalid-result-path        error     rule_invalid_result_path.go
//	ASL119  invalid-dollar-value       error     rule_invalid_dollar_value.go
//	ASL120  invalid-intrinsic-call     error     rule_invalid_dollar_value.go
//	ASL121  jsonata-framing            error     rule_jsonata_framing.go
//	ASL122  empty-branches             error     rule_empty_branches.go
//	ASL130  unreachable-state          warning   rule_unreachable_state.go
//	ASL131  no-terminal-state          warning   rule_no_terminal_state.go
//	ASL132  heartbeat-not-below-timeout warning  rule_heartbeat_timeout.go
//	ASL133  resource-arn               error/warning rule_resource_arn.go
//	ASL134  task-token-usage           warning   rule_task_token_usage.go
//	ASL400  task-no-timeout            hint      rule_task_no_timeout.go
//	ASL401  lambda-no-retry            hint      rule_lambda_no_retry.go
//	ASL402  callback-no-heartbeat      hint      rule_callback_no_heartbeat.go
//	ASL403  choice-no-default          hint      rule_choice_no_default.go
const (
	CodeStartAtUnknown       = "ASL100"
	CodeNextUnknown          = "ASL101"
	CodeNextAndEnd           = "ASL102"
	CodeNoTransition         = "ASL103"
	CodeDuplicateStateName   = "ASL104"
	CodeStateNameLength      = "ASL105"
	CodeEmptyStates          = "ASL106"
	CodeStatesAllPosition    = "ASL107"
	CodeEmptyErrorEquals     = "ASL108"
	CodeUnknownStatesError   = "ASL109"
	CodeChoiceRuleNext       = "ASL110"
	CodeChoiceRuleOperator   = "ASL111"
	CodeChoiceOperandType    = "ASL112"
	CodeChoiceBooleanShape   = "ASL113"
	CodeEmptyChoices         = "ASL114"
	CodeInvalidTimestamp     = "ASL115"
	CodeFailReservedError    = "ASL116"
	CodeInvalidPath          = "ASL117"
	CodeInvalidResultPath    = "ASL118"
	CodeInvalidDollarValue   = "ASL119"
	CodeInvalidIntrinsicCall = "ASL120"
	CodeJSONataFraming       = "ASL121"
	CodeEmptyBranches        = "ASL122"
	CodeUnreachableState     = "ASL130"
	CodeNoTerminalState      = "ASL131"
	CodeHeartbeatTimeout     = "ASL132"
	CodeResourceARN          = "ASL133"
	CodeTaskTokenUsage       = "ASL134"
	CodeTaskNoTimeout        = "ASL400"
	CodeLambdaNoRetry        = "ASL401"
	CodeCallbackNoHeartbeat  = "ASL402"
	CodeChoiceNoDefault      = "ASL403"
)

// crossScopeAdvice is appended when a transition names a state that exists,
// but in another scope.
const crossScopeAdvice = "transitions cannot enter or leave a Parallel branch or Map processor"

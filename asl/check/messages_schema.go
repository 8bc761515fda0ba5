package check

// Codes of the schema rules: checks of each field against the asl/schema
// tables (which fields a state or sub-object may have in its query
// language, their JSON types, enum values, ranges and exclusive groups).
// All of them share one walk (schema_walk.go); each rule file registers
// its code with its Doc.
//
//	code    name                        severity  file
//	ASL200  state-type                  error     rule_schema_state_type.go
//	ASL201  missing-field               error     rule_schema_missing_field.go
//	ASL202  unknown-field               error     rule_schema_unknown_field.go
//	ASL203  wrong-type                  error     rule_schema_wrong_type.go
//	ASL204  invalid-enum                error     rule_schema_invalid_enum.go
//	ASL205  out-of-range                error     rule_schema_out_of_range.go
//	ASL206  exclusive-fields            error     rule_schema_exclusive_fields.go
//	ASL207  wrong-query-language        error     rule_schema_wrong_query_language.go
//	ASL208  query-language-downgrade    error     rule_schema_query_language_downgrade.go
//	ASL209  version                     error     rule_schema_version.go
//	ASL210  duplicate-template-key      error     rule_schema_duplicate_template_key.go
//	ASL211  express-unsupported         error     rule_schema_express_unsupported.go
//	ASL212  retry-catch-placement       error     rule_schema_retry_catch_placement.go
//	ASL213  transition-placement        error     rule_schema_transition_placement.go
//	ASL214  map-label                   error     rule_schema_map_label.go
//	ASL290  deprecated-field            hint      rule_schema_deprecated_field.go
const (
	CodeSchemaStateType              = "ASL200"
	CodeSchemaMissingField           = "ASL201"
	CodeSchemaUnknownField           = "ASL202"
	CodeSchemaWrongType              = "ASL203"
	CodeSchemaEnum                   = "ASL204"
	CodeSchemaRange                  = "ASL205"
	CodeSchemaExclusive              = "ASL206"
	CodeSchemaWrongQueryLanguage     = "ASL207"
	CodeSchemaQueryLanguageDowngrade = "ASL208"
	CodeSchemaVersion                = "ASL209"
	CodeSchemaDuplicateTemplateKey   = "ASL210"
	CodeSchemaExpressUnsupported     = "ASL211"
	CodeSchemaRetryCatchPlacement    = "ASL212"
	CodeSchemaTransitionPlacement    = "ASL213"
	CodeSchemaMapLabel               = "ASL214"
	CodeSchemaDeprecated             = "ASL290"
)

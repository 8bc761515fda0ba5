package check

import (
	"math"
	"strconv"
	"strings"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/schema"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
)

// The schema rules (ASL2xx) share one walk of the document against the
// asl/schema tables. The walk yields findings tagged with the code of the
// rule that owns them; each rule reports its own. Problems other rules
// already cover (Next/End, empty arrays, Choice operators and operands)
// are left to them.

type finding struct {
	code    string
	sev     Severity // 0: the rule's default
	span    source.Span
	message string
}

type schemaWalker struct {
	def      *model.Definition
	topQL    string
	findings []finding
	plain    bool // substitutionFree
}

// walkCtx is what the walker knows about the position it is at.
type walkCtx struct {
	ql        string // effective query language of the enclosing state
	jsonata   bool   // ql is JSONata (tested for every field)
	state     string // enclosing state's name ("" at scope level)
	stateType string
	qlFromTop bool // ql came from the machine, not the state itself
	// inRule is set inside a JSONPath Choice rule, whose operands and
	// And/Or/Not shapes rules ASL112 and ASL113 check.
	inRule bool
	// nested is set inside a Parallel branch or Map processor.
	nested bool
}

// plain is substitutionFree (false is always correct).
func schemaFindings(def *model.Definition, plain bool) []finding {
	w := &schemaWalker{def: def, topQL: string(def.QueryLanguage), plain: plain}
	if w.topQL == "" {
		w.topQL = string(model.JSONPath)
	}
	root := def.File.Root
	if root == nil || root.Kind == syntax.Invalid {
		return nil
	}
	if root.Kind != syntax.Object {
		w.add(CodeSchemaWrongType, root.Span, "a state machine definition is a JSON object with \"StartAt\" and \"States\", not a "+root.Kind.String())
		return w.findings
	}
	ctx := walkCtx{ql: w.topQL, jsonata: w.topQL == string(model.JSONata), qlFromTop: true}
	w.object(root, nil, schema.Top(), ctx)
	return w.findings
}

func (w *schemaWalker) add(code string, span source.Span, msg string) {
	w.findings = append(w.findings, finding{code: code, span: span, message: msg})
}

func (w *schemaWalker) addSev(code string, sev Severity, span source.Span, msg string) {
	w.findings = append(w.findings, finding{code: code, sev: sev, span: span, message: msg})
}

// cachedFindings returns the findings of the one walk that the schema
// rules of a Run share.
func cachedFindings(p *Pass) []finding {
	return memoized(p, memoSchema, func() []finding { return schemaFindings(p.Def, substitutionFree(p)) })
}

// reportFindings is the Run of every schema rule: it reports the findings
// carrying the rule's code.
func reportFindings(code string) func(*Pass) {
	return func(p *Pass) {
		for _, f := range cachedFindings(p) {
			if f.code != code {
				continue
			}
			if f.sev != 0 {
				p.ReportSeverity(f.sev, f.span, f.message)
			} else {
				p.Report(f.span, f.message)
			}
		}
	}
}

// object checks the members of n against o. holder is the member whose
// value n is (nil for the root and array elements); missing fields are
// reported on its key, or on the object's first character.
func (w *schemaWalker) object(n *syntax.Node, holder *syntax.Member, o *schema.ObjectSchema, ctx walkCtx) {
	switch o.Kind {
	case schema.KindStates:
		w.states(n, ctx)
		return
	case schema.KindBranch, schema.KindItemProcessor, schema.KindIterator:
		ctx.nested = true
	}
	ctx.inRule = o.Kind == schema.KindChoiceRule || o.Kind == schema.KindNestedChoiceRule
	var present fieldSet
	for _, m := range n.Members {
		name := m.Key
		f, pos := o.FieldPos(name)
		if f == nil && !ctx.jsonata {
			if base, dyn := schema.StripDollar(name); dyn {
				if bf, bpos := o.FieldPos(base); bf != nil && (o.Kind == schema.KindCredentials) {
					w.dynamicValue(m)
					present.add(bpos)
					continue
				}
			}
		}
		if f == nil {
			w.unknownField(n, m, o, &ctx)
			continue
		}
		if !modeAllows(f.Mode, ctx.jsonata) {
			w.wrongLanguage(m, f, o, &ctx)
			continue
		}
		present.add(pos)
		if f.Deprecated != "" {
			w.add(CodeSchemaDeprecated, m.KeySpan, "\""+m.Key+"\" is deprecated in "+objectLabel(o, &ctx)+"; "+f.Deprecated+" instead (same meaning)")
		}
		w.value(m, f, &ctx)
	}
	if n.Unclosed {
		return // still being typed: do not nag about what is missing
	}
	w.required(n, holder, o, &present, &ctx)
	w.groups(n, holder, o, &present, &ctx)
}

// modeAllows is Mode.Allows for a known language.
func modeAllows(m schema.Mode, jsonata bool) bool {
	switch m {
	case schema.JSONPathOnly:
		return !jsonata
	case schema.JSONataOnly:
		return jsonata
	}
	return true
}

// fieldSet holds which schema fields an object has (a dynamic "Key.$"
// counts as "Key"), by their position in the object schema's Fields: a bit
// per position, and a list for positions past the bits. Which member holds
// a field is looked up again (firstMember) only for a finding.
type fieldSet struct {
	bits [2]uint64
	more []int
}

// has reports whether the field at pos is there.
func (s *fieldSet) has(pos int) bool {
	if uint(pos) < 128 {
		return s.bits[pos>>6]&(1<<(pos&63)) != 0
	}
	for _, p := range s.more {
		if p == pos {
			return true
		}
	}
	return false
}

// hasNamed reports whether o's field named name is there.
func (s *fieldSet) hasNamed(o *schema.ObjectSchema, name string) bool {
	_, pos := o.FieldPos(name)
	return pos >= 0 && s.has(pos)
}

// add records the field at pos.
func (s *fieldSet) add(pos int) {
	switch {
	case uint(pos) < 128:
		s.bits[pos>>6] |= 1 << (pos & 63)
	case pos >= 0 && !s.has(pos):
		s.more = append(s.more, pos)
	}
}

// firstMember returns the first member of n that object() counts as o's
// field at pos, or nil.
func firstMember(n *syntax.Node, o *schema.ObjectSchema, jsonata bool, pos int) *syntax.Member {
	for _, m := range n.Members {
		f, p := o.FieldPos(m.Key)
		if f == nil && !jsonata && o.Kind == schema.KindCredentials {
			if base, dyn := schema.StripDollar(m.Key); dyn {
				if _, bpos := o.FieldPos(base); bpos >= 0 && bpos == pos {
					return m
				}
			}
			continue
		}
		if f != nil && p == pos && modeAllows(f.Mode, jsonata) {
			return m
		}
	}
	return nil
}

// missingSpan is where a missing field of n is reported: the key holding
// n (a state's name, "ItemProcessor", ...), else n's first character.
func missingSpan(n *syntax.Node, holder *syntax.Member) source.Span {
	if holder != nil {
		return holder.KeySpan
	}
	return source.Span{Start: n.Span.Start, End: min(n.Span.Start+1, n.Span.End)}
}

func objectLabel(o *schema.ObjectSchema, ctx *walkCtx) string {
	switch o.Kind {
	case schema.KindState:
		return o.Name + " \"" + ctx.state + "\""
	case schema.KindTop:
		return "the state machine"
	}
	return "this " + o.Name
}

func (w *schemaWalker) required(n *syntax.Node, holder *syntax.Member, o *schema.ObjectSchema, present *fieldSet, ctx *walkCtx) {
	if mask, ok := o.RequiredMask(); ok && present.bits[0]&mask[0] == mask[0] && present.bits[1]&mask[1] == mask[1] {
		return // every required field is there: the usual case
	}
	var missing []string
	for _, pos := range o.RequiredPositions() {
		f := o.Fields[pos]
		if present.has(pos) || !modeAllows(f.Mode, ctx.jsonata) {
			continue
		}
		// Choice rules' Next is rule ASL110's business.
		if f.Name == "Next" && (o.Kind == schema.KindChoiceRule || o.Kind == schema.KindJSONataChoiceRule) {
			continue
		}
		if f.Name == "Type" && o.Kind == schema.KindState {
			continue // reported by the state-type rule
		}
		missing = append(missing, f.Name)
	}
	if len(missing) == 0 {
		return
	}
	if o.Kind == schema.KindJSONataChoiceRule && (len(n.Members) == 0 || hasFieldOfMode(n, o, schema.JSONPathOnly)) {
		return // an empty rule is ASL110's; a JSONPath rule is reported field by field
	}
	what := "field"
	if len(missing) > 1 {
		what = "fields"
	}
	msg := objectLabel(o, ctx) + " is missing the required " + what + " " + quoteList(missing, "and")
	if hint := missingHint(o, missing); hint != "" {
		msg += "; " + hint
	}
	w.add(CodeSchemaMissingField, missingSpan(n, holder), msg)
}

// hasFieldOfMode reports whether n has a field of o that is m-only.
func hasFieldOfMode(n *syntax.Node, o *schema.ObjectSchema, m schema.Mode) bool {
	for _, mem := range n.Members {
		if f := o.Field(mem.Key); f != nil && f.Mode == m {
			return true
		}
	}
	return false
}

// missingHint suggests what to write for a missing field.
func missingHint(o *schema.ObjectSchema, missing []string) string {
	switch {
	case o.Kind == schema.KindState && missing[0] == "Resource":
		return "add what the task runs, e.g. \"Resource\": \"arn:aws:states:::lambda:invoke\""
	case o.Kind == schema.KindState && missing[0] == "Choices":
		return "add \"Choices\": [{...rule..., \"Next\": \"<state>\"}]"
	case o.Kind == schema.KindState && missing[0] == "Branches":
		return "add \"Branches\": [{\"StartAt\": ..., \"States\": {...}}]"
	case o.Kind == schema.KindRetrier || o.Kind == schema.KindCatcher:
		if missing[0] == "ErrorEquals" {
			return "add \"ErrorEquals\": [\"States.ALL\"] to match any error"
		}
		return "add \"Next\": \"<state>\" to say where to go when it matches"
	case o.Kind == schema.KindJSONataChoiceRule:
		return "add \"Condition\": \"{% ... %}\" with a boolean expression"
	case o.Kind == schema.KindCredentials:
		return "add \"RoleArn\": \"arn:aws:iam::<account>:role/<name>\""
	}
	return ""
}

func (w *schemaWalker) groups(n *syntax.Node, holder *syntax.Member, o *schema.ObjectSchema, present *fieldSet, ctx *walkCtx) {
	for gi, g := range o.Groups {
		if len(g.Fields) > 0 && g.Fields[0] == "Next" {
			continue // Next/End: rules ASL102 and ASL103
		}
		// Most groups have at most one field present, which the bits tell
		// without building the lists below: one allowed field satisfies
		// every kind of group, and none is fine for an at-most-one group.
		positions := o.GroupPositions(gi)
		inGroup, last := 0, -1
		for _, pos := range positions {
			if present.has(pos) {
				inGroup++
				last = pos
			}
		}
		if inGroup == 1 && modeAllows(o.Fields[last].Mode, ctx.jsonata) || inGroup == 0 && (g.Kind == schema.AtMostOne || n.Unclosed) {
			continue
		}
		var haveBuf [4]*syntax.Member
		var allowedBuf [8]string
		have, allowed := haveBuf[:0], allowedBuf[:0]
		for i, pos := range positions {
			f := o.Fields[pos]
			if !modeAllows(f.Mode, ctx.jsonata) {
				continue
			}
			allowed = append(allowed, g.Fields[i])
			if present.has(pos) {
				have = append(have, firstMember(n, o, ctx.jsonata, pos))
			}
		}
		switch {
		case len(have) > 1 && g.Kind != schema.AtLeastOne:
			for _, m := range have[1:] {
				w.add(CodeSchemaExclusive, m.KeySpan, "\""+m.Key+"\" cannot be used together with \""+have[0].Key+"\" in "+objectLabel(o, ctx)+"; keep only one of them")
			}
		case len(have) == 0 && g.Kind != schema.AtMostOne && !n.Unclosed:
			msg := objectLabel(o, ctx) + " needs one of " + quoteList(allowed, "or")
			if g.Kind == schema.ExactlyOne && g.Fields[0] == "ItemProcessor" {
				msg = objectLabel(o, ctx) + " needs an \"ItemProcessor\" with the \"StartAt\" and \"States\" run for each item"
			}
			w.add(CodeSchemaMissingField, missingSpan(n, holder), msg)
		}
	}
	w.conditional(n, holder, o, present, ctx)
	// A Distributed Map's child workflows need a type.
	if o.Kind == schema.KindProcessorConfig {
		if mode := n.Value("Mode"); mode.IsString() && mode.Str == "DISTRIBUTED" && !present.hasNamed(o, "ExecutionType") {
			w.add(CodeSchemaMissingField, missingSpan(n, holder), "a DISTRIBUTED ProcessorConfig needs \"ExecutionType\": \"STANDARD\" or \"EXPRESS\" for its child workflows")
		}
	}
}

// conditional reports fields required by another field's value.
func (w *schemaWalker) conditional(n *syntax.Node, holder *syntax.Member, o *schema.ObjectSchema, present *fieldSet, ctx *walkCtx) {
	switch o.Kind {
	case schema.KindItemReader:
		res := n.Value("Resource")
		if !res.IsString() || !strings.HasSuffix(res.Str, ":s3:getObject") {
			return
		}
		rc := n.Value("ReaderConfig")
		if rc != nil && (rc.Kind != syntax.Object || isPlaceholderIn(w.plain, rc) || rc.Get("InputType") != nil || rc.Get("ManifestType") != nil) {
			return
		}
		span := missingSpan(n, holder)
		if m := n.Get("ReaderConfig"); m != nil {
			span = m.KeySpan
		}
		w.add(CodeSchemaMissingField, span, "an ItemReader reading one S3 object (s3:getObject) needs \"ReaderConfig\": {\"InputType\": ...} saying its format: \"CSV\", \"JSON\", \"JSONL\", \"PARQUET\" or \"MANIFEST\"")
	case schema.KindReaderConfig:
		if loc := n.Value("CSVHeaderLocation"); loc.IsString() && loc.Str == "GIVEN" && !present.hasNamed(o, "CSVHeaders") {
			w.add(CodeSchemaMissingField, n.Get("CSVHeaderLocation").KeySpan, "\"CSVHeaderLocation\": \"GIVEN\" needs the column names in \"CSVHeaders\": [\"name\", ...]")
		}
	}
}

// states checks each state of a States object.
func (w *schemaWalker) states(n *syntax.Node, outer walkCtx) {
	for _, m := range n.Members {
		w.state(m, outer)
	}
}

func (w *schemaWalker) state(m *syntax.Member, outer walkCtx) {
	n := m.Value
	if n == nil || isPlaceholderIn(w.plain, n) {
		return
	}
	ctx := walkCtx{ql: w.topQL, jsonata: w.topQL == string(model.JSONata), qlFromTop: true, state: m.Key, nested: outer.nested}
	if n.Kind != syntax.Object {
		if n.Kind != syntax.Invalid {
			w.add(CodeSchemaWrongType, n.Span, "state \""+m.Key+"\" must be an object with a \"Type\", not a "+n.Kind.String())
		}
		return
	}
	// One pass finds both fields (the first of duplicate keys counts).
	var ql, typ *syntax.Member
	for _, mem := range n.Members {
		switch {
		case ql == nil && mem.Key == "QueryLanguage":
			ql = mem
		case typ == nil && mem.Key == "Type":
			typ = mem
		}
	}
	if ql != nil && ql.Value.IsString() {
		switch ql.Value.Str {
		case string(model.JSONata):
			ctx.ql, ctx.jsonata, ctx.qlFromTop = string(model.JSONata), true, false
		case string(model.JSONPath):
			ctx.ql, ctx.jsonata, ctx.qlFromTop = string(model.JSONPath), false, false
			if w.topQL == string(model.JSONata) {
				msg := "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine; convert state \"" + m.Key + "\" to JSONata, or remove the top-level \"QueryLanguage\""
				// AWS was observed rejecting top-level states; for states
				// nested in a Parallel or Map the rejection is not verified.
				sev := Error
				if outer.nested {
					sev = Warning
				}
				w.addSev(CodeSchemaQueryLanguageDowngrade, sev, ql.Value.Span, msg)
			}
		}
	}
	switch {
	case typ == nil:
		if !n.Unclosed {
			w.add(CodeSchemaStateType, m.KeySpan, "state \""+m.Key+"\" has no \"Type\"; add \"Type\" with one of "+quoteList(schema.StateTypes(), "or"))
		}
	case typ.Value == nil || isPlaceholderIn(w.plain, typ.Value):
	case !typ.Value.IsString():
		w.add(CodeSchemaStateType, typ.Value.Span, "\"Type\" must be a string, one of "+quoteList(schema.StateTypes(), "or"))
	case !schema.IsStateType(typ.Value.Str):
		msg := "The field 'Type' should have one of these values: [" + strings.Join(schema.StateTypes(), ", ") + "]"
		if near := nearestName(typ.Value.Str, schema.StateTypes()); near != "" {
			msg += "; did you mean \"" + near + "\"?"
		}
		w.add(CodeSchemaStateType, typ.Value.Span, msg)
	default:
		ctx.stateType = typ.Value.Str
	}
	if ctx.stateType == "" {
		// Without a known type only the common fields can be checked.
		for _, mem := range n.Members {
			if f := schema.StateSchema("").Field(mem.Key); f != nil && mem.Key != "Type" {
				w.value(mem, f, &ctx)
			}
		}
		return
	}
	w.object(n, m, schema.StateSchema(ctx.stateType), ctx)
}

// unknownField reports a key the schema does not know at this position.
func (w *schemaWalker) unknownField(n *syntax.Node, m *syntax.Member, o *schema.ObjectSchema, ctx *walkCtx) {
	if o.Open || isTemplateToken(m.Key) || hasPlaceholderSyntax(m.Key) {
		return
	}
	key := m.Key
	switch o.Kind {
	case schema.KindState:
		if base, dyn := schema.StripDollar(key); dyn && o.Field(base) != nil {
			msg := "\"" + key + "\": only keys inside payload templates take the \".$\" suffix, not state fields"
			if o.Field(base+"Path") != nil {
				msg += "; to read the value from the input use \"" + base + "Path\""
			} else {
				msg += "; write \"" + base + "\""
			}
			w.add(CodeSchemaUnknownField, m.KeySpan, msg)
			return
		}
		switch key {
		case "Retry", "Catch":
			w.add(CodeSchemaRetryCatchPlacement, m.KeySpan, "\""+key+"\" is not allowed in a "+ctx.stateType+" state; only Task, Parallel and Map states can retry or catch errors")
			return
		case "Next", "End":
			w.add(CodeSchemaTransitionPlacement, m.KeySpan, transitionMessage(key, ctx.stateType))
			return
		case "Default":
			w.add(CodeSchemaTransitionPlacement, m.KeySpan, "\"Default\" belongs to Choice states; a "+ctx.stateType+" state moves on with \"Next\" or ends with \"End\": true")
			return
		}
		if owners := schema.TypesWithField(key); len(owners) > 0 {
			w.add(CodeSchemaUnknownField, m.KeySpan, "\""+key+"\" is not allowed in a "+ctx.stateType+" state (it belongs to "+typeList(owners)+"); remove it or change the state's \"Type\"")
			return
		}
	case schema.KindJSONataChoiceRule:
		if len(n.Members) == 0 {
			return
		}
	case schema.KindChoiceRule, schema.KindNestedChoiceRule:
		// A misspelt operator in a rule without one is ASL111's.
		if choiceRuleOperatorCount(n) == 0 && nearestName(key, operatorNames) != "" {
			return
		}
		switch key {
		case "Next":
			return // in a nested rule: ASL110 says so
		case "Assign":
			w.add(CodeSchemaUnknownField, m.KeySpan, "a rule nested in And, Or or Not cannot have \"Assign\"; move it to the top-level rule")
			return
		}
	}
	msg := "\"" + key + "\" is not a field of " + objectLabel(o, ctx)
	if near := closeField(key, fieldNamesFor(o, ctx.ql)); near != "" {
		msg += "; did you mean \"" + near + "\"?"
	} else if near := closeField(key, fieldNamesFor(o, "any")); near != "" {
		f := o.Field(near)
		msg += "; did you mean \"" + near + "\"? (it is a " + f.Mode.String() + " field"
		if f.Instead != "" {
			msg += "; in " + ctx.ql + " use " + quoteInstead(f.Instead)
		}
		msg += ")"
	} else {
		msg += "; remove it"
	}
	w.add(CodeSchemaUnknownField, m.KeySpan, msg)
}

// closeField suggests the field a misspelt key probably meant: same name
// but for case, else within a small edit distance for the key's length.
func closeField(key string, names []string) string {
	for _, n := range names {
		if strings.EqualFold(n, key) {
			return n
		}
	}
	limit := 1
	switch k := charCount(key); {
	case k > 10:
		limit = 3
	case k > 5:
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, n := range names {
		if d := levenshtein(strings.ToLower(key), strings.ToLower(n)); d < bestDist && 2*d < charCount(key) {
			best, bestDist = n, d
		}
	}
	return best
}

func choiceRuleOperatorCount(rule *syntax.Node) int {
	count := 0
	for _, m := range rule.Members {
		if model.IsRuleOperator(m.Key) {
			count++
		}
	}
	return count
}

func transitionMessage(key, stateType string) string {
	switch stateType {
	case schema.Choice:
		return "a Choice state cannot have \"" + key + "\"; it goes to the \"Next\" of the matching rule or to \"Default\""
	default:
		return "a " + stateType + " state cannot have \"" + key + "\"; it is terminal and ends its scope by itself"
	}
}

func typeList(types []string) string {
	if len(types) == len(schema.StateTypes()) {
		return "every state type"
	}
	return strings.Join(types, ", ") + " states"
}

// fieldNamesFor lists the fields of o allowed in ql ("any": all of them).
func fieldNamesFor(o *schema.ObjectSchema, ql string) []string {
	fields := o.Fields
	if ql != "any" {
		fields = schema.FieldsFor(o, ql)
	}
	var out []string
	for _, f := range fields {
		out = append(out, f.Name)
	}
	return out
}

// wrongLanguage reports a field of the other query language.
func (w *schemaWalker) wrongLanguage(m *syntax.Member, f *schema.Field, o *schema.ObjectSchema, ctx *walkCtx) {
	why := "state \"" + ctx.state + "\" uses " + ctx.ql
	if ctx.qlFromTop && ctx.ql == string(model.JSONata) {
		why += " (the machine's \"QueryLanguage\")"
	}
	if ctx.state == "" {
		why = "the machine uses " + ctx.ql
	}
	msg := "\"" + m.Key + "\" is a " + f.Mode.String() + " field but " + why
	if f.Instead != "" {
		msg += "; use " + quoteInstead(f.Instead) + " instead"
	}
	if ctx.ql == string(model.JSONPath) {
		msg += ", or set \"QueryLanguage\": \"JSONata\""
	}
	w.add(CodeSchemaWrongQueryLanguage, m.KeySpan, msg)
}

// quoteInstead quotes a replacement field name unless it is prose.
func quoteInstead(s string) string {
	if strings.ContainsAny(s, " /") {
		return s
	}
	return "\"" + s + "\""
}

// dynamicValue checks the value of a `Name.$` key outside a payload
// template's free-form content (Credentials.RoleArn.$): it must be a string.
func (w *schemaWalker) dynamicValue(m *syntax.Member) {
	if v := m.Value; v != nil && v.Kind != syntax.String && v.Kind != syntax.Invalid && !isPlaceholderIn(w.plain, v) {
		w.add(CodeSchemaWrongType, v.Span, "\""+m.Key+"\" takes a path or intrinsic function as a string, not a "+v.Kind.String())
	}
}

// value checks one field's value: type, enum, range, then descends.
func (w *schemaWalker) value(m *syntax.Member, f *schema.Field, ctx *walkCtx) {
	v := m.Value
	if v == nil || v.Kind == syntax.Invalid {
		return
	}
	// isPlaceholderIn, with the kind known: only an object can be one in a
	// substitution-free document.
	if (v.Kind == syntax.Object || !w.plain) && isPlaceholderIn(w.plain, v) {
		return
	}
	if v.Kind == syntax.String && !f.Types.Has(schema.TString) && isTemplateToken(v.Str) {
		return // a token the project's deploy script replaces with real JSON
	}
	if ctx.inRule && (f.Operator || isBooleanOperator(f.Name)) {
		if f.Name != "Variable" && !kindAllowed(v, f.Types) || f.Operator {
			return
		}
	}
	// Most values are of an allowed type and no JSONata string: valueType
	// has nothing to say about them.
	if (v.Kind == syntax.String && schema.IsJSONataString(v.Str) || !kindAllowed(v, f.Types)) && !w.valueType(m, f, ctx) {
		return
	}
	switch v.Kind {
	case syntax.String:
		if len(f.Enum) > 0 && !(f.JSONata && ctx.jsonata && schema.IsJSONataString(v.Str)) {
			w.enumValue(m, f)
		}
	case syntax.Number:
		w.rangeValue(m, f)
	case syntax.Object:
		if f.Template && !ctx.jsonata {
			w.templateKeys(v)
		}
		if obj := f.ElemObject(ctx.ql); obj != nil {
			w.object(v, m, obj, *ctx)
		}
	case syntax.Array:
		w.elements(m, f, ctx)
	}
}

// valueType reports a value of the wrong JSON type; false stops further
// checks of the value.
func (w *schemaWalker) valueType(m *syntax.Member, f *schema.Field, ctx *walkCtx) bool {
	v := m.Value
	jsonata := ctx.jsonata
	if v.Kind == syntax.String && schema.IsJSONataString(v.Str) {
		if f.JSONata && jsonata {
			return false // computed at run time
		}
		if !f.JSONata && (f.Name == "Resource" || f.Name == "Label") {
			w.add(CodeSchemaWrongType, v.Span, "\""+m.Key+"\" must be a literal string, not a JSONata expression: Step Functions needs it before the execution runs")
			return false
		}
	}
	if kindAllowed(v, f.Types) {
		return true
	}
	if v.Kind == syntax.Number && f.Types.Has(schema.TInteger) && !f.Types.Has(schema.TNumber) {
		w.add(CodeSchemaWrongType, v.Span, "\""+m.Key+"\" must be a whole number, not "+v.Str)
		return false
	}
	msg := "\"" + m.Key + "\" must be " + withArticle(f.Types.String())
	if f.JSONata && jsonata {
		msg += " or a JSONata \"{% ... %}\" expression"
	}
	msg += ", not " + describeValue(v)
	switch {
	case m.Key == "End" && v.Kind == syntax.String:
		msg = "\"End\" must be the boolean true, not the string " + strconv.Quote(v.Str) + "; write \"End\": true"
	case v.Kind == syntax.String && f.JSONata && !jsonata && schema.IsJSONataString(v.Str):
		msg += "; \"{% %}\" expressions only work in JSONata states: set \"QueryLanguage\": \"JSONata\""
	case v.Kind == syntax.String && !jsonata && strings.HasPrefix(v.Str, "$") && schemaHasPathVariant(f):
		msg += "; to read the value from the input use \"" + f.Name + "Path\""
	case v.Kind == syntax.String && (f.Types.Has(schema.TInteger) || f.Types.Has(schema.TNumber)) && isNumeric(v.Str):
		msg += "; remove the quotes"
	case v.Kind == syntax.String && f.Types == schema.TBoolean && (v.Str == "true" || v.Str == "false"):
		msg += "; remove the quotes"
	}
	w.add(CodeSchemaWrongType, v.Span, msg)
	return false
}

// withArticle puts "a" or "an" before a type description.
func withArticle(t string) string {
	if t == "" || t == "any JSON value" {
		return t
	}
	switch t[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + t
	}
	return "a " + t
}

// schemaHasPathVariant reports whether fields like Seconds have a ...Path
// counterpart (SecondsPath) a "$.x" string was probably meant for.
func schemaHasPathVariant(f *schema.Field) bool {
	switch f.Name {
	case "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "MaxItems", "MaxItemsPerBatch", "MaxInputBytesPerBatch", "Error", "Cause":
		return true
	}
	return false
}

func isNumeric(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}

func describeValue(v *syntax.Node) string {
	switch v.Kind {
	case syntax.String:
		s := v.Str
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return "the string " + strconv.Quote(s)
	case syntax.Number:
		return "the number " + v.Str
	case syntax.Bool:
		return v.Str
	case syntax.Null:
		return "null"
	case syntax.Object:
		return "an object"
	case syntax.Array:
		return "an array"
	}
	return v.Kind.String()
}

func kindAllowed(v *syntax.Node, t schema.Type) bool {
	if int(v.Kind) < len(kindTypes) {
		if want := kindTypes[v.Kind]; want != 0 && t&want == 0 {
			// A whole number is allowed where an integer is.
			return v.Kind == syntax.Number && t.Has(schema.TInteger) && v.Num == math.Trunc(v.Num)
		}
	}
	return true
}

// kindTypes is the schema type of each kind of value (0: any type will do).
var kindTypes = [...]schema.Type{
	syntax.String: schema.TString, syntax.Bool: schema.TBoolean, syntax.Null: schema.TNull,
	syntax.Object: schema.TObject, syntax.Array: schema.TArray, syntax.Number: schema.TNumber,
}

func (w *schemaWalker) enumValue(m *syntax.Member, f *schema.Field) {
	if f.Name == "Type" {
		return // handled by the state-type rule
	}
	v := m.Value
	for _, e := range f.Enum {
		if v.Str == e {
			return
		}
	}
	code := CodeSchemaEnum
	if f.Name == "Version" && m.Value.Parent != nil && m.Value.Parent.Parent == nil {
		code = CodeSchemaVersion
	}
	msg := "\"" + m.Key + "\" must be " + quoteList(f.Enum, "or") + ", not " + strconv.Quote(v.Str)
	if len(f.Enum) > 1 {
		msg = "\"" + m.Key + "\" must be one of " + quoteList(f.Enum, "or") + ", not " + strconv.Quote(v.Str)
	}
	for _, e := range f.Enum {
		if strings.EqualFold(e, v.Str) {
			msg += "; values are case-sensitive: write \"" + e + "\""
			break
		}
	}
	w.add(code, v.Span, msg)
}

func (w *schemaWalker) rangeValue(m *syntax.Member, f *schema.Field) {
	v := m.Value
	tooSmall := f.Min != nil && v.Num < *f.Min
	tooBig := f.Max != nil && v.Num > *f.Max
	if !tooSmall && !tooBig {
		return
	}
	msg := "\"" + m.Key + "\" must be " + f.RangeText() + ", not " + v.Str
	switch {
	case f.Name == "BackoffRate":
		msg += "; a rate below 1.0 would shrink the delay (use 1.0 for a constant delay)"
	case f.Name == "TimeoutSeconds" || f.Name == "HeartbeatSeconds":
		if tooSmall {
			msg += "; it is a positive number of seconds"
		}
	case f.Name == "IntervalSeconds" && tooSmall:
		msg += "; the shortest retry interval is 1 second"
	}
	w.add(CodeSchemaRange, v.Span, msg)
}

// elements checks the elements of an array value.
func (w *schemaWalker) elements(m *syntax.Member, f *schema.Field, ctx *walkCtx) {
	obj := f.ElemObject(ctx.ql)
	for _, e := range m.Value.Elems {
		if e == nil || e.Kind == syntax.Invalid || isPlaceholderIn(w.plain, e) {
			continue
		}
		if f.ElemTypes != 0 && !kindAllowed(e, f.ElemTypes) {
			// And/Or elements are ASL113's.
			if f.Name != "And" && f.Name != "Or" {
				w.add(CodeSchemaWrongType, e.Span, "each element of \""+m.Key+"\" must be "+withArticle(f.ElemTypes.String())+", not "+describeValue(e))
			}
			continue
		}
		if obj != nil && e.Kind == syntax.Object {
			w.object(e, nil, obj, *ctx)
		}
	}
}

// templateKeys reports keys of a JSONPath payload template that collide
// once the ".$" suffix is stripped ("a" and "a.$"), at every depth. Only
// objects and arrays are descended into: most nodes are strings.
func (w *schemaWalker) templateKeys(n *syntax.Node) {
	switch n.Kind {
	case syntax.Object:
		w.objectTemplateKeys(n)
		for _, m := range n.Members {
			if isContainer(m.Value) {
				w.templateKeys(m.Value)
			}
		}
	case syntax.Array:
		for _, e := range n.Elems {
			if isContainer(e) {
				w.templateKeys(e)
			}
		}
	}
}

// objectTemplateKeys checks the keys of one object of a template.
func (w *schemaWalker) objectTemplateKeys(x *syntax.Node) {
	if len(x.Members) <= smallTemplate {
		w.smallTemplateKeys(x.Members)
		return
	}
	seen := map[string]*syntax.Member{}
	for _, m := range x.Members {
		base, _ := schema.StripDollar(m.Key)
		if first := seen[base]; first != nil && first.Key != m.Key {
			w.duplicateTemplateKey(m, first, base)
			continue
		}
		if seen[base] == nil {
			seen[base] = m
		}
	}
}

// smallTemplate is the size up to which templateKeys compares keys pairwise
// instead of building a map: most templates have a handful of keys.
const smallTemplate = 16

// smallTemplateKeys is templateKeys' check for an object of at most
// smallTemplate members: each key is compared with the first earlier key
// of the same base.
func (w *schemaWalker) smallTemplateKeys(members []*syntax.Member) {
	var bases [smallTemplate]string
	for i, m := range members {
		base, _ := schema.StripDollar(m.Key)
		bases[i] = base
		for j := range i {
			if bases[j] == base {
				if first := members[j]; first.Key != m.Key {
					w.duplicateTemplateKey(m, first, base)
				}
				break
			}
		}
	}
}

func (w *schemaWalker) duplicateTemplateKey(m, first *syntax.Member, base string) {
	w.add(CodeSchemaDuplicateTemplateKey, m.KeySpan, "\""+m.Key+"\" and \""+first.Key+"\" both produce the key \""+base+"\"; keep only one of them")
}

// isTemplateToken reports whether s looks like a token a project's own
// templating replaces before deployment: UPPER_SNAKE_CASE words
// ("DYNAMIC_ROUTING_CHOICES"), or names wrapped in __x__, %x% or <x>.
// Such a string where JSON structure is expected is not reported.
func isTemplateToken(s string) bool {
	if len(s) < 3 {
		return false
	}
	wrapped := func(open, close string) bool {
		return strings.HasPrefix(s, open) && strings.HasSuffix(s, close) && len(s) > len(open)+len(close)
	}
	if wrapped("__", "__") || wrapped("_", "_") || wrapped("%", "%") || wrapped("<", ">") {
		return true
	}
	underscore := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			underscore = true
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return underscore
}

// quoteList renders `"A", "B" or "C"`.
func quoteList(names []string, conj string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			if i == len(names)-1 {
				b.WriteString(" " + conj + " ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString("\"" + n + "\"")
	}
	return b.String()
}

package sim

import (
	"fmt"
	"strings"
	"time"

	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/source"
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/sim/dataflow"
)

// Program is a compiled definition, ready to Run any number of times.
type Program struct {
	def     *model.Definition
	top     *scopeProg
	timeout time.Duration // top-level TimeoutSeconds (0 = none)
	// notExpress lists why the machine cannot be an Express workflow,
	// in AWS's words.
	notExpress []string
	// states counts the stateProgs (their idx run from 0).
	states int
}

// Definition returns the definition the program was compiled from.
func (p *Program) Definition() *model.Definition { return p.def }

type scopeProg struct {
	m      *model.StateMachine
	start  *stateProg
	states map[string]*stateProg
	// synchronous: every state is a Pass, Choice, Succeed or Fail, so a
	// thread running the scope leaves no timer or callback behind when it
	// ends (its Map iteration can be reused).
	synchronous bool
}

// optPath is an optional path field: absent (use the default), null, or a path.
type optPath struct {
	present, null bool
	path          *dataflow.Path
}

type taskKind uint8

const (
	kindService taskKind = iota
	kindLambda
	kindActivity
)

type catcher struct {
	errorEquals []string
	next        *stateProg
	resultPath  optResultPath
	assign      *dataflow.Template
	// JSONata mode
	joutput, jassign *jvalue
}

type optResultPath struct {
	present, null bool
	rp            *dataflow.ResultPath
}

type choiceProg struct {
	rule   *dataflow.Rule
	next   *stateProg
	assign *dataflow.Template
	// JSONata mode
	jcond, joutput, jassign *jvalue
}

// intOrPath is a number given literally or by a reference path.
type intOrPath struct {
	set      bool
	value    float64
	path     *dataflow.Path
	pathText string
}

// stateKind is a state's Type as a number (visit.Run switches on it).
type stateKind uint8

const (
	kindOther stateKind = iota
	kindPass
	kindTask
	kindChoice
	kindWait
	kindSucceed
	kindFail
	kindParallel
	kindMap
)

var stateKinds = map[string]stateKind{"Pass": kindPass, "Task": kindTask, "Choice": kindChoice, "Wait": kindWait,
	"Succeed": kindSucceed, "Fail": kindFail, "Parallel": kindParallel, "Map": kindMap}

type stateProg struct {
	s       *model.State
	name    string
	typ     string
	typKind stateKind
	span    source.Span
	jsonata bool
	j       *jfields // JSONata-mode fields
	// Per-type event names, precomputed.
	enteredType, exitedType string
	// recycled: the state's work is synchronous and its visit is recycled
	// when it ends (visit.Run).
	recycled bool
	// idx numbers the state within its Program (run.sites).
	idx int
	// varsFixed: a (JSONPath) visit of the state assigns no variable, so
	// its thread's variable scope stays the same throughout.
	varsFixed bool

	inputPath, outputPath optPath
	resultPath            optResultPath
	parameters            *dataflow.Template
	resultSelector        *dataflow.Template
	assign                *dataflow.Template
	result                any
	hasResult             bool
	// resultFits: the literal Result is within the payload quota (checked
	// once here instead of on every run of the state).
	resultFits  bool
	usesContext bool
	// sharedCtx: the state's visits evaluate with the thread's shared
	// context, unchanged (visit.ctx).
	sharedCtx bool
	// showsEffective and showsResult: the exited event carries the
	// effective input and a non-nil result (visit.extras).
	showsEffective, showsResult bool

	next  *stateProg
	retry []Retrier
	catch []catcher

	// Task
	resource, resourceType, resourceName string
	kind                                 taskKind
	pattern                              string // "", ".sync", ".sync:2", ".waitForTaskToken"
	timeoutSeconds, heartbeatSeconds     intOrPath
	// Choice
	choices []choiceProg
	deflt   *stateProg
	// Wait
	seconds, secondsPath intOrPath
	timestamp            string
	hasTimestamp         bool
	timestampPath        *dataflow.Path
	timestampPathText    string
	// Fail
	errorLit, causeLit   *string
	errorPath, causePath *fieldExpr
	// Parallel
	branches []*scopeProg
	// Map
	processor        *scopeProg
	itemsPath        optPath
	itemSelector     *dataflow.Template
	maxConcurrency   intOrPath
	toleratedCount   intOrPath
	toleratedPercent intOrPath
	distributed      bool
	label            string
	itemReader       *itemReaderProg
	batcher          *batcherProg
	resultWriter     *resultWriterProg
}

// fieldExpr is an ErrorPath/CausePath value: a path or an intrinsic.
type fieldExpr struct {
	field     string
	path      *dataflow.Path
	intrinsic *dataflow.Template // {"v.$": "States.Format(...)"}
}

// CompileError lists what makes a definition impossible to run.
type CompileError struct{ Problems []string }

func (e *CompileError) Error() string {
	return "cannot run the state machine: " + strings.Join(e.Problems, "; ")
}

// Compile prepares a definition for running. It fails when the definition
// cannot run at all (missing StartAt target, unknown Next, invalid paths
// or templates); `asl check` explains such problems with positions.
func Compile(def *model.Definition) (*Program, error) {
	c := &compiler{def: def, progs: map[*model.State]*stateProg{}}
	p := &Program{def: def}
	if n := def.File.Root.Value("TimeoutSeconds"); n != nil && n.Kind == syntax.Number && n.Num > 0 {
		p.timeout = time.Duration(n.Num * float64(time.Second))
	}
	p.top = c.scope(def.Machine, "")
	p.notExpress = c.notExpress
	p.states = c.states
	if len(c.problems) > 0 {
		return nil, &CompileError{Problems: c.problems}
	}
	return p, nil
}

type compiler struct {
	def        *model.Definition
	progs      map[*model.State]*stateProg
	states     int // stateProgs made (the next one's idx)
	problems   []string
	notExpress []string
	// jsonataMode is set while compiling a JSONata state's sub-objects.
	jsonataMode bool
}

func (c *compiler) errorf(where, format string, args ...any) {
	c.problems = append(c.problems, where+": "+fmt.Sprintf(format, args...))
}

func (c *compiler) scope(m *model.StateMachine, where string) *scopeProg {
	sc := &scopeProg{m: m, states: map[string]*stateProg{}}
	for _, s := range m.States {
		if _, dup := sc.states[s.Name]; dup {
			continue
		}
		sp := &stateProg{s: s, name: s.Name, typ: s.Type, typKind: stateKinds[s.Type], span: s.Member.Span, idx: c.states}
		c.states++
		switch s.Type {
		case "Pass", "Choice", "Succeed", "Fail":
			sp.recycled = true
		}
		sc.states[s.Name] = sp
		c.progs[s] = sp
	}
	if m.StartAt == nil || m.StartAt.Target == nil {
		name := "StartAt"
		if m.StartAt != nil {
			name = fmt.Sprintf("StartAt %q", m.StartAt.Name)
		}
		c.errorf(orTop(where), "%s does not name a state of this scope", name)
	} else {
		sc.start = sc.states[m.StartAt.Target.Name]
	}
	sc.synchronous = true
	for _, s := range m.States {
		if sp := sc.states[s.Name]; sp.s == s {
			c.state(sc, sp)
		}
		switch s.Type {
		case "Pass", "Choice", "Succeed", "Fail":
		default:
			sc.synchronous = false
		}
	}
	return sc
}

func orTop(where string) string {
	if where == "" {
		return "top level"
	}
	return where
}

func (c *compiler) ref(sc *scopeProg, sp *stateProg, r *model.Ref, field string) *stateProg {
	if r == nil {
		return nil
	}
	if r.Target == nil {
		c.errorf(sp.s.Path(), "%s %q does not name a state of the same scope", field, r.Name)
		return nil
	}
	return sc.states[r.Target.Name]
}

func (c *compiler) state(sc *scopeProg, sp *stateProg) {
	s := sp.s
	where := s.Path()
	sp.jsonata = s.QueryLanguage == model.JSONata
	switch s.Type {
	case model.TypeTask, model.TypePass, model.TypeChoice, model.TypeWait, model.TypeSucceed,
		model.TypeFail, model.TypeParallel, model.TypeMap:
	default:
		c.errorf(where, "unknown state Type %q", s.Type)
		return
	}
	sp.enteredType = s.Type + "StateEntered"
	sp.exitedType = s.Type + "StateExited"
	sp.next = c.ref(sc, sp, s.Next, "Next")
	if sp.next == nil && !s.End && s.Type != model.TypeChoice && s.Type != model.TypeSucceed && s.Type != model.TypeFail {
		if s.Next == nil {
			c.errorf(where, "needs Next or \"End\": true")
		}
	}
	sp.usesContext = mentionsContext(s.Node)
	for _, r := range s.Retry {
		sp.retry = append(sp.retry, c.retrier(where, r))
	}
	for _, k := range s.Catch {
		ct := catcher{errorEquals: stringList(k.ErrorEquals), next: c.ref(sc, sp, k.Next, "Catch Next")}
		if sp.jsonata {
			ct.joutput = c.jvalue(where+" Catch Output", k.Node.Value("Output"))
			ct.jassign = c.jvalue(where+" Catch Assign", k.Node.Value("Assign"))
		} else {
			ct.resultPath = c.resultPath(where, k.Node)
			ct.assign = c.template(where+" Catch Assign", k.Node.Value("Assign"))
		}
		sp.catch = append(sp.catch, ct)
	}
	if sp.jsonata {
		c.jsonataState(sc, sp, where)
		c.children(sc, sp, where)
		return
	}
	sp.inputPath = c.optPath(where, s.Node, "InputPath")
	sp.outputPath = c.optPath(where, s.Node, "OutputPath")
	sp.resultPath = c.resultPath(where, s.Node)
	sp.parameters = c.template(where+" Parameters", s.Value("Parameters"))
	sp.resultSelector = c.template(where+" ResultSelector", s.Value("ResultSelector"))
	sp.assign = c.template(where+" Assign", s.Value("Assign"))
	if r := s.Field("Result"); r != nil && r.Value != nil {
		sp.result, sp.hasResult = r.Value.Interface(), true
		sp.resultFits = !overSize(sp.result, payloadLimit)
	}
	switch s.Type {
	case model.TypeTask:
		c.task(sp, where)
	case model.TypeChoice:
		sp.deflt = c.ref(sc, sp, s.Default, "Default")
		for _, rule := range s.Choices {
			r, err := dataflow.CompileRule(rule.Node.Interface())
			if err != nil {
				c.errorf(where, "Choice rule: %v", err)
				continue
			}
			sp.choices = append(sp.choices, choiceProg{rule: r, next: c.ref(sc, sp, rule.Next, "Choice Next"),
				assign: c.template(where+" Choice Assign", rule.Node.Value("Assign"))})
		}
	case model.TypeWait:
		sp.seconds = c.intOrPath(where, s.Node, "Seconds")
		sp.secondsPath = c.intOrPath(where, s.Node, "SecondsPath")
		if n := s.Value("Timestamp"); n.IsString() {
			sp.timestamp, sp.hasTimestamp = n.Str, true
		}
		if n := s.Value("TimestampPath"); n.IsString() {
			sp.timestampPath = c.path(where, "TimestampPath", n.Str)
			sp.timestampPathText = n.Str
		}
	case model.TypeFail:
		if n := s.Value("Error"); n.IsString() {
			sp.errorLit = strp(n.Str)
		}
		if n := s.Value("Cause"); n.IsString() {
			sp.causeLit = strp(n.Str)
		}
		sp.errorPath = c.fieldExpr(where, s.Node, "ErrorPath")
		sp.causePath = c.fieldExpr(where, s.Node, "CausePath")
	case model.TypeMap:
		c.mapState(sp, where)
	}
	sp.showsEffective = sp.inputPath.present || sp.parameters != nil // a Map's Parameters are per item (nil)
	sp.showsResult = sp.hasResult || sp.resultPath.present || sp.outputPath.present
	sp.varsFixed = sp.recycled && sp.assign == nil
	for _, ch := range sp.choices {
		sp.varsFixed = sp.varsFixed && ch.assign == nil
	}
	sp.sharedCtx = sp.varsFixed && !sp.usesContext
	c.children(sc, sp, where)
}

func (c *compiler) children(sc *scopeProg, sp *stateProg, where string) {
	for i, b := range sp.s.Branches {
		sp.branches = append(sp.branches, c.scope(b, fmt.Sprintf("%s/branch[%d]", where, i)))
	}
	if sp.s.Processor != nil {
		sp.processor = c.scope(sp.s.Processor, where+"/ItemProcessor")
	}
	if sp.s.Type == model.TypeParallel && len(sp.branches) == 0 {
		c.errorf(where, "Parallel needs at least one branch")
	}
	if sp.s.Type == model.TypeMap && sp.processor == nil {
		c.errorf(where, "Map needs an ItemProcessor (or Iterator)")
	}
}

func (c *compiler) task(sp *stateProg, where string) {
	res := sp.s.Value("Resource")
	if !c.resource(sp, res, where) {
		return
	}
	sp.timeoutSeconds = c.intOrItsPath(where, sp.s.Node, "TimeoutSeconds")
	sp.heartbeatSeconds = c.intOrItsPath(where, sp.s.Node, "HeartbeatSeconds")
}

// resource reads a Task's Resource. A CloudFormation intrinsic (a YAML tag
// such as !GetAtt) or a ${placeholder} stands for an ARN we cannot know;
// those are simulated as Lambda functions, the common case.
func (c *compiler) resource(sp *stateProg, res *syntax.Node, where string) bool {
	switch {
	case res != nil && res.Tag != "":
		sp.resource = res.Tag + " " + res.Str
		sp.kind = kindLambda
	case res != nil && res.Kind == syntax.Object && len(res.Members) == 1 &&
		(strings.HasPrefix(res.Members[0].Key, "Fn::") || res.Members[0].Key == "Ref"):
		// {"Fn::GetAtt": [...]} or {"Ref": ...} from a CloudFormation template.
		sp.resource = res.Members[0].Key
		sp.kind = kindLambda
	case res.IsString():
		sp.resource = res.Str
		sp.kind, sp.resourceType, sp.resourceName, sp.pattern = classifyResource(res.Str)
		if sp.kind == kindActivity && strings.Contains(res.Str, "${") {
			sp.kind = kindLambda
		}
	default:
		c.errorf(where, "Task needs a Resource string")
		return false
	}
	c.checkExpress(sp)
	return true
}

// classifyResource splits a Task resource into its kind, the resourceType
// and resource AWS reports in Task* events, and the integration pattern.
func classifyResource(arn string) (kind taskKind, typ, name, pattern string) {
	for _, suffix := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		if strings.HasSuffix(arn, suffix) {
			pattern = suffix
			break
		}
	}
	parts := strings.Split(arn, ":")
	switch {
	case len(parts) >= 7 && parts[2] == "lambda" && parts[5] == "function":
		return kindLambda, "", "", ""
	case len(parts) >= 6 && parts[2] == "states" && parts[3] == "" && parts[4] == "":
		rest := parts[5:]
		if rest[0] == "aws-sdk" && len(rest) >= 3 {
			return kindService, "aws-sdk:" + rest[1], strings.Join(rest[2:], ":"), pattern
		}
		if len(rest) >= 2 {
			return kindService, rest[0], strings.Join(rest[1:], ":"), pattern
		}
		return kindService, rest[0], "", pattern
	}
	// An activity ARN, or anything unrecognised: treated as an activity,
	// the one remaining resource form.
	return kindActivity, "", "", ""
}

func (c *compiler) mapState(sp *stateProg, where string) {
	s := sp.s
	sp.itemsPath = c.optPath(where, s.Node, "ItemsPath")
	sel := s.Value("ItemSelector")
	if sel == nil {
		sel = s.Value("Parameters")
		sp.parameters = nil // Map Parameters is per item
	}
	sp.itemSelector = c.template(where+" ItemSelector", sel)
	sp.maxConcurrency = c.intOrItsPath(where, s.Node, "MaxConcurrency")
	sp.toleratedCount = c.intOrItsPath(where, s.Node, "ToleratedFailureCount")
	sp.toleratedPercent = c.intOrItsPath(where, s.Node, "ToleratedFailurePercentage")
	if proc := s.Value("ItemProcessor"); proc != nil {
		if mode := proc.Value("ProcessorConfig").Value("Mode"); mode.IsString() && mode.Str == "DISTRIBUTED" {
			sp.distributed = true
		}
	}
	if l := s.Value("Label"); l.IsString() {
		sp.label = l.Str
	}
	sp.itemReader = c.itemReader(where, s.Value("ItemReader"))
	sp.batcher = c.batcher(where, s.Value("ItemBatcher"))
	sp.resultWriter = c.resultWriter(where, s.Value("ResultWriter"))
}

func (c *compiler) retrier(where string, n *model.Retrier) Retrier {
	r := Retrier{ErrorEquals: stringList(n.ErrorEquals), IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2}
	if v := n.Node.Value("IntervalSeconds"); v != nil && v.Kind == syntax.Number {
		r.IntervalSeconds = v.Num
	}
	if v := n.Node.Value("MaxAttempts"); v != nil && v.Kind == syntax.Number {
		r.MaxAttempts = int(v.Num)
	}
	if v := n.Node.Value("BackoffRate"); v != nil && v.Kind == syntax.Number {
		r.BackoffRate = v.Num
	}
	if v := n.Node.Value("MaxDelaySeconds"); v != nil && v.Kind == syntax.Number {
		r.MaxDelaySeconds = v.Num
	}
	if v := n.Node.Value("JitterStrategy"); v.IsString() && v.Str == "FULL" {
		r.JitterFull = true
	}
	return r
}

func stringList(nodes []*syntax.Node) []string {
	var out []string
	for _, n := range nodes {
		if n.IsString() {
			out = append(out, n.Str)
		}
	}
	return out
}

func (c *compiler) path(where, field, text string) *dataflow.Path {
	p, err := dataflow.CompilePath(text)
	if err != nil {
		c.errorf(where, "%s: %v", field, err)
		return nil
	}
	return p
}

func (c *compiler) optPath(where string, n *syntax.Node, field string) optPath {
	m := n.Get(field)
	if m == nil || m.Value == nil {
		return optPath{}
	}
	switch {
	case m.Value.Kind == syntax.Null:
		return optPath{present: true, null: true}
	case m.Value.IsString():
		return optPath{present: true, path: c.path(where, field, m.Value.Str)}
	}
	c.errorf(where, "%s must be a path string or null", field)
	return optPath{}
}

func (c *compiler) resultPath(where string, n *syntax.Node) optResultPath {
	m := n.Get("ResultPath")
	if m == nil || m.Value == nil {
		return optResultPath{}
	}
	switch {
	case m.Value.Kind == syntax.Null:
		return optResultPath{present: true, null: true}
	case m.Value.IsString():
		rp, err := dataflow.CompileResultPath(m.Value.Str)
		if err != nil {
			c.errorf(where, "%v", err)
			return optResultPath{}
		}
		return optResultPath{present: true, rp: rp}
	}
	c.errorf(where, "ResultPath must be a reference path or null")
	return optResultPath{}
}

func (c *compiler) template(where string, n *syntax.Node) *dataflow.Template {
	if n == nil {
		return nil
	}
	t, err := dataflow.CompileTemplate(n.Interface())
	if err != nil {
		c.errorf(where, "%v", err)
		return nil
	}
	return t
}

// intOrItsPath reads field, else field+"Path" (the first one set).
func (c *compiler) intOrItsPath(where string, n *syntax.Node, field string) intOrPath {
	if v := c.intOrPath(where, n, field); v.set {
		return v
	}
	return c.intOrPath(where, n, field+"Path")
}

func (c *compiler) intOrPath(where string, n *syntax.Node, field string) intOrPath {
	v := n.Value(field)
	switch {
	case v == nil:
		return intOrPath{}
	case v.Kind == syntax.Number:
		return intOrPath{set: true, value: v.Num}
	case v.IsString() && strings.HasSuffix(field, "Path"):
		return intOrPath{set: true, path: c.path(where, field, v.Str), pathText: v.Str}
	}
	c.errorf(where, "%s has the wrong type", field)
	return intOrPath{}
}

func (c *compiler) fieldExpr(where string, n *syntax.Node, field string) *fieldExpr {
	v := n.Value(field)
	if !v.IsString() {
		return nil
	}
	fe := &fieldExpr{field: field}
	if strings.HasPrefix(v.Str, "States.") {
		fe.intrinsic = c.template(where+" "+field, &syntax.Node{Kind: syntax.Object, Members: []*syntax.Member{{Key: "v.$", Value: v}}})
		return fe
	}
	fe.path = c.path(where, field, v.Str)
	return fe
}

// mentionsContext reports whether any string under n starts with "$$"
// (then the state needs the Context object built).
func mentionsContext(n *syntax.Node) bool {
	found := false
	syntax.Walk(n, func(x *syntax.Node) bool {
		if found {
			return false
		}
		if x.Kind == syntax.String && strings.Contains(x.Str, "$$") {
			found = true
		}
		return true
	})
	return found
}

// jsonataState compiles the fields of a JSONata-mode state.
func (c *compiler) jsonataState(sc *scopeProg, sp *stateProg, where string) {
	s := sp.s
	sp.usesContext = sp.usesContext || mentions(s.Node, "context")
	j := &jfields{
		arguments: c.jvalue(where+" Arguments", s.Value("Arguments")),
		output:    c.jvalue(where+" Output", s.Value("Output")),
		assign:    c.jvalue(where+" Assign", s.Value("Assign")),
		items:     c.jvalue(where+" Items", s.Value("Items")),
		seconds:   c.jvalue(where+" Seconds", s.Value("Seconds")),
		timestamp: c.jvalue(where+" Timestamp", s.Value("Timestamp")),
		errorV:    c.jvalue(where+" Error", s.Value("Error")),
		causeV:    c.jvalue(where+" Cause", s.Value("Cause")),
		timeout:   c.jvalue(where+" TimeoutSeconds", s.Value("TimeoutSeconds")),
		heartbeat: c.jvalue(where+" HeartbeatSeconds", s.Value("HeartbeatSeconds")),
		maxConc:   c.jvalue(where+" MaxConcurrency", s.Value("MaxConcurrency")),
		tolCount:  c.jvalue(where+" ToleratedFailureCount", s.Value("ToleratedFailureCount")),
		tolPct:    c.jvalue(where+" ToleratedFailurePercentage", s.Value("ToleratedFailurePercentage")),
	}
	if sel := s.Value("ItemSelector"); sel != nil {
		j.itemSelector = c.jvalue(where+" ItemSelector", sel)
	}
	sp.j = j
	switch s.Type {
	case model.TypeTask:
		if !c.resource(sp, s.Value("Resource"), where) {
			return
		}
	case model.TypeChoice:
		sp.deflt = c.ref(sc, sp, s.Default, "Default")
		for _, rule := range s.Choices {
			sp.choices = append(sp.choices, choiceProg{next: c.ref(sc, sp, rule.Next, "Choice Next"),
				jcond:   c.jvalue(where+" Condition", rule.Node.Value("Condition")),
				joutput: c.jvalue(where+" Choice Output", rule.Node.Value("Output")),
				jassign: c.jvalue(where+" Choice Assign", rule.Node.Value("Assign"))})
		}
	case model.TypeMap:
		if proc := s.Value("ItemProcessor"); proc != nil {
			if mode := proc.Value("ProcessorConfig").Value("Mode"); mode.IsString() && mode.Str == "DISTRIBUTED" {
				sp.distributed = true
			}
		}
		if l := s.Value("Label"); l.IsString() {
			sp.label = l.Str
		}
		c.jsonataMode = true
		sp.itemReader = c.itemReader(where, s.Value("ItemReader"))
		c.jsonataMode = false
		if n := s.Value("ItemBatcher"); n != nil && n.Kind == syntax.Object {
			sp.batcher = &batcherProg{
				jmaxItems:   c.jvalue(where+" MaxItemsPerBatch", n.Value("MaxItemsPerBatch")),
				jmaxBytes:   c.jvalue(where+" MaxInputBytesPerBatch", n.Value("MaxInputBytesPerBatch")),
				jbatchInput: c.jvalue(where+" BatchInput", n.Value("BatchInput")),
			}
		}
	}
}

func (c *compiler) jvalue(where string, n *syntax.Node) *jvalue {
	if n == nil {
		return nil
	}
	j, err := compileJValue(n.Interface())
	if err != nil {
		c.errorf(where, "%v", err)
		return nil
	}
	return j
}

// mentions reports whether any string under n contains sub.
func mentions(n *syntax.Node, sub string) bool {
	found := false
	syntax.Walk(n, func(x *syntax.Node) bool {
		if found {
			return false
		}
		if x.Kind == syntax.String && strings.Contains(x.Str, sub) {
			found = true
		}
		return true
	})
	return found
}

// checkExpress records what an Express workflow does not support, with
// AWS's validation messages (tasks.md §6).
func (c *compiler) checkExpress(sp *stateProg) {
	at := "/States/" + sp.name + "/Resource"
	switch {
	case sp.kind == kindActivity:
		c.notExpress = append(c.notExpress, "Express state machine does not support Activity ARN at "+at)
	case strings.HasPrefix(sp.pattern, ".sync"):
		c.notExpress = append(c.notExpress, "Express state machine does not support '.sync' service integration at "+at)
	case sp.pattern == ".waitForTaskToken":
		c.notExpress = append(c.notExpress, "Express state machine does not support '.waitForTaskToken' service integration  at "+at)
	}
}

package jsonata

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// Expression is a compiled JSONata expression. It is safe for concurrent use.
type Expression struct {
	src string
	ast *Node
}

// Compile parses expr. The error, if any, is an *Error with a jsonata-js code.
func Compile(expr string) (*Expression, error) {
	ast, err := Parse(expr)
	if err != nil {
		return nil, err
	}
	return &Expression{src: expr, ast: ast}, nil
}

// AST returns the processed syntax tree.
func (e *Expression) AST() *Node { return e.ast }

// Source returns the expression text.
func (e *Expression) Source() string { return e.src }

// Option configures one evaluation.
type Option func(*config)

type config struct {
	ctx           context.Context
	deadline      time.Time
	maxDepth      int
	maxSteps      int
	maxAlloc      int
	now           func() time.Time
	random        func() float64
	seeded        func(seed float64) float64
	uuid          func() string
	ordered       bool
	stepFunctions bool
	stepsHook     int
}

// WithContext aborts evaluation (U1001 timeout) once ctx is done. The context
// is polled every few thousand evaluation steps, not on every step.
func WithContext(ctx context.Context) Option { return func(c *config) { c.ctx = ctx } }

// WithTimeout limits evaluation time (U1001 "Expression evaluation timeout").
func WithTimeout(d time.Duration) Option {
	return func(c *config) { c.deadline = time.Now().Add(d) }
}

// WithMaxDepth limits the evaluation nesting depth (U1001 "Stack overflow").
// Zero keeps the default (10000).
func WithMaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

// WithMaxSteps limits the number of evaluation steps (U1001 timeout).
func WithMaxSteps(n int) Option { return func(c *config) { c.maxSteps = n } }

// WithMaxAlloc limits the number of sequence items / string bytes (in units
// of 4 bytes) the evaluation may allocate, cumulatively (U1002 "memory
// limit exceeded"). Zero keeps the default (5e7); negative disables it.
func WithMaxAlloc(n int) Option { return func(c *config) { c.maxAlloc = n } }

// WithNow fixes the clock used by $now() and $millis(); it is read once per
// evaluation, as jsonata-js does.
func WithNow(now func() time.Time) Option { return func(c *config) { c.now = now } }

// WithRandom supplies the source for $random() and $shuffle().
func WithRandom(r func() float64) Option { return func(c *config) { c.random = r } }

// WithSeededRandom supplies the source for Step Functions' $random(seed).
func WithSeededRandom(r func(seed float64) float64) Option { return func(c *config) { c.seeded = r } }

// WithUUID supplies the source for $uuid().
func WithUUID(u func() string) Option { return func(c *config) { c.uuid = u } }

// WithStepFunctions evaluates as AWS Step Functions does: the functions in
// RemovedInStepFunctions are not defined, so calling them fails with T1006
// "Attempted to invoke a non-function" (the error AWS reports).
func WithStepFunctions() Option { return func(c *config) { c.stepFunctions = true } }

// WithOrderedObjects makes Evaluate return objects as *Object (keys in the
// order JSONata produced them) instead of map[string]any.
func WithOrderedObjects() Option { return func(c *config) { c.ordered = true } }

const defaultMaxDepth = 10000

// defaultMaxAlloc bounds cumulative sequence items and string growth (in
// 4-byte units) when WithMaxAlloc is not given; negative disables the limit.
const defaultMaxAlloc = 50_000_000

// InternalErrorCode marks an engine bug caught at the API boundary (a
// recovered panic); it is never a property of the expression.
const InternalErrorCode = "X0001"

type evaluator struct {
	cfg      config
	depth    int
	nesting  int
	maxDepth int
	steps    int
	alloc    int
	nowMs    float64
	nowSet   bool
	ctxDone  <-chan struct{}
}

func stackOverflow() *Error {
	return &Error{Code: "U1001", Position: -1, Start: -1, Value: "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive."}
}

func timeoutError() *Error {
	return &Error{Code: "U1001", Position: -1, Start: -1, Value: "Expression evaluation timeout: Check for infinite loop"}
}

// tick counts a step and checks depth, step and time budgets. The clock and
// context are polled every 4096 steps only.
func (ev *evaluator) tick() *Error {
	if ev.depth > ev.maxDepth {
		return stackOverflow()
	}
	ev.steps++
	if ev.steps&4095 == 0 {
		if ev.cfg.maxSteps > 0 && ev.steps > ev.cfg.maxSteps {
			return timeoutError()
		}
		if ev.ctxDone != nil {
			select {
			case <-ev.ctxDone:
				return timeoutError()
			default:
			}
		}
		if !ev.cfg.deadline.IsZero() && time.Now().After(ev.cfg.deadline) {
			return timeoutError()
		}
	}
	return nil
}

// charge accounts n allocated units against the allocation budget.
func (ev *evaluator) charge(n int) *Error {
	if ev.cfg.maxAlloc <= 0 {
		return nil
	}
	ev.alloc += n
	if ev.alloc > ev.cfg.maxAlloc {
		return &Error{Code: "U1002", Position: -1, Start: -1}
	}
	return nil
}

func (ev *evaluator) nowMillis() float64 {
	if !ev.nowSet {
		var t time.Time
		if ev.cfg.now != nil {
			t = ev.cfg.now()
		} else {
			t = time.Now()
		}
		ev.nowMs = float64(t.UnixMilli())
		ev.nowSet = true
	}
	return ev.nowMs
}

func (ev *evaluator) random() float64 {
	if ev.cfg.random != nil {
		return ev.cfg.random()
	}
	return rand.Float64()
}

// Evaluate evaluates the expression against input (plain Go JSON values:
// map[string]any or *Object, []any, string, float64, bool, nil) with the
// given variable bindings (names without the $). It returns Undefined when
// the expression yields no value. Errors are *Error.
func (e *Expression) Evaluate(input any, bindings map[string]any, opts ...Option) (result any, err error) {
	ev := &evaluator{}
	for _, o := range opts {
		o(&ev.cfg)
	}
	if ev.cfg.maxAlloc == 0 {
		ev.cfg.maxAlloc = defaultMaxAlloc
	}
	ev.maxDepth = ev.cfg.maxDepth
	if ev.maxDepth <= 0 {
		ev.maxDepth = defaultMaxDepth
	}
	if ev.cfg.ctx != nil {
		ev.ctxDone = ev.cfg.ctx.Done()
	}
	defer func() {
		if r := recover(); r != nil {
			if _, deep := r.(valueTooDeep); deep {
				result, err = nil, &Error{Code: "U1001", Position: 0, Start: -1, Value: "Stack overflow error: value nesting is too deep", Message: "Stack overflow error: value nesting is too deep"}
				return
			}
			result, err = nil, &Error{Code: InternalErrorCode, Position: 0, Start: -1, Message: fmt.Sprintf("internal error during evaluation: %v", r)}
		}
	}()
	// the caller's bindings are read through, never copied or written:
	// top-level := binds in the child frame
	env := &frame{ro: bindings}
	if input == nil {
		// nil input is JSON null; callers wanting "no input" pass Undefined
	}
	input = normalizeInput(input)
	if a, ok := input.([]any); ok {
		input = &seq{v: []any{a}, sequence: true, outerWrapper: true}
	}
	env.root, env.hasRoot = input, true
	if ev.cfg.stepFunctions {
		for name := range RemovedInStepFunctions {
			env.bind(name, Undefined)
		}
	}
	r, e2 := ev.eval(e.ast, input, env)
	if e2 != nil {
		if e2.Position < 0 {
			e2.Position = 0
		}
		e2.Message = e2.format()
		return nil, e2
	}
	if s, ok := r.(*seq); ok && s.outerWrapper && len(s.v) == 1 {
		_ = s
	}
	return toPlain(r, ev.cfg.ordered), nil
}

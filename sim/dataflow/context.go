package dataflow

// Rand is the random source for States.MathRandom and States.UUID.
// *math/rand/v2.Rand and its sources (PCG, ChaCha8) satisfy it.
type Rand interface {
	Uint64() uint64
}

// Context carries what a path can reach besides the state's data: the
// Context object ($$) and workflow variables ($name). Like its Rand, a
// Context serves one evaluation at a time (not concurrent ones).
type Context struct {
	// Object is the Context object addressed by $$ paths.
	Object map[string]any
	// Vars looks a workflow variable up by name; nil means no variables.
	Vars func(name string) (any, bool)
	// Rand feeds States.MathRandom (without a seed) and States.UUID; nil
	// means a fixed-seed source, so results repeat.
	Rand Rand

	// args is a stack of intrinsic argument slots, reused from call to
	// call (a Context, like its Rand, serves one evaluation at a time).
	args []any
}

// argSlots returns n argument slots and the stack mark to release them
// with. Nested calls stack their slots above their caller's; if the stack
// grows, the caller keeps its slots in the old array, which stays valid
// (and is garbage once the caller is done). Intrinsic functions never keep
// their argument slice. The stack's slots past its length are nil
// (releaseArgs clears them), so taking slots within its capacity needs no
// clearing.
func (c *Context) argSlots(n int) ([]any, int) {
	if c == nil {
		return make([]any, n), 0
	}
	mark := len(c.args)
	if mark+n <= cap(c.args) {
		c.args = c.args[:mark+n]
	} else {
		c.args = append(c.args, make([]any, n)...)
	}
	return c.args[mark : mark+n : mark+n], mark
}

// releaseArgs pops the slots above mark, clearing them so that they keep
// nothing alive.
func (c *Context) releaseArgs(mark int) {
	if c != nil && len(c.args) >= mark {
		clear(c.args[mark:])
		c.args = c.args[:mark]
	}
}

func (c *Context) object() (any, bool) {
	if c == nil || c.Object == nil {
		return nil, false
	}
	return c.Object, true
}

func (c *Context) variable(name string) (any, bool) {
	if c == nil || c.Vars == nil {
		return nil, false
	}
	return c.Vars(name)
}

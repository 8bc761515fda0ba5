package dataflow

// Rand is the random source for States.MathRandom and States.UUID.
// *math/rand/v2.Rand and its sources (PCG, ChaCha8) satisfy it.
type Rand interface {
	Uint64() uint64
}

// Context carries what a path can reach besides the state's data: the
// Context object ($$) and workflow variables ($name).
type Context struct {
	// Object is the Context object addressed by $$ paths.
	Object map[string]any
	// Vars looks a workflow variable up by name; nil means no variables.
	Vars func(name string) (any, bool)
	// Rand feeds States.MathRandom (without a seed) and States.UUID; nil
	// means a fixed-seed source, so results repeat.
	Rand Rand
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

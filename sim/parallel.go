package sim

import "strconv"

func joinScope(scope, part string) string {
	if scope == "" {
		return part
	}
	return scope + "/" + part
}

func (v *visit) parallel() {
	th, sp := v.th, v.sp
	var eff any
	var ok bool
	if sp.jsonata {
		if eff, ok = v.jstateInput(); !ok {
			return
		}
	} else {
		if eff, ok = v.inputPath(v.raw); !ok {
			return
		}
		if eff, ok = v.applyTemplate(sp.parameters, eff); !ok {
			return
		}
	}
	th.emitNew("ParallelStateStarted", sp)
	n := len(sp.branches)
	results := make([]any, n)
	remaining, over := n, false
	th.children = th.children[:0]
	for i, b := range sp.branches {
		c := th.child(joinScope(th.scope, sp.name+"/branch["+strconv.Itoa(i)+"]"))
		c.done = func(out any, f *failure) {
			if over || th.dead() {
				return
			}
			if f != nil {
				over = true
				for _, o := range th.children {
					if o != c {
						o.stop(-1, false, "")
					}
				}
				th.prev = c.prev
				th.children = nil
				v.giveUp = func() { th.emitNew("ParallelStateFailed", sp) }
				v.handleError(f)
				return
			}
			results[i] = out
			remaining--
			if remaining == 0 {
				over = true
				// As recorded: ParallelStateSucceeded and ParallelStateExited
				// both chain to the last branch event.
				th.prev = c.prev
				th.emitNew("ParallelStateSucceeded", sp)
				th.prev = c.prev
				th.children = nil
				if !th.dead() {
					v.finishResult(results)
				}
			}
		}
		th.children = append(th.children, c)
		c.startScope(b, eff)
	}
}

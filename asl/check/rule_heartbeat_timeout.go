package check

import (
	"github.com/aslkit/aslkit/asl/model"
	"github.com/aslkit/aslkit/asl/syntax"
)

// HeartbeatSeconds must be smaller than TimeoutSeconds.
var _ = register(&Rule{
	Code:     CodeHeartbeatTimeout,
	Name:     "heartbeat-not-below-timeout",
	Severity: Warning,
	Doc: "A Task's HeartbeatSeconds is not smaller than its TimeoutSeconds, so the heartbeat can never fire " +
		"before the timeout. Make HeartbeatSeconds smaller, or drop it.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeTask {
				continue
			}
			hb, to := s.FieldAt(model.FieldHeartbeatSeconds), s.ValueAt(model.FieldTimeoutSeconds)
			if hb == nil || hb.Value == nil || to == nil || hb.Value.Kind != to.Kind || to.Kind != syntax.Number {
				continue
			}
			if hb.Value.Num >= to.Num {
				p.Report(hb.Value.Span, "HeartbeatSeconds ("+hb.Value.Str+") must be smaller than TimeoutSeconds ("+to.Str+"); a heartbeat timer that long can never fire")
			}
		}
	},
})

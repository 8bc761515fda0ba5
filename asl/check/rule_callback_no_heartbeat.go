package check

import (
	"strings"

	"github.com/aslkit/aslkit/asl/model"
)

// A callback task should have a heartbeat so a lost token is noticed.
var _ = register(&Rule{
	Code:     CodeCallbackNoHeartbeat,
	Name:     "callback-no-heartbeat",
	Severity: Hint,
	Doc: "A \".waitForTaskToken\" Task has no HeartbeatSeconds. If the worker holding the token crashes, the " +
		"state waits for the full TimeoutSeconds; with a heartbeat it fails with States.HeartbeatTimeout as " +
		"soon as the worker stops calling SendTaskHeartbeat.",
	Run: func(p *Pass) {
		for _, s := range p.Def.All {
			if s.Type != model.TypeTask || !strings.HasSuffix(taskResource(s), ".waitForTaskToken") {
				continue
			}
			if s.FieldAt(model.FieldHeartbeatSeconds) != nil || s.FieldAt(model.FieldHeartbeatSecondsPath) != nil {
				continue
			}
			p.Report(s.ValueAt(model.FieldResource).Span, "callback task \""+s.Name+"\" has no HeartbeatSeconds; set one so that a worker that lost the task token is noticed before TimeoutSeconds")
		}
	},
})

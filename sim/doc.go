/*
Usage

	def := model.Build(syntax.Parse(text))
	prog, err := sim.Compile(def) // *sim.CompileError lists what cannot run
	mocks, err := mock.Load(mocksJSON, "MachineName", "TestCase") // either mock format
	res := prog.Run(ctx, input, sim.Options{
		Mocks:    mocks,
		Observer: trace.TextWriter{W: os.Stdout}, // or trace.JSONLWriter, trace.Recorder, trace.Tee(...)
		Seed:     1,
	})
	sim.WriteSummary(os.Stdout, res) // or sim.SummaryJSON(res) as the last JSONL line

Semantics follow what AWS Step Functions recorded (../shared/corpus/aws-recorded):
every case of that corpus that needs no real AWS resource passes
(TestConformance). Notable choices:

  - Time is virtual. Wait, retry backoff, task timeouts and heartbeats advance a
    clock that starts at Options.StartTime (2024-01-01T00:00:00Z by default);
    nothing sleeps. The execution times out at the top-level TimeoutSeconds or
    the service maximum (1 year Standard, 5 minutes Express).
  - Parallel branches and Map iterations are threads of one discrete-event
    queue ordered by (virtual time, scheduling order): one queue item per state
    transition, so concurrent branches interleave state by state in a fixed
    order. Map MaxConcurrency 0 starts every iteration at once.
  - Tasks never call anything: each invocation takes the next mocked response
    of its state (retries and Map iterations count as invocations). A Task
    without a mock, or out of responses, fails the run with States.Runtime and a
    cause saying how to mock it; an activity without a mock fails as AWS fails
    a deleted activity ("The activity <arn> does not exist."). A mocked response
    may carry DelaySeconds and HeartbeatSeconds (see package mock) to exercise
    TimeoutSeconds/HeartbeatSeconds; expiries are States.Timeout, as AWS
    records them. .waitForTaskToken tasks get a deterministic token in
    $$.Task.Token and complete with their mocked response. Options.Respond,
    when set, is asked before the mocks, so code (a debugger, a test) can
    supply results, SendTaskFailure-style errors, delays and heartbeats.
  - Distributed Map children run as child executions with their own histories
    (events carry Details.Execution = "<Label or state>/<index>"); the parent
    records MapRunStarted/MapRunSucceeded|MapRunFailed. ItemReader reads
    Options.Files instead of S3 (Bucket "b", Key "k" -> file "b/k";
    listObjectsV2 lists "b/<Prefix>..."); ResultWriter writes
    "<bucket>/<prefix>/sim-map-run/{SUCCEEDED_0,manifest}.json" through
    Options.WriteFile and returns AWS's {MapRunArn, ResultWriterDetails}.
  - JSONPath data flow comes from sim/dataflow; JSONata states evaluate with
    asl/jsonata, binding $states and the workflow variables. Assign works in
    both languages, with one variable scope per Parallel branch and Map
    iteration (inner scopes read outer ones).
  - Limits: Limits.MaxTransitions (default 1,000,000) and the 25,000-event
    history quota (Limits.MaxEvents) fail the run with States.Runtime; cancel
    ctx to stop a run (ABORTED).
  - Results over 256 KiB fail with States.DataLimitExceeded (catchable by
    States.ALL when raised by a task, as observed).
  - Cost: Standard = transitions x $0.000025; Express = $0.000001 per request +
    duration rounded up to 100 ms x 64 MB x $0.00001667 per GB-second.
*/
package sim

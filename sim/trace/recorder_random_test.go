package trace

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/aslkit/aslkit/asl/source"
)

// PlainEvent, PlainExit and Instant mixed at random with EventAt record
// what EventAt alone records: instants that move or do not fit the base,
// previous events too far back, hints at any kept value, values shared or
// not. After every call the cached instantFits must be what fitsInstant
// works out (the Recorder keeps it only where EventAt and Instant run).
func TestRecorderPlainWaysMatchEventAtRandomly(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for seed := uint64(0); seed < 16; seed++ {
		rng := rand.New(rand.NewPCG(seed, 9))
		sites := []Event{
			{Type: "PassStateEntered", State: "P", Span: source.Span{Start: 3, End: 9}, HasSpan: true},
			{Type: "PassStateExited", State: "P", Span: source.Span{Start: 3, End: 9}, HasSpan: true},
			{Type: "MapIterationStarted", Name: "M"},
		}
		scopes := []string{"", "A", "Map/iter[1]", "Map/iter[2]"}
		vals := []any{nil, map[string]any{"a": int64(1)}, map[string]any{"a": int64(1)}, "s", int64(3), []any{1}}
		plain, general := &Recorder{}, &Recorder{}
		elapsed := time.Duration(0)
		skew := time.Duration(0)
		id := 0
		plain.Instant(start, 0)
		var hints []uint32
		for i := 0; i < 3000; i++ {
			switch rng.IntN(10) {
			case 0:
				elapsed += time.Duration(rng.IntN(3)) * time.Second
				if rng.IntN(5) == 0 {
					skew = time.Duration(rng.IntN(2)) * time.Minute // a timestamp off base+elapsed
				}
				plain.Instant(start.Add(elapsed+skew), elapsed)
				continue
			}
			id++
			prev := id - 1 - rng.IntN(3)
			if rng.IntN(50) == 0 {
				prev = id - 70000
			}
			hint := uint32(0)
			if len(hints) > 0 {
				hint = hints[rng.IntN(len(hints))]
			}
			sc := scopes[rng.IntN(len(scopes))]
			at, el := start.Add(elapsed+skew), elapsed
			switch k := rng.IntN(4); k {
			case 0, 1: // entered / iteration
				e := sites[0]
				hasIn := true
				in := vals[rng.IntN(len(vals))]
				idx, hasIdx := 0, false
				if k == 1 {
					e = sites[2]
					hasIn, in = false, nil
					idx, hasIdx = rng.IntN(100), true
				}
				e.ID, e.PreviousEventID, e.Timestamp, e.Elapsed, e.Scope = id, prev, at, el, sc
				e.Input, e.HasInput, e.Index, e.HasIndex = in, hasIn, idx, hasIdx
				general.Event(&e)
				kept := plain.PlainEvent(id, prev, plain.Site(&e), plain.Scope(sc), in, hasIn, idx, hasIdx, hint)
				if kept != 0 {
					hints = append(hints, kept)
				}
			case 2: // exited
				e := sites[1]
				out := vals[rng.IntN(len(vals))]
				var eff, res any
				if rng.IntN(2) == 0 {
					eff = out
				}
				if rng.IntN(3) == 0 {
					res = vals[rng.IntN(len(vals))]
				}
				hasEff := rng.IntN(2) == 0
				e.ID, e.PreviousEventID, e.Timestamp, e.Elapsed, e.Scope = id, prev, at, el, sc
				e.Output, e.HasOutput, e.EffectiveInput, e.HasEffectiveInput, e.Result, e.HasResult = out, true, eff, hasEff, res, res != nil
				general.Event(&e)
				s, scn := plain.Site(&e), plain.Scope(sc)
				kept, ok := plain.PlainExit(id, prev, s, scn, out, eff, res, hasEff, res != nil, hint)
				if !ok {
					plain.EventAt(&e, s, scn)
				} else if kept != 0 {
					hints = append(hints, kept)
				}
			case 3: // another event, another instant maybe
				e := Event{ID: id, PreviousEventID: prev, Type: "TaskScheduled", State: "T", Timestamp: at, Elapsed: el, Scope: sc}
				if rng.IntN(3) == 0 {
					e.Timestamp = at.Add(time.Hour)
				}
				general.Event(&e)
				plain.Event(&e)
			}
			if plain.instantFits != plain.fitsInstant() {
				t.Fatalf("seed %d step %d: instantFits stale", seed, i)
			}
		}
		requireSameEvents(t, general.Events(), plain.Events())
	}
}

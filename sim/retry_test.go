package sim

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	half := func() float64 { return 0.5 }
	tests := []struct {
		name    string
		r       Retrier
		attempt int
		want    time.Duration
	}{
		{"defaults first retry", Retrier{IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2}, 1, time.Second},
		{"defaults third retry", Retrier{IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2}, 3, 4 * time.Second},
		{"AWS example 3,6,12", Retrier{IntervalSeconds: 3, BackoffRate: 2}, 3, 12 * time.Second},
		{"capped by MaxDelaySeconds", Retrier{IntervalSeconds: 3, BackoffRate: 2, MaxDelaySeconds: 5}, 2, 5 * time.Second},
		{"rate 1 stays flat", Retrier{IntervalSeconds: 2, BackoffRate: 1}, 7, 2 * time.Second},
		{"fractional rate rounds to ms", Retrier{IntervalSeconds: 1, BackoffRate: 1.5}, 2, 1500 * time.Millisecond},
		{"full jitter scales", Retrier{IntervalSeconds: 4, BackoffRate: 2, JitterFull: true}, 2, 4 * time.Second},
		{"huge values stay finite", Retrier{IntervalSeconds: 99999999, BackoffRate: 1e300}, 99, 100 * 365 * 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := Backoff(tt.r, tt.attempt, half); got != tt.want {
			t.Errorf("%s: Backoff = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestErrorMatches(t *testing.T) {
	tests := []struct {
		equals []string
		name   string
		want   bool
	}{
		{[]string{"A"}, "A", true},
		{[]string{"A"}, "B", false},
		{[]string{ErrAll}, "anything", true},
		{[]string{ErrTaskFailed}, "Lambda.Unknown", true},
		{[]string{ErrTaskFailed}, ErrTimeout, false},
		{[]string{ErrTaskFailed, ErrTimeout}, ErrTimeout, true},
	}
	for _, tt := range tests {
		if got := ErrorMatches(tt.equals, tt.name); got != tt.want {
			t.Errorf("ErrorMatches(%v, %q) = %v", tt.equals, tt.name, got)
		}
	}
}

// The spec's example: errors A, B, C, B against retriers [A,B]x2 and [C]
// wait 1 s, 2 s, 1 s, then the 4th error exhausts the first retrier.
func TestRetryDecisionSharesCountersAcrossErrors(t *testing.T) {
	rs := []Retrier{
		{ErrorEquals: []string{"A", "B"}, IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2},
		{ErrorEquals: []string{"C"}, IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2},
	}
	attempts := make([]int, len(rs))
	var got []string
	for _, e := range []string{"A", "B", "C", "B"} {
		d, _, ok := RetryDecision(rs, attempts, e, nil)
		if ok {
			got = append(got, d.String())
		} else {
			got = append(got, "catch")
		}
	}
	want := "[1s 2s 1s catch]"
	if s := fmtList(got); s != want {
		t.Errorf("got %s, want %s", s, want)
	}
}

func fmtList(l []string) string {
	s := "["
	for i, e := range l {
		if i > 0 {
			s += " "
		}
		s += e
	}
	return s + "]"
}

func TestExpiry(t *testing.T) {
	s := time.Second
	tests := []struct {
		name               string
		arrive             time.Duration
		timeout, heartbeat int64
		beats              []float64
		wantAt             time.Duration
		wantOK             bool
	}{
		{"in time", 5 * s, 10, 0, nil, 0, false},
		{"late", 15 * s, 10, 0, nil, 10 * s, true},
		{"heartbeats keep it alive", 25 * s, 600, 10, []float64{8, 16}, 0, false},
		{"missed heartbeat", 25 * s, 600, 10, []float64{8}, 18 * s, true},
		{"no heartbeat at all", 25 * s, 600, 10, nil, 10 * s, true},
		{"timeout before the missed heartbeat", 100 * s, 15, 10, []float64{8}, 15 * s, true},
	}
	for _, tt := range tests {
		at, ok := expiry(tt.arrive, tt.timeout, tt.heartbeat, tt.beats)
		if ok != tt.wantOK || (ok && at != tt.wantAt) {
			t.Errorf("%s: expiry = %v %v, want %v %v", tt.name, at, ok, tt.wantAt, tt.wantOK)
		}
	}
}

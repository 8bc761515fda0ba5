package sim

import (
	"math"
	"time"
)

// Retrier is a compiled element of a state's Retry.
type Retrier struct {
	ErrorEquals []string
	// IntervalSeconds, MaxAttempts and BackoffRate carry the AWS defaults
	// (1, 3, 2.0) when absent; MaxDelaySeconds 0 means no cap.
	IntervalSeconds float64
	MaxAttempts     int
	BackoffRate     float64
	MaxDelaySeconds float64
	JitterFull      bool
}

// Error names with special matching rules.
const (
	ErrAll                = "States.ALL"
	ErrTaskFailed         = "States.TaskFailed"
	ErrTimeout            = "States.Timeout"
	ErrHeartbeatTimeout   = "States.HeartbeatTimeout"
	ErrRuntime            = "States.Runtime"
	ErrNoChoiceMatched    = "States.NoChoiceMatched"
	ErrDataLimitExceeded  = "States.DataLimitExceeded"
	ErrExceedTolerated    = "States.ExceedToleratedFailureThreshold"
	ErrItemReaderFailed   = "States.ItemReaderFailed"
	ErrResultWriterFailed = "States.ResultWriterFailed"
	ErrQueryEvaluation    = "States.QueryEvaluationError"
	ErrIntrinsicFailure   = "States.IntrinsicFailure"
	ErrParameterPath      = "States.ParameterPathFailure"
	ErrResultPathMatch    = "States.ResultPathMatchFailure"
	ErrBranchFailed       = "States.BranchFailed"
	ErrPermissions        = "States.Permissions"
)

// ErrorMatches reports whether an ErrorEquals list matches an error name:
// by name, by States.ALL, or by States.TaskFailed, which stands for any
// error except a timeout (AWS's rule).
func ErrorMatches(errorEquals []string, name string) bool {
	for _, e := range errorEquals {
		switch {
		case e == name:
			return true
		case e == ErrAll:
			return true
		case e == ErrTaskFailed && name != ErrTimeout && name != ErrHeartbeatTimeout:
			return true
		}
	}
	return false
}

// Backoff is the wait before retry number attempt (1 for the first retry):
// IntervalSeconds * BackoffRate^(attempt-1), capped at MaxDelaySeconds,
// then with JitterStrategy FULL a uniform value in [0, that]. rnd returns a
// value in [0,1) (a seeded source, so runs stay reproducible). The result
// is rounded to the millisecond.
func Backoff(r Retrier, attempt int, rnd func() float64) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	secs := r.IntervalSeconds * math.Pow(r.BackoffRate, float64(attempt-1))
	if r.MaxDelaySeconds > 0 && secs > r.MaxDelaySeconds {
		secs = r.MaxDelaySeconds
	}
	const maxSecs = 100 * 365 * 24 * 3600 // keep the Duration finite
	if math.IsNaN(secs) || secs > maxSecs {
		secs = maxSecs
	}
	if r.JitterFull && rnd != nil {
		secs *= rnd()
	}
	return time.Duration(math.Round(secs*1000)) * time.Millisecond
}

// RetryDecision picks the retrier for an error: the first whose
// ErrorEquals matches. attempts holds how many retries each retrier has
// made in this visit to the state; it is updated in place. ok is false
// when no retrier matches or the matching one is exhausted (Catch then
// applies).
func RetryDecision(retriers []Retrier, attempts []int, name string, rnd func() float64) (delay time.Duration, index int, ok bool) {
	for i, r := range retriers {
		if !ErrorMatches(r.ErrorEquals, name) {
			continue
		}
		if attempts[i] >= r.MaxAttempts {
			return 0, i, false
		}
		attempts[i]++
		return Backoff(r, attempts[i], rnd), i, true
	}
	return 0, -1, false
}

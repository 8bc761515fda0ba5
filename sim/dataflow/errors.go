package dataflow

// Error names raised by this package.
const (
	ErrRuntime = "States.Runtime"
	// ErrIntrinsicFailure is the spec's name for a failing intrinsic; AWS
	// reports States.Runtime instead (observed), and so does this package.
	ErrIntrinsicFailure = "States.IntrinsicFailure"
	ErrResultPathMatch  = "States.ResultPathMatchFailure"
)

// Error is a failure raised while processing state data. Name is the ASL
// error name; Cause is the detail text exactly as AWS words it, without the
// "An error occurred while executing the state 'X' (entered at the event id
// #N). " prefix, which the engine adds unless Bare is set.
type Error struct {
	Name  string
	Cause string
	// Bare marks causes that AWS reports without the state prefix.
	Bare bool
	// Detail explains the failure for people (asl eval, hover); it is not
	// part of what AWS reports.
	Detail string
}

func (e *Error) Error() string { return e.Name + ": " + e.Cause }

func runtimeErr(cause string) *Error { return &Error{Name: ErrRuntime, Cause: cause} }

// MaxPayloadBytes is AWS's quota on the size of any state's input, result
// or output (UTF-8 bytes of its JSON text).
const MaxPayloadBytes = 256 * 1024

// ExceedsPayloadLimit reports whether v's JSON text is over MaxPayloadBytes.
func ExceedsPayloadLimit(v any) bool { return len(EncodeJSON(v)) > MaxPayloadBytes }

// DataLimitExceeded is the failure of a state whose result is too large;
// AWS words it without the state prefix.
func DataLimitExceeded(stateName string) *Error {
	return &Error{
		Name:  "States.DataLimitExceeded",
		Cause: "The state/task '" + stateName + "' returned a result with a size exceeding the maximum number of bytes service limit.",
		Bare:  true,
	}
}

package model

import "github.com/aslkit/aslkit/asl/syntax"

// The fields below are found by Field and Value without scanning the state's
// members: the checks ask every state for them many times, and a scan touches
// every member of the (cache-cold) object.
const (
	fieldType = iota
	fieldQueryLanguage
	fieldNext
	fieldEnd
	fieldDefault
	fieldChoices
	fieldRetry
	fieldCatch
	fieldBranches
	fieldItemProcessor
	fieldIterator
	fieldResource
	fieldParameters
	fieldArguments
	fieldAssign
	fieldOutput
	fieldResult
	fieldResultPath
	fieldResultSelector
	fieldItemSelector
	fieldItemReader
	fieldItemBatcher
	fieldResultWriter
	fieldInputPath
	fieldOutputPath
	fieldTimeoutSeconds
	fieldTimeoutSecondsPath
	fieldHeartbeatSeconds
	fieldHeartbeatSecondsPath
	fieldSeconds
	fieldSecondsPath
	fieldTimestamp
	fieldTimestampPath
	fieldError
	fieldCause
	fieldErrorPath
	fieldCausePath
	fieldItems
	fieldItemsPath
	fieldMaxConcurrency
	fieldToleratedFailureCount
	fieldToleratedFailurePercentage
	fieldLabel
	fieldComment
	fieldCredentials
	indexedFields
)

// FieldKey names one of the state fields Build indexes. FieldAt and ValueAt
// find such a field without hashing and comparing its name, for the checks
// that ask every state for the same fields.
type FieldKey uint8

// The indexed fields' keys (FieldType is "Type", ...).
const (
	FieldType                       FieldKey = fieldType
	FieldQueryLanguage              FieldKey = fieldQueryLanguage
	FieldNext                       FieldKey = fieldNext
	FieldEnd                        FieldKey = fieldEnd
	FieldDefault                    FieldKey = fieldDefault
	FieldChoices                    FieldKey = fieldChoices
	FieldRetry                      FieldKey = fieldRetry
	FieldCatch                      FieldKey = fieldCatch
	FieldBranches                   FieldKey = fieldBranches
	FieldItemProcessor              FieldKey = fieldItemProcessor
	FieldIterator                   FieldKey = fieldIterator
	FieldResource                   FieldKey = fieldResource
	FieldParameters                 FieldKey = fieldParameters
	FieldArguments                  FieldKey = fieldArguments
	FieldAssign                     FieldKey = fieldAssign
	FieldOutput                     FieldKey = fieldOutput
	FieldResult                     FieldKey = fieldResult
	FieldResultPath                 FieldKey = fieldResultPath
	FieldResultSelector             FieldKey = fieldResultSelector
	FieldItemSelector               FieldKey = fieldItemSelector
	FieldItemReader                 FieldKey = fieldItemReader
	FieldItemBatcher                FieldKey = fieldItemBatcher
	FieldResultWriter               FieldKey = fieldResultWriter
	FieldInputPath                  FieldKey = fieldInputPath
	FieldOutputPath                 FieldKey = fieldOutputPath
	FieldTimeoutSeconds             FieldKey = fieldTimeoutSeconds
	FieldTimeoutSecondsPath         FieldKey = fieldTimeoutSecondsPath
	FieldHeartbeatSeconds           FieldKey = fieldHeartbeatSeconds
	FieldHeartbeatSecondsPath       FieldKey = fieldHeartbeatSecondsPath
	FieldSeconds                    FieldKey = fieldSeconds
	FieldSecondsPath                FieldKey = fieldSecondsPath
	FieldTimestamp                  FieldKey = fieldTimestamp
	FieldTimestampPath              FieldKey = fieldTimestampPath
	FieldError                      FieldKey = fieldError
	FieldCause                      FieldKey = fieldCause
	FieldErrorPath                  FieldKey = fieldErrorPath
	FieldCausePath                  FieldKey = fieldCausePath
	FieldItems                      FieldKey = fieldItems
	FieldItemsPath                  FieldKey = fieldItemsPath
	FieldMaxConcurrency             FieldKey = fieldMaxConcurrency
	FieldToleratedFailureCount      FieldKey = fieldToleratedFailureCount
	FieldToleratedFailurePercentage FieldKey = fieldToleratedFailurePercentage
	FieldLabel                      FieldKey = fieldLabel
	FieldComment                    FieldKey = fieldComment
	FieldCredentials                FieldKey = fieldCredentials
)

// fieldNames are the indexed names in slot order.
var fieldNames = [indexedFields]string{
	"Type", "QueryLanguage", "Next", "End", "Default", "Choices", "Retry", "Catch", "Branches", "ItemProcessor",
	"Iterator", "Resource", "Parameters", "Arguments", "Assign", "Output", "Result", "ResultPath",
	"ResultSelector", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter", "InputPath", "OutputPath",
	"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Seconds",
	"SecondsPath", "Timestamp", "TimestampPath", "Error", "Cause", "ErrorPath", "CausePath", "Items",
	"ItemsPath", "MaxConcurrency", "ToleratedFailureCount", "ToleratedFailurePercentage", "Label", "Comment",
	"Credentials",
}

// slotTable maps a name's hash to its slot (-1: empty). The hash is perfect
// for the indexed names (TestSlotHashPerfect): a lookup costs one hash and
// one comparison, less than a switch's binary search over 45 strings.
var slotTable, slotsPerfect = func() (t [128]int8, perfect bool) {
	for i := range t {
		t[i] = -1
	}
	perfect = true
	for slot, name := range fieldNames {
		h := slotHash(name)
		for t[h] >= 0 {
			h = (h + 1) & 127
			perfect = false
		}
		t[h] = int8(slot)
	}
	return t, perfect
}()

// slotHash mixes the name's length and three of its bytes; the multiplier
// was searched for one that gives each indexed name a slot of its own.
func slotHash(name string) uint32 {
	n := len(name)
	return (uint32(n) ^ uint32(name[0])<<8 ^ uint32(name[n-1])<<16 ^ uint32(name[n/2])<<24) * 0xACAB1A6B >> 25
}

// fieldSlot returns the slot of an indexed field name, or -1.
func fieldSlot(name string) int {
	if name == "" {
		return -1
	}
	h := slotHash(name)
	if slot := slotTable[h]; slot >= 0 && fieldNames[slot] == name {
		return int(slot)
	}
	if slotsPerfect {
		return -1
	}
	return fieldSlotProbe(name, h)
}

// fieldSlotProbe looks name up past its first slot, should the hash ever
// stop being perfect.
func fieldSlotProbe(name string, h uint32) int {
	for {
		h = (h + 1) & 127
		slot := slotTable[h]
		if slot < 0 || fieldNames[slot] == name {
			return int(slot)
		}
	}
}

// fieldIndex holds, per indexed field, 1 + the position of the first member
// of that name in the state's object (0: absent).
type fieldIndex struct {
	pos [indexedFields]uint8
	// indexed is set once read has filled pos; without it (an object with
	// too many members for a uint8 position) lookups scan.
	indexed bool
}

// maxIndexedMembers is the largest position a slot can hold.
const maxIndexedMembers = 254

// read indexes the members of a state's object.
func (x *fieldIndex) read(members []*syntax.Member) {
	if len(members) > maxIndexedMembers {
		return
	}
	x.indexed = true
	for i, m := range members {
		if slot := fieldSlot(m.Key); slot >= 0 && x.pos[slot] == 0 {
			x.pos[slot] = uint8(i + 1)
		}
	}
}

// member returns the member in slot of the object with members, or nil.
func (x *fieldIndex) member(members []*syntax.Member, slot int) *syntax.Member {
	if p := x.pos[slot]; p != 0 {
		return members[p-1]
	}
	return nil
}

// value is member's value, or nil.
func (x *fieldIndex) value(members []*syntax.Member, slot int) *syntax.Node {
	if m := x.member(members, slot); m != nil {
		return m.Value
	}
	return nil
}

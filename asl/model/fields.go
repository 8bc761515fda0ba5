package model

import (
	"github.com/aslkit/aslkit/asl/syntax"
	"github.com/aslkit/aslkit/internal/nameword"
)

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

// slotTable maps a name's hash to its slot. The hash is perfect for the
// indexed names, and an entry keeps its name's length and words (see
// nameword.Of): a lookup costs one hash and three comparisons of integers,
// less than a string comparison, for the ten thousand keys of a big
// document's states.
var slotTable = func() (t [128]slotEntry) {
	for i := range t {
		t[i].slot = -1
	}
	for slot, name := range fieldNames {
		head, tail := nameword.Of(name)
		e := &t[slotHash(head, len(name))]
		if e.slot >= 0 {
			panic("model: " + name + " and " + fieldNames[e.slot] + " share a slot: search a new multiplier for slotHash")
		}
		*e = slotEntry{head: head, tail: tail, length: len(name), slot: slot}
	}
	return t
}()

// slotEntry is an indexed name as slotOf compares it (slot -1: empty).
type slotEntry struct {
	head, tail   uint64
	length, slot int
}

// slotHash mixes a name's first word and its length; the multiplier was
// searched for one that gives each indexed name a slot of its own.
func slotHash(head uint64, length int) uint64 {
	return (head + uint64(length)) * 0x21e9af5340a7bd5 >> 57
}

// fieldSlot returns the slot of an indexed field name, or -1.
func fieldSlot(name string) int {
	head, tail := nameword.Of(name)
	return slotOf(name, head, tail)
}

// slotOf is fieldSlot for a name whose words are known.
func slotOf(name string, head, tail uint64) int {
	e := &slotTable[slotHash(head, len(name))]
	if e.length == len(name) && e.head == head && e.tail == tail && (len(name) <= 16 || fieldNames[e.slot] == name) {
		return e.slot
	}
	return -1
}

// fieldIndex holds, per indexed field, 1 + the position of the first member
// of that name in the state's object (0: absent), packed four bits a field:
// a State is built per state on every keystroke, and half the bytes keep
// it and its garbage collection cheaper. A field first met past the 14th
// member is farField, for which FieldAt scans. The spare last nibble is
// set once read has indexed an object (the index of any other value is
// zeros: it has no fields).
type fieldIndex [indexedFields/2 + 1]uint8

// indexMark is the spare nibble's slot.
const indexMark = indexedFields

// farField is the position of a field met past the 14th member.
const farField = 15

// indexed reads the mark's nibble where set writes it (the high one of the
// last byte while indexedFields is odd).
func (x *fieldIndex) indexed() bool { return x[indexMark/2]>>(indexMark%2*4)&15 != 0 }

// read's set of found slots has a bit per indexed field: more than 64 would
// not compile.
const _ = uint64(64 - indexedFields)

// set stores v (1 to 15) in an empty slot.
func (x *fieldIndex) set(slot, v int) { x[uint(slot)/2] |= uint8(v) << (uint(slot) % 2 * 4) }

// read indexes the members of a state's object and returns the values of
// the fields Build reads (the first of duplicate keys, like Node.Value),
// found in the same pass.
func (x *fieldIndex) read(members []*syntax.Member) (own builtFields) {
	x.set(indexMark, 1)
	var seen uint64 // a bit per slot found so far (slot&63 spares a shift's overflow check)
	for i, m := range members {
		key := m.Key
		head, tail := nameword.Of(key)
		slot := slotOf(key, head, tail)
		if slot < 0 || seen&(1<<(slot&63)) != 0 { // not indexed, or a duplicate key
			continue
		}
		seen |= 1 << (slot & 63)
		x.set(slot, min(i+1, farField))
		if slot < len(own) {
			own[slot] = m.Value
		}
	}
	return own
}

// builtFields are the values of the fields Build reads from a state, by
// slot (Type through Resource).
type builtFields [fieldResource + 1]*syntax.Node

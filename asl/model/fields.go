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

// fieldSlot returns the slot of an indexed field name, or -1.
func fieldSlot(name string) int {
	switch name {
	case "Type":
		return fieldType
	case "QueryLanguage":
		return fieldQueryLanguage
	case "Next":
		return fieldNext
	case "End":
		return fieldEnd
	case "Default":
		return fieldDefault
	case "Choices":
		return fieldChoices
	case "Retry":
		return fieldRetry
	case "Catch":
		return fieldCatch
	case "Branches":
		return fieldBranches
	case "ItemProcessor":
		return fieldItemProcessor
	case "Iterator":
		return fieldIterator
	case "Resource":
		return fieldResource
	case "Parameters":
		return fieldParameters
	case "Arguments":
		return fieldArguments
	case "Assign":
		return fieldAssign
	case "Output":
		return fieldOutput
	case "Result":
		return fieldResult
	case "ResultPath":
		return fieldResultPath
	case "ResultSelector":
		return fieldResultSelector
	case "ItemSelector":
		return fieldItemSelector
	case "ItemReader":
		return fieldItemReader
	case "ItemBatcher":
		return fieldItemBatcher
	case "ResultWriter":
		return fieldResultWriter
	case "InputPath":
		return fieldInputPath
	case "OutputPath":
		return fieldOutputPath
	case "TimeoutSeconds":
		return fieldTimeoutSeconds
	case "TimeoutSecondsPath":
		return fieldTimeoutSecondsPath
	case "HeartbeatSeconds":
		return fieldHeartbeatSeconds
	case "HeartbeatSecondsPath":
		return fieldHeartbeatSecondsPath
	case "Seconds":
		return fieldSeconds
	case "SecondsPath":
		return fieldSecondsPath
	case "Timestamp":
		return fieldTimestamp
	case "TimestampPath":
		return fieldTimestampPath
	case "Error":
		return fieldError
	case "Cause":
		return fieldCause
	case "ErrorPath":
		return fieldErrorPath
	case "CausePath":
		return fieldCausePath
	case "Items":
		return fieldItems
	case "ItemsPath":
		return fieldItemsPath
	case "MaxConcurrency":
		return fieldMaxConcurrency
	case "ToleratedFailureCount":
		return fieldToleratedFailureCount
	case "ToleratedFailurePercentage":
		return fieldToleratedFailurePercentage
	case "Label":
		return fieldLabel
	case "Comment":
		return fieldComment
	case "Credentials":
		return fieldCredentials
	}
	return -1
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

package network

import (
	"errors"
	"fmt"

	"github.com/labournet/labournet/actor"
)

// Errors reported when building a network. Use errors.Is to test for them; the
// returned errors are *LinkError or *actor.FieldError values that wrap them and
// name the actor or link and the field.
var (
	// ErrEmptyID is an actor with an empty ID (the same value as actor.ErrEmptyID).
	ErrEmptyID = actor.ErrEmptyID
	// ErrUnknownKind is an unknown actor or link kind (the same value as actor.ErrUnknownKind).
	ErrUnknownKind = actor.ErrUnknownKind
	// ErrDuplicateID is a second actor, or a second link, with an ID already used.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrUnknownActor is a link whose end names no actor of the network.
	ErrUnknownActor = errors.New("unknown actor")
	// ErrUnknownLink is a reference to a link the network does not have.
	ErrUnknownLink = errors.New("unknown link")
	// ErrSelfLink is a link from an actor to itself.
	ErrSelfLink = errors.New("link from an actor to itself")
	// ErrNegative is a negative weight, amount or cadence.
	ErrNegative = errors.New("negative value")
	// ErrNaN is a number that is NaN or infinite.
	ErrNaN = errors.New("not a finite number")
	// ErrPeriod is a period that ends before it starts.
	ErrPeriod = errors.New("end before start")
	// ErrUnknownStatus is a status other than planned, active or ended.
	ErrUnknownStatus = errors.New("unknown status")
	// ErrDirection is a direction other than directed or undirected.
	ErrDirection = errors.New("unknown direction")
	// ErrCurrency is a currency that is not an ISO 4217 code, or an amount without one.
	ErrCurrency = errors.New("not an ISO 4217 currency code")
	// ErrCadence is a cadence text that cannot be read as meetings per year.
	ErrCadence = errors.New("unreadable cadence")
	// ErrDate is a date not written as YYYY, YYYY-MM or YYYY-MM-DD.
	ErrDate = errors.New("invalid date")
)

// LinkError is a problem with one field of one link.
type LinkError struct {
	Index int    // position of the link in the order links were given (0-based)
	ID    string // the link's ID, if it has one
	From  string // the link's source actor
	To    string // the link's target actor
	Field string // the field, as named in files ("to", "money.currency")
	Value string // the offending value
	Err   error  // the reason; one of the sentinel errors
}

// Error implements error.
func (e *LinkError) Error() string {
	return fmt.Sprintf("%s: %s %q: %v", linkPlace(e.Index, e.ID, e.From, e.To), e.Field, e.Value, e.Err)
}

// Unwrap returns the reason, so that errors.Is works against the sentinels.
func (e *LinkError) Unwrap() error { return e.Err }

func linkPlace(index int, id, from, to string) string {
	if id != "" {
		return fmt.Sprintf("link %q (%s -> %s)", id, from, to)
	}
	return fmt.Sprintf("link #%d (%s -> %s)", index+1, from, to)
}

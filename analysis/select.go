package analysis

import (
	"slices"

	"github.com/labournet/labournet/actor"
)

// Select chooses a group of actors: those for which it returns true.
type Select func(actor.Actor) bool

// SelectKinds selects the actors of any of the given kinds.
func SelectKinds(kinds ...actor.Kind) Select {
	return func(a actor.Actor) bool { return slices.Contains(kinds, a.Kind) }
}

// SelectAttr selects the actors whose attribute key (see actor.Actor.Attr:
// "kind", "level", "country", "region" or any key of Attrs) has one of the
// given values.
func SelectAttr(key string, values ...string) Select {
	return func(a actor.Actor) bool {
		v, ok := a.Attr(key)
		return ok && slices.Contains(values, v)
	}
}

// SelectIDs selects the actors with the given IDs. IDs that name no actor
// select nothing.
func SelectIDs(ids ...string) Select {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return func(a actor.Actor) bool { return set[a.ID] }
}

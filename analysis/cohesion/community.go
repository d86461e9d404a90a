package cohesion

import (
	"errors"
	"fmt"
	"slices"

	"github.com/labournet/labournet/network"
)

// ErrNotPartition is returned when groups given as a partition leave an
// actor out, name it twice, or name an actor the network does not have.
var ErrNotPartition = errors.New("not a partition of the actors")

// Partition divides the actors into groups by the value of an attribute.
type Partition struct {
	// Attr is the attribute the actors were grouped by.
	Attr string `json:"attr"`
	// Names are the attribute values, ascending; "" (first when present)
	// holds the actors without the attribute.
	Names []string `json:"names"`
	// Groups[k] lists the IDs of the actors whose value is Names[k],
	// ascending.
	Groups [][]string `json:"groups"`
}

// PartitionBy groups the actors of s by the value of the attribute attr
// (see actor.Actor.Attr: "kind", "level", "country", "region" or any key of
// Attrs). Actors without the attribute, or with an empty value, form the
// group named "". Groups come in ascending order of name. O(N log N).
func PartitionBy(s *network.Snapshot, attr string) Partition {
	label, names := cohAttrLabels(s, attr)
	p := Partition{Attr: attr, Names: names, Groups: make([][]string, len(names))}
	for i, c := range label {
		p.Groups[c] = append(p.Groups[c], s.ID(i))
	}
	return p
}

// cohAttrLabels returns each actor's group index in the sorted list of
// values of attr ("" for none).
func cohAttrLabels(s *network.Snapshot, attr string) ([]int32, []string) {
	vals := make([]string, s.N())
	set := map[string]bool{}
	for i := range vals {
		v, _ := s.Actor(i).Attr(attr)
		vals[i] = v
		set[v] = true
	}
	names := make([]string, 0, len(set))
	for v := range set {
		names = append(names, v)
	}
	slices.Sort(names)
	idx := make(map[string]int32, len(names))
	for k, v := range names {
		idx[v] = int32(k)
	}
	label := make([]int32, len(vals))
	for i, v := range vals {
		label[i] = idx[v]
	}
	return label, names
}

// cohPartitionLabels checks that groups partition the actors of s and
// returns each actor's group index.
func cohPartitionLabels(s *network.Snapshot, groups [][]string) ([]int32, error) {
	label := make([]int32, s.N())
	for i := range label {
		label[i] = -1
	}
	for k, g := range groups {
		for _, id := range g {
			i, ok := s.Index(id)
			if !ok {
				return nil, fmt.Errorf("analysis: group %d: actor %q: %w: unknown actor", k, id, ErrNotPartition)
			}
			if label[i] >= 0 {
				return nil, fmt.Errorf("analysis: group %d: actor %q: %w: already in group %d", k, id, ErrNotPartition, label[i])
			}
			label[i] = int32(k)
		}
	}
	for i, c := range label {
		if c < 0 {
			return nil, fmt.Errorf("analysis: actor %q: %w: in no group", s.ID(i), ErrNotPartition)
		}
	}
	return label, nil
}

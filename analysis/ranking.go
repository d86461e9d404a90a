package analysis

import (
	"cmp"
	"math"
	"slices"

	"github.com/labournet/labournet/network"
)

// Score is one actor's value of a measure. A Value of NaN means the measure
// is undefined for the actor; it is written as null in JSON.
type Score struct {
	ID    string `json:"id"`
	Value Float  `json:"value"`
}

// Ranking is a measure over all actors, sorted by descending value, ties
// broken by ascending ID, undefined (NaN) values last.
type Ranking []Score

// NewRanking returns the ranking of vals, where vals[i] is the value of the
// snapshot's actor i.
func NewRanking(s *network.Snapshot, vals []float64) Ranking {
	// A snapshot numbers its actors in ascending order of ID, so ties are
	// broken by index: the sort compares numbers, never strings (sorting
	// the scores took 1.5 s at 10^6 actors).
	order := make([]int32, len(vals))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		va, vb := vals[a], vals[b]
		an, bn := math.IsNaN(va), math.IsNaN(vb)
		switch {
		case an && !bn:
			return 1
		case bn && !an:
			return -1
		case !an && va != vb:
			return cmp.Compare(vb, va)
		}
		return cmp.Compare(a, b)
	})
	r := make(Ranking, len(vals))
	for k, i := range order {
		r[k] = Score{ID: s.ID(int(i)), Value: Float(vals[i])}
	}
	return r
}

// Value returns the value for the actor id, and false when id is not ranked.
func (r Ranking) Value(id string) (float64, bool) {
	for _, s := range r {
		if s.ID == id {
			return float64(s.Value), true
		}
	}
	return 0, false
}

// Map returns the values keyed by actor ID.
func (r Ranking) Map() map[string]float64 {
	m := make(map[string]float64, len(r))
	for _, s := range r {
		m[s.ID] = float64(s.Value)
	}
	return m
}

// Top returns the first k scores (all of them if k exceeds the length).
func (r Ranking) Top(k int) Ranking {
	if k < 0 {
		k = 0
	}
	return r[:min(k, len(r))]
}

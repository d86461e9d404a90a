package analysis

import (
	"cmp"
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
	r := make(Ranking, len(vals))
	for i, v := range vals {
		r[i] = Score{ID: s.ID(i), Value: Float(v)}
	}
	slices.SortStableFunc(r, compareScores)
	return r
}

func compareScores(a, b Score) int {
	an, bn := a.Value.IsNaN(), b.Value.IsNaN()
	switch {
	case an && !bn:
		return 1
	case bn && !an:
		return -1
	case !an && a.Value != b.Value:
		return cmp.Compare(b.Value, a.Value)
	}
	return cmp.Compare(a.ID, b.ID)
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

package analysis

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// TestNewRankingOrder ranks values with ties, NaNs, infinities and signed
// zeros: descending value, ties by ascending ID, NaN last, as a plain sort
// of the scores by that rule gives.
func TestNewRankingOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 500
	var actors []actor.Actor
	for i := range n {
		actors = append(actors, actor.Actor{ID: fmt.Sprintf("a%03d", (i*7)%n), Kind: actor.NGO})
	}
	net, err := network.Build("r", actors, nil)
	require.NoError(t, err)
	s := net.Snapshot()
	pool := []float64{0, math.Copysign(0, -1), 1, 1, 2.5, -3, math.Inf(1), math.Inf(-1), math.NaN()}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = pool[rng.IntN(len(pool))]
	}
	want := make(Ranking, n)
	for i, v := range vals {
		want[i] = Score{ID: s.ID(i), Value: Float(v)}
	}
	slices.SortStableFunc(want, func(a, b Score) int {
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
	})
	got := NewRanking(s, vals)
	require.Equal(t, len(want), len(got))
	for i := range want {
		require.Equal(t, want[i].ID, got[i].ID, "place %d", i)
		require.Equal(t, math.Float64bits(float64(want[i].Value)), math.Float64bits(float64(got[i].Value)), "place %d", i)
	}
	require.True(t, got[n-1].Value.IsNaN(), "NaN last")
}

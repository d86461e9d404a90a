package gap

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// applyRec applies a recommendation to n the way a user would.
func applyRec(t *testing.T, n *network.Network, r Recommendation) *network.Network {
	t.Helper()
	out, err := r.Apply(n)
	require.NoError(t, err, r.Explanation)
	return out
}

// checkPromise verifies a recommendation's Effect on the changed network.
func checkPromise(t *testing.T, n *network.Network, m *Model, r Recommendation) {
	t.Helper()
	after := applyRec(t, n, r)
	s := after.InForce(network.Date{}).Snapshot()
	cuts := bottleneck.ArticulationPoints(s, bottleneck.CutOptions{})
	require.Len(t, cuts, r.Effect.CutPoints.After, "%s: articulation points after", r.Explanation)
	var dep int64
	for _, c := range cuts {
		dep += c.Separated
		require.NotContains(t, r.Effect.Relieved, c.ID, "%s: %s is still a cut point", r.Explanation, c.ID)
	}
	require.Equal(t, r.Effect.Dependent.After, dep, "%s: dependent pairs after", r.Explanation)
	require.Equal(t, r.Effect.Reachable.After, Reachable(s), "%s: reachable pairs after", r.Explanation)
	gaps := map[Key]bool{}
	for _, f := range Gaps(after, m, GapOptions{}) {
		gaps[f.Key()] = true
	}
	for _, c := range r.Effect.Closed {
		require.False(t, gaps[c], "%s: promised to close %q but it is still there", r.Explanation, c)
	}
	for _, a := range r.Addresses {
		require.Contains(t, r.Effect.Closed, a, "%s: does not close what it addresses", r.Explanation)
	}
}

func TestRecommendPromisesHold(t *testing.T) {
	m := testModel()
	nets := map[string]*network.Network{
		"relation, body and planned": testnet.Spec(t,
			[]string{"lo:labour-office", "e1:employer", "e2:employer", "m:municipality", "wg:body:::education", "s:school", "x:ngo"},
			[]string{"lo>m:cooperation", "m>e1:cooperation", "e1>e2:cooperation", "lo>wg:membership", "x>s:cooperation!", "s>e2:partnership!"}),
		"missing kinds": testnet.Spec(t,
			[]string{"e:employer", "b:body", "m:municipality"},
			[]string{"e>b:membership", "m>b:membership"}),
	}
	for name, n := range nets {
		recs, err := Recommend(context.Background(), n, m, RecommendOptions{})
		require.NoError(t, err)
		require.NotEmpty(t, recs, name)
		for _, r := range recs {
			checkPromise(t, n, m, r)
		}
		for i := 1; i < len(recs); i++ {
			require.GreaterOrEqual(t, recs[i-1].Severity, recs[i].Severity, "%s: ranked by severity", name)
		}
	}
}

func TestRecommendPicksBottleneckReducingPair(t *testing.T) {
	// lo — m — e1 — e2: lo and e1 are cut points' neighbours. Linking lo
	// with e2 closes the cycle and relieves m and e1; linking lo with e1
	// relieves m only.
	n := testnet.Spec(t, []string{"lo:labour-office", "m:municipality", "e1:employer", "e2:employer"},
		[]string{"lo>m:cooperation", "m>e1:cooperation", "e1>e2:cooperation"})
	recs, err := Recommend(context.Background(), n, testModel(), RecommendOptions{})
	require.NoError(t, err)
	var rel []Recommendation
	for _, r := range recs {
		if r.Action == AddLink {
			rel = append(rel, r)
		}
	}
	require.Len(t, rel, 1)
	l := rel[0].Links[0]
	require.Equal(t, [2]string{"lo", "e2"}, [2]string{l.From, l.To})
	require.Equal(t, []string{"e1", "m"}, rel[0].Effect.Relieved)
	require.Equal(t, Delta[int]{2, 0}, rel[0].Effect.CutPoints)
}

func TestOptimizeLinks(t *testing.T) {
	// Two labour offices each with a chain of employers; the model expects
	// labour-office–employer ties. A greedy optimiser should close cycles.
	n := testnet.Spec(t,
		[]string{"lo1:labour-office", "lo2:labour-office", "e1:employer", "e2:employer", "e3:employer", "e4:employer"},
		[]string{"lo1>e1:cooperation", "e1>e2:cooperation", "lo2>e3:cooperation", "e3>e4:cooperation"})
	m := testModel()
	recs, err := OptimizeLinks(context.Background(), n, m, 3, OptimizeOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	// The first link must join the two halves: it connects the most pairs.
	first := recs[0]
	require.Greater(t, first.Effect.NewlyConnected, int64(0))
	// Every step strictly improves, and the effects are cumulative.
	for i, r := range recs {
		if i > 0 {
			prev := recs[i-1].Effect
			require.True(t, r.Effect.better(prev), "step %d does not improve on step %d", i, i-1)
		}
		// Candidates are expected relations only.
		a, _ := n.Actor(r.Links[0].From)
		b, _ := n.Actor(r.Links[0].To)
		kinds := []actor.Kind{a.Kind, b.Kind}
		slices.Sort(kinds)
		require.Equal(t, []actor.Kind{actor.LabourOffice, actor.Employer}, kinds)
	}
	// Applying all chosen links gives the last recommendation's effect.
	all := n.Clone()
	for _, r := range recs {
		require.NoError(t, all.AddLink(r.Links[0]))
	}
	last := recs[len(recs)-1]
	s := all.Snapshot()
	require.Len(t, bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}), last.Effect.CutPoints.After)
	require.Equal(t, last.Effect.Reachable.After, Reachable(s))
	// Deterministic.
	again, err := OptimizeLinks(context.Background(), n, m, 3, OptimizeOptions{})
	require.NoError(t, err)
	if diff := cmp.Diff(recs, again, testnet.Approx(0)); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}

func TestRecLocality(t *testing.T) {
	tests := []struct {
		reason string
		a, b   actor.Actor
		score  int
		ok     bool
	}{
		{"same country and region", actor.Actor{Country: "BG", Region: "Vratsa"}, actor.Actor{Country: "BG", Region: "Vratsa"}, 2, true},
		{"unknown place is no obstacle", actor.Actor{Country: "BG"}, actor.Actor{}, 0, true},
		{"different regions", actor.Actor{Country: "BG", Region: "Vratsa"}, actor.Actor{Country: "BG", Region: "Vidin"}, 0, false},
		{"different countries", actor.Actor{Country: "PL"}, actor.Actor{Country: "GB"}, 0, false},
	}
	for _, tt := range tests {
		score, ok := recLocality(tt.a, tt.b)
		require.Equal(t, tt.ok, ok, tt.reason)
		if ok {
			require.Equal(t, tt.score, score, tt.reason)
		}
	}
}

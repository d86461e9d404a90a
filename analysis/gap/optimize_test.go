package gap

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// randomPact is a seeded network of n actors of the kinds the default model
// speaks of, some bodies with themes, in a few loose groups, with a share of
// planned and ended links.
func randomPact(t testing.TB, n int, seed uint64) *network.Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	kinds := []actor.Kind{actor.LabourOffice, actor.Employer, actor.School, actor.Municipality, actor.Body, actor.University, actor.NGO, actor.Chamber}
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("a%03d", i), Kind: kinds[rng.IntN(len(kinds))]}
		if as[i].Kind == actor.Body && rng.IntN(2) == 0 {
			as[i].Themes = []string{"education"}
		}
	}
	var ls []network.Link
	seen := map[[2]int]bool{}
	for range n + n/3 {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v || seen[[2]int{min(u, v), max(u, v)}] || rng.IntN(4) == 0 && u%5 != v%5 {
			continue
		}
		seen[[2]int{min(u, v), max(u, v)}] = true
		l := network.Link{From: as[u].ID, To: as[v].ID, Kind: network.Cooperation}
		switch rng.IntN(10) {
		case 0:
			l.Status = network.Planned
		case 1:
			l.Status = network.Ended
		case 2:
			l.Kind = network.Membership
		}
		ls = append(ls, l)
	}
	nw, err := network.Build("random pact", as, ls)
	require.NoError(t, err)
	return nw
}

// TestScorerAgreesWithMeasure checks the optimiser's incremental scores of
// every candidate tie against adding the tie and measuring the network
// again, on random networks with several components, cut points, planned
// and ended links and bodies with themes.
func TestScorerAgreesWithMeasure(t *testing.T) {
	day := network.MustParseDate("2025-01-01")
	for seed := range uint64(12) {
		n := randomPact(t, 20+int(seed)*4, seed)
		m := DefaultModel()
		st := Measure(n, m, day)
		sc := newScorer(n, m, day, st)
		cands := optCandidates(st.g, kindIndex(st.snap), m, 400)
		require.NotEmpty(t, cands)
		for _, c := range cands {
			next, err := n.Apply(network.Edit{AddLinks: []network.Link{c.link}})
			require.NoError(t, err)
			e := Compare(st, Measure(next, m, day))
			want := tieScore{reachable: e.Reachable.After, dependent: e.Dependent.After, cutPoints: e.CutPoints.After, closed: len(e.Closed)}
			require.Equal(t, want, sc.score(c.link.From, c.link.To), "seed %d, tie %s–%s", seed, c.link.From, c.link.To)
			require.Empty(t, e.Opened, "a cooperation tie opens no gap")
		}
	}
}

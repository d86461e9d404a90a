package bottleneck

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// TestAddedAgreesWithSnapshot checks that a snapshot with ties added
// answers as the snapshot of the network with those links added: the
// cuts, bridges (with their multiplicity) and fragmentation, every actor's
// constraint, and the separation structure, on random networks with
// several components, adding ties within and across components, beside
// existing ones, and twice between one pair.
func TestAddedAgreesWithSnapshot(t *testing.T) {
	kinds := []actor.Kind{actor.Municipality, actor.Employer, actor.School}
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 9))
		n := 25 + int(seed)*5
		as := make([]actor.Actor, n)
		for i := range as {
			as[i] = actor.Actor{ID: fmt.Sprintf("a%03d", rng.IntN(1000)), Kind: kinds[rng.IntN(len(kinds))]}
			as[i].ID = fmt.Sprintf("%s-%d", as[i].ID, i)
		}
		var ls []network.Link
		for range n + n/4 {
			u, v := rng.IntN(n), rng.IntN(n)
			if u != v {
				ls = append(ls, network.Link{From: as[u].ID, To: as[v].ID})
			}
		}
		nw, err := network.Build("random", as, ls)
		require.NoError(t, err)
		s := nw.Snapshot()
		var ties [][2]int
		changed := nw.View(network.Filter{})
		for k := range 1 + int(seed)%4 {
			u, v := rng.IntN(n), rng.IntN(n)
			if k == 0 && len(ls) > 0 { // beside an existing link
				u, _ = s.Index(ls[0].From)
				v, _ = s.Index(ls[0].To)
			}
			if u == v {
				continue
			}
			reps := 1 + k%2 // some pairs twice
			for range reps {
				ties = append(ties, [2]int{u, v})
				require.NoError(t, changed.AddLink(network.Link{From: s.ID(u), To: s.ID(v)}))
			}
		}
		ties = append(ties, [2]int{0, 0}, [2]int{-1, 2}, [2]int{1, n}) // ignored
		want := changed.Snapshot()
		got := AddTies(s, ties)
		require.Equal(t, want.N(), got.N())
		wc, wb, wf := Cuts(want)
		gc, gb, gf := got.Cuts()
		require.Equal(t, wc, gc, "seed %d: cut points", seed)
		require.Equal(t, wb, gb, "seed %d: bridges", seed)
		require.True(t, wf == gf || math.IsNaN(wf) && math.IsNaN(gf), "seed %d: fragmentation %v, %v", seed, wf, gf)
		bc, bb, bf := got.CutSizes()
		for i := range wc {
			wc[i].Pieces = nil
		}
		require.NotEmpty(t, wc, "seed %d", seed)
		require.Equal(t, wc, bc, "seed %d: cut points without pieces", seed)
		require.Equal(t, wb, bb, "seed %d: bridges", seed)
		require.True(t, wf == bf || math.IsNaN(wf) && math.IsNaN(bf), "seed %d", seed)
		var all []int
		for v := range n {
			all = append(all, v)
			require.Equal(t, want.Neighbors(v), got.Neighbors(v), "seed %d: row %d", seed, v)
		}
		wcons, gcons := ConstraintOf(want, all, HolesOptions{}), got.ConstraintOf(all)
		for v := range n {
			require.True(t, wcons[v] == gcons[v] || math.IsNaN(wcons[v]) && math.IsNaN(gcons[v]), "seed %d: constraint of %s", seed, s.ID(v))
		}
		ws, gs := NewSeparation(want), got.Separation()
		for x := range n {
			wr, wn := ws.Component(x)
			gr, gn := gs.Component(x)
			require.Equal(t, [2]int{int(wr), wn}, [2]int{int(gr), gn}, "seed %d: component of %d", seed, x)
			require.Equal(t, ws.Outside(x), gs.Outside(x), "seed %d", seed)
			require.Equal(t, ws.Separating(x, nil), gs.Separating(x, nil), "seed %d", seed)
		}
	}
}

package centrality

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// hitsNet builds a network of n actors h0..h(n-1) with the given links:
// arcs (information links) and undirected edges (cooperation), weighted
// 1, 2, 3, 1, ... in order when weighted.
func hitsNet(t testing.TB, n int, arcs, edges [][2]int, weighted bool) *network.Snapshot {
	t.Helper()
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("h%03d", i), Kind: actor.NGO}
	}
	var ls []network.Link
	add := func(pairs [][2]int, kind network.LinkKind) {
		for _, p := range pairs {
			l := network.Link{From: as[p[0]].ID, To: as[p[1]].ID, Kind: kind}
			if weighted {
				l.Weight = float64(1 + len(ls)%3)
			}
			ls = append(ls, l)
		}
	}
	add(arcs, network.Information)
	add(edges, network.Cooperation)
	nw, err := network.Build("hits", as, ls)
	require.NoError(t, err)
	return nw.Snapshot()
}

// randomHITSNet draws m directed and m/2 undirected links among n actors
// (parallel links allowed: they merge).
func randomHITSNet(t testing.TB, rng *rand.Rand, n, m int, weighted bool) *network.Snapshot {
	pick := func(k int) [][2]int {
		var ps [][2]int
		for len(ps) < k {
			u, v := rng.IntN(n), rng.IntN(n)
			if u != v {
				ps = append(ps, [2]int{u, v})
			}
		}
		return ps
	}
	return hitsNet(t, n, pick(m), pick(m/2), weighted)
}

// denseHITS returns the leading left and right singular vectors of the
// snapshot's directed adjacency (weighted or not) by a dense SVD, each
// scaled to sum 1, and the ratio σ₂/σ₁.
func denseHITS(s *network.Snapshot, weighted bool) (hubs, auth []float64, ratio float64) {
	n := s.N()
	a := mat.NewDense(n, n, nil)
	for u := range n {
		ws := s.OutWeights(u)
		for k, v := range s.Out(u) {
			w := 1.0
			if weighted {
				w = ws[k]
			}
			a.Set(u, int(v), w)
		}
	}
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDFull) {
		panic("SVD failed")
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	sumTo1 := func(x []float64) []float64 {
		t := 0.0
		for _, y := range x {
			t += y
		}
		for i := range x {
			x[i] /= t
		}
		return x
	}
	sv := svd.Values(nil)
	return sumTo1(mat.Col(nil, 0, &u)), sumTo1(mat.Col(nil, 0, &v)), sv[1] / sv[0]
}

func TestHITSAgainstDenseSVD(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 2027))
	tried, worst := 0, 0.0
	for _, n := range []int{3, 5, 12, 30, 80, 200} {
		for _, density := range []float64{0.6, 1.5, 4} {
			for _, weighted := range []bool{false, true} {
				s := randomHITSNet(t, rng, n, int(density*float64(n)), weighted)
				wantH, wantA, ratio := denseHITS(s, weighted)
				if ratio > 1-1e-6 {
					continue // σ₁ is not simple: the vectors are not unique
				}
				tried++
				h, a, _, err := hits(s, EigenOptions{Weighted: weighted})
				require.NoError(t, err, "n %d density %v weighted %v", n, density, weighted)
				for i := range n {
					worst = max(worst, math.Abs(wantH[i]-h[i]), math.Abs(wantA[i]-a[i]))
					require.InDelta(t, wantH[i], h[i], 1e-10, "hub %d of n %d density %v weighted %v (σ₂/σ₁ %.4f)", i, n, density, weighted, ratio)
					require.InDelta(t, wantA[i], a[i], 1e-10, "authority %d of n %d density %v weighted %v (σ₂/σ₁ %.4f)", i, n, density, weighted, ratio)
				}
			}
		}
	}
	require.Greater(t, tried, 25)
	t.Logf("%d networks, max deviation %.2g", tried, worst)
}

// TestHITSAgainstPowerIteration runs Kleinberg's iteration to its limit on
// the 1,000-actor benchmark network, where the two leading singular values
// are close (σ₂²/σ₁² ≈ 0.9), and checks HITS at the benchmark's Tol against
// it, in far fewer products with A A^T.
func TestHITSAgainstPowerIteration(t *testing.T) {
	s := testnet.BenchNetwork(t, 1000).Snapshot()
	n := s.N()
	want := make([]float64, n)
	for i := range want {
		want[i] = 1
	}
	tmp := make([]float64, n)
	for range 2000 {
		for v := range n {
			tmp[v] = 0
			for _, u := range s.In(v) {
				tmp[v] += want[u]
			}
		}
		norm := 0.0
		for u := range n {
			want[u] = 0
			for _, v := range s.Out(u) {
				want[u] += tmp[v]
			}
			norm += want[u] * want[u]
		}
		for u := range want {
			want[u] /= math.Sqrt(norm)
		}
	}
	sum := 0.0
	for _, x := range want {
		sum += x
	}
	h, _, products, err := hits(s, EigenOptions{Tol: 1e-10})
	require.NoError(t, err)
	for i := range n {
		require.InDelta(t, want[i]/sum, h[i], 1e-12, "hub %s", s.ID(i))
	}
	require.Less(t, products, 60, "products with A A^T (Kleinberg's iteration needs about 250 for this accuracy)")
}

func TestHITSEdgeCases(t *testing.T) {
	// Without arcs the scores are undefined.
	for _, n := range []int{1, 4} {
		_, _, err := HITS(hitsNet(t, n, nil, nil, false), EigenOptions{})
		require.ErrorIs(t, err, ErrNoConvergence, "%d actors without links", n)
	}
	empty := hitsNet(t, 0, nil, nil, false)
	hubs, auth, err := HITS(empty, EigenOptions{})
	require.NoError(t, err)
	require.Empty(t, hubs)
	require.Empty(t, auth)

	// Too few products: an error, not a half-converged answer.
	_, _, err = HITS(testnet.BenchNetwork(t, 1000).Snapshot(), EigenOptions{MaxIter: 5})
	require.ErrorIs(t, err, ErrNoConvergence)

	// One arc: a is the hub, b the authority.
	h, a, _, err := hits(hitsNet(t, 3, [][2]int{{0, 1}}, nil, false), EigenOptions{})
	require.NoError(t, err)
	require.Equal(t, []float64{1, 0, 0}, h)
	require.Equal(t, []float64{0, 1, 0}, a)

	// σ₁ not simple: an undirected link (A A^T = I on the pair), and two
	// identical stars apart. Like the power iteration from the uniform
	// vector, HITS splits the scores evenly.
	h, a, _, err = hits(hitsNet(t, 2, nil, [][2]int{{0, 1}}, false), EigenOptions{})
	require.NoError(t, err)
	require.InDeltaSlice(t, []float64{0.5, 0.5}, h, 1e-15)
	require.InDeltaSlice(t, []float64{0.5, 0.5}, a, 1e-15)
	stars := [][2]int{{0, 1}, {0, 2}, {0, 3}, {4, 5}, {4, 6}, {4, 7}, {8, 9}}
	h, a, _, err = hits(hitsNet(t, 10, stars, nil, false), EigenOptions{})
	require.NoError(t, err)
	require.InDeltaSlice(t, []float64{0.5, 0, 0, 0, 0.5, 0, 0, 0, 0, 0}, h, 1e-14)
	require.InDeltaSlice(t, []float64{0, 1. / 6, 1. / 6, 1. / 6, 0, 1. / 6, 1. / 6, 1. / 6, 0, 0}, a, 1e-14)
}

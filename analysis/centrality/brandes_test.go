package centrality

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// The tests below check the unweighted kernel and the reduction of leaves
// against refBrandes, a plain transcription of Brandes' algorithm, and
// against the same computation with the reduction switched off.

// btwGraph builds a network of n actors v000… with the given links.
func btwGraph(t testing.TB, n int, links []network.Link) *network.Snapshot {
	t.Helper()
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("v%03d", i), Kind: actor.NGO}
	}
	nw, err := network.Build("btw", as, links)
	require.NoError(t, err)
	return nw.Snapshot()
}

// link joins actors u and v: undirected (cooperation) unless directed
// (information, an arc u → v), of weight w (0: the default 1).
func link(u, v int, directed bool, w float64) network.Link {
	k := network.Cooperation
	if directed {
		k = network.Information
	}
	return network.Link{From: fmt.Sprintf("v%03d", u), To: fmt.Sprintf("v%03d", v), Kind: k, Weight: w}
}

// refBrandes is Brandes' algorithm as the paper states it: a search from
// every actor (Dijkstra by scanning for the nearest unsettled actor, which
// is breadth-first search when unweighted) that keeps predecessor lists,
// then the accumulation over them. Weights are distances here and the
// tests use integers, so distances compare exactly. It returns raw pair
// counts, each unordered pair once on the undirected view.
func refBrandes(s *network.Snapshot, directed, weighted bool) []float64 {
	n := s.N()
	row, wts := s.Neighbors, s.NeighborWeights
	if directed {
		row, wts = s.Out, s.OutWeights
	}
	bc := make([]float64, n)
	for src := range n {
		dist := make([]float64, n)
		for i := range dist {
			dist[i] = math.Inf(1)
		}
		sigma := make([]float64, n)
		preds := make([][]int, n)
		done := make([]bool, n)
		var order []int
		dist[src], sigma[src] = 0, 1
		for {
			v := -1
			for u := range n {
				if !done[u] && !math.IsInf(dist[u], 1) && (v < 0 || dist[u] < dist[v]) {
					v = u
				}
			}
			if v < 0 {
				break
			}
			done[v] = true
			order = append(order, v)
			for k, w := range row(v) {
				l := 1.0
				if weighted {
					l = wts(v)[k]
				}
				switch nd := dist[v] + l; {
				case nd < dist[w]:
					dist[w], sigma[w], preds[w] = nd, sigma[v], []int{v}
				case nd == dist[w]:
					sigma[w] += sigma[v]
					preds[w] = append(preds[w], v)
				}
			}
		}
		delta := make([]float64, n)
		for k := len(order) - 1; k >= 0; k-- {
			w := order[k]
			for _, v := range preds[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			if w != src {
				bc[w] += delta[w]
			}
		}
	}
	if !directed {
		for i := range bc {
			bc[i] /= 2
		}
	}
	return bc
}

// requireClose requires got and want equal within a relative 1e-12 (an
// absolute 1e-12 near 0).
func requireClose(t *testing.T, want, got []float64, what string) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		require.InDelta(t, want[i], got[i], 1e-12*math.Max(1, math.Abs(want[i])), "%s: actor %d", what, i)
	}
}

// btwRaw is betweennessWith, unnormalised.
func btwRaw(t *testing.T, s *network.Snapshot, opt BetweennessOptions, reduce bool) []float64 {
	t.Helper()
	opt.Unnormalized = true
	vals, err := betweennessWith(context.Background(), s, nil, opt, reduce)
	require.NoError(t, err)
	return vals
}

// randomLeafy returns a random network of n actors: a random tree (so
// about a third of the actors are leaves, some in chains) plus extra links
// between random actors, some of them parallel to others, with integer
// weights 1..4, and a few actors left out of the tree (isolated, or in a
// separate small component).
func randomLeafy(t testing.TB, n, extra int, directed bool, seed uint64) *network.Snapshot {
	rng := rand.New(rand.NewPCG(seed, 7))
	var ls []network.Link
	tree := n - 6
	for v := 1; v < tree; v++ {
		u := rng.IntN(v)
		if rng.IntN(2) == 0 {
			u, v := v, u
			ls = append(ls, link(u, v, directed, float64(1+rng.IntN(4))))
		} else {
			ls = append(ls, link(u, v, directed, float64(1+rng.IntN(4))))
		}
	}
	for range extra {
		u, v := rng.IntN(tree), rng.IntN(tree)
		if u != v {
			ls = append(ls, link(u, v, directed, float64(1+rng.IntN(4))))
		}
	}
	// Actors tree..n-1: a path of three, an isolated pair, one alone.
	ls = append(ls, link(tree, tree+1, directed, 1), link(tree+1, tree+2, directed, 2), link(tree+3, tree+4, directed, 1))
	return btwGraph(t, n, ls)
}

// handGraphs are the small cases of TestLeafReduction.
func handGraphs(t *testing.T) map[string]*network.Snapshot {
	star := []network.Link{}
	for v := 1; v <= 7; v++ {
		star = append(star, link(0, v, false, 0))
	}
	return map[string]*network.Snapshot{
		// A triangle 0-1-2 with three leaves on 0 and one on 1.
		"leaves": btwGraph(t, 7, []network.Link{link(0, 1, false, 0), link(1, 2, false, 0), link(2, 0, false, 0),
			link(0, 3, false, 0), link(0, 4, false, 0), link(5, 0, false, 0), link(1, 6, false, 0)}),
		// A square 0-1-2-3 with the chain 3-4-5-6 hanging off it, and a
		// path 7-8-9-10-11 of its own.
		"chains of leaves": btwGraph(t, 12, []network.Link{link(0, 1, false, 0), link(1, 2, false, 0), link(2, 3, false, 0),
			link(3, 0, false, 0), link(3, 4, false, 0), link(4, 5, false, 0), link(5, 6, false, 0),
			link(7, 8, false, 0), link(8, 9, false, 0), link(9, 10, false, 0), link(10, 11, false, 0)}),
		"star": btwGraph(t, 8, star),
		// Leaf 4 joined to 0 by three parallel links (one of them an arc
		// each way), leaf 5 by two; 1-2 doubled inside the cycle 0-1-2-3.
		"parallel links": btwGraph(t, 6, []network.Link{link(0, 1, false, 0), link(1, 2, false, 0), link(1, 2, false, 0),
			link(2, 3, false, 0), link(3, 0, false, 0), link(0, 4, false, 0), link(4, 0, true, 0), link(0, 4, true, 0),
			link(5, 2, false, 0), link(2, 5, false, 0)}),
		// Two stars, an isolated pair (each a leaf of the other), a path
		// of three and two isolated actors.
		"disconnected": btwGraph(t, 14, []network.Link{link(0, 1, false, 0), link(0, 2, false, 0), link(0, 3, false, 0),
			link(4, 5, false, 0), link(4, 6, false, 0), link(7, 8, false, 0), link(9, 10, false, 0), link(10, 11, false, 0)}),
	}
}

func TestLeafReduction(t *testing.T) {
	cases := handGraphs(t)
	for seed := range uint64(6) {
		cases[fmt.Sprintf("random %d", seed)] = randomLeafy(t, 80, 30+int(seed)*10, false, seed)
	}
	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			count, _ := leaves(s, nil)
			require.NotNil(t, count, "the case must have leaves to skip")
			want := refBrandes(s, false, false)
			requireClose(t, want, btwRaw(t, s, BetweennessOptions{}, true), "unweighted, leaves reduced")
			requireClose(t, want, btwRaw(t, s, BetweennessOptions{}, false), "unweighted, every search")
			// Weights as distances, integers: exact in the reference.
			want = refBrandes(s, false, true)
			opt := BetweennessOptions{Weighted: true, WeightIsDistance: true}
			requireClose(t, want, btwRaw(t, s, opt, true), "weighted, leaves reduced")
			requireClose(t, want, btwRaw(t, s, opt, false), "weighted, every search")
			// Weights as tie strengths (distances 1/w).
			opt = BetweennessOptions{Weighted: true}
			requireClose(t, btwRaw(t, s, opt, false), btwRaw(t, s, opt, true), "tie strengths, reduced against every search")
			// Normalised, through the exported function.
			norm, err := betweennessFrom(context.Background(), s, nil, BetweennessOptions{})
			require.NoError(t, err)
			plain := btwRaw(t, s, BetweennessOptions{}, false)
			for i := range plain {
				if n := float64(s.N()); n > 2 {
					plain[i] *= 2 / ((n - 1) * (n - 2))
				}
			}
			requireClose(t, plain, norm, "normalised")
		})
	}
}

// TestLeavesFound checks which actors the reduction skips on the hand
// cases: one-neighbour actors whose neighbour has others, parallel links
// counting once, never both actors of an isolated pair.
func TestLeavesFound(t *testing.T) {
	cases := handGraphs(t)
	for name, want := range map[string][]int32{
		"leaves":           {3, 1, 0, 0, 0, 0, 0},
		"chains of leaves": {0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0},
		"star":             {7, 0, 0, 0, 0, 0, 0, 0},
		"parallel links":   {1, 0, 1, 0, 0, 0},
		"disconnected":     {3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 2, 0, 0, 0},
	} {
		count, sources := leaves(cases[name], nil)
		require.Equal(t, want, count, name)
		skipped := 0
		for _, c := range want {
			skipped += int(c)
		}
		require.Len(t, sources, len(want)-skipped, name)
	}
}

// TestDirectedNotReduced checks directed betweenness against the reference
// on networks with one-neighbour actors, and that the reduction would be
// wrong there: an arc into a leaf carries no path out of it.
func TestDirectedNotReduced(t *testing.T) {
	for seed := range uint64(4) {
		s := randomLeafy(t, 60, 20, true, seed)
		want := refBrandes(s, true, false)
		requireClose(t, want, btwRaw(t, s, BetweennessOptions{Directed: true}, false), "directed")
		vals, err := betweennessFrom(context.Background(), s, nil, BetweennessOptions{Directed: true, Unnormalized: true})
		require.NoError(t, err)
		requireClose(t, want, vals, "directed, as Betweenness runs it")
		requireClose(t, refBrandes(s, true, true), btwRaw(t, s, BetweennessOptions{Directed: true, Weighted: true, WeightIsDistance: true}, false), "directed weighted")
	}
	// 0 → 1 → 2, 2 – 3: 3 is a leaf of the undirected view, yet from 1 it
	// is reachable and from 3 nothing but 2 is.
	s := btwGraph(t, 4, []network.Link{link(0, 1, true, 0), link(1, 2, true, 0), link(2, 3, false, 0)})
	want := refBrandes(s, true, false)
	requireClose(t, want, btwRaw(t, s, BetweennessOptions{Directed: true}, false), "directed path")
	wrong := btwRaw(t, s, BetweennessOptions{Directed: true}, true)
	require.NotEqual(t, want, wrong, "the reduction does not hold on arcs")
}

// TestBFSKernelDirections checks that the direction of each level of the
// search (top-down, bottom-up or the mix the kernel picks) and the width of
// the actor numbers change no bit of the result.
func TestBFSKernelDirections(t *testing.T) {
	run := func(s *network.Snapshot, wide bool, directed bool) []float64 {
		n := s.N()
		g := search.Forward(s, directed)
		tr := search.NewTracker(context.Background(), n, nil)
		source := func(k int) int { return k }
		mult := func(int) (float64, float64) { return 1, 0 }
		var vals []float64
		var err error
		if wide {
			vals, err = bfsBetweenness[uint32](tr, s, g, directed, n, source, mult, 2, 2, nil)
		} else {
			vals, err = bfsBetweenness[uint16](tr, s, g, directed, n, source, mult, 2, 2, nil)
		}
		require.NoError(t, err)
		return vals
	}
	defer func(r int) { bottomUpRatio = r }(bottomUpRatio)
	for seed := range uint64(4) {
		for _, directed := range []bool{false, true} {
			s := randomLeafy(t, 120, 150, directed, seed)
			bottomUpRatio = 4
			want := run(s, false, directed)
			scale := 0.5
			if directed {
				scale = 1
			}
			ref := refBrandes(s, directed, false)
			for i := range ref {
				ref[i] /= scale
			}
			requireClose(t, ref, want, "kernel against the reference")
			for _, ratio := range []int{0, 1, 1 << 30} {
				bottomUpRatio = ratio
				for _, wide := range []bool{false, true} {
					got := run(s, wide, directed)
					for i := range want {
						require.Equal(t, math.Float64bits(want[i]), math.Float64bits(got[i]),
							"seed %d, directed %v, ratio %d, wide %v, actor %d", seed, directed, ratio, wide, i)
					}
				}
			}
		}
	}
}

// TestBetweennessProgressWithLeaves checks that the searches skipped for
// leaves still count as steps: progress ends at N.
func TestBetweennessProgressWithLeaves(t *testing.T) {
	s := randomLeafy(t, 80, 20, false, 3)
	for _, weighted := range []bool{false, true} {
		last, total := 0, 0
		_, err := Betweenness(context.Background(), s, BetweennessOptions{Weighted: weighted, Workers: 3,
			Progress: func(done, all int) { last, total = done, all }})
		require.NoError(t, err)
		require.Equal(t, s.N(), total)
		require.Equal(t, s.N(), last)
	}
}

// BenchmarkBetweennessLeafy runs exact betweenness on networks of 5,000
// actors made of a random tree plus random links: "dense" has 25,000 more
// (mean degree 12, as the generated networks of issue #16; 2 leaves),
// "sparse" 5,000 more (mean degree 4; 337 leaves), each with and without
// the reduction of leaves, and on one goroutine.
func BenchmarkBetweennessLeafy(b *testing.B) {
	for _, net := range []struct {
		name  string
		extra int
	}{{"dense", 25000}, {"sparse", 5000}} {
		s := randomLeafy(b, 5000, net.extra, false, 1)
		for _, bc := range []struct {
			name    string
			reduce  bool
			workers int
		}{{"reduced", true, 0}, {"every-search", false, 0}, {"one-worker", true, 1}} {
			b.Run(net.name+"/"+bc.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := betweennessWith(context.Background(), s, nil, BetweennessOptions{Workers: bc.workers}, bc.reduce); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

package centrality

import (
	"context"
	"fmt"
	"math"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
	gonumnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

var centralRefs = []string{"karate", "florentine", "kite", "random_undirected", "random_directed", "small_directed"}

// checkRef compares a ranking with the reference metric, within tol.
// Reference values flagged as numerical zeros (|x| < 1e-12) compare as 0.
func checkRef(t *testing.T, name, metric string, ref testnet.Values, got analysis.Ranking, tol float64) {
	t.Helper()
	want, ok := ref.Metrics[metric]
	if !ok {
		t.Fatalf("%s: no reference for %s", name, metric)
	}
	m := got.Map()
	require.Len(t, m, len(want), "%s %s: actors", name, metric)
	worst := 0.0
	for id, w := range want {
		g, ok := m[id]
		require.True(t, ok, "%s %s: %s missing", name, metric, id)
		if w == nil {
			require.True(t, math.IsNaN(g), "%s %s %s: want undefined, got %v", name, metric, id, g)
			continue
		}
		worst = math.Max(worst, math.Abs(*w-g))
		if math.Abs(*w-g) > tol {
			t.Errorf("%s %s %s: got %.15g, want %.15g", name, metric, id, g, *w)
		}
	}
	t.Logf("%s %s: max deviation %.2g", name, metric, worst)
}

func isDirectedRef(name string) bool { return name == "random_directed" || name == "small_directed" }

func TestCentralityAgainstNetworkX(t *testing.T) {
	for _, name := range centralRefs {
		n, ref := testnet.LoadRef(t, name)
		s := n.Snapshot()
		dir := isDirectedRef(name)
		t.Run(name, func(t *testing.T) {
			checkRef(t, name, "degree", ref, Degree(s, DegreeOptions{Directed: dir}), 0)
			checkRef(t, name, "degree_centrality", ref, Degree(s, DegreeOptions{Directed: dir, Normalized: true}), 1e-12)
			checkRef(t, name, "strength", ref, Degree(s, DegreeOptions{Directed: dir, Weighted: true}), 1e-12)
			if dir {
				checkRef(t, name, "in_degree", ref, Degree(s, DegreeOptions{Mode: In}), 0)
				checkRef(t, name, "out_degree", ref, Degree(s, DegreeOptions{Mode: Out}), 0)
				checkRef(t, name, "in_degree_centrality", ref, Degree(s, DegreeOptions{Mode: In, Normalized: true}), 1e-12)
				checkRef(t, name, "out_strength", ref, Degree(s, DegreeOptions{Mode: Out, Weighted: true}), 1e-12)
			}
			checkRef(t, name, "betweenness", ref, btw(t, s, BetweennessOptions{Directed: dir}), 1e-9)
			checkRef(t, name, "betweenness_unnormalized", ref, btw(t, s, BetweennessOptions{Directed: dir, Unnormalized: true}), 1e-9)
			weighted := "betweenness_weighted"
			if _, ok := ref.Metrics["betweenness_weighted_exact"]; ok {
				weighted = "betweenness_weighted_exact"
			}
			checkRef(t, name, weighted, ref, btw(t, s, BetweennessOptions{Directed: dir, Weighted: true}), 1e-9)
			checkRef(t, name, "closeness", ref, clo(t, s, ClosenessOptions{Directed: dir}), 1e-9)
			checkRef(t, name, "closeness_weighted", ref, clo(t, s, ClosenessOptions{Directed: dir, Weighted: true}), 1e-9)
			checkRef(t, name, "harmonic", ref, harm(t, s, ClosenessOptions{Directed: dir}), 1e-9)

			pr, err := PageRank(s, PageRankOptions{Directed: dir})
			require.NoError(t, err)
			checkRef(t, name, "pagerank", ref, pr, 1e-9)
			pr, err = PageRank(s, PageRankOptions{Directed: dir, Weighted: true})
			require.NoError(t, err)
			checkRef(t, name, "pagerank_weighted", ref, pr, 1e-9)
			ids := s.IDs()
			pr, err = PageRank(s, PageRankOptions{Directed: dir, Personalization: map[string]float64{ids[0]: 1, ids[2]: 1}})
			require.NoError(t, err)
			checkRef(t, name, "pagerank_personalized", ref, pr, 1e-9)

			ev, err := Eigenvector(s, EigenOptions{Directed: dir})
			require.NoError(t, err)
			checkRef(t, name, "eigenvector", ref, ev, 1e-8)
			ev, err = Eigenvector(s, EigenOptions{Directed: dir, Weighted: true})
			require.NoError(t, err)
			checkRef(t, name, "eigenvector_weighted", ref, ev, 1e-8)
			kz, err := Katz(s, EigenOptions{Directed: dir, Alpha: 0.1, Beta: 1})
			require.NoError(t, err)
			checkRef(t, name, "katz", ref, kz, 1e-9)
			if dir {
				hubs, auth, err := HITS(s, EigenOptions{})
				require.NoError(t, err)
				checkRef(t, name, "hubs", ref, hubs, 1e-8)
				checkRef(t, name, "authorities", ref, auth, 1e-8)
			}
		})
	}
}

func TestBetweennessDoesNotDependOnWorkers(t *testing.T) {
	n, _ := testnet.LoadRef(t, "random_undirected")
	s := n.Snapshot()
	for _, w := range []bool{false, true} {
		one := btw(t, s, BetweennessOptions{Weighted: w, Workers: 1})
		four := btw(t, s, BetweennessOptions{Weighted: w, Workers: 4})
		for i := range one {
			require.Equal(t, one[i].ID, four[i].ID)
			require.Equal(t, math.Float64bits(float64(one[i].Value)), math.Float64bits(float64(four[i].Value)), "actor %s, weighted %v", one[i].ID, w)
		}
	}
}

// chain builds a path a0 - a1 - ... - a(k-1) plus the given isolated actors.
func chain(t *testing.T, k int, isolated ...string) *network.Snapshot {
	t.Helper()
	var as []actor.Actor
	var ls []network.Link
	for i := range k {
		as = append(as, actor.Actor{ID: fmt.Sprintf("a%d", i), Kind: actor.NGO})
		if i > 0 {
			ls = append(ls, network.Link{From: fmt.Sprintf("a%d", i-1), To: fmt.Sprintf("a%d", i), Kind: network.Cooperation})
		}
	}
	for _, id := range isolated {
		as = append(as, actor.Actor{ID: id, Kind: actor.NGO})
	}
	n, err := network.Build("chain", as, ls)
	require.NoError(t, err)
	return n.Snapshot()
}

func TestCentralityByHand(t *testing.T) {
	s := chain(t, 3, "z") // a0 - a1 - a2, z alone
	tests := []struct {
		reason string
		got    analysis.Ranking
		want   map[string]float64
	}{
		{"only the middle of a path lies between others; 1 pair of 3 possible", btw(t, s, BetweennessOptions{}), map[string]float64{"a0": 0, "a1": 1.0 / 3, "a2": 0, "z": 0}},
		{"unnormalised: one pair", btw(t, s, BetweennessOptions{Unnormalized: true}), map[string]float64{"a0": 0, "a1": 1, "a2": 0, "z": 0}},
		{"closeness with Wasserman-Faust: the isolate scores 0", clo(t, s, ClosenessOptions{}), map[string]float64{"a0": 2.0 / 3 * 2.0 / 3, "a1": 2.0 / 3 * 1, "a2": 2.0 / 3 * 2.0 / 3, "z": 0}},
		{"harmonic: 1 + 1/2 at the ends", harm(t, s, ClosenessOptions{}), map[string]float64{"a0": 1.5, "a1": 2, "a2": 1.5, "z": 0}},
		{"degree centrality over n-1 = 3", Degree(s, DegreeOptions{Normalized: true}), map[string]float64{"a0": 1.0 / 3, "a1": 2.0 / 3, "a2": 1.0 / 3, "z": 0}},
	}
	for _, tt := range tests {
		for id, w := range tt.want {
			g, _ := tt.got.Value(id)
			require.InDelta(t, w, g, 1e-12, "%s: %s", tt.reason, id)
		}
	}
	// Ties are broken by ID.
	r := Degree(s, DegreeOptions{})
	require.Equal(t, []string{"a1", "a0", "a2", "z"}, []string{r[0].ID, r[1].ID, r[2].ID, r[3].ID})
}

func TestCentralityEdgeCases(t *testing.T) {
	empty, err := network.Build("empty", nil, nil)
	require.NoError(t, err)
	s := empty.Snapshot()
	require.Empty(t, btw(t, s, BetweennessOptions{}))
	pr, err := PageRank(s, PageRankOptions{})
	require.NoError(t, err)
	require.Empty(t, pr)

	one := chain(t, 1)
	require.Equal(t, analysis.Float(1), Degree(one, DegreeOptions{Normalized: true})[0].Value, "NetworkX gives a lone actor degree centrality 1")
	_, err = PageRank(one, PageRankOptions{Personalization: map[string]float64{"nobody": 1}})
	require.ErrorIs(t, err, network.ErrUnknownActor)
	_, err = PageRank(one, PageRankOptions{Damping: 1.5})
	require.Error(t, err)
	// Katz with α above 1/λ diverges: an error, not a panic or garbage.
	_, err = Katz(chain(t, 4), EigenOptions{Alpha: 2})
	require.ErrorIs(t, err, ErrNoConvergence)
	_, _, err = HITS(chain(t, 2), EigenOptions{}) // undirected links are arcs both ways
	require.NoError(t, err)
}

// TestCentralityAgainstGonum runs gonum's own algorithms on the snapshot's
// gonum faces: betweenness (gonum counts undirected pairs twice), closeness
// and harmonic (gonum's closeness is 1/Σd on a connected graph).
func TestCentralityAgainstGonum(t *testing.T) {
	n, _ := testnet.LoadRef(t, "karate")
	s := n.Snapshot()
	g := s.Undirected()
	gb := gonumnet.Betweenness(g)
	ours := btw(t, s, BetweennessOptions{Unnormalized: true}).Map()
	for i := range s.N() {
		require.InDelta(t, gb[int64(i)]/2, ours[s.ID(i)], 1e-9, "betweenness of %s", s.ID(i))
	}
	// gonum's weighted shortest paths read weights as distances.
	paths := path.DijkstraAllPaths(g)
	gc := gonumnet.Closeness(g, paths)
	close := clo(t, s, ClosenessOptions{Weighted: true, WeightIsDistance: true}).Map()
	nn := float64(s.N() - 1)
	for i := range s.N() {
		require.InDelta(t, gc[int64(i)]*nn, close[s.ID(i)], 1e-9, "closeness of %s", s.ID(i))
	}
	// PageRank on the directed face: gonum's iteration agrees to its tolerance.
	d, _ := testnet.LoadRef(t, "random_directed")
	ds := d.Snapshot()
	dg := simple.NewDirectedGraph()
	for i := range ds.N() {
		dg.AddNode(simple.Node(i))
	}
	for i := range ds.N() {
		for _, j := range ds.Out(i) {
			dg.SetEdge(simple.Edge{F: simple.Node(i), T: simple.Node(j)})
		}
	}
	gpr := gonumnet.PageRankSparse(dg, 0.85, 1e-12)
	pr, err := PageRank(ds, PageRankOptions{Directed: true})
	require.NoError(t, err)
	// gonum spreads dangling rank uniformly, as does our default.
	var gsum, osum float64
	keys := make([]int, 0, len(gpr))
	for k := range gpr {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	for _, k := range keys {
		gsum += gpr[int64(k)]
	}
	for _, sc := range pr {
		osum += float64(sc.Value)
	}
	require.InDelta(t, 1, gsum, 1e-6)
	require.InDelta(t, 1, osum, 1e-9)
	pm := pr.Map()
	for _, k := range keys {
		require.InDelta(t, gpr[int64(k)], pm[ds.ID(k)], 1e-6, "pagerank of %s", ds.ID(k))
	}
}

func TestApproxBetweenness(t *testing.T) {
	n, _ := testnet.LoadRef(t, "karate")
	s := n.Snapshot()
	exact := btw(t, s, BetweennessOptions{}).Map()
	full := approxBtw(t, s, s.N(), 1, BetweennessOptions{}).Map()
	for id, v := range exact {
		require.InDelta(t, v, full[id], 1e-12, "k = N is exact")
	}
	// With half the sources, every estimate lies within the 95% bound.
	k := s.N() / 2
	bound := ApproxBetweennessBound(s.N(), k, 0.05)
	for seed := range uint64(20) {
		est := approxBtw(t, s, k, seed, BetweennessOptions{}).Map()
		for id, v := range exact {
			require.LessOrEqual(t, math.Abs(est[id]-v), bound, "seed %d, %s", seed, id)
		}
	}
	// Same seed, same estimate; another seed, another sample.
	a := approxBtw(t, s, 10, 7, BetweennessOptions{})
	require.Equal(t, a, approxBtw(t, s, 10, 7, BetweennessOptions{}))
	require.NotEqual(t, a, approxBtw(t, s, 10, 8, BetweennessOptions{}))
	require.True(t, math.IsNaN(ApproxBetweennessBound(1, 5, 0.05)))
}

// btw, approxBtw, clo and harm run the measures without cancellation and
// fail the test on error.
func btw(t testing.TB, s *network.Snapshot, opt BetweennessOptions) analysis.Ranking {
	t.Helper()
	r, err := Betweenness(context.Background(), s, opt)
	require.NoError(t, err)
	return r
}

func approxBtw(t testing.TB, s *network.Snapshot, k int, seed uint64, opt BetweennessOptions) analysis.Ranking {
	t.Helper()
	r, err := ApproxBetweenness(context.Background(), s, k, seed, opt)
	require.NoError(t, err)
	return r
}

func clo(t testing.TB, s *network.Snapshot, opt ClosenessOptions) analysis.Ranking {
	t.Helper()
	r, err := Closeness(context.Background(), s, opt)
	require.NoError(t, err)
	return r
}

func harm(t testing.TB, s *network.Snapshot, opt ClosenessOptions) analysis.Ranking {
	t.Helper()
	r, err := Harmonic(context.Background(), s, opt)
	require.NoError(t, err)
	return r
}

package cohesion

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// leidenRandom returns a seeded random network of n actors "rNNNN" and up
// to m cooperation links between random pairs (repeats merge).
func leidenRandom(t testing.TB, seed uint64, n, m int) *network.Snapshot {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 5233))
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("r%04d", i)
	}
	var specs []string
	for range m {
		if u, v := rng.IntN(n), rng.IntN(n); u != v {
			specs = append(specs, ids[u]+"-"+ids[v])
		}
	}
	return cohSnap(t, cohActors(ids...), cohLinks(specs...))
}

// leidenDisconnected returns the communities of groups that are not
// connected: a breadth-first search from a community's first actor,
// following only links inside the community, must reach all its actors.
func leidenDisconnected(s *network.Snapshot, groups [][]string) [][]string {
	label := make([]int, s.N())
	for k, g := range groups {
		for _, id := range g {
			i, _ := s.Index(id)
			label[i] = k
		}
	}
	var bad [][]string
	seen := make([]bool, s.N())
	for k, g := range groups {
		start, _ := s.Index(g[0])
		seen[start] = true
		queue, reached := []int{start}, 1
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, v := range s.Neighbors(u) {
				if !seen[v] && label[v] == k {
					seen[v] = true
					reached++
					queue = append(queue, int(v))
				}
			}
		}
		if reached != len(g) {
			bad = append(bad, g)
		}
	}
	return bad
}

// leidenCheck fails unless c partitions the actors of s into connected
// communities, ordered by smallest ID with members ascending, and carries
// their modularity.
func leidenCheck(t *testing.T, s *network.Snapshot, c Communities, opt LeidenOptions, what string) {
	t.Helper()
	q, err := Modularity(s, c.Groups, ModularityOptions{Weighted: opt.Weighted, Resolution: opt.Resolution})
	require.NoError(t, err, "%s: Leiden must return a partition", what)
	if !(math.IsNaN(q) && math.IsNaN(float64(c.Modularity))) {
		require.InDelta(t, q, float64(c.Modularity), 1e-12, "%s: modularity", what)
	}
	for k := 1; k < len(c.Groups); k++ {
		require.Less(t, c.Groups[k-1][0], c.Groups[k][0], "%s: communities ordered by smallest ID", what)
	}
	for _, g := range c.Groups {
		require.True(t, slices.IsSorted(g), "%s: members ascending", what)
	}
	require.Empty(t, leidenDisconnected(s, c.Groups), "%s: disconnected communities", what)
}

// TestLeidenConnected checks that every community is connected on seeded
// random networks, small and sparse ones (where poor local optima abound)
// and larger ones, with and without weights, at three resolutions.
func TestLeidenConnected(t *testing.T) {
	sizes := [][2]int{{12, 24}, {30, 60}, {40, 120}, {300, 450}, {2000, 6000}}
	for gs := range uint64(30) {
		for _, nm := range sizes {
			if nm[0] >= 2000 && gs >= 3 {
				continue
			}
			s := leidenRandom(t, gs, nm[0], nm[1])
			for _, res := range []float64{0.5, 1, 2} {
				for seed := range uint64(2) {
					opt := LeidenOptions{Seed: seed, Resolution: res, Weighted: seed == 1}
					leidenCheck(t, s, Leiden(s, opt), opt, fmt.Sprintf("graph %d %v γ=%g seed %d", gs, nm, res, seed))
				}
			}
		}
	}
}

// TestLeidenWhereLouvainDisconnects runs Leiden on random networks found by
// search where Louvain, with the given seed, returns a community in two
// pieces (the defect the Leiden algorithm was designed to remove, Traag et
// al. 2019, Fig. 2): Leiden's communities must be connected for each of ten
// seeds, each within 0.01 of Louvain's modularity and the best above it.
func TestLeidenWhereLouvainDisconnects(t *testing.T) {
	for _, tc := range []struct {
		graph uint64
		n, m  int
		seed  uint64
	}{{119, 30, 60, 0}, {1046, 40, 120, 4}} {
		s := leidenRandom(t, tc.graph, tc.n, tc.m)
		what := fmt.Sprintf("graph %d (%d, %d) seed %d", tc.graph, tc.n, tc.m, tc.seed)
		lv := Louvain(s, LouvainOptions{Seed: tc.seed})
		if len(leidenDisconnected(s, lv.Groups)) == 0 {
			t.Logf("%s: Louvain no longer leaves a community disconnected here; the case still tests Leiden", what)
		}
		best := math.Inf(-1)
		for seed := range uint64(10) {
			opt := LeidenOptions{Seed: seed}
			c := Leiden(s, opt)
			leidenCheck(t, s, c, opt, fmt.Sprintf("%s, Leiden seed %d", what, seed))
			require.GreaterOrEqual(t, float64(c.Modularity), float64(lv.Modularity)-0.01, "%s: Leiden seed %d below Louvain", what, seed)
			best = max(best, float64(c.Modularity))
		}
		t.Logf("%s: Louvain %.6f, Leiden best of 10 seeds %.6f", what, lv.Modularity, best)
		require.GreaterOrEqual(t, best, float64(lv.Modularity), "%s: Leiden's best below Louvain", what)
	}
}

// leidenRef is testdata/leiden/reference.json, written by reference.py.
type leidenRef struct {
	Igraph string `json:"igraph"`
	Graphs map[string]struct {
		Min               float64  `json:"min"`
		Mean              float64  `json:"mean"`
		Best              float64  `json:"best"`
		BestCommunities   int      `json:"best_communities"`
		Seeds             int      `json:"seeds"`
		PlantedModularity *float64 `json:"planted_modularity"`
	} `json:"graphs"`
}

func loadLeidenRef(t testing.TB) leidenRef {
	t.Helper()
	var r leidenRef
	testnet.ReadJSON(t, filepath.Join("testdata", "leiden", "reference.json"), &r)
	return r
}

// leidenNet returns the snapshot of a reference network: karate from
// analysis/testdata/graphs, the others from testdata/leiden.
func leidenNet(t testing.TB, name string) *network.Snapshot {
	t.Helper()
	if name == "karate" {
		n, _ := testnet.LoadRef(t, "karate")
		return n.Snapshot()
	}
	var g testnet.Graph
	testnet.ReadJSON(t, filepath.Join("testdata", "leiden", name+".json"), &g)
	return testnet.Build(t, g).Snapshot()
}

// TestLeidenAgainstIgraph compares, on every network of reference.json,
// the modularity Leiden reaches with the best of igraph's community_leiden
// over 200 seeds (n_iterations=-1): each of our first 20 seeds must come
// within 0.01 of it, and the best of them must reach igraph's mean.
func TestLeidenAgainstIgraph(t *testing.T) {
	ref := loadLeidenRef(t)
	require.NotEmpty(t, ref.Graphs)
	for key, r := range ref.Graphs {
		name, weighted := key, false
		if n, ok := strings.CutSuffix(key, "_weighted"); ok {
			name, weighted = n, true
		}
		s := leidenNet(t, name)
		best := math.Inf(-1)
		for seed := range uint64(20) {
			c := Leiden(s, LeidenOptions{Seed: seed, Weighted: weighted})
			require.GreaterOrEqual(t, float64(c.Modularity), r.Best-0.01, "%s seed %d: igraph %s best %.6f", key, seed, ref.Igraph, r.Best)
			best = max(best, float64(c.Modularity))
		}
		t.Logf("%s: ours best %.6f; igraph best %.6f mean %.6f min %.6f", key, best, r.Best, r.Mean, r.Min)
		require.GreaterOrEqual(t, best, r.Mean-1e-9, "%s: best of our seeds below igraph's mean", key)
	}
}

// TestLeidenVersusLouvain: on Zachary's karate club (weighted and not) and
// the sparse random network, over 50 seeds, Leiden's best modularity must
// reach Louvain's best and its mean come within 0.002 of Louvain's mean or
// above it.
func TestLeidenVersusLouvain(t *testing.T) {
	for _, tc := range []struct {
		name     string
		weighted bool
	}{{"karate", false}, {"karate", true}, {"sparse", false}} {
		s := leidenNet(t, tc.name)
		var lvBest, ldBest, lvSum, ldSum float64 = math.Inf(-1), math.Inf(-1), 0, 0
		const seeds = 50
		for seed := range uint64(seeds) {
			lv := float64(Louvain(s, LouvainOptions{Seed: seed, Weighted: tc.weighted}).Modularity)
			ld := float64(Leiden(s, LeidenOptions{Seed: seed, Weighted: tc.weighted}).Modularity)
			lvBest, ldBest = max(lvBest, lv), max(ldBest, ld)
			lvSum, ldSum = lvSum+lv, ldSum+ld
		}
		t.Logf("%s weighted=%v: Leiden best %.6f mean %.6f; Louvain best %.6f mean %.6f", tc.name, tc.weighted, ldBest, ldSum/seeds, lvBest, lvSum/seeds)
		require.GreaterOrEqual(t, ldBest, lvBest-1e-9, "%s weighted=%v: best", tc.name, tc.weighted)
		require.GreaterOrEqual(t, ldSum/seeds, lvSum/seeds-0.002, "%s weighted=%v: mean", tc.name, tc.weighted)
	}
}

// TestLeidenPlanted: on the planted partition of testdata/leiden/planted.json
// (8 groups of 30, p_in 0.3, p_out 0.005), every seed recovers the planted
// groups exactly, whose modularity igraph's best run also reaches, and so
// matches or beats Louvain.
func TestLeidenPlanted(t *testing.T) {
	s := leidenNet(t, "planted")
	want := PartitionBy(s, "group").Groups
	slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	ref := loadLeidenRef(t).Graphs["planted"]
	require.NotNil(t, ref.PlantedModularity)
	for seed := range uint64(10) {
		c := Leiden(s, LeidenOptions{Seed: seed})
		if diff := cmp.Diff(want, c.Groups); diff != "" {
			t.Fatalf("seed %d: planted groups not recovered (-want +got):\n%s", seed, diff)
		}
		require.InDelta(t, *ref.PlantedModularity, float64(c.Modularity), 1e-9, "seed %d: igraph's modularity of the planted partition", seed)
		lv := Louvain(s, LouvainOptions{Seed: seed})
		require.GreaterOrEqual(t, float64(c.Modularity), float64(lv.Modularity)-1e-9, "seed %d: below Louvain", seed)
	}
}

// TestLeidenDeterministic runs Leiden twice per seed and option set: the
// same seed gives the same communities.
func TestLeidenDeterministic(t *testing.T) {
	x := loadCohExtra(t)
	nets := []*network.Snapshot{testnet.Build(t, x.Networks[0].Graph).Snapshot(), leidenRandom(t, 7, 2000, 5000)}
	for i, s := range nets {
		for seed := range uint64(5) {
			for _, opt := range []LeidenOptions{{Seed: seed}, {Seed: seed, Weighted: true}, {Seed: seed, Resolution: 2, Theta: 0.5}, {Seed: seed, MaxIterations: 1}} {
				a, b := Leiden(s, opt), Leiden(s, opt)
				if diff := cmp.Diff(a, b); diff != "" {
					t.Fatalf("network %d %+v: two runs differ:\n%s", i, opt, diff)
				}
				leidenCheck(t, s, a, opt, fmt.Sprintf("network %d %+v", i, opt))
			}
		}
	}
}

// TestLeidenIterations: iterating until nothing changes never ends below a
// single iteration with the same seed, which starts the same way.
func TestLeidenIterations(t *testing.T) {
	s := leidenRandom(t, 3, 2000, 5000)
	for seed := range uint64(5) {
		one := Leiden(s, LeidenOptions{Seed: seed, MaxIterations: 1})
		all := Leiden(s, LeidenOptions{Seed: seed})
		require.GreaterOrEqual(t, float64(all.Modularity), float64(one.Modularity)-1e-12, "seed %d", seed)
	}
}

func TestLeidenSmall(t *testing.T) {
	tests := []struct {
		s      *network.Snapshot
		opt    LeidenOptions
		want   [][]string
		nan    bool
		reason string
	}{
		{cohSnap(t, cohActors("a", "b", "c", "d", "e", "f"), cohLinks("a-b", "b-c", "a-c", "d-e", "e-f", "d-f", "c-d")), LeidenOptions{},
			[][]string{{"a", "b", "c"}, {"d", "e", "f"}}, false, "two triangles joined by a bridge split at the bridge"},
		{cohSnap(t, cohActors("a", "b", "c", "z"), cohLinks("a-b", "b-c", "a-c")), LeidenOptions{},
			[][]string{{"a", "b", "c"}, {"z"}}, false, "an isolated actor is a community of its own"},
		{cohSnap(t, cohActors("a", "b", "c", "d"), cohLinks("a>b", "b>a", "c>d")), LeidenOptions{Weighted: true},
			[][]string{{"a", "b"}, {"c", "d"}}, false, "directions are ignored: two linked pairs"},
		{cohSnap(t, cohActors("a", "b"), nil), LeidenOptions{},
			[][]string{{"a"}, {"b"}}, true, "no link: every actor alone, modularity undefined"},
		{cohSnap(t, cohActors("a"), nil), LeidenOptions{},
			[][]string{{"a"}}, true, "a single actor"},
		{cohSnap(t, nil, nil), LeidenOptions{}, [][]string{}, true, "no actor: no community"},
	}
	for _, tc := range tests {
		got := Leiden(tc.s, tc.opt)
		if diff := cmp.Diff(tc.want, got.Groups); diff != "" {
			t.Errorf("(-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
		if math.IsNaN(float64(got.Modularity)) != tc.nan {
			t.Errorf("modularity %v, NaN want %v (reason: %s)", got.Modularity, tc.nan, tc.reason)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Errorf("JSON: %v (reason: %s)", err, tc.reason)
		}
	}
}

func ExampleLeiden() {
	// Employers cooperate around the labour office, schools around the
	// town, and one partnership joins the two circles.
	var actors []actor.Actor
	for _, id := range []string{"bakery", "college", "factory", "office", "school", "town"} {
		actors = append(actors, actor.Actor{ID: id, Kind: actor.Organisation})
	}
	n, err := network.Build("pact", actors, []network.Link{
		{From: "office", To: "factory", Kind: network.Cooperation},
		{From: "office", To: "bakery", Kind: network.Cooperation},
		{From: "factory", To: "bakery", Kind: network.Cooperation},
		{From: "town", To: "school", Kind: network.Cooperation},
		{From: "town", To: "college", Kind: network.Cooperation},
		{From: "school", To: "college", Kind: network.Cooperation},
		{From: "office", To: "town", Kind: network.Partnership},
	})
	if err != nil {
		panic(err)
	}
	c := Leiden(n.Snapshot(), LeidenOptions{Seed: 1})
	for k, g := range c.Groups {
		fmt.Println(k, g)
	}
	fmt.Printf("Q = %.3f\n", c.Modularity)
	// Output:
	// 0 [bakery factory office]
	// 1 [college school town]
	// Q = 0.357
}

// BenchmarkLeiden runs Leiden on the networks of BenchmarkLouvain, until
// stable and for two iterations (igraph's default and ours).
func BenchmarkLeiden(b *testing.B) {
	for _, it := range []int{-1, 2} {
		name := "until_stable"
		if it > 0 {
			name = fmt.Sprintf("iterations_%d", it)
		}
		b.Run(name, func(b *testing.B) {
			testnet.Bench(b, 0, "", func(s *network.Snapshot) { Leiden(s, LeidenOptions{Seed: 1, Weighted: true, MaxIterations: it}) })
		})
	}
}

package cohesion

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

func TestComponentsHand(t *testing.T) {
	tests := []struct {
		ids          []string
		links        []string
		weak, strong [][]string
		reason       string
	}{
		{[]string{"a", "b", "c", "d", "e", "f", "z"}, []string{"e-f", "a-b", "c-d", "d-z"},
			[][]string{{"c", "d", "z"}, {"a", "b"}, {"e", "f"}}, [][]string{{"c", "d", "z"}, {"a", "b"}, {"e", "f"}},
			"largest first; equal sizes by smallest ID; undirected links are strong both ways"},
		{[]string{"a", "b", "c", "d"}, []string{"a>b", "b>c", "c>a", "c>d"},
			[][]string{{"a", "b", "c", "d"}}, [][]string{{"a", "b", "c"}, {"d"}},
			"a directed cycle is strong; the arc out of it leaves d alone"},
		{[]string{"b", "a"}, nil, [][]string{{"a"}, {"b"}}, [][]string{{"a"}, {"b"}},
			"isolated actors are singleton components, ordered by ID"},
		{nil, nil, [][]string{}, [][]string{}, "no actors: no components"},
	}
	for _, tc := range tests {
		s := cohSnap(t, cohActors(tc.ids...), cohLinks(tc.links...))
		if diff := cmp.Diff(tc.weak, Components(s)); diff != "" {
			t.Errorf("Components (-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
		if diff := cmp.Diff(tc.strong, StrongComponents(s)); diff != "" {
			t.Errorf("StrongComponents (-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
	}
}

// TestStrongComponentsDeep runs Tarjan on a directed path of 200,000 actors
// closed into a cycle, plus a tail: a recursive version would need a call
// stack 200,000 frames deep.
func TestStrongComponentsDeep(t *testing.T) {
	const n = 200000
	as := make([]actor.Actor, n+1)
	ls := make([]network.Link, 0, n+1)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("a%06d", i), Kind: actor.Organisation}
	}
	for i := range n {
		ls = append(ls, network.Link{From: as[i].ID, To: as[(i+1)%n].ID, Kind: network.Information})
	}
	ls = append(ls, network.Link{From: as[n-1].ID, To: as[n].ID, Kind: network.Information})
	s := cohSnap(t, as, ls)
	sc := StrongComponents(s)
	require.Len(t, sc, 2, "the cycle and the tail")
	require.Len(t, sc[0], n)
	require.Equal(t, []string{as[n].ID}, sc[1])
	require.Len(t, Components(s), 1)
}

func TestCoreNumbersHand(t *testing.T) {
	tests := []struct {
		ids    []string
		links  []string
		opt    CoreOptions
		want   map[string]float64
		reason string
	}{
		{[]string{"a", "b", "c", "d", "e", "z"}, []string{"a-b", "a-c", "a-d", "b-c", "b-d", "c-d", "d-e"}, CoreOptions{},
			map[string]float64{"a": 3, "b": 3, "c": 3, "d": 3, "e": 1, "z": 0},
			"K4 is a 3-core; the pendant e has core 1, the isolate 0"},
		{[]string{"a", "b", "c"}, []string{"a>b", "b>a", "b>c"}, CoreOptions{Directed: true},
			map[string]float64{"a": 2, "b": 2, "c": 1},
			"directed degree is in+out: the reciprocated pair a<>b has degree 2 each (NetworkX on a DiGraph)"},
		{[]string{"a", "b", "c"}, []string{"a>b", "b>a", "b>c"}, CoreOptions{},
			map[string]float64{"a": 1, "b": 1, "c": 1},
			"undirected, a<>b is one edge: a path of three"},
		{[]string{"a", "b"}, []string{"a-b", "a-b", "a-b"}, CoreOptions{},
			map[string]float64{"a": 1, "b": 1},
			"parallel links merge into one edge"},
	}
	for _, tc := range tests {
		s := cohSnap(t, cohActors(tc.ids...), cohLinks(tc.links...))
		if diff := cmp.Diff(tc.want, CoreNumbers(s, tc.opt).Map()); diff != "" {
			t.Errorf("(-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
	}
}

func TestClusteringHand(t *testing.T) {
	// Triangle a,b,c with a pendant d on c. c has 3 neighbours and one link
	// among them: 2·1/(3·2) = 1/3.
	s := cohSnap(t, cohActors("a", "b", "c", "d"), cohLinks("a-b", "b-c", "a-c", "c-d"))
	want := map[string]float64{"a": 1, "b": 1, "c": 1.0 / 3, "d": 0}
	if diff := cmp.Diff(want, Clustering(s, ClusteringOptions{}).Map(), cohApprox); diff != "" {
		t.Errorf("(-want +got):\n%s\nreason: triangle with a pendant", diff)
	}
	require.InDelta(t, (1+1+1.0/3)/4, AverageClustering(s, ClusteringOptions{}), 1e-12, "mean with the pendant's zero")
	// 3 triangles·... : one triangle, connected triples Σ d(d−1) = 2+2+6+0 = 10, T = 6/10.
	require.InDelta(t, 0.6, Transitivity(s), 1e-12, "3 × 1 triangle / 5 connected triples")

	// Weighted: a-b weight 2, others 1: max 2, ŵ = 1, 1/2, 1/2 → (1/4)^{1/3}
	// for every vertex of the triangle.
	ls := cohLinks("a-b", "b-c", "a-c")
	ls[0].Weight = 2
	sw := cohSnap(t, cohActors("a", "b", "c"), ls)
	c := math.Cbrt(0.25)
	if diff := cmp.Diff(map[string]float64{"a": c, "b": c, "c": c}, Clustering(sw, ClusteringOptions{Weighted: true}).Map(), cohApprox); diff != "" {
		t.Errorf("weighted (-want +got):\n%s\nreason: geometric mean of weights scaled by the maximum", diff)
	}

	// Directed 3-cycle a>b>c>a: each vertex has tot 2, no reciprocation,
	// (A+Aᵀ)³_vv = 2: c = 2/(2·(2·1 − 0)) = 1/2.
	sd := cohSnap(t, cohActors("a", "b", "c"), cohLinks("a>b", "b>c", "c>a"))
	if diff := cmp.Diff(map[string]float64{"a": 0.5, "b": 0.5, "c": 0.5}, Clustering(sd, ClusteringOptions{Directed: true}).Map(), cohApprox); diff != "" {
		t.Errorf("directed (-want +got):\n%s\nreason: Fagiolo's cycle motif counts half", diff)
	}
	empty := cohSnap(t, nil, nil)
	require.True(t, math.IsNaN(AverageClustering(empty, ClusteringOptions{})), "no actors: undefined mean")
	require.Equal(t, 0.0, Transitivity(empty), "no triangle: 0, as NetworkX")
}

func TestGraphFiguresHand(t *testing.T) {
	star := cohSnap(t, cohActors("h", "a", "b", "c", "d"), cohLinks("h-a", "h-b", "h-c", "h-d"))
	cycle := cohSnap(t, cohActors("a", "b", "c", "d"), cohLinks("a-b", "b-c", "c-d", "d-a"))
	one := cohSnap(t, cohActors("a"), nil)
	arcs := cohSnap(t, cohActors("a", "b", "c"), cohLinks("a>b", "b>a", "b>c"))
	tests := []struct {
		name   string
		got    float64
		want   float64
		reason string
	}{
		{"star centralization", DegreeCentralization(star, CentralizationOptions{}), 1, "a star is the most centralised network"},
		{"cycle centralization", DegreeCentralization(cycle, CentralizationOptions{}), 0, "equal degrees: no centralisation"},
		{"star density", Density(star, DensityOptions{}), 4.0 / 10, "4 of 10 pairs"},
		{"one actor density", Density(one, DensityOptions{}), 0, "NetworkX gives 0 below two actors"},
		{"directed density", Density(arcs, DensityOptions{Directed: true}), 3.0 / 6, "3 of 6 arcs"},
		{"undirected density of arcs", Density(arcs, DensityOptions{}), 2.0 / 3, "a<>b is one pair: 2 of 3 pairs"},
		{"reciprocity", Reciprocity(arcs), 2.0 / 3, "a>b and b>a reciprocated, b>c not"},
		{"undirected links are reciprocated", Reciprocity(cycle), 1, "an undirected link is an arc each way"},
		{"no link reciprocity", Reciprocity(one), math.NaN(), "NetworkX raises for a graph without edges"},
		{"too small centralization", DegreeCentralization(one, CentralizationOptions{}), math.NaN(), "T = 0 below three actors"},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, tc.got, cohApprox); diff != "" {
			t.Errorf("%s (-want +got):\n%s\nreason: %s", tc.name, diff, tc.reason)
		}
	}
}

func TestComponentPathsHand(t *testing.T) {
	tests := []struct {
		ids    []string
		links  []string
		opt    ComponentPathsOptions
		want   PathStats
		reason string
	}{
		{[]string{"a", "b", "c", "d", "x", "y", "z"}, []string{"a-b", "b-c", "c-d", "x-y", "y-z"}, ComponentPathsOptions{},
			PathStats{Actors: 4, Diameter: 3, AverageShortestPath: 20.0 / 12},
			"the path a-b-c-d: distances 1,2,3,1,2,1 twice over 12 ordered pairs"},
		{[]string{"a", "b", "c", "x", "y", "z"}, []string{"x-y", "y-z", "a-b", "b-c"}, ComponentPathsOptions{},
			PathStats{Actors: 3, Diameter: 2, AverageShortestPath: 8.0 / 6},
			"two paths of three: the tie goes to the component with the smallest ID"},
		{[]string{"a", "b", "c"}, []string{"a>b", "b>c", "c>a"}, ComponentPathsOptions{Directed: true},
			PathStats{Actors: 3, Diameter: 2, AverageShortestPath: 9.0 / 6},
			"a directed 3-cycle: each actor reaches the next in 1 and the one after in 2"},
		{[]string{"a"}, nil, ComponentPathsOptions{}, PathStats{Actors: 1}, "one actor: 0, as NetworkX"},
		{nil, nil, ComponentPathsOptions{}, PathStats{AverageShortestPath: analysis.NaN()}, "no actors: undefined"},
	}
	for _, tc := range tests {
		s := cohSnap(t, cohActors(tc.ids...), cohLinks(tc.links...))
		if diff := cmp.Diff(tc.want, paths(t, s, tc.opt), cohApprox); diff != "" {
			t.Errorf("(-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
	}
	// Weighted: a-b weight 2 (distance 1/2), b-c weight 1 (distance 1).
	ls := cohLinks("a-b", "b-c")
	ls[0].Weight = 2
	s := cohSnap(t, cohActors("a", "b", "c"), ls)
	want := PathStats{Actors: 3, Diameter: 1.5, AverageShortestPath: 2 * (0.5 + 1 + 1.5) / 6}
	if diff := cmp.Diff(want, paths(t, s, ComponentPathsOptions{Weighted: true}), cohApprox); diff != "" {
		t.Errorf("weighted (-want +got):\n%s\nreason: distance is 1/weight", diff)
	}
}

// TestCohesionAgainstGonum compares Components, StrongComponents and
// CoreNumbers with gonum's topo.ConnectedComponents, topo.TarjanSCC and
// topo.DegeneracyOrdering on the reference networks and the extra ones.
func TestCohesionAgainstGonum(t *testing.T) {
	var snaps []*network.Snapshot
	for _, name := range cohRefNets {
		n, _ := testnet.LoadRef(t, name)
		snaps = append(snaps, n.Snapshot())
	}
	for _, nw := range loadCohExtra(t).Networks {
		snaps = append(snaps, testnet.Build(t, nw.Graph).Snapshot())
	}
	asIDs := func(s *network.Snapshot, cc [][]graph.Node) [][]string {
		out := make([][]string, len(cc))
		for k, c := range cc {
			for _, v := range c {
				out[k] = append(out[k], s.ID(int(v.ID())))
			}
			slices.Sort(out[k])
		}
		return cohCanon(out)
	}
	for _, s := range snaps {
		if diff := cmp.Diff(asIDs(s, topo.ConnectedComponents(s.Undirected())), cohCanon(Components(s))); diff != "" {
			t.Errorf("%s: Components (-gonum +ours):\n%s", s.Name(), diff)
		}
		if diff := cmp.Diff(asIDs(s, topo.TarjanSCC(s.Directed())), cohCanon(StrongComponents(s))); diff != "" {
			t.Errorf("%s: StrongComponents (-gonum +ours):\n%s", s.Name(), diff)
		}
		_, cores := topo.DegeneracyOrdering(s.Undirected())
		want := map[string]float64{}
		for k, c := range cores {
			for _, v := range c {
				want[s.ID(int(v.ID()))] = float64(k)
			}
		}
		if diff := cmp.Diff(want, CoreNumbers(s, CoreOptions{}).Map()); diff != "" {
			t.Errorf("%s: CoreNumbers (-gonum +ours):\n%s", s.Name(), diff)
		}
	}
}

// cohNaivePaths is the textbook all-pairs BFS over the component members
// (ascending indices) along nbrs: the oracle for the bit-parallel BFS.
func cohNaivePaths(s *network.Snapshot, members []int32, directed bool) (diam int, sum int) {
	in := make(map[int32]bool)
	for _, v := range members {
		in[v] = true
	}
	for _, src := range members {
		dist := map[int32]int{src: 0}
		queue := []int32{src}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			nb := s.Neighbors(int(v))
			if directed {
				nb = s.Out(int(v))
			}
			for _, w := range nb {
				if _, ok := dist[w]; !ok && in[w] {
					dist[w] = dist[v] + 1
					sum += dist[w]
					diam = max(diam, dist[w])
					queue = append(queue, w)
				}
			}
		}
	}
	return diam, sum
}

// TestComponentPathsBatches checks the 64-source batches of ComponentPaths
// against plain BFS on seeded random networks whose largest components
// straddle batch boundaries (63..130 actors), undirected and directed.
func TestComponentPathsBatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 40 {
		n := 63 + rng.IntN(68)
		var ls []network.Link
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("v%03d", i)
		}
		for range n + rng.IntN(2*n) {
			u, v := rng.IntN(n), rng.IntN(n)
			if u != v {
				l := network.Link{From: ids[u], To: ids[v]}
				if rng.IntN(2) == 0 {
					l.Kind = network.Information
				}
				ls = append(ls, l)
			}
		}
		s := cohSnap(t, cohActors(ids...), ls)
		for _, directed := range []bool{false, true} {
			members := cohLargest(s, directed)
			diam, sum := cohNaivePaths(s, members, directed)
			got := paths(t, s, ComponentPathsOptions{Directed: directed})
			k := float64(len(members))
			want := PathStats{Actors: len(members), Diameter: float64(diam), AverageShortestPath: analysis.Float(float64(sum) / (k * (k - 1)))}
			if len(members) == 1 {
				want.AverageShortestPath = 0
			}
			if diff := cmp.Diff(want, got, cohApprox); diff != "" {
				t.Fatalf("trial %d directed=%v (-naive +ours):\n%s", trial, directed, diff)
			}
		}
	}
}

// paths runs ComponentPaths without cancellation, failing the test on error.
func paths(t testing.TB, s *network.Snapshot, opt ComponentPathsOptions) PathStats {
	t.Helper()
	p, err := ComponentPaths(context.Background(), s, opt)
	require.NoError(t, err)
	return p
}

// TestComponentPathsSampled checks the sampled estimate: with every actor
// as a source it is the exact figure; with fewer, the average is close and
// the diameter a lower bound; the same seed gives the same figures.
func TestComponentPathsSampled(t *testing.T) {
	n, _ := testnet.LoadRef(t, "random_undirected")
	s := n.Snapshot()
	exact := paths(t, s, ComponentPathsOptions{})
	all := paths(t, s, ComponentPathsOptions{Sample: exact.Actors})
	require.Equal(t, exact, all, "sampling every actor is the exact computation")
	for _, w := range []bool{false, true} {
		ex := paths(t, s, ComponentPathsOptions{Weighted: w})
		est := paths(t, s, ComponentPathsOptions{Weighted: w, Sample: ex.Actors / 2, Seed: 3})
		require.Equal(t, ex.Actors/2, est.Sampled)
		require.LessOrEqual(t, est.Diameter, ex.Diameter, "a lower bound")
		require.InEpsilon(t, float64(ex.AverageShortestPath), float64(est.AverageShortestPath), 0.1, "half the sources estimate the mean within 10%%")
		require.Equal(t, est, paths(t, s, ComponentPathsOptions{Weighted: w, Sample: ex.Actors / 2, Seed: 3}), "seeded")
	}
}

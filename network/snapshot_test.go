package network

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	gonumnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/labournet/labournet/actor"
)

func TestSnapshotAdjacency(t *testing.T) {
	n, err := Build("m", []actor.Actor{{ID: "c", Kind: actor.NGO}, {ID: "a", Kind: actor.NGO}, {ID: "b", Kind: actor.NGO}}, []Link{
		{From: "a", To: "b", Kind: Cooperation, Weight: 2},
		{From: "b", To: "a", Kind: Funding, Weight: 3}, // parallel, directed b → a
		{From: "a", To: "c", Kind: Service},
	})
	require.NoError(t, err)
	s := n.Snapshot()
	require.Equal(t, []string{"a", "b", "c"}, s.IDs(), "indices in ID order")
	a, _ := s.Index("a")
	b, _ := s.Index("b")
	c, _ := s.Index("c")
	require.Equal(t, []int32{int32(b), int32(c)}, s.Neighbors(a))
	require.Equal(t, []float64{5, 1}, s.NeighborWeights(a), "parallel links merge, weights summed")
	require.Equal(t, 2, s.Multiplicity(a, b))
	require.Equal(t, 0, s.Multiplicity(b, c))
	require.Equal(t, []int32{int32(b), int32(c)}, s.Out(a), "cooperation runs both ways, service a → c")
	require.Equal(t, []float64{2, 1}, s.OutWeights(a))
	require.Equal(t, []int32{int32(a)}, s.Out(b))
	require.Equal(t, []float64{5}, s.OutWeights(b), "cooperation 2 + funding 3")
	require.Equal(t, []int32{int32(a)}, s.In(c))
	require.Equal(t, 3, s.NumLinks())
	require.Equal(t, 2, s.NumEdges())
	require.Equal(t, 3, s.NumArcs(), "a→b, b→a (cooperation and funding merged), a→c")

	u, d := s.Undirected(), s.Directed()
	require.Nil(t, u.Node(-1))
	require.Nil(t, u.Node(3))
	require.Equal(t, 0, u.From(99).Len())
	w, ok := u.Weight(0, 0)
	require.True(t, ok)
	require.Equal(t, 0.0, w)
	w, ok = u.Weight(int64(b), int64(c))
	require.False(t, ok)
	require.True(t, math.IsInf(w, 1))
	require.True(t, u.Edge(int64(b), int64(c)) == nil, "an absent edge is an untyped nil")
	require.True(t, d.WeightedEdge(int64(c), int64(a)) == nil)
	require.True(t, d.HasEdgeFromTo(int64(a), int64(c)))
	require.False(t, d.HasEdgeFromTo(int64(c), int64(a)))
	require.True(t, d.HasEdgeBetween(int64(c), int64(a)))
	require.Equal(t, 1, d.To(int64(c)).Len())
	require.Len(t, graph.NodesOf(u.Nodes()), 3)
}

// randomNet is a seeded network of n actors with about 1.5 links each, so
// that it falls into several components, mixing directed and undirected
// kinds.
func randomNet(tb testing.TB, n int, perActor float64, seed uint64) *Network {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	net := New("random")
	for i := range n {
		_ = net.AddActor(actor.Actor{ID: fmt.Sprintf("x%06d", i), Kind: actor.Organisation})
	}
	kinds := []LinkKind{Cooperation, Funding, Service, Partnership}
	for range int(float64(n) * perActor) {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		_ = net.AddLink(Link{From: fmt.Sprintf("x%06d", u), To: fmt.Sprintf("x%06d", v), Kind: kinds[rng.IntN(len(kinds))], Weight: float64(1 + rng.IntN(4))})
	}
	return net
}

// gonumCopy builds the same adjacency in gonum's own simple graphs.
func gonumCopy(s *Snapshot) (*simple.WeightedUndirectedGraph, *simple.WeightedDirectedGraph) {
	u := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	d := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for i := range s.N() {
		u.AddNode(simple.Node(i))
		d.AddNode(simple.Node(i))
	}
	for i := range s.N() {
		for k, j := range s.Neighbors(i) {
			u.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(i), T: simple.Node(j), W: s.NeighborWeights(i)[k]})
		}
		for k, j := range s.Out(i) {
			d.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(i), T: simple.Node(j), W: s.OutWeights(i)[k]})
		}
	}
	return u, d
}

func sortedSets(cs [][]graph.Node) [][]int64 {
	var out [][]int64
	for _, c := range cs {
		var ids []int64
		for _, n := range c {
			ids = append(ids, n.ID())
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []int64) int { return int(a[0] - b[0]) })
	return out
}

func TestSnapshotAgainstGonum(t *testing.T) {
	s := randomNet(t, 200, 0.8, 3).Snapshot()
	gu, gd := gonumCopy(s)
	require.Equal(t, sortedSets(topo.ConnectedComponents(gu)), sortedSets(topo.ConnectedComponents(s.Undirected())))
	require.Greater(t, len(topo.ConnectedComponents(gu)), 5, "several components")
	require.Equal(t, sortedSets(topo.TarjanSCC(gd)), sortedSets(topo.TarjanSCC(s.Directed())))
	for _, src := range []int64{0, 17, 123} {
		want := path.DijkstraFrom(simple.Node(src), gu)
		got := path.DijkstraFrom(Node(src), s.Undirected())
		for i := range int64(s.N()) {
			require.Equal(t, want.WeightTo(i), got.WeightTo(i), "distance %d → %d", src, i)
		}
	}
	want := gonumnet.PageRank(gd, 0.85, 1e-10)
	got := gonumnet.PageRank(s.Directed(), 0.85, 1e-10)
	for id, v := range want {
		require.InDelta(t, v, got[id], 1e-9)
	}
}

func TestSnapshotConcurrentReads(t *testing.T) {
	s := randomNet(t, 300, 2, 5).Snapshot()
	want := len(topo.ConnectedComponents(s.Undirected()))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			require.Equal(t, want, len(topo.ConnectedComponents(s.Undirected())))
			path.DijkstraFrom(Node(0), s.Directed())
		}()
	}
	wg.Wait()
}

func benchSnapshot(b *testing.B, n int) {
	net := randomNet(b, n, 5, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		net.Snapshot()
	}
}

func benchGonumBuild(b *testing.B, n int) {
	s := randomNet(b, n, 5, 1).Snapshot()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		gonumCopy(s)
	}
}

func BenchmarkSnapshot_1e4(b *testing.B)   { benchSnapshot(b, 1e4) }
func BenchmarkSnapshot_1e5(b *testing.B)   { benchSnapshot(b, 1e5) }
func BenchmarkSnapshot_1e6(b *testing.B)   { benchSnapshot(b, 1e6) }
func BenchmarkGonumBuild_1e4(b *testing.B) { benchGonumBuild(b, 1e4) }
func BenchmarkGonumBuild_1e5(b *testing.B) { benchGonumBuild(b, 1e5) }

func benchComponents(b *testing.B, n int, ours bool) {
	s := randomNet(b, n, 5, 1).Snapshot()
	var g graph.Undirected = s.Undirected()
	if !ours {
		g, _ = gonumCopy(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		topo.ConnectedComponents(g)
	}
}

func BenchmarkConnectedComponentsSnapshot_1e4(b *testing.B) { benchComponents(b, 1e4, true) }
func BenchmarkConnectedComponentsSnapshot_1e5(b *testing.B) { benchComponents(b, 1e5, true) }
func BenchmarkConnectedComponentsGonum_1e4(b *testing.B)    { benchComponents(b, 1e4, false) }
func BenchmarkConnectedComponentsGonum_1e5(b *testing.B)    { benchComponents(b, 1e5, false) }

// TestSnapshotOf builds the snapshot of a selection directly and through a
// view: the two agree, actor by actor and neighbour by neighbour.
func TestSnapshotOf(t *testing.T) {
	n, err := Build("s", []actor.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d", Kind: actor.School}, {ID: "e"}},
		[]Link{
			{From: "a", To: "b", Weight: 2},
			{From: "b", To: "c", Kind: Funding, Start: MustParseDate("2020")},
			{From: "c", To: "d", Status: Ended},
			{From: "a", To: "d", Kind: Service},
			{From: "a", To: "b", Kind: Membership},
		})
	require.NoError(t, err)
	for _, f := range []Filter{
		{},
		{At: MustParseDate("2019-06-01")},
		{Kinds: []LinkKind{Cooperation, Funding}},
		{Actor: func(a actor.Actor) bool { return a.Kind != actor.School }, DropIsolated: true},
	} {
		want, got := n.View(f).Snapshot(), n.SnapshotOf(f)
		require.Equal(t, want.N(), got.N())
		require.Equal(t, want.NumLinks(), got.NumLinks())
		for i := range want.N() {
			require.Equal(t, want.ID(i), got.ID(i))
			require.Equal(t, want.Neighbors(i), got.Neighbors(i))
			require.Equal(t, want.NeighborWeights(i), got.NeighborWeights(i))
			require.Equal(t, want.Out(i), got.Out(i))
			require.Equal(t, want.In(i), got.In(i))
		}
	}
}

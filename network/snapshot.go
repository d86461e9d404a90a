package network

import (
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/csr"
)

// Snapshot is an immutable, densely indexed copy of a network's structure,
// built for analysis. Actors are numbered 0..N()-1 in ascending order of ID,
// so results that break ties by index break them by ID.
//
// A snapshot keeps two adjacencies over the same actors:
//   - the undirected one joins two actors when any link joins them; and
//   - the directed one has an arc u→v for each directed link from u to v and
//     arcs both ways for each undirected link.
//
// Several links between the same actors collapse into one edge (or arc) whose
// weight is the sum of their effective weights (Link.EffectiveWeight) and
// whose multiplicity is their number. Undirected and Directed present the two
// adjacencies as gonum graphs. A Snapshot is safe for concurrent use.
type Snapshot struct {
	name   string
	ids    []string
	actors []actor.Actor
	links  int
	und    *csr.Graph
	out    *csr.Graph
	in     *csr.Graph
}

// Snapshot freezes n. It takes O(N log N + L) time for N actors and L links.
func (n *Network) Snapshot() *Snapshot {
	return n.snapshot(nil, nil, len(n.actors), len(n.links))
}

// SnapshotOf is n.View(f).Snapshot() without the view: the links f keeps
// go straight into the snapshot, so that a large network is not copied
// once more on the way (at 5·10^6 links the view took a gigabyte).
func (n *Network) SnapshotOf(f Filter) *Snapshot {
	keep, keepLink, actors, links := n.selection(f)
	return n.snapshot(keep, keepLink, actors, links)
}

// snapshot builds the snapshot of the actors keep marks and the links
// keepLink marks (all of them when nil), of which there are m. The
// actors are shared, not changed.
func (n *Network) snapshot(keep, keepLink []bool, actors, m int) *Snapshot {
	s := &Snapshot{name: n.Name, links: m}
	// The kept actors' positions in n, in ascending order of ID, and each
	// one's index in the snapshot.
	type entry struct {
		id string
		at int32
	}
	order := make([]entry, 0, actors)
	for i := range n.actors {
		if keep == nil || keep[i] {
			order = append(order, entry{n.actors[i].ID, int32(i)})
		}
	}
	slices.SortFunc(order, func(a, b entry) int { return strings.Compare(a.id, b.id) })
	index := make([]int32, len(n.actors))
	s.actors = make([]actor.Actor, len(order))
	s.ids = make([]string, len(order))
	for k, e := range order {
		index[e.at] = int32(k)
		s.actors[k] = n.actors[e.at]
		s.ids[k] = e.id
	}
	order = nil
	us, ud := make([]int32, 0, 2*m), make([]int32, 0, 2*m)
	uw := make([]float64, 0, 2*m)
	ds, dd := make([]int32, 0, 2*m), make([]int32, 0, 2*m)
	dw := make([]float64, 0, 2*m)
	for i := range n.links {
		if keepLink != nil && !keepLink[i] {
			continue
		}
		r := &n.links[i]
		u, v, w := index[r.from], index[r.to], r.effectiveWeight()
		us, ud, uw = append(us, u, v), append(ud, v, u), append(uw, w, w)
		ds, dd, dw = append(ds, u), append(dd, v), append(dw, w)
		if !r.directed() {
			ds, dd, dw = append(ds, v), append(dd, u), append(dw, w)
		}
	}
	N := len(s.ids)
	s.und = csr.Build(N, us, ud, uw)
	s.out = csr.Build(N, ds, dd, dw)
	s.in = csr.Build(N, dd, ds, dw)
	return s
}

// Name returns the name of the network the snapshot was taken of.
func (s *Snapshot) Name() string { return s.name }

// N returns the number of actors.
func (s *Snapshot) N() int { return len(s.ids) }

// NumLinks returns the number of links the snapshot was built from, before
// parallel links were merged.
func (s *Snapshot) NumLinks() int { return s.links }

// NumEdges returns the number of distinct pairs of linked actors.
func (s *Snapshot) NumEdges() int {
	if s.und == nil { // the zero Snapshot
		return 0
	}
	return len(s.und.Nbr) / 2
}

// NumArcs returns the number of distinct arcs of the directed adjacency.
func (s *Snapshot) NumArcs() int {
	if s.out == nil { // the zero Snapshot
		return 0
	}
	return len(s.out.Nbr)
}

// ID returns the ID of actor i.
func (s *Snapshot) ID(i int) string { return s.ids[i] }

// IDs returns the actor IDs in index order (ascending). Do not modify it.
func (s *Snapshot) IDs() []string { return s.ids }

// Index returns the index of the actor with the given ID. It takes
// O(log N) time: a binary search of the IDs, which are sorted.
func (s *Snapshot) Index(id string) (int, bool) {
	if i, ok := slices.BinarySearch(s.ids, id); ok {
		return i, true
	}
	return 0, false
}

// Actor returns actor i. Its slices and map are shared: do not modify them.
func (s *Snapshot) Actor(i int) actor.Actor { return s.actors[i] }

// Neighbors returns the indices of the actors linked to i in any direction,
// ascending. Do not modify the slice.
func (s *Snapshot) Neighbors(i int) []int32 { return s.und.Row(i) }

// NeighborWeights returns the summed link weights to each of Neighbors(i).
func (s *Snapshot) NeighborWeights(i int) []float64 { return s.und.Weights(i) }

// Out returns the heads of the arcs from i, ascending. Do not modify it.
func (s *Snapshot) Out(i int) []int32 { return s.out.Row(i) }

// OutWeights returns the weights of the arcs from i, aligned with Out(i).
func (s *Snapshot) OutWeights(i int) []float64 { return s.out.Weights(i) }

// In returns the tails of the arcs into i, ascending. Do not modify it.
func (s *Snapshot) In(i int) []int32 { return s.in.Row(i) }

// InWeights returns the weights of the arcs into i, aligned with In(i).
func (s *Snapshot) InWeights(i int) []float64 { return s.in.Weights(i) }

// Degree returns the number of distinct actors linked to i.
func (s *Snapshot) Degree(i int) int { return s.und.Degree(i) }

// Multiplicity returns the number of links between i and j, in either
// direction.
func (s *Snapshot) Multiplicity(i, j int) int {
	if k := s.und.Find(i, j); k >= 0 {
		return int(s.und.Count[k])
	}
	return 0
}

// Undirected returns the undirected adjacency as a gonum graph.
func (s *Snapshot) Undirected() UndirectedGraph { return UndirectedGraph{s} }

// Directed returns the directed adjacency as a gonum graph.
func (s *Snapshot) Directed() DirectedGraph { return DirectedGraph{s} }

// Node is an actor of a snapshot as a gonum graph node; its ID is the
// actor's index.
type Node int64

// ID implements graph.Node.
func (n Node) ID() int64 { return int64(n) }

// Edge is an edge or arc of a snapshot as a gonum graph edge. W is the summed
// weight of the links it stands for.
type Edge struct {
	F, T Node
	W    float64
}

// From implements graph.Edge.
func (e Edge) From() graph.Node { return e.F }

// To implements graph.Edge.
func (e Edge) To() graph.Node { return e.T }

// ReversedEdge implements graph.Edge.
func (e Edge) ReversedEdge() graph.Edge { return Edge{F: e.T, T: e.F, W: e.W} }

// Weight implements graph.WeightedEdge.
func (e Edge) Weight() float64 { return e.W }

// UndirectedGraph is a snapshot seen as an undirected, weighted gonum graph. The
// weight of an edge is the summed link weight (tie strength, not distance);
// Weight reports 0 for a node with itself and +Inf for an absent edge.
type UndirectedGraph struct{ s *Snapshot }

// DirectedGraph is a snapshot seen as a directed, weighted gonum graph, with
// the same weight conventions as UndirectedGraph.
type DirectedGraph struct{ s *Snapshot }

var (
	_ graph.WeightedUndirected = UndirectedGraph{}
	_ graph.WeightedDirected   = DirectedGraph{}
	_ graph.WeightedEdge       = Edge{}
)

func (s *Snapshot) has(id int64) bool { return id >= 0 && id < int64(len(s.ids)) }

func (s *Snapshot) node(id int64) graph.Node {
	if !s.has(id) {
		return nil
	}
	return Node(id)
}

func (s *Snapshot) weightedEdge(g *csr.Graph, uid, vid int64) graph.WeightedEdge {
	if !s.has(uid) || !s.has(vid) {
		return nil
	}
	k := g.Find(int(uid), int(vid))
	if k < 0 {
		return nil
	}
	return Edge{F: Node(uid), T: Node(vid), W: g.W[k]}
}

func (s *Snapshot) weight(g *csr.Graph, xid, yid int64) (float64, bool) {
	if xid == yid && s.has(xid) {
		return 0, true
	}
	if s.has(xid) && s.has(yid) {
		if k := g.Find(int(xid), int(yid)); k >= 0 {
			return g.W[k], true
		}
	}
	return math.Inf(1), false
}

func (s *Snapshot) row(g *csr.Graph, id int64) graph.Nodes {
	if !s.has(id) {
		return graph.Empty
	}
	return &rowNodes{row: g.Row(int(id)), pos: -1}
}

// Node implements graph.Graph.
func (g UndirectedGraph) Node(id int64) graph.Node { return g.s.node(id) }

// Nodes implements graph.Graph.
func (g UndirectedGraph) Nodes() graph.Nodes { return &allNodes{n: int64(g.s.N()), pos: -1} }

// From implements graph.Graph.
func (g UndirectedGraph) From(id int64) graph.Nodes { return g.s.row(g.s.und, id) }

// HasEdgeBetween implements graph.Graph.
func (g UndirectedGraph) HasEdgeBetween(xid, yid int64) bool {
	return g.s.weightedEdge(g.s.und, xid, yid) != nil
}

// Edge implements graph.Graph.
func (g UndirectedGraph) Edge(uid, vid int64) graph.Edge { return g.WeightedEdgeBetween(uid, vid) }

// EdgeBetween implements graph.Undirected.
func (g UndirectedGraph) EdgeBetween(xid, yid int64) graph.Edge {
	return g.WeightedEdgeBetween(xid, yid)
}

// WeightedEdge implements graph.Weighted.
func (g UndirectedGraph) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	return g.WeightedEdgeBetween(uid, vid)
}

// WeightedEdgeBetween implements graph.WeightedUndirected.
func (g UndirectedGraph) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	e := g.s.weightedEdge(g.s.und, xid, yid)
	if e == nil {
		return nil // an untyped nil, as gonum expects
	}
	return e
}

// Weight implements graph.Weighted.
func (g UndirectedGraph) Weight(xid, yid int64) (float64, bool) { return g.s.weight(g.s.und, xid, yid) }

// Snapshot returns the snapshot g presents.
func (g UndirectedGraph) Snapshot() *Snapshot { return g.s }

// Node implements graph.Graph.
func (g DirectedGraph) Node(id int64) graph.Node { return g.s.node(id) }

// Nodes implements graph.Graph.
func (g DirectedGraph) Nodes() graph.Nodes { return &allNodes{n: int64(g.s.N()), pos: -1} }

// From implements graph.Graph: the heads of the arcs from id.
func (g DirectedGraph) From(id int64) graph.Nodes { return g.s.row(g.s.out, id) }

// To implements graph.Directed: the tails of the arcs into id.
func (g DirectedGraph) To(id int64) graph.Nodes { return g.s.row(g.s.in, id) }

// HasEdgeBetween implements graph.Graph: an arc in either direction.
func (g DirectedGraph) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo implements graph.Directed.
func (g DirectedGraph) HasEdgeFromTo(uid, vid int64) bool {
	return g.s.weightedEdge(g.s.out, uid, vid) != nil
}

// Edge implements graph.Graph.
func (g DirectedGraph) Edge(uid, vid int64) graph.Edge {
	e := g.WeightedEdge(uid, vid)
	if e == nil {
		return nil
	}
	return e
}

// WeightedEdge implements graph.Weighted.
func (g DirectedGraph) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	e := g.s.weightedEdge(g.s.out, uid, vid)
	if e == nil {
		return nil
	}
	return e
}

// Weight implements graph.Weighted.
func (g DirectedGraph) Weight(xid, yid int64) (float64, bool) { return g.s.weight(g.s.out, xid, yid) }

// Snapshot returns the snapshot g presents.
func (g DirectedGraph) Snapshot() *Snapshot { return g.s }

// allNodes iterates over the nodes 0..n-1.
type allNodes struct{ n, pos int64 }

func (it *allNodes) Next() bool {
	if it.pos+1 >= it.n {
		it.pos = it.n
		return false
	}
	it.pos++
	return true
}
func (it *allNodes) Len() int {
	if it.pos >= it.n {
		return 0
	}
	return int(it.n - it.pos - 1)
}
func (it *allNodes) Reset() { it.pos = -1 }
func (it *allNodes) Node() graph.Node {
	if it.pos < 0 || it.pos >= it.n {
		return nil
	}
	return Node(it.pos)
}

// rowNodes iterates over one adjacency row.
type rowNodes struct {
	row []int32
	pos int
}

func (it *rowNodes) Next() bool {
	if it.pos+1 >= len(it.row) {
		it.pos = len(it.row)
		return false
	}
	it.pos++
	return true
}
func (it *rowNodes) Len() int {
	if it.pos >= len(it.row) {
		return 0
	}
	return len(it.row) - it.pos - 1
}
func (it *rowNodes) Reset() { it.pos = -1 }
func (it *rowNodes) Node() graph.Node {
	if it.pos < 0 || it.pos >= len(it.row) {
		return nil
	}
	return Node(it.row[it.pos])
}

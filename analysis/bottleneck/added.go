package bottleneck

import (
	"math"
	"slices"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// undirected is what the searches of the undirected view read: a
// snapshot, or a snapshot with ties added (Added).
type undirected interface {
	N() int
	ID(i int) string
	Actor(i int) actor.Actor
	Neighbors(i int) []int32
	Multiplicity(i, j int) int
}

// Added is the undirected view of a snapshot with some ties added between
// its actors: what the snapshot of the network with links between those
// actors added would show, without building that network. Cuts,
// ConstraintOf and Separation answer as the functions of the same names do
// on that snapshot, at the cost of the searches alone. An Added is safe for
// concurrent reads.
type Added struct {
	s *network.Snapshot
	// rows are the contacts of the actors with added ties, ascending;
	// touched marks those actors.
	rows    map[int32][]int32
	touched []bool
	// extra counts the added ties of each pair, smaller index first.
	extra map[[2]int32]int
}

// AddTies returns the view of s with a tie added between the actors at
// each pair of positions of ties (a pair already tied gets one more link).
// Pairs out of range or of one actor are ignored. It takes O(N) time plus
// the rows of the actors concerned.
func AddTies(s *network.Snapshot, ties [][2]int) *Added {
	n := s.N()
	a := &Added{s: s, rows: map[int32][]int32{}, touched: make([]bool, n), extra: map[[2]int32]int{}}
	for _, t := range ties {
		u, v := t[0], t[1]
		if u < 0 || v < 0 || u >= n || v >= n || u == v {
			continue
		}
		a.extra[[2]int32{int32(min(u, v)), int32(max(u, v))}]++
		for _, e := range [][2]int{{u, v}, {v, u}} {
			x, y := int32(e[0]), int32(e[1])
			row, ok := a.rows[x]
			if !ok {
				row = slices.Clone(s.Neighbors(e[0]))
			}
			if i, found := slices.BinarySearch(row, y); !found {
				row = slices.Insert(row, i, y)
			}
			a.rows[x], a.touched[x] = row, true
		}
	}
	return a
}

// Snapshot returns the snapshot the ties were added to.
func (a *Added) Snapshot() *network.Snapshot { return a.s }

// N returns the number of actors.
func (a *Added) N() int { return a.s.N() }

// ID returns the ID of the actor at index i.
func (a *Added) ID(i int) string { return a.s.ID(i) }

// Actor returns the actor at index i.
func (a *Added) Actor(i int) actor.Actor { return a.s.Actor(i) }

// Neighbors returns the actors tied to the actor at index i, ascending,
// added ties included. Do not modify the slice.
func (a *Added) Neighbors(i int) []int32 {
	if a.touched[i] {
		return a.rows[int32(i)]
	}
	return a.s.Neighbors(i)
}

// Multiplicity returns the number of links joining the actors at indexes i
// and j, added ties included.
func (a *Added) Multiplicity(i, j int) int {
	return a.s.Multiplicity(i, j) + a.extra[[2]int32{int32(min(i, j)), int32(max(i, j))}]
}

// Cuts returns what the function Cuts returns on the snapshot with the
// ties added.
func (a *Added) Cuts() (cuts []CutPoint, ties []Bridge, fragmentation float64) {
	t := cutDFS(a)
	return articulationPoints(a, t, CutOptions{}), bridges(a, t), fragmentationOf(a, t)
}

// CutSizes returns what Cuts returns, without the pieces of each cut point
// (CutPoint.Pieces is nil; Separated is set): the figures of a what-if
// comparison, without the cost of describing every piece.
func (a *Added) CutSizes() (cuts []CutPoint, ties []Bridge, fragmentation float64) {
	t := cutDFS(a)
	return cutPoints(a, t, CutOptions{}, false), bridges(a, t), fragmentationOf(a, t)
}

// Separation returns what NewSeparation returns on the snapshot with the
// ties added.
func (a *Added) Separation() *Separation { return newSeparation(a) }

// ConstraintOf returns what the function ConstraintOf returns, with the
// zero HolesOptions, on the snapshot with the ties added, for the actors at
// the given positions (not nil).
func (a *Added) ConstraintOf(actors []int) []float64 {
	n := a.N()
	out := make([]float64, len(actors))
	only := make([]bool, n)
	for _, v := range actors {
		if v >= 0 && v < n {
			only[v] = true
			for _, u := range a.Neighbors(v) {
				only[u] = true
			}
		}
	}
	g := holeBuildPlain(a, only)
	h := g.scratch()
	var loc []float64
	for i, v := range actors {
		if v < 0 || v >= n || g.undef[v] {
			out[i] = math.NaN()
			continue
		}
		g.load(h, v)
		_, loc = g.ego(h, v, loc)
		c := 0.0
		for _, l := range loc {
			c += l
		}
		out[i] = c
		g.unload(h, v)
	}
	return out
}

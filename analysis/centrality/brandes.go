package centrality

import (
	"slices"

	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// This file holds the unweighted betweenness kernel and the reduction of
// leaves that Betweenness applies to the undirected view.
//
// The kernel runs Brandes' two phases on a private copy of the adjacency
// whose actors are renumbered in breadth-first order, so that the actors a
// search reaches together lie together in memory and each component is a
// range of numbers, with distances and numbers in 16 bits below 2¹⁶ actors
// and no allocation per source.
//
// Its first phase counts shortest paths level by level, in either of two
// directions (S. Beamer, K. Asanović, D. Patterson, "Direction-optimizing
// breadth-first search", SC 2012), whichever has fewer links to read:
//
//   - top-down, each actor of level d adds its count σ to its neighbours
//     not reached before or reached at level d+1; or
//   - bottom-up (undirected view only), each actor not reached yet sums σ
//     over all its neighbours and joins level d+1 if the sum is positive.
//     Every neighbour of an actor not reached by level d lies at level d or
//     farther, or is not reached either, and σ is 0 for actors not reached
//     (the sums of a level are written only once the level is done), so the
//     sum is exactly the number of shortest paths: no distance is compared
//     for each link, and no branch depends on it.
//
// Its accumulation pulls in the same way: walking the levels from the
// farthest in, each actor v sums
//
//	c(w) = (1 + δ(w)) / σ(w)
//
// over all its forward neighbours w, with c published for a level only
// once the whole level is done. A forward neighbour of an actor at level d
// lies at level d+1 at most, and the levels up to d are not published yet
// when level d is summed, so every c the sum reads is either that of a
// neighbour one level farther, which Brandes' formula δ(v) = σ(v) Σ c(w)
// takes, or 0. This needs only that each link counts one, so it holds for
// arcs as well as for undirected links. Path counts are sums of integers,
// exact below 2⁵³, so neither the direction of a level nor the order of
// the actors within a level changes any result.

// vertex is the integer type of the kernel's actor numbers and
// distances: uint16 below 2¹⁶ actors, halving the memory the searches
// touch, else uint32. Its largest value marks an actor not reached.
type vertex interface{ ~uint16 | ~uint32 }

// bfsGraph is a snapshot's adjacency along the direction paths run,
// renumbered: the forward neighbours of new actor v are
// nbr[off[v]:off[v+1]], ascending; old[v] is v's index in the snapshot and
// new[i] the number of snapshot actor i. Actor v's component is comp[v],
// the actors from start[comp[v]] to start[comp[v]+1]-1. bottomUp allows
// the bottom-up direction, which needs the backward adjacency to be the
// forward one (the undirected view).
type bfsGraph[V vertex] struct {
	off      []int
	nbr      []V
	old, new []int32
	comp     []int32
	start    []int
	bottomUp bool
}

// newBFSGraph renumbers the actors of s in breadth-first order over the
// undirected links, starting each component at its actor of highest
// degree, and copies the adjacency g (the forward one) in the new numbers.
func newBFSGraph[V vertex](s *network.Snapshot, g search.Adjacency, directed bool) *bfsGraph[V] {
	n := s.N()
	b := &bfsGraph[V]{off: make([]int, n+1), old: make([]int32, 0, n), new: make([]int32, n),
		comp: make([]int32, n), bottomUp: !directed}
	byDegree := make([]int32, n)
	for i := range byDegree {
		byDegree[i] = int32(i)
	}
	slices.SortStableFunc(byDegree, func(x, y int32) int { return s.Degree(int(y)) - s.Degree(int(x)) })
	for i := range b.new {
		b.new[i] = -1
	}
	for _, root := range byDegree {
		if b.new[root] >= 0 {
			continue
		}
		head := len(b.old)
		b.start = append(b.start, head)
		b.new[root] = int32(len(b.old))
		b.old = append(b.old, root)
		for ; head < len(b.old); head++ {
			b.comp[head] = int32(len(b.start) - 1)
			for _, w := range s.Neighbors(int(b.old[head])) {
				if b.new[w] < 0 {
					b.new[w] = int32(len(b.old))
					b.old = append(b.old, w)
				}
			}
		}
	}
	b.start = append(b.start, n)
	arcs := 0
	for v, o := range b.old {
		arcs += len(g.Row(int(o)))
		b.off[v+1] = arcs
	}
	b.nbr = make([]V, arcs)
	for v, o := range b.old {
		row := b.nbr[b.off[v]:b.off[v+1]]
		for k, w := range g.Row(int(o)) {
			row[k] = V(b.new[w])
		}
		slices.Sort(row)
	}
	return b
}

// bfsState is one goroutine's reusable state of the kernel, indexed by
// new actor numbers. Between searches dist is unreached, sigma and coeff 0
// everywhere.
type bfsState[V vertex] struct {
	dist   []V       // links from the source
	sigma  []float64 // number of shortest paths from the source
	coeff  []float64 // c(w) = (1 + δ(w)) / σ(w), once w's level is done
	order  []V       // actors reached, level by level
	next   []float64 // σ or c of order[k] while its level is being done
	levels []int     // order[levels[d]:levels[d+1]] is level d
	left   []V       // bottom-up: actors of the component not reached yet
}

func newBFSState[V vertex](n int) *bfsState[V] {
	st := &bfsState[V]{dist: make([]V, n), sigma: make([]float64, n), coeff: make([]float64, n),
		order: make([]V, n), next: make([]float64, n), left: make([]V, 0, n)}
	for i := range st.dist {
		st.dist[i] = unreached[V]()
	}
	return st
}

// unreached is the distance of an actor a search has not reached.
func unreached[V vertex]() V { return ^V(0) }

// checkLevels is how many actors a search reaches between two calls of
// its stop function (at the end of a level).
const checkLevels = 1024

// bottomUpRatio is how many more links a bottom-up level may read than a
// top-down one and still be chosen: its reads run without unpredictable
// branches. Measured on generated networks of 2·10⁴ actors, 2 to 8 were
// equally good. It is a variable so that the tests can force either
// direction.
var bottomUpRatio = 4

// accumulate runs one search from src over g and adds mult times each
// reached actor's dependency on src, δ_src(v), to acc[v] (src excluded).
// It returns the number of actors reached (src included), or false when
// stop gave the search up (acc is then partly added to and meaningless).
func (st *bfsState[V]) accumulate(g *bfsGraph[V], src V, mult float64, acc []float64, stop func() bool) (int, bool) {
	dist, sigma, coeff, order, next := st.dist, st.sigma, st.coeff, st.order, st.next
	off, nbr := g.off, g.nbr
	order[0] = src
	dist[src] = 0
	sigma[src] = 1
	levels := append(st.levels[:0], 0, 1)
	head, tail := 0, 1
	ok := true
	// Phase 1: count shortest paths level by level. frontier is the number
	// of links from the last level, unseen that from the actors of the
	// component not reached yet.
	none := unreached[V]()
	c := g.comp[src]
	lo, hi := g.start[c], g.start[c+1]
	frontier := off[src+1] - off[src]
	unseen := off[hi] - off[lo] - frontier
	left, listed := st.left[:0], false
	for d := V(1); head < tail; d++ {
		end := tail
		reached := 0 // links from the actors of level d+1
		if g.bottomUp && unseen < bottomUpRatio*frontier {
			if !listed {
				for w := lo; w < hi; w++ {
					if dist[w] == none {
						left = append(left, V(w))
					}
				}
				listed = true
			}
			keep := left[:0]
			for _, w := range left {
				if dist[w] != none {
					continue // reached top-down since listed
				}
				row := nbr[off[w]:off[w+1]]
				sum := 0.0
				for _, u := range row {
					sum += sigma[u]
				}
				if sum > 0 {
					next[tail] = sum
					order[tail] = w
					tail++
					reached += len(row)
				} else {
					keep = append(keep, w)
				}
			}
			left = keep
			for k := end; k < tail; k++ {
				w := order[k]
				dist[w] = d
				sigma[w] = next[k]
			}
			head = end
		} else {
			for ; head < end; head++ {
				v := order[head]
				sv := sigma[v]
				for _, w := range nbr[off[v]:off[v+1]] {
					switch dist[w] {
					case none:
						dist[w] = d
						sigma[w] = sv
						order[tail] = w
						tail++
						reached += off[w+1] - off[w]
					case d:
						sigma[w] += sv
					}
				}
			}
		}
		unseen -= reached
		frontier = reached
		if tail > end {
			levels = append(levels, tail)
		}
		if stop != nil && tail/checkLevels != end/checkLevels && stop() {
			ok = false
			break
		}
	}
	st.levels = levels
	if ok {
		// Phase 2: dependencies, farthest level first. The farthest level
		// has no neighbour farther away: its dependencies are 0.
		last := len(levels) - 2
		for k := levels[last]; k < levels[last+1]; k++ {
			coeff[order[k]] = 1 / sigma[order[k]]
		}
		for d := last - 1; d >= 1; d-- {
			lo, hi := levels[d], levels[d+1]
			for k := lo; k < hi; k++ {
				v := order[k]
				sum := 0.0
				for _, w := range nbr[off[v]:off[v+1]] {
					sum += coeff[w]
				}
				dep := sigma[v] * sum
				acc[v] += mult * dep
				next[k] = (1 + dep) / sigma[v]
			}
			for k := lo; k < hi; k++ {
				coeff[order[k]] = next[k]
			}
		}
	}
	for _, v := range order[:tail] {
		dist[v] = none
		sigma[v] = 0
		coeff[v] = 0
	}
	return tail, ok
}

// bfsBetweenness runs the kernel from the count sources source(k) on up
// to workers goroutines (requested asked for; see search.Accumulate) and
// returns the summed dependencies in the snapshot's numbers; mult(src)
// tells how many searches the one from src stands for, and how many
// leaves beside its own (see leaves).
func bfsBetweenness[V vertex](t *search.Tracker, s *network.Snapshot, g search.Adjacency, directed bool, count int,
	source func(k int) int, mult func(src int) (float64, float64), workers, requested int, stop func() bool) ([]float64, error) {
	n := s.N()
	b := newBFSGraph[V](s, g, directed)
	states := make([]*bfsState[V], workers)
	bc, err := search.Accumulate(t, n, count, requested, func(w, k int, acc []float64) int {
		st := states[w]
		if st == nil {
			st = newBFSState[V](n)
			states[w] = st
		}
		src := source(k)
		m, extra := mult(src)
		at := V(b.new[src])
		reached, ok := st.accumulate(b, at, m, acc, stop)
		if !ok {
			return 0
		}
		acc[at] += extra * float64(reached-2)
		return 1 + int(extra)
	})
	if err != nil {
		return nil, err
	}
	// Back to the snapshot's numbers.
	out := make([]float64, n)
	for v, o := range b.old {
		out[o] = bc[v]
	}
	return out, nil
}

// leaves finds, on the undirected view, the actors whose dependencies need
// no search of their own: an actor v with one neighbour u (u having others)
// sends every shortest path through u, so for each actor w other than u
// and v its dependency δ_v(w) equals δ_u(w), and δ_v(u) counts the other
// actors of the component, for none of them can v reach but through u; v
// itself lies on no shortest path between others, so δ_u(v) = 0. The
// search from u then stands for those of its leaves: its dependencies are
// added 1 + leaves[u] times, and u gains (component size − 2) per leaf.
// One neighbour means one distinct actor, however many links join them:
// searches count paths through distinct neighbours, parallel links being
// merged into one tie. Both actors of an isolated pair keep their
// searches. The argument holds for any positive tie lengths, not for arcs:
// on the directed view a leaf may have no path out. ok, when not nil, says
// whether a leaf may be skipped (the weighted search asks for a positive,
// finite length on its tie). It returns the leaves of each actor (nil when
// there are none) and the actors to search from, ascending.
func leaves(s *network.Snapshot, ok func(v int) bool) (count []int32, sources []int) {
	n := s.N()
	skip := make([]bool, n)
	for v := range n {
		row := s.Neighbors(v)
		if len(row) != 1 || s.Degree(int(row[0])) < 2 || ok != nil && !ok(v) {
			continue
		}
		if count == nil {
			count = make([]int32, n)
		}
		count[row[0]]++
		skip[v] = true
	}
	if count == nil {
		return nil, nil
	}
	sources = make([]int, 0, n)
	for v := range n {
		if !skip[v] {
			sources = append(sources, v)
		}
	}
	return count, sources
}

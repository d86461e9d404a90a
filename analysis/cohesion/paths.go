package cohesion

import (
	"math"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/labournet/labournet/analysis"

	"github.com/labournet/labournet/network"
)

// ComponentPathsOptions configures ComponentPaths. The zero value counts
// links on the undirected adjacency.
type ComponentPathsOptions struct {
	// Directed measures the largest strongly connected component along arcs
	// instead of the largest weak component.
	Directed bool
	// Weighted measures path lengths as sums of distances 1/w, w the summed
	// weight of the links joining two actors (a strong tie is a short
	// distance), instead of counting links.
	Weighted bool
}

// PathStats are the shortest-path figures of a network's largest component.
type PathStats struct {
	// Actors is the size of the component measured: the largest weak
	// component (strong with ComponentPathsOptions.Directed). When several
	// are largest, the one holding the smallest actor ID is measured.
	Actors int `json:"actors"`
	// Diameter is the longest shortest path between two actors of the
	// component (a number of links unless weighted).
	Diameter float64 `json:"diameter"`
	// AverageShortestPath is the mean shortest path length over ordered
	// pairs of distinct actors of the component:
	//
	//	a = Σ_{s≠t} d(s, t) / (n (n − 1))
	//
	// 0 for a component of one actor and NaN for a network without actors.
	AverageShortestPath analysis.Float `json:"averageShortestPath"`
}

// ComponentPaths returns the diameter and average shortest path length of
// the largest component of s; they agree with NetworkX's diameter and
// average_shortest_path_length on the subgraph of that component (weighted:
// the maximum of all_pairs_dijkstra_path_length and
// average_shortest_path_length with weight = 1/w).
//
// It runs a breadth-first search from every actor of the component, 64 at a
// time with one bit per source (the multi-source BFS of M. Then et al., "The
// more the merrier: efficient multi-source graph traversal", PVLDB 8(4),
// 2014), or Dijkstra's algorithm with a binary heap from each actor when
// weighted, in parallel over GOMAXPROCS goroutines: O(n (n + e)) time
// (O(n e log n) weighted) for a component of n actors and e edges, with the
// unweighted work divided by up to 64 in practice, and O(N) memory per
// goroutine.
func ComponentPaths(s *network.Snapshot, opt ComponentPathsOptions) PathStats {
	members := cohLargest(s, opt.Directed)
	n := len(members)
	if n == 0 {
		return PathStats{AverageShortestPath: analysis.NaN()}
	}
	if n == 1 {
		return PathStats{Actors: 1}
	}
	in := make([]bool, s.N())
	for _, v := range members {
		in[v] = true
	}
	nbrs, wts := s.Neighbors, s.NeighborWeights
	if opt.Directed {
		nbrs, wts = s.Out, s.OutWeights
	}
	var (
		next  atomic.Int64
		mu    sync.Mutex
		total float64
		diam  float64
		wg    sync.WaitGroup
		// per-source sums, added in order afterwards so that the float
		// total does not depend on scheduling
		sums = make([]float64, n)
	)
	worker := func() {
		defer wg.Done()
		var sum, far float64
		var isum int64
		var ifar int32
		if !opt.Weighted {
			// Multi-source BFS: 64 sources at a time, one bit each.
			seen := make([]uint64, s.N())
			visit := make([]uint64, s.N())
			found := make([]uint64, s.N())
			var front, nfront []int32
			for {
				lo := int(next.Add(1)-1) * 64
				if lo >= n {
					break
				}
				front = front[:0]
				for j := lo; j < min(lo+64, n); j++ {
					v := members[j]
					seen[v] = 1 << (j - lo)
					visit[v] = seen[v]
					front = append(front, v)
				}
				for level := int32(1); len(front) > 0; level++ {
					nfront = nfront[:0]
					for _, v := range front {
						fr := visit[v]
						visit[v] = 0
						for _, w := range nbrs(int(v)) {
							if nb := fr &^ seen[w]; nb != 0 && in[w] {
								if found[w] == 0 {
									nfront = append(nfront, w)
								}
								found[w] |= nb
							}
						}
					}
					for _, w := range nfront {
						nb := found[w]
						found[w] = 0
						seen[w] |= nb
						visit[w] = nb
						isum += int64(level) * int64(bits.OnesCount64(nb))
						ifar = max(ifar, level)
					}
					front, nfront = nfront, front
				}
				for _, v := range members {
					seen[v] = 0
				}
			}
			sum, far = float64(isum), float64(ifar)
		} else {
			dist := make([]float64, s.N())
			done := make([]bool, s.N())
			for i := range dist {
				dist[i] = math.Inf(1)
			}
			var seen []int32
			h := &cohHeap{}
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					break
				}
				src := members[i]
				dist[src] = 0
				one := 0.0
				seen = append(seen[:0], src)
				h.items = append(h.items[:0], cohItem{src, 0})
				for h.Len() > 0 {
					it := h.pop()
					v := it.v
					if done[v] || it.d > dist[v] {
						continue
					}
					done[v] = true
					one += dist[v]
					far = max(far, dist[v])
					ws := wts(int(v))
					for k, w := range nbrs(int(v)) {
						if !in[w] || done[w] {
							continue
						}
						if d := dist[v] + 1/ws[k]; d < dist[w] {
							if math.IsInf(dist[w], 1) {
								seen = append(seen, w)
							}
							dist[w] = d
							h.push(cohItem{w, d})
						}
					}
				}
				for _, v := range seen {
					dist[v], done[v] = math.Inf(1), false
				}
				sums[i] = one
			}
		}
		mu.Lock()
		total += sum // integer-valued unless weighted (then 0)
		diam = max(diam, far)
		mu.Unlock()
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	wg.Add(workers)
	for range workers {
		go worker()
	}
	wg.Wait()
	if opt.Weighted {
		for _, x := range sums {
			total += x
		}
	}
	return PathStats{Actors: n, Diameter: diam, AverageShortestPath: analysis.Float(total / (float64(n) * float64(n-1)))}
}

type cohItem struct {
	v int32
	d float64
}

// cohHeap is a binary min-heap of tentative distances, typed to avoid the
// boxing of container/heap.
type cohHeap struct{ items []cohItem }

func (h *cohHeap) Len() int { return len(h.items) }

func (h *cohHeap) push(it cohItem) {
	h.items = append(h.items, it)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.items[p].d <= h.items[i].d {
			break
		}
		h.items[p], h.items[i] = h.items[i], h.items[p]
		i = p
	}
}

func (h *cohHeap) pop() cohItem {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, m := 2*i+1, i
		if l < last && h.items[l].d < h.items[m].d {
			m = l
		}
		if r := l + 1; r < last && h.items[r].d < h.items[m].d {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

package cohesion

import (
	"context"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/search"
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
	// Workers bounds the goroutines; 0 means GOMAXPROCS. The result does
	// not depend on it.
	Workers int
	// Progress, when not nil, is told how many of the component's actors
	// have had their searches done (see analysis.Progress).
	Progress analysis.Progress
	// Sample, when above 0 and below the component's size, searches from
	// that many actors of the component drawn at random (seeded by Seed)
	// instead of all: AverageShortestPath is then an unbiased estimate and
	// Diameter a lower bound (see PathStats.Sampled).
	Sample int
	Seed   uint64
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
	// Sampled is the number of source actors the figures come from when
	// they were estimated (ComponentPathsOptions.Sample), 0 when exact. The
	// average over the sources' distances estimates AverageShortestPath
	// without bias (each source's mean distance is a draw from the actors'
	// mean distances); the largest distance seen is a lower bound of the
	// Diameter.
	Sampled int `json:"sampled,omitempty"`
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
//
// Cancelling ctx stops it with ctx.Err() after the searches under way.
func ComponentPaths(ctx context.Context, s *network.Snapshot, opt ComponentPathsOptions) (PathStats, error) {
	if err := ctx.Err(); err != nil {
		return PathStats{}, err
	}
	members := cohLargest(s, opt.Directed)
	n := len(members)
	if n == 0 {
		return PathStats{AverageShortestPath: analysis.NaN()}, nil
	}
	if n == 1 {
		return PathStats{Actors: 1}, nil
	}
	in := make([]bool, s.N())
	for _, v := range members {
		in[v] = true
	}
	nbrs, wts := s.Neighbors, s.NeighborWeights
	if opt.Directed {
		nbrs, wts = s.Out, s.OutWeights
	}
	sources := members
	if opt.Sample > 0 && opt.Sample < n {
		perm := rand.New(rand.NewPCG(opt.Seed, 0x5eed0fa7)).Perm(n)[:opt.Sample]
		slices.Sort(perm)
		sources = make([]int32, len(perm))
		for i, k := range perm {
			sources[i] = members[k]
		}
	}
	ns := len(sources)
	t := search.NewTracker(ctx, ns, opt.Progress)
	var (
		next  atomic.Int64
		mu    sync.Mutex
		total float64
		diam  float64
		// per-source sums, added in order afterwards so that the float
		// total does not depend on scheduling
		sums = make([]float64, ns)
	)
	unweighted := func() (sum, far float64) {
		// Multi-source BFS: 64 sources at a time, one bit each.
		var isum int64
		var ifar int32
		seen := make([]uint64, s.N())
		visit := make([]uint64, s.N())
		found := make([]uint64, s.N())
		var front, nfront []int32
		for t.Step(0) {
			lo := int(next.Add(1)-1) * 64
			if lo >= ns {
				break
			}
			front = front[:0]
			for j := lo; j < min(lo+64, ns); j++ {
				v := sources[j]
				seen[v] = 1 << (j - lo)
				visit[v] = seen[v]
				front = append(front, v)
			}
			for level := int32(1); len(front) > 0; level++ {
				if !t.Step(0) {
					return 0, 0 // cancelled
				}
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
			t.Step(min(64, ns-lo))
		}
		return float64(isum), float64(ifar)
	}
	weighted := func() (far float64) {
		dist := make([]float64, s.N())
		done := make([]bool, s.N())
		for i := range dist {
			dist[i] = math.Inf(1)
		}
		var seen []int32
		var h search.Heap
		for t.Step(0) {
			i := int(next.Add(1) - 1)
			if i >= ns {
				break
			}
			src := sources[i]
			dist[src] = 0
			one := 0.0
			seen = append(seen[:0], src)
			h = append(h[:0], search.Item{V: src, D: 0})
			for pops := 1; len(h) > 0; pops++ {
				if pops%1024 == 0 && !t.Step(0) {
					return 0 // cancelled
				}
				it := h.Pop()
				v := it.V
				if done[v] || it.D > dist[v] {
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
						h.Push(search.Item{V: w, D: d})
					}
				}
			}
			for _, v := range seen {
				dist[v], done[v] = math.Inf(1), false
			}
			sums[i] = one
			t.Step(1)
		}
		return far
	}
	search.Go(search.Workers(opt.Workers, ns), func(int) {
		var sum, far float64
		if opt.Weighted {
			far = weighted()
		} else {
			sum, far = unweighted()
		}
		mu.Lock()
		total += sum // integer-valued unless weighted (then 0)
		diam = max(diam, far)
		mu.Unlock()
	})
	if err := t.Err(); err != nil {
		return PathStats{}, err
	}
	if opt.Weighted {
		for _, x := range sums {
			total += x
		}
	}
	ps := PathStats{Actors: n, Diameter: diam, AverageShortestPath: analysis.Float(total / (float64(ns) * float64(n-1)))}
	if ns < n {
		ps.Sampled = ns
	}
	return ps, nil
}

package analysis

import (
	"math"
	"runtime"
	"sync"

	"github.com/labournet/labournet/network"
)

// cenView is one adjacency of a snapshot for path searches: the neighbours
// of an actor and the tie strengths to them.
type cenView struct {
	row func(i int) []int32
	wts func(i int) []float64
}

// cenForward returns the adjacency along which paths run: undirected, or
// arcs out.
func cenForward(s *network.Snapshot, directed bool) cenView {
	if directed {
		return cenView{s.Out, s.OutWeights}
	}
	return cenView{s.Neighbors, s.NeighborWeights}
}

// cenBackward returns the adjacency that searches distances into an actor:
// undirected, or arcs in.
func cenBackward(s *network.Snapshot, directed bool) cenView {
	if directed {
		return cenView{s.In, s.InWeights}
	}
	return cenView{s.Neighbors, s.NeighborWeights}
}

// cenSearch is the reusable state of one single-source shortest-path
// search (Brandes 2001, the first phase).
type cenSearch struct {
	dist  []float64 // distance from the source; +Inf when unreached
	sigma []float64 // number of shortest paths from the source
	order []int32   // actors in order of non-decreasing distance
	preds [][]int32 // predecessors on shortest paths
	queue []int32
	heap  cenHeap
	done  []bool    // settled by Dijkstra
	dep   []float64 // Brandes dependencies, allocated on first use
}

func newCenSearch(n int) *cenSearch {
	c := &cenSearch{dist: make([]float64, n), sigma: make([]float64, n), preds: make([][]int32, n), done: make([]bool, n)}
	for i := range c.dist {
		c.dist[i] = math.Inf(1)
	}
	return c
}

// reset clears what the last search touched.
func (c *cenSearch) reset() {
	for _, v := range c.order {
		c.dist[v] = math.Inf(1)
		c.sigma[v] = 0
		c.preds[v] = c.preds[v][:0]
		c.done[v] = false
	}
	c.order = c.order[:0]
}

// cenTieEps is the relative tolerance within which two weighted path
// lengths count as equal: sums of 1/w in floating point differ in the last
// bits for paths that are equally short in exact arithmetic.
const cenTieEps = 1e-10

// run searches from src along g, by links (BFS) or, when weighted, by the
// distance each tie's weight gives (Dijkstra with a binary heap).
func (c *cenSearch) run(g cenView, src int, dist func(w float64) float64) {
	c.reset()
	c.dist[src] = 0
	c.sigma[src] = 1
	if dist == nil {
		c.queue = append(c.queue[:0], int32(src))
		for h := 0; h < len(c.queue); h++ {
			v := c.queue[h]
			c.order = append(c.order, v)
			dv := c.dist[v] + 1
			for _, w := range g.row(int(v)) {
				switch {
				case math.IsInf(c.dist[w], 1):
					c.dist[w] = dv
					c.queue = append(c.queue, w)
					fallthrough
				case c.dist[w] == dv:
					c.sigma[w] += c.sigma[v]
					c.preds[w] = append(c.preds[w], v)
				}
			}
		}
		return
	}
	c.heap = c.heap[:0]
	c.heap.push(cenItem{v: int32(src), d: 0})
	for len(c.heap) > 0 {
		it := c.heap.pop()
		v := it.v
		if c.done[v] || it.d > c.dist[v] {
			continue
		}
		c.done[v] = true
		c.order = append(c.order, v)
		row, ws := g.row(int(v)), g.wts(int(v))
		for k, w := range row {
			if c.done[w] {
				continue
			}
			nd := c.dist[v] + dist(ws[k])
			old := c.dist[w]
			switch {
			case nd < old && !cenSame(nd, old):
				c.dist[w] = nd
				c.sigma[w] = c.sigma[v]
				c.preds[w] = append(c.preds[w][:0], v)
				c.heap.push(cenItem{v: w, d: nd})
			case cenSame(nd, old):
				c.sigma[w] += c.sigma[v]
				c.preds[w] = append(c.preds[w], v)
			}
		}
	}
}

func cenSame(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= cenTieEps*math.Max(math.Abs(a), math.Abs(b))
}

type cenItem struct {
	v int32
	d float64
}

// cenHeap is a binary min-heap of search items by distance, then actor,
// typed so that pushing does not allocate.
type cenHeap []cenItem

func (h cenHeap) less(i, j int) bool {
	if h[i].d != h[j].d {
		return h[i].d < h[j].d
	}
	return h[i].v < h[j].v
}

func (h *cenHeap) push(it cenItem) {
	*h = append(*h, it)
	q := *h
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if !q.less(i, p) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (h *cenHeap) pop() cenItem {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(q) && q.less(l, m) {
			m = l
		}
		if r < len(q) && q.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	*h = q
	return top
}

// cenDistance returns the rule turning a tie's summed weight into a
// distance: nil (count links) unless weighted; 1/w for a tie strength, or w
// itself when the weight already is a distance.
func cenDistance(weighted, weightIsDistance bool) func(float64) float64 {
	switch {
	case !weighted:
		return nil
	case weightIsDistance:
		return func(w float64) float64 { return w }
	}
	return func(w float64) float64 { return 1 / w }
}

// cenBuffers is the number of partial sums a parallel accumulation keeps:
// source s adds into buffer s mod cenBuffers, buffers are summed in order,
// so results do not depend on how many goroutines run.
const cenBuffers = 16

// cenParallel runs each(search, src, acc) for every source, with acc the
// partial-sum buffer of the source, on up to workers goroutines (0 means
// GOMAXPROCS), and returns the buffers summed in a fixed order.
func cenParallel(n, workers int, each func(c *cenSearch, src int, acc []float64)) []float64 {
	return cenParallelFrom(n, nil, workers, each)
}

// cenParallelFrom is cenParallel over the given sources (all actors when
// sources is nil); the k-th source adds into buffer k mod cenBuffers.
func cenParallelFrom(n int, sources []int, workers int, each func(c *cenSearch, src int, acc []float64)) []float64 {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	count := n
	if sources != nil {
		count = len(sources)
	}
	source := func(k int) int {
		if sources == nil {
			return k
		}
		return sources[k]
	}
	bufs := min(cenBuffers, max(count, 1))
	workers = min(workers, bufs)
	partial := make([][]float64, bufs)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCenSearch(n)
			for b := w; b < bufs; b += workers {
				acc := make([]float64, n)
				for k := b; k < count; k += bufs {
					each(c, source(k), acc)
				}
				partial[b] = acc
			}
		}()
	}
	wg.Wait()
	out := make([]float64, n)
	for _, acc := range partial {
		for i, x := range acc {
			out[i] += x
		}
	}
	return out
}

package search

import (
	"math"
	"runtime"
	"sync"

	"github.com/labournet/labournet/network"
)

// Adjacency is one adjacency of a snapshot for path searches: the neighbours
// of an actor and the tie strengths to them.
type Adjacency struct {
	row func(i int) []int32
	wts func(i int) []float64
}

// Forward returns the adjacency along which paths run: undirected, or
// arcs out.
func Forward(s *network.Snapshot, directed bool) Adjacency {
	if directed {
		return Adjacency{s.Out, s.OutWeights}
	}
	return Adjacency{s.Neighbors, s.NeighborWeights}
}

// Backward returns the adjacency that searches distances into an actor:
// undirected, or arcs in.
func Backward(s *network.Snapshot, directed bool) Adjacency {
	if directed {
		return Adjacency{s.In, s.InWeights}
	}
	return Adjacency{s.Neighbors, s.NeighborWeights}
}

// Search is the reusable state of one single-source shortest-path
// search (Brandes 2001, the first phase).
type Search struct {
	Dist  []float64 // distance from the source; +Inf when unreached
	Sigma []float64 // number of shortest paths from the source
	Order []int32   // actors in order of non-decreasing distance
	Preds [][]int32 // predecessors on shortest paths
	queue []int32
	heap  Heap
	done  []bool    // settled by Dijkstra
	Dep   []float64 // Brandes dependencies, allocated on first use
}

func New(n int) *Search {
	c := &Search{Dist: make([]float64, n), Sigma: make([]float64, n), Preds: make([][]int32, n), done: make([]bool, n)}
	for i := range c.Dist {
		c.Dist[i] = math.Inf(1)
	}
	return c
}

// reset clears what the last search touched.
func (c *Search) reset() {
	for _, v := range c.Order {
		c.Dist[v] = math.Inf(1)
		c.Sigma[v] = 0
		c.Preds[v] = c.Preds[v][:0]
		c.done[v] = false
	}
	c.Order = c.Order[:0]
}

// tieEps is the relative tolerance within which two weighted path
// lengths count as equal: sums of 1/w in floating point differ in the last
// bits for paths that are equally short in exact arithmetic.
const tieEps = 1e-10

// run searches from src along g, by links (BFS) or, when weighted, by the
// distance each tie's weight gives (Dijkstra with a binary heap).
func (c *Search) Run(g Adjacency, src int, dist func(w float64) float64) {
	c.reset()
	c.Dist[src] = 0
	c.Sigma[src] = 1
	if dist == nil {
		c.queue = append(c.queue[:0], int32(src))
		for h := 0; h < len(c.queue); h++ {
			v := c.queue[h]
			c.Order = append(c.Order, v)
			dv := c.Dist[v] + 1
			for _, w := range g.row(int(v)) {
				switch {
				case math.IsInf(c.Dist[w], 1):
					c.Dist[w] = dv
					c.queue = append(c.queue, w)
					fallthrough
				case c.Dist[w] == dv:
					c.Sigma[w] += c.Sigma[v]
					c.Preds[w] = append(c.Preds[w], v)
				}
			}
		}
		return
	}
	c.heap = c.heap[:0]
	c.heap.push(Item{v: int32(src), d: 0})
	for len(c.heap) > 0 {
		it := c.heap.pop()
		v := it.v
		if c.done[v] || it.d > c.Dist[v] {
			continue
		}
		c.done[v] = true
		c.Order = append(c.Order, v)
		row, ws := g.row(int(v)), g.wts(int(v))
		for k, w := range row {
			if c.done[w] {
				continue
			}
			nd := c.Dist[v] + dist(ws[k])
			old := c.Dist[w]
			switch {
			case nd < old && !same(nd, old):
				c.Dist[w] = nd
				c.Sigma[w] = c.Sigma[v]
				c.Preds[w] = append(c.Preds[w][:0], v)
				c.heap.push(Item{v: w, d: nd})
			case same(nd, old):
				c.Sigma[w] += c.Sigma[v]
				c.Preds[w] = append(c.Preds[w], v)
			}
		}
	}
}

func same(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tieEps*math.Max(math.Abs(a), math.Abs(b))
}

type Item struct {
	v int32
	d float64
}

// Heap is a binary min-heap of search items by distance, then actor,
// typed so that pushing does not allocate.
type Heap []Item

func (h Heap) less(i, j int) bool {
	if h[i].d != h[j].d {
		return h[i].d < h[j].d
	}
	return h[i].v < h[j].v
}

func (h *Heap) push(it Item) {
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

func (h *Heap) pop() Item {
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

// Distance returns the rule turning a tie's summed weight into a
// distance: nil (count links) unless weighted; 1/w for a tie strength, or w
// itself when the weight already is a distance.
func Distance(weighted, weightIsDistance bool) func(float64) float64 {
	switch {
	case !weighted:
		return nil
	case weightIsDistance:
		return func(w float64) float64 { return w }
	}
	return func(w float64) float64 { return 1 / w }
}

// buffers is the number of partial sums a parallel accumulation keeps:
// source s adds into buffer s mod buffers, buffers are summed in order,
// so results do not depend on how many goroutines run.
const buffers = 16

// Parallel runs each(search, src, acc) for every source, with acc the
// partial-sum buffer of the source, on up to workers goroutines (0 means
// GOMAXPROCS), and returns the buffers summed in a fixed order.
func Parallel(n, workers int, each func(c *Search, src int, acc []float64)) []float64 {
	return ParallelFrom(n, nil, workers, each)
}

// ParallelFrom is Parallel over the given sources (all actors when
// sources is nil); the k-th source adds into buffer k mod buffers.
func ParallelFrom(n int, sources []int, workers int, each func(c *Search, src int, acc []float64)) []float64 {
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
	bufs := min(buffers, max(count, 1))
	workers = min(workers, bufs)
	partial := make([][]float64, bufs)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := New(n)
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

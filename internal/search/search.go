// Package search is the shortest-path machinery the analyses share: one
// breadth-first or Dijkstra search from a source that records distances,
// path counts and predecessors (the first phase of Brandes' algorithm), one
// binary heap, and one worker pool that runs searches from many sources in
// parallel with deterministic sums, cancellation and progress.
package search

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

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
	mark  []uint32  // Levels: the search that last reached each actor
	stamp uint32    // Levels: the number of the current search
	// Stop, when not nil, is asked every 1,024 actors reached whether to
	// give the search up; Run then returns false and the search's results
	// are meaningless.
	Stop func() bool
}

// checkEvery is how many actors a search reaches between two calls of Stop.
const checkEvery = 1024

// New returns the state of searches over n actors.
func New(n int) *Search {
	c := &Search{Dist: make([]float64, n), Sigma: make([]float64, n), Preds: make([][]int32, n), done: make([]bool, n)}
	for i := range c.Dist {
		c.Dist[i] = math.Inf(1)
	}
	return c
}

// reset clears what the last search touched: the actors it settled, and
// those still queued when a Stop cut it short.
func (c *Search) reset() {
	clear := func(v int32) {
		c.Dist[v] = math.Inf(1)
		c.Sigma[v] = 0
		c.Preds[v] = c.Preds[v][:0]
		c.done[v] = false
	}
	for _, v := range c.Order {
		clear(v)
	}
	for _, v := range c.queue {
		clear(v)
	}
	for _, it := range c.heap {
		clear(it.V)
	}
	c.Order, c.queue, c.heap = c.Order[:0], c.queue[:0], c.heap[:0]
}

// tieEps is the relative tolerance within which two weighted path
// lengths count as equal: sums of 1/w in floating point differ in the last
// bits for paths that are equally short in exact arithmetic.
const tieEps = 1e-10

// Run searches from src along g, by links (BFS) or, when weighted, by the
// distance each tie's weight gives (Dijkstra with a binary heap).
func (c *Search) Run(g Adjacency, src int, dist func(w float64) float64) bool {
	c.reset()
	c.Dist[src] = 0
	c.Sigma[src] = 1
	if dist == nil {
		c.queue = append(c.queue[:0], int32(src))
		for h := 0; h < len(c.queue); h++ {
			v := c.queue[h]
			c.Order = append(c.Order, v)
			if c.Stop != nil && len(c.Order)%checkEvery == 0 && c.Stop() {
				return false
			}
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
		return true
	}
	c.heap = c.heap[:0]
	c.heap.Push(Item{V: int32(src), D: 0})
	for len(c.heap) > 0 {
		it := c.heap.Pop()
		v := it.V
		if c.done[v] || it.D > c.Dist[v] {
			continue
		}
		c.done[v] = true
		c.Order = append(c.Order, v)
		if c.Stop != nil && len(c.Order)%checkEvery == 0 && c.Stop() {
			return false
		}
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
				c.heap.Push(Item{V: w, D: nd})
			case same(nd, old):
				c.Sigma[w] += c.Sigma[v]
				c.Preds[w] = append(c.Preds[w], v)
			}
		}
	}
	return true
}

// Counts is Run for unweighted searches whose caller walks the
// predecessors itself (Brandes' accumulation, which takes the actors one
// link closer to the source among the neighbours): it records distances,
// path counts and the order, but no predecessor lists, whose appends were
// most of a search's memory traffic.
func (c *Search) Counts(g Adjacency, src int) bool {
	c.reset()
	c.Dist[src] = 0
	c.Sigma[src] = 1
	c.queue = append(c.queue[:0], int32(src))
	for h := 0; h < len(c.queue); h++ {
		v := c.queue[h]
		c.Order = append(c.Order, v)
		if c.Stop != nil && len(c.Order)%checkEvery == 0 && c.Stop() {
			return false
		}
		dv, sv := c.Dist[v]+1, c.Sigma[v]
		for _, w := range g.row(int(v)) {
			switch d := c.Dist[w]; {
			case d > dv: // +Inf: not reached yet
				c.Dist[w] = dv
				c.Sigma[w] = sv
				c.queue = append(c.queue, w)
			case d == dv:
				c.Sigma[w] += sv
			}
		}
	}
	return true
}

// Row returns the neighbours of actor i in g.
func (g Adjacency) Row(i int) []int32 { return g.row(i) }

// Levels searches from src along g by links, level by level, and returns
// what closeness and harmonic centrality need: the actors reached (src
// included), the sum of their distances and the sum of their inverse
// distances. It counts no shortest paths, records no predecessors and
// writes no distances: each actor is marked with the number of the search,
// so nothing is cleared between searches. This made those measures several
// times faster than Run, which betweenness needs. ok is false when Stop
// gave the search up.
func (c *Search) Levels(g Adjacency, src int) (reached int, sum, inv float64, ok bool) {
	if c.mark == nil {
		c.mark = make([]uint32, len(c.Dist))
	}
	c.stamp++
	if c.stamp == 0 { // wrapped: clear the marks once every 2³² searches
		clear(c.mark)
		c.stamp = 1
	}
	stamp := c.stamp
	c.mark[src] = stamp
	q := append(c.queue[:0], int32(src))
	for head, level := 0, 1; head < len(q); level++ {
		end := len(q)
		for ; head < end; head++ {
			for _, w := range g.row(int(q[head])) {
				if c.mark[w] != stamp {
					c.mark[w] = stamp
					q = append(q, w)
				}
			}
		}
		if added := len(q) - end; added > 0 {
			sum += float64(added * level)
			inv += float64(added) / float64(level)
		}
		if c.Stop != nil && len(q)/checkEvery != end/checkEvery && c.Stop() {
			c.queue = q[:0]
			return 0, 0, 0, false
		}
	}
	c.queue = q[:0]
	return len(q), sum, inv, true
}

func same(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tieEps*math.Max(math.Abs(a), math.Abs(b))
}

// Item is an actor V at tentative distance D.
type Item struct {
	V int32
	D float64
}

// Heap is a binary min-heap of search items by distance, then actor,
// typed so that pushing does not allocate. The zero value is an empty heap.
type Heap []Item

func (h Heap) less(i, j int) bool {
	if h[i].D != h[j].D {
		return h[i].D < h[j].D
	}
	return h[i].V < h[j].V
}

// Push adds it.
func (h *Heap) Push(it Item) {
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

// Pop removes and returns the item of least distance; the heap must not be
// empty.
func (h *Heap) Pop() Item {
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
// source k adds into buffer k mod buffers, buffers are summed in order, so
// results do not depend on how many goroutines run.
const buffers = 16

// Workers returns how many goroutines to run for items units of work when
// the caller asked for requested (0 or less: GOMAXPROCS): never more than
// the items, never fewer than one.
func Workers(requested, items int) int {
	if requested <= 0 {
		requested = runtime.GOMAXPROCS(0)
	}
	return max(1, min(requested, items))
}

// Go runs work(w) for w = 0..workers-1, each on its own goroutine, and
// waits for all of them: the one worker pool of the analyses.
func Go(workers int, work func(w int)) {
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := range workers {
		go func() {
			defer wg.Done()
			work(w)
		}()
	}
	wg.Wait()
}

// Tracker counts the finished steps of a long analysis, reports them to a
// progress function and watches for cancellation. Its methods are safe for
// concurrent use; progress is called by one goroutine at a time, with done
// increasing.
type Tracker struct {
	ctx      context.Context
	total    int
	progress func(done, total int)
	mu       sync.Mutex
	done     int
	stopped  atomic.Bool
}

// NewTracker returns a tracker of total steps under ctx; progress may be
// nil.
func NewTracker(ctx context.Context, total int, progress func(done, total int)) *Tracker {
	return &Tracker{ctx: ctx, total: total, progress: progress}
}

// Step records k more finished steps and reports whether to go on: false
// once ctx is cancelled.
func (t *Tracker) Step(k int) bool {
	if t.stopped.Load() {
		return false
	}
	select {
	case <-t.ctx.Done():
		t.stopped.Store(true)
		return false
	default:
	}
	if t.progress != nil && k > 0 {
		t.mu.Lock()
		t.done += k
		t.progress(t.done, t.total)
		t.mu.Unlock()
	}
	return true
}

// Finish reports all steps done, for work that ends before the steps it
// announced (an optimiser that finds nothing more to improve).
func (t *Tracker) Finish() {
	if t.progress == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done < t.total {
		t.done = t.total
		t.progress(t.done, t.total)
	}
}

// Err returns the context's error when the work was cancelled, else nil.
func (t *Tracker) Err() error {
	if t.stopped.Load() || t.ctx.Err() != nil {
		return t.ctx.Err()
	}
	return nil
}

// Parallel runs each(search, src, acc) for every source (all n actors when
// sources is nil), with acc the partial-sum buffer of the source, on up to
// workers goroutines (0 means GOMAXPROCS), and returns the buffers summed in
// a fixed order: the k-th source adds into buffer k mod 16, so the result
// does not depend on the number of goroutines. Each finished source is a
// step of the tracker; when it is cancelled, Parallel stops after the
// searches under way and returns the context's error.
func Parallel(t *Tracker, n int, sources []int, workers int, each func(c *Search, src int, acc []float64)) ([]float64, error) {
	count := n
	if sources != nil {
		count = len(sources)
	}
	searches := make([]*Search, Workers(workers, count))
	return Accumulate(t, n, count, workers, func(w, k int, acc []float64) int {
		c := searches[w]
		if c == nil {
			c = New(n)
			c.Stop = func() bool { return !t.Step(0) }
			searches[w] = c
		}
		src := k
		if sources != nil {
			src = sources[k]
		}
		each(c, src, acc)
		return 1
	})
}

// Accumulate runs each(worker, k, acc) for k = 0..count-1 on up to workers
// goroutines (0 means GOMAXPROCS), worker being the goroutine's number,
// below Workers(workers, count) (for state a goroutine reuses), and
// acc the partial-sum buffer of n values that item k adds into, and returns
// the buffers summed in a fixed order. Item k adds into buffer k mod 16 and
// each buffer takes its items in increasing order on one goroutine, so the
// result does not depend on the number of goroutines; goroutines take the
// next untouched buffer when they finish one, so that one slowed down does
// not hold the others up. each returns how many steps of the tracker item k
// finished. When the tracker is cancelled, Accumulate stops after the items
// under way and returns the context's error.
func Accumulate(t *Tracker, n, count, workers int, each func(worker, k int, acc []float64) int) ([]float64, error) {
	bufs := min(buffers, max(count, 1))
	partial := make([][]float64, bufs)
	var next atomic.Int32
	Go(Workers(workers, bufs), func(w int) {
		for {
			b := int(next.Add(1)) - 1
			if b >= bufs {
				return
			}
			acc := make([]float64, n)
			for k := b; k < count; k += bufs {
				if !t.Step(0) {
					return
				}
				t.Step(each(w, k, acc))
			}
			partial[b] = acc
		}
	})
	if err := t.Err(); err != nil {
		return nil, err
	}
	out := make([]float64, n)
	for _, acc := range partial {
		for i, x := range acc {
			out[i] += x
		}
	}
	return out, nil
}

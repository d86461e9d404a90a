package leiden

import (
	"math"
	"math/rand/v2"

	"github.com/labournet/labournet/internal/louvain"
)

// Graph is the symmetric weighted adjacency in CSR form that the Louvain
// kernel also takes (see louvain.Graph); here weights must also not be
// negative.
type Graph = louvain.Graph

// Options configures Run. Run uses the values as given: callers supply the
// defaults (Resolution 1, Theta 0.01).
type Options struct {
	// Resolution is γ in the modularity (1 is Newman–Girvan's).
	Resolution float64
	// Seed seeds the visiting orders and the random merges of the
	// refinement.
	Seed uint64
	// Theta is the randomness θ of the refinement, in units of link weight
	// (igraph's beta); it must be above 0.
	Theta float64
	// MaxIterations bounds the iterations of the whole algorithm; 0 or
	// below iterates until one changes nothing.
	MaxIterations int
}

// tol is the relative margin, times the node's strength, by which a move
// must raise the quality: it keeps rounding noise from moving nodes back and
// forth, so that every move is a true gain and the method ends.
const tol = 1e-12

// Run returns a community label in 0..k-1 for each node and k, the labels
// numbered in order of each community's smallest node. It implements the
// Leiden algorithm of V. A. Traag, L. Waltman and N. J. van Eck, "From
// Louvain to Leiden: guaranteeing well-connected communities", Scientific
// Reports 9, 5233 (2019), for modularity written, as in igraph's
// community_leiden, as the quality
//
//	H = Σ_C [ e_C − γ' K_C² / 2 ],  γ' = γ / 2m,
//
// (e_C the weight inside C, K_C its strength, 2m the total strength), which
// is m·Q; the gain of moving a node v, taken out of its community, into C is
//
//	ΔH(v → C) = k_{v,C} − γ' k_v K_C.
//
// Each iteration repeats three phases, level by level:
//
//  1. fast local moving: nodes wait in a queue (first in a seeded random
//     order); each goes to the neighbouring or an empty community of
//     largest gain, and when it moves its neighbours outside its new
//     community rejoin the queue; the phase ends when the queue is empty;
//  2. refinement: within each community S, every node starts alone; in a
//     random order, each node v still alone and well connected to S
//     (E(v, S−v) ≥ γ' k_v (K_S − k_v)) joins a neighbouring refined
//     community C ⊆ S that is itself well connected (E(C, S−C) ≥ γ' K_C
//     (K_S − K_C)) and has ΔH ≥ 0, or stays alone, with probability
//     ∝ exp(ΔH / θ); every refined community is so connected;
//  3. aggregation: the refined communities become the nodes of the next
//     level, starting in the community of the first phase that holds them.
//
// The levels end when every community is a single node. Should the
// refinement merge nothing while communities still hold several nodes, the
// level is aggregated by the connected parts of the communities instead, as
// igraph aggregates by the unrefined partition, so that the levels always
// shrink. Iterations go on, each starting from the partition of the one
// before, until one moves no node or MaxIterations is reached; any community
// still disconnected then (none is expected) is split into its connected
// parts, which only raises modularity.
//
// A pass of local moving, the refinement and the aggregation each take
// O(n + m) time for n nodes and m arcs, and the levels shrink quickly, so
// an iteration costs a few O(n + m) passes; memory is O(n + m).
func Run(g *Graph, opt Options) (label []int32, k int) {
	n := len(g.Off) - 1
	if n <= 0 {
		return []int32{}, 0
	}
	base := newLevel(g.Off, g.Nbr, g.W, make([]float64, n))
	m2 := 0.0 // 2m
	for _, x := range base.k {
		m2 += x
	}
	if m2 == 0 {
		return identity(n), n
	}
	r := &runner{
		rng:   rand.New(rand.NewPCG(opt.Seed, 0x2545f4914f6cdd1d)),
		gamma: opt.Resolution / m2,
		theta: opt.Theta,
		wTo:   make([]float64, n),
		seen:  make([]bool, n),
	}
	comm := identity(n)
	for it := 0; opt.MaxIterations <= 0 || it < opt.MaxIterations; it++ {
		var changed bool
		comm, changed = r.iterate(base, comm)
		if !changed {
			break
		}
	}
	return base.components(comm)
}

// runner holds the random stream, the quality's parameters and scratch
// space reused by every level (sized for the largest, the first).
type runner struct {
	rng     *rand.Rand
	gamma   float64 // γ' = γ / 2m
	theta   float64
	wTo     []float64 // weight from the current node to each community
	seen    []bool
	touched []int32
	cand    []int32
	gain    []float64
}

// level is the graph of one level: nodes stand for connected sets of
// original nodes; loop[u] is A_uu, twice the weight inside u, and k[u] its
// strength A_uu + Σ_v A_uv.
type level struct {
	off  []int64
	nbr  []int32
	w    []float64
	loop []float64
	k    []float64
}

func newLevel(off []int64, nbr []int32, w, loop []float64) *level {
	n := len(loop)
	k := make([]float64, n)
	for u := range n {
		s := loop[u]
		for p := off[u]; p < off[u+1]; p++ {
			s += w[p]
		}
		k[u] = s
	}
	return &level{off: off, nbr: nbr, w: w, loop: loop, k: k}
}

func (lv *level) n() int { return len(lv.loop) }

// iterate runs one iteration of the algorithm from the partition comm of the
// base level and returns the new partition (labels 0..k-1) and whether any
// node moved.
func (r *runner) iterate(base *level, comm []int32) ([]int32, bool) {
	lv := base
	part := append([]int32(nil), comm...)
	var nodeAt []int32 // node of the current level holding each base node; nil: the same
	changed := false
	for {
		if r.moveFast(lv, part) {
			changed = true
		}
		var kc int
		part, kc = renumber(part)
		if kc == lv.n() {
			break
		}
		refined, kr := r.refine(lv, part, kc)
		if kr == lv.n() {
			refined, kr = lv.components(part)
			if kr == lv.n() {
				break // every community is scattered; cannot happen after moveFast
			}
		}
		next := make([]int32, kr)
		for u, c := range refined {
			next[c] = part[u]
		}
		if nodeAt == nil {
			nodeAt = refined
		} else {
			for i, u := range nodeAt {
				nodeAt[i] = refined[u]
			}
		}
		lv, part = lv.aggregate(refined, kr), next
	}
	if nodeAt == nil {
		return part, changed
	}
	out := make([]int32, len(nodeAt))
	for i, u := range nodeAt {
		out[i] = part[u]
	}
	return out, changed
}

// gather sums the weights from u to the communities comm of its neighbours
// into r.wTo, listing them in r.touched in order of first appearance. When
// within is not nil, only neighbours v with within[v] == s count.
func (r *runner) gather(lv *level, u int32, comm, within []int32, s int32) {
	r.touched = r.touched[:0]
	for p := lv.off[u]; p < lv.off[u+1]; p++ {
		v := lv.nbr[p]
		if within != nil && within[v] != s {
			continue
		}
		c := comm[v]
		if !r.seen[c] {
			r.seen[c] = true
			r.touched = append(r.touched, c)
		}
		r.wTo[c] += lv.w[p]
	}
}

func (r *runner) clear() {
	for _, c := range r.touched {
		r.wTo[c], r.seen[c] = 0, false
	}
}

// moveFast is the first phase. comm holds labels below lv.n() and is updated
// in place; it reports whether any node moved.
func (r *runner) moveFast(lv *level, comm []int32) bool {
	n := lv.n()
	tot := make([]float64, n)
	size := make([]int32, n)
	for u, c := range comm {
		tot[c] += lv.k[u]
		size[c]++
	}
	var free []int32 // empty community labels
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			free = append(free, int32(c))
		}
	}
	queue := identity(n) // a ring of capacity n: each node is in it at most once
	r.rng.Shuffle(n, func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	inQ := make([]bool, n)
	for i := range inQ {
		inQ[i] = true
	}
	head, count := 0, n
	moved := false
	for count > 0 {
		v := queue[head]
		head++
		if head == n {
			head = 0
		}
		count--
		inQ[v] = false
		cv, kv := comm[v], lv.k[v]
		r.gather(lv, v, comm, nil, 0)
		tot[cv] -= kv
		size[cv]--
		stay := r.wTo[cv] - r.gamma*kv*tot[cv]
		best, bestGain := cv, stay
		for _, c := range r.touched {
			if c == cv {
				continue
			}
			if gain := r.wTo[c] - r.gamma*kv*tot[c]; gain > bestGain {
				best, bestGain = c, gain
			}
		}
		if size[cv] > 0 && 0 > bestGain {
			best, bestGain = -1, 0 // an empty community
		}
		r.clear()
		if best == cv || bestGain-stay <= tol*kv {
			tot[cv] += kv
			size[cv]++
			continue
		}
		if best < 0 {
			best = free[len(free)-1]
			free = free[:len(free)-1]
		}
		comm[v] = best
		tot[best] += kv
		size[best]++
		if size[cv] == 0 {
			free = append(free, cv)
		}
		moved = true
		for p := lv.off[v]; p < lv.off[v+1]; p++ {
			if u := lv.nbr[p]; comm[u] != best && !inQ[u] {
				inQ[u] = true
				tail := head + count
				if tail >= n {
					tail -= n
				}
				queue[tail] = u
				count++
			}
		}
	}
	return moved
}

// members returns the nodes of each of the k communities of comm: those of
// community c are mem[start[c]:start[c+1]], ascending.
func members(comm []int32, k int) (start, mem []int32) {
	start = make([]int32, k+1)
	for _, c := range comm {
		start[c+1]++
	}
	for c := 1; c <= k; c++ {
		start[c] += start[c-1]
	}
	mem = make([]int32, len(comm))
	fill := append([]int32(nil), start[:k]...)
	for u, c := range comm {
		mem[fill[c]] = int32(u)
		fill[c]++
	}
	return start, mem
}

// refine is the second phase: it returns the refined partition of the
// communities comm (labels 0..kc-1), numbered 0..kr-1.
func (r *runner) refine(lv *level, comm []int32, kc int) ([]int32, int) {
	n := lv.n()
	start, mem := members(comm, kc)
	rcomm := identity(n)
	rtot := append([]float64(nil), lv.k...)
	rsize := make([]int32, n)
	ext := make([]float64, n) // E(C, S−C) of each refined community C
	for u := range n {
		rsize[u] = 1
		cu := comm[u]
		for p := lv.off[u]; p < lv.off[u+1]; p++ {
			if comm[lv.nbr[p]] == cu {
				ext[u] += lv.w[p]
			}
		}
	}
	for c := range kc {
		ms := mem[start[c]:start[c+1]]
		if len(ms) < 2 {
			continue
		}
		kS := 0.0
		for _, v := range ms {
			kS += lv.k[v]
		}
		r.rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		for _, v := range ms {
			kv := lv.k[v]
			if rcomm[v] != v || rsize[v] != 1 || ext[v] < r.gamma*kv*(kS-kv) {
				continue // merged already, or not well connected to S
			}
			r.gather(lv, v, rcomm, comm, int32(c))
			r.cand, r.gain = r.cand[:0], r.gain[:0]
			maxGain := 0.0
			for _, d := range r.touched {
				if ext[d] < r.gamma*rtot[d]*(kS-rtot[d]) {
					continue
				}
				if g := r.wTo[d] - r.gamma*kv*rtot[d]; g >= 0 {
					r.cand = append(r.cand, d)
					r.gain = append(r.gain, g)
					maxGain = max(maxGain, g)
				}
			}
			if len(r.cand) > 0 {
				// Staying alone (ΔH = 0) is a candidate too.
				stayW := math.Exp(-maxGain / r.theta)
				sum := stayW
				for i, g := range r.gain {
					r.gain[i] = math.Exp((g - maxGain) / r.theta)
					sum += r.gain[i]
				}
				x := r.rng.Float64() * sum
				to := int32(-1) // stay
				for i, p := range r.gain {
					if x -= p; x < 0 {
						to = r.cand[i]
						break
					}
				}
				if to < 0 && stayW == 0 {
					to = r.cand[len(r.cand)-1] // staying weighs nothing: rounding left x past the end
				}
				if to >= 0 {
					rcomm[v] = to
					rtot[to] += kv
					rsize[to]++
					rsize[v] = 0
					ext[to] += ext[v] - 2*r.wTo[to]
				}
			}
			r.clear()
		}
	}
	return renumber(rcomm)
}

// components splits each community of comm into its connected parts and
// numbers them in order of their smallest node.
func (lv *level) components(comm []int32) ([]int32, int) {
	n := lv.n()
	out := make([]int32, n)
	for i := range out {
		out[i] = -1
	}
	var stack []int32
	k := int32(0)
	for s := range n {
		if out[s] >= 0 {
			continue
		}
		out[s] = k
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for p := lv.off[u]; p < lv.off[u+1]; p++ {
				if v := lv.nbr[p]; out[v] < 0 && comm[v] == comm[u] {
					out[v] = k
					stack = append(stack, v)
				}
			}
		}
		k++
	}
	return out, int(k)
}

// aggregate builds the next level, whose nodes are the kc communities of comm.
func (lv *level) aggregate(comm []int32, kc int) *level {
	start, mem := members(comm, kc)
	off := make([]int64, kc+1)
	loop := make([]float64, kc)
	nbr := make([]int32, 0, len(lv.nbr)/2)
	w := make([]float64, 0, len(lv.nbr)/2)
	acc := make([]float64, kc)
	seen := make([]bool, kc)
	var touched []int32
	for c := range kc {
		touched = touched[:0]
		for _, u := range mem[start[c]:start[c+1]] {
			loop[c] += lv.loop[u]
			for p := lv.off[u]; p < lv.off[u+1]; p++ {
				d := comm[lv.nbr[p]]
				if int(d) == c {
					loop[c] += lv.w[p]
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				acc[d] += lv.w[p]
			}
		}
		for _, d := range touched {
			nbr = append(nbr, d)
			w = append(w, acc[d])
			acc[d], seen[d] = 0, false
		}
		off[c+1] = int64(len(nbr))
	}
	return newLevel(off, nbr, w, loop)
}

func identity(n int) []int32 {
	c := make([]int32, n)
	for i := range c {
		c[i] = int32(i)
	}
	return c
}

// renumber maps labels (all below len(c)) to 0..k-1 in order of first
// appearance.
func renumber(c []int32) ([]int32, int) {
	id := make([]int32, len(c)) // id+1, 0 = unseen
	out := make([]int32, len(c))
	k := int32(0)
	for i, x := range c {
		if id[x] == 0 {
			k++
			id[x] = k
		}
		out[i] = id[x] - 1
	}
	return out, int(k)
}

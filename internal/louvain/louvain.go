package louvain

import (
	"math/rand/v2"
	"slices"
)

// Graph is a symmetric weighted adjacency in CSR form: the neighbours of u
// are Nbr[Off[u]:Off[u+1]] with weights W at the same positions. It must not
// hold self-loops; every arc u→v must have its twin v→u of equal weight.
type Graph struct {
	Off []int64
	Nbr []int32
	W   []float64
}

// Options configures Run.
type Options struct {
	// Resolution is γ in the modularity (1 is Newman–Girvan's).
	Resolution float64
	// Seed seeds the order in which nodes are visited.
	Seed uint64
	// Threshold stops the method when a level raises modularity by no more
	// than it (NetworkX's default is 1e-7).
	Threshold float64
}

// level is the graph of one level: nodes stand for communities of the level
// below; Loop[u] is A_uu, twice the weight inside u.
type level struct {
	off  []int64
	nbr  []int32
	w    []float64
	loop []float64
}

// Run returns a community label in 0..k-1 for each node and k, the labels
// numbered in order of each community's smallest node. It implements
// V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast
// unfolding of communities in large networks", J. Stat. Mech. (2008) P10008:
// nodes, visited in a seeded random order, move to the neighbouring
// community with the largest modularity gain
//
//	ΔQ = k_{i,C}/m − γ k_i Σ_tot(C) / (2 m²)
//
// (k_{i,C} the weight from i to C, k_i its strength, Σ_tot(C) the strength
// of C, m the total weight) until no move helps; then communities become the
// nodes of the next level. It stops when a level gains no more than
// Threshold. Each pass takes O(n + m) time.
func Run(g *Graph, opt Options) (label []int32, k int) {
	n := len(g.Off) - 1
	label = make([]int32, n)
	for i := range label {
		label[i] = int32(i)
	}
	if n == 0 {
		return label, 0
	}
	lv := &level{off: g.Off, nbr: g.Nbr, w: g.W, loop: make([]float64, n)}
	m2 := 0.0 // 2m
	for _, w := range g.W {
		m2 += w
	}
	if m2 == 0 {
		return label, n
	}
	gamma := opt.Resolution
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	q := lv.modularity(identity(n), m2, gamma)
	for {
		comm, moved := lv.moveNodes(rng, m2, gamma)
		if !moved {
			break
		}
		comm, kc := renumber(comm)
		for i, c := range label {
			label[i] = comm[c]
		}
		nq := lv.modularity(comm, m2, gamma)
		lv = lv.aggregate(comm, kc)
		if nq-q <= opt.Threshold {
			break
		}
		q = nq
	}
	return renumber(label)
}

func identity(n int) []int32 {
	c := make([]int32, n)
	for i := range c {
		c[i] = int32(i)
	}
	return c
}

// renumber maps labels to 0..k-1 in order of first appearance.
func renumber(c []int32) ([]int32, int) {
	id := make([]int32, len(c)) // labels are below len(c); id+1, 0 = unseen
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

// strengths returns k_u = A_uu + Σ_v A_uv.
func (lv *level) strengths() []float64 {
	n := len(lv.loop)
	k := make([]float64, n)
	for u := range n {
		s := lv.loop[u]
		for p := lv.off[u]; p < lv.off[u+1]; p++ {
			s += lv.w[p]
		}
		k[u] = s
	}
	return k
}

// modularity of the partition comm of this level's nodes:
// Q = Σ_C [A_CC/(2m) − γ (Σ_tot(C)/(2m))²].
func (lv *level) modularity(comm []int32, m2, gamma float64) float64 {
	n := len(lv.loop)
	k := lv.strengths()
	in := make([]float64, n)
	tot := make([]float64, n)
	for u := range n {
		c := comm[u]
		tot[c] += k[u]
		in[c] += lv.loop[u]
		for p := lv.off[u]; p < lv.off[u+1]; p++ {
			if comm[lv.nbr[p]] == c {
				in[c] += lv.w[p]
			}
		}
	}
	q := 0.0
	for c := range n {
		if tot[c] > 0 {
			q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
		}
	}
	return q
}

// moveNodes is the first phase: local moves until none improves modularity.
// It returns each node's community (a node index) and whether any node moved.
func (lv *level) moveNodes(rng *rand.Rand, m2, gamma float64) ([]int32, bool) {
	n := len(lv.loop)
	k := lv.strengths()
	comm := identity(n)
	tot := make([]float64, n)
	copy(tot, k)
	order := identity(n)
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	wTo := make([]float64, n) // weight from the current node to each community
	seen := make([]bool, n)
	var touched []int32
	m := m2 / 2
	moved := false
	for pass := 0; pass < 1000; pass++ {
		moves := 0
		for _, u := range order {
			cu := comm[u]
			touched = touched[:0]
			for p := lv.off[u]; p < lv.off[u+1]; p++ {
				c := comm[lv.nbr[p]]
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				wTo[c] += lv.w[p]
			}
			ku := k[u]
			tot[cu] -= ku
			// Gain of leaving cu is the negative of the gain of rejoining it.
			best, bestGain := cu, wTo[cu]/m-gamma*ku*tot[cu]/(2*m*m)
			for _, c := range touched {
				if c == cu {
					continue
				}
				if gain := wTo[c]/m - gamma*ku*tot[c]/(2*m*m); gain > bestGain {
					best, bestGain = c, gain
				}
			}
			tot[best] += ku
			if best != cu {
				comm[u] = best
				moves++
			}
			for _, c := range touched {
				wTo[c], seen[c] = 0, false
			}
		}
		if moves == 0 {
			break
		}
		moved = true
	}
	return comm, moved
}

// aggregate builds the next level, whose nodes are the kc communities.
func (lv *level) aggregate(comm []int32, kc int) *level {
	n := len(lv.loop)
	// members of each community, by counting sort
	start := make([]int32, kc+1)
	for _, c := range comm {
		start[c+1]++
	}
	for c := 1; c <= kc; c++ {
		start[c] += start[c-1]
	}
	members := make([]int32, n)
	fill := append([]int32(nil), start[:kc]...)
	for u, c := range comm {
		members[fill[c]] = int32(u)
		fill[c]++
	}
	next := &level{off: make([]int64, kc+1), loop: make([]float64, kc)}
	acc := make([]float64, kc)
	seen := make([]bool, kc)
	var touched []int32
	for c := range kc {
		touched = touched[:0]
		for _, u := range members[start[c]:start[c+1]] {
			next.loop[c] += lv.loop[u]
			for p := lv.off[u]; p < lv.off[u+1]; p++ {
				d := comm[lv.nbr[p]]
				if int(d) == c {
					next.loop[c] += lv.w[p]
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				acc[d] += lv.w[p]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			next.nbr = append(next.nbr, d)
			next.w = append(next.w, acc[d])
			acc[d], seen[d] = 0, false
		}
		next.off[c+1] = int64(len(next.nbr))
	}
	return next
}

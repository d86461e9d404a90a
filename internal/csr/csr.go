// Package csr holds compact adjacency in compressed-sparse-row form, the
// storage behind network snapshots and the analysis kernels.
package csr

// Graph is adjacency in compressed-sparse-row form: the neighbours of node u
// are Nbr[Off[u]:Off[u+1]], sorted ascending and without repeats, with the
// summed weight W and the number of merged arcs Count at the same positions.
type Graph struct {
	Off   []int64
	Nbr   []int32
	W     []float64
	Count []int32
}

// N returns the number of nodes.
func (g *Graph) N() int { return len(g.Off) - 1 }

// Row returns the neighbours of u.
func (g *Graph) Row(u int) []int32 { return g.Nbr[g.Off[u]:g.Off[u+1]] }

// Weights returns the weights of u's arcs, aligned with Row(u).
func (g *Graph) Weights(u int) []float64 { return g.W[g.Off[u]:g.Off[u+1]] }

// Degree returns the number of distinct neighbours of u.
func (g *Graph) Degree(u int) int { return int(g.Off[u+1] - g.Off[u]) }

// Find returns the position of arc u→v in Nbr, or -1. It takes O(log d).
func (g *Graph) Find(u, v int) int64 {
	lo, hi := g.Off[u], g.Off[u+1]
	for lo < hi {
		m := int64(uint64(lo+hi) >> 1)
		if int(g.Nbr[m]) < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < g.Off[u+1] && int(g.Nbr[lo]) == v {
		return lo
	}
	return -1
}

// Build returns the adjacency of n nodes with the arcs src[i]→dst[i] of
// weight w[i]. Parallel arcs are merged: their weights summed, their number
// kept in Count. It runs in O(n + m) time with two stable counting sorts.
// All indices must be in [0, n).
func Build(n int, src, dst []int32, w []float64) *Graph {
	m := len(src)
	// Stable counting sort by dst, then by src: rows come out sorted by dst.
	byDst := countingOrder(n, dst, nil)
	order := countingOrder(n, src, byDst)
	g := &Graph{Off: make([]int64, n+1)}
	g.Nbr = make([]int32, 0, m)
	g.W = make([]float64, 0, m)
	g.Count = make([]int32, 0, m)
	u := 0
	for _, e := range order {
		s, d := int(src[e]), dst[e]
		for u < s {
			u++
			g.Off[u] = int64(len(g.Nbr))
		}
		last := len(g.Nbr) - 1
		if last >= int(g.Off[u]) && g.Nbr[last] == d {
			g.W[last] += w[e]
			g.Count[last]++
			continue
		}
		g.Nbr = append(g.Nbr, d)
		g.W = append(g.W, w[e])
		g.Count = append(g.Count, 1)
	}
	for u < n {
		u++
		g.Off[u] = int64(len(g.Nbr))
	}
	return g
}

// countingOrder returns the positions of key in stable ascending key order;
// if in is not nil, it sorts the positions in instead of 0..len(key)-1.
func countingOrder(n int, key []int32, in []int32) []int32 {
	count := make([]int64, n+1)
	for _, k := range key {
		count[k+1]++
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	out := make([]int32, len(key))
	if in == nil {
		for e, k := range key {
			out[count[k]] = int32(e)
			count[k]++
		}
		return out
	}
	for _, e := range in {
		k := key[e]
		out[count[k]] = e
		count[k]++
	}
	return out
}

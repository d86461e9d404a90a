package cohesion

import (
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// CoreOptions configures CoreNumbers. The zero value uses the undirected
// adjacency.
type CoreOptions struct {
	// Directed uses the directed adjacency, where an actor's degree is its
	// in-degree plus its out-degree (an undirected link, an arc each way,
	// counts twice), as NetworkX's core_number on a DiGraph.
	Directed bool
}

// CoreNumbers returns each actor's core number: the largest k such that the
// actor belongs to the k-core, the maximal part of the network in which
// every actor has degree at least k. It agrees with NetworkX's core_number.
//
// It uses the algorithm of V. Batagelj and M. Zaversnik, "An O(m) algorithm
// for cores decomposition of networks" (2003): actors are kept in buckets by
// current degree and peeled in increasing order,
//
//	core(v) = deg(v) when v is removed; each later neighbour u with
//	deg(u) > deg(v) loses one degree per arc to v.
//
// Degrees count distinct neighbours (parallel links merged), or in+out arcs
// with Options.Directed. It takes O(N + E) time and memory.
func CoreNumbers(s *network.Snapshot, opt CoreOptions) analysis.Ranking {
	core := cohCores(s, opt.Directed)
	vals := make([]float64, len(core))
	for i, c := range core {
		vals[i] = float64(c)
	}
	return analysis.NewRanking(s, vals)
}

// cohCores computes core numbers by Batagelj–Zaversnik bucket peeling.
func cohCores(s *network.Snapshot, directed bool) []int32 {
	n := s.N()
	deg := make([]int32, n)
	maxd := int32(0)
	for v := range n {
		if directed {
			deg[v] = int32(len(s.Out(v)) + len(s.In(v)))
		} else {
			deg[v] = int32(s.Degree(v))
		}
		maxd = max(maxd, deg[v])
	}
	bin := make([]int32, maxd+2) // bin[d]: first position of degree d in vert
	for _, d := range deg {
		bin[d+1]++
	}
	for d := int32(1); d <= maxd+1; d++ {
		bin[d] += bin[d-1]
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	fill := make([]int32, maxd+1)
	copy(fill, bin[:maxd+1])
	for v := range n {
		pos[v] = fill[deg[v]]
		vert[pos[v]] = int32(v)
		fill[deg[v]]++
	}
	lower := func(u, dv int32) {
		if deg[u] <= dv {
			return
		}
		du := deg[u]
		pu, pw := pos[u], bin[du]
		w := vert[pw]
		if u != w {
			vert[pu], vert[pw] = w, u
			pos[u], pos[w] = pw, pu
		}
		bin[du]++
		deg[u]--
	}
	for i := range n {
		v := vert[i]
		dv := deg[v]
		if directed {
			for _, u := range s.Out(int(v)) {
				lower(u, dv)
			}
			for _, u := range s.In(int(v)) {
				lower(u, dv)
			}
		} else {
			for _, u := range s.Neighbors(int(v)) {
				lower(u, dv)
			}
		}
	}
	return deg
}

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
	core, top := cohCores(s, opt.Directed)
	// Core numbers are integers from 0 to top: a counting sort ranks them
	// as analysis.NewRanking does (descending value, ties by ascending
	// index, which is ascending ID) in O(N + top) instead of a comparison
	// sort, which took as long as the decomposition.
	at := make([]int32, top+2) // at[top-c]: the next place of core number c
	for _, c := range core {
		at[top-c+1]++
	}
	for k := 1; k < len(at); k++ {
		at[k] += at[k-1]
	}
	r := make(analysis.Ranking, len(core))
	for i, c := range core {
		k := at[top-c]
		at[top-c]++
		r[k] = analysis.Score{ID: s.ID(i), Value: analysis.Float(c)}
	}
	return r
}

// cohCores computes core numbers by Batagelj–Zaversnik bucket peeling and
// returns them with the largest (0 without actors).
func cohCores(s *network.Snapshot, directed bool) ([]int32, int32) {
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
	// vert lists the actors by current degree; the actors of degree d are
	// vert[bin[d]:bin[d+1]], and pos[v] is v's place in vert.
	bin := make([]int32, maxd+1)
	for _, d := range deg {
		bin[d]++
	}
	first := int32(0)
	for d, c := range bin {
		bin[d] = first
		first += c
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	for v, d := range deg {
		p := bin[d]
		pos[v] = p
		vert[p] = int32(v)
		bin[d]++
	}
	copy(bin[1:], bin[:maxd]) // back to the first place of each degree
	bin[0] = 0
	// Peel in order of current degree: when v is removed, its degree is its
	// core number, and each neighbour u of higher degree loses one per arc
	// to v, moving to the front of its bucket, which then starts one later.
	peel := func(dv int32, row []int32) {
		for _, u := range row {
			if du := deg[u]; du > dv {
				pu, pw := pos[u], bin[du]
				w := vert[pw]
				vert[pu], vert[pw] = w, u
				pos[u], pos[w] = pw, pu
				bin[du] = pw + 1
				deg[u] = du - 1
			}
		}
	}
	for _, v := range vert {
		dv := deg[v]
		if directed {
			peel(dv, s.Out(int(v)))
			peel(dv, s.In(int(v)))
		} else {
			peel(dv, s.Neighbors(int(v)))
		}
	}
	return deg, maxd
}

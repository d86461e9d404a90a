package cohesion

import (
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/louvain"
	"github.com/labournet/labournet/network"
)

// LouvainOptions configures Louvain. The zero value finds communities of the
// unweighted network at resolution 1 with seed 0.
type LouvainOptions struct {
	// Seed seeds the random order in which actors are visited. The same
	// seed on the same network gives the same communities; 0 is a seed like
	// any other.
	Seed uint64
	// Weighted uses the link weights (summed over parallel links).
	Weighted bool
	// Resolution is γ in the modularity; 0 means 1. Values above 1 give more,
	// smaller communities.
	Resolution float64
	// Threshold stops the method when a level raises modularity by no more
	// than it; 0 means 1e-7, NetworkX's default.
	Threshold float64
}

// Communities are groups of actors found by community detection.
type Communities struct {
	// Groups lists each community's actor IDs, ascending. Communities are
	// ordered by their smallest actor ID, so community k is Groups[k].
	Groups [][]string `json:"groups"`
	// Modularity is the modularity of the groups (see Modularity), with the
	// options the communities were found with.
	Modularity analysis.Float `json:"modularity"`
}

// Label returns the community index of each actor, keyed by ID.
func (c Communities) Label() map[string]int {
	m := make(map[string]int)
	for k, g := range c.Groups {
		for _, id := range g {
			m[id] = k
		}
	}
	return m
}

// Louvain finds communities of the undirected adjacency of s that have high
// modularity, by the Louvain method (V. D. Blondel, J.-L. Guillaume,
// R. Lambiotte and E. Lefebvre, "Fast unfolding of communities in large
// networks", J. Stat. Mech. (2008) P10008), as NetworkX's
// louvain_communities: actors, visited in an order drawn from the seed, move
// to the neighbouring community with the largest gain
//
//	ΔQ = k_{i,C} / m − γ k_i Σ_tot(C) / (2 m²)
//
// until no move helps; the communities then become the nodes of a new level,
// and so on while a level raises modularity by more than the threshold. The
// last level is returned. Isolated actors form communities of their own.
// Each pass over the actors takes O(N + E) time; the number of passes is
// small in practice.
//
// The result is deterministic for a given seed and network, but is not
// NetworkX's partition for the same seed (the random streams differ).
func Louvain(s *network.Snapshot, opt LouvainOptions) Communities {
	off, nbr, w := adjacency(s, opt.Weighted)
	g := &louvain.Graph{Off: off, Nbr: nbr, W: w}
	mo := ModularityOptions{Weighted: opt.Weighted, Resolution: opt.Resolution}
	th := opt.Threshold
	if th == 0 {
		th = 1e-7
	}
	label, k := louvain.Run(g, louvain.Options{Resolution: mo.resolution(), Seed: opt.Seed, Threshold: th})
	return communitiesOf(s, label, k, mo)
}

// adjacency returns the undirected adjacency of s in compressed-sparse-row
// form for the community kernels: the offsets, the neighbours and their
// weights (the summed link weights when weighted, else 1).
func adjacency(s *network.Snapshot, weighted bool) (off []int64, nbr []int32, w []float64) {
	n := s.N()
	off = make([]int64, n+1)
	for u := range n {
		off[u+1] = off[u] + int64(s.Degree(u))
	}
	nbr = make([]int32, 0, off[n])
	w = make([]float64, 0, off[n])
	for u := range n {
		nbr = append(nbr, s.Neighbors(u)...)
		if weighted {
			w = append(w, s.NeighborWeights(u)...)
		} else {
			for range s.Degree(u) {
				w = append(w, 1)
			}
		}
	}
	return off, nbr, w
}

// communitiesOf returns the communities of a labelling of s's actors with
// k labels, and its modularity.
func communitiesOf(s *network.Snapshot, label []int32, k int, mo ModularityOptions) Communities {
	c := Communities{Groups: make([][]string, k)}
	for i, l := range label {
		c.Groups[l] = append(c.Groups[l], s.ID(i))
	}
	c.Modularity = analysis.Float(cohModularity(s, label, k, mo))
	return c
}

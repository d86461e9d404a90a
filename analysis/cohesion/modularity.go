package cohesion

import (
	"math"

	"github.com/labournet/labournet/network"
)

// ModularityOptions configures Modularity. The zero value measures the
// unweighted undirected adjacency at resolution 1.
type ModularityOptions struct {
	// Weighted uses the link weights (summed over parallel links) instead
	// of counting each linked pair once.
	Weighted bool
	// Directed uses the directed adjacency and the directed modularity of
	// Leicht and Newman.
	Directed bool
	// Resolution is γ; 0 means 1. Values above 1 favour smaller groups.
	Resolution float64
}

func (o ModularityOptions) resolution() float64 {
	if o.Resolution == 0 {
		return 1
	}
	return o.Resolution
}

// Modularity returns the modularity of the partition of the actors into
// groups (each a list of actor IDs), as NetworkX's community.modularity
// (M. E. J. Newman, "Networks: An Introduction", 2010, eq. 7.76; resolution
// as in Reichardt and Bornholdt 2006):
//
//	undirected: Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
//	directed:   Q = Σ_c [ L_c / m − γ K_c^out K_c^in / m² ]
//
// where m is the number (total weight) of edges, or of arcs when directed
// (E. A. Leicht and M. E. J. Newman, Phys. Rev. Lett. 100, 118703, 2008),
// L_c that inside group c and K_c the summed degrees (strengths) of its
// actors. It returns an error wrapping ErrNotPartition when the groups leave
// an actor out, repeat one or name an unknown one, and NaN when the network
// has no link. O(N + E).
func Modularity(s *network.Snapshot, groups [][]string, opt ModularityOptions) (float64, error) {
	label, err := cohPartitionLabels(s, groups)
	if err != nil {
		return math.NaN(), err
	}
	return cohModularity(s, label, len(groups), opt), nil
}

// cohModularity is Modularity over group labels 0..k-1.
func cohModularity(s *network.Snapshot, label []int32, k int, opt ModularityOptions) float64 {
	gamma := opt.resolution()
	lc := make([]float64, k)
	kout := make([]float64, k)
	kin := make([]float64, k)
	total := 0.0
	for u := range s.N() {
		cu := label[u]
		var nb []int32
		var ws []float64
		if opt.Directed {
			nb, ws = s.Out(u), s.OutWeights(u)
		} else {
			nb, ws = s.Neighbors(u), s.NeighborWeights(u)
		}
		for p, v := range nb {
			w := 1.0
			if opt.Weighted {
				w = ws[p]
			}
			total += w
			kout[cu] += w
			kin[label[v]] += w
			if label[v] == cu {
				lc[cu] += w
			}
		}
	}
	if total == 0 {
		return math.NaN()
	}
	q := 0.0
	if opt.Directed {
		m := total
		for c := range k {
			q += lc[c]/m - gamma*kout[c]*kin[c]/(m*m)
		}
		return q
	}
	// each edge was seen from both ends
	m := total / 2
	for c := range k {
		q += lc[c]/2/m - gamma*kout[c]*kout[c]/(total*total)
	}
	return q
}

package cohesion

import (
	"math"

	"github.com/labournet/labournet/network"
)

// DensityOptions configures Density. The zero value uses the undirected
// adjacency.
type DensityOptions struct {
	// Directed measures the directed adjacency (an undirected link counts as
	// two arcs).
	Directed bool
}

// Density returns the share of possible ties that exist, as NetworkX's
// density: for N actors, E linked pairs and A arcs,
//
//	undirected: d = 2E / (N (N − 1))
//	directed:   d = A / (N (N − 1))
//
// Parallel links count once. It is 0 for fewer than two actors, as in
// NetworkX. O(1).
func Density(s *network.Snapshot, opt DensityOptions) float64 {
	n := float64(s.N())
	if n < 2 {
		return 0
	}
	if opt.Directed {
		return float64(s.NumArcs()) / (n * (n - 1))
	}
	return 2 * float64(s.NumEdges()) / (n * (n - 1))
}

// Reciprocity returns the share of arcs of the directed adjacency whose
// reverse arc also exists, as NetworkX's overall_reciprocity:
//
//	r = 2 × (pairs linked both ways) / arcs = 2 (A − E) / A
//
// for A arcs and E linked pairs. An undirected link is an arc each way and so
// counts as reciprocated. NaN when there is no link (NetworkX raises). O(1).
func Reciprocity(s *network.Snapshot) float64 {
	a := float64(s.NumArcs())
	if a == 0 {
		return math.NaN()
	}
	return 2 * (a - float64(s.NumEdges())) / a
}

// CentralizationMode selects the degree that DegreeCentralization
// centralises. The zero value is CentralizeUndirected.
type CentralizationMode uint8

// The degrees DegreeCentralization can centralise.
const (
	// CentralizeUndirected uses the number of distinct neighbours.
	CentralizeUndirected CentralizationMode = iota
	// CentralizeTotal uses in-degree plus out-degree of the directed
	// adjacency (an undirected link counts as an arc each way).
	CentralizeTotal
	// CentralizeIn uses the in-degree of the directed adjacency.
	CentralizeIn
	// CentralizeOut uses the out-degree of the directed adjacency.
	CentralizeOut
)

// CentralizationOptions configures DegreeCentralization. The zero value
// centralises the undirected degree.
type CentralizationOptions struct {
	Mode CentralizationMode
}

// DegreeCentralization returns Freeman's degree centralisation (L. C.
// Freeman, "Centrality in social networks: conceptual clarification", Social
// Networks 1, 1979): the summed differences between the largest degree and
// each actor's degree, over the largest sum any network of N actors can
// reach (that of a star):
//
//	C_D = Σ_i (deg_max − deg(i)) / T
//	T = (N − 1)(N − 2)    undirected
//	T = 2 (N − 1)(N − 2)  total degree (in + out)
//	T = (N − 1)²          in- or out-degree
//
// These are the normalisations of R igraph's centr_degree (loops = FALSE,
// normalized = TRUE). C_D is 1 for a star and 0 when all degrees are equal;
// parallel links count once. NaN when T is 0 (fewer than three actors
// undirected, fewer than two directed). O(N).
func DegreeCentralization(s *network.Snapshot, opt CentralizationOptions) float64 {
	n := s.N()
	var t float64
	switch opt.Mode {
	case CentralizeTotal:
		t = 2 * float64(n-1) * float64(n-2)
	case CentralizeIn, CentralizeOut:
		t = float64(n-1) * float64(n-1)
	default:
		t = float64(n-1) * float64(n-2)
	}
	if n < 2 || t == 0 {
		return math.NaN()
	}
	maxd, sum := 0, 0
	for v := range n {
		var d int
		switch opt.Mode {
		case CentralizeTotal:
			d = len(s.Out(v)) + len(s.In(v))
		case CentralizeIn:
			d = len(s.In(v))
		case CentralizeOut:
			d = len(s.Out(v))
		default:
			d = s.Degree(v)
		}
		maxd = max(maxd, d)
		sum += d
	}
	return float64(n*maxd-sum) / t
}

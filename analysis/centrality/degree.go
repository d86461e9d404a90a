package centrality

import (
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// DegreeMode chooses which links Degree counts.
type DegreeMode uint8

// The degree modes.
const (
	// Total counts every tie: on the undirected view, the distinct actors
	// linked to an actor; with DegreeOptions.Directed, arcs in plus arcs
	// out, as NetworkX's degree on a DiGraph.
	Total DegreeMode = iota
	// In counts the arcs into an actor on the directed view.
	In
	// Out counts the arcs out of an actor on the directed view.
	Out
)

// DegreeOptions configures Degree. The zero value counts distinct
// neighbours on the undirected view, as NetworkX's degree on a Graph.
type DegreeOptions struct {
	Mode DegreeMode
	// Directed makes Total count arcs in plus arcs out (In and Out always
	// use the directed view).
	Directed bool
	// Weighted sums the link weights instead of counting (strength); parallel
	// links are merged, their weights summed.
	Weighted bool
	// Normalized divides by N−1, as NetworkX's degree_centrality,
	// in_degree_centrality and out_degree_centrality.
	Normalized bool
}

// Degree returns each actor's degree: the number of ties it has (or, when
// weighted, the sum of their weights), optionally normalised by the number of
// other actors,
//
//	C_D(v) = deg(v) / (N − 1).
//
// Directed degree centrality can exceed 1 (in + out). With fewer than two
// actors the normalised value is 1 for a single actor, as NetworkX gives. It
// takes O(N + E) time.
func Degree(s *network.Snapshot, opt DegreeOptions) analysis.Ranking {
	n := s.N()
	vals := make([]float64, n)
	count := func(row []int32, w []float64) float64 {
		if !opt.Weighted {
			return float64(len(row))
		}
		t := 0.0
		for _, x := range w {
			t += x
		}
		return t
	}
	for i := range vals {
		switch {
		case opt.Mode == In:
			vals[i] = count(s.In(i), s.InWeights(i))
		case opt.Mode == Out:
			vals[i] = count(s.Out(i), s.OutWeights(i))
		case opt.Directed:
			vals[i] = count(s.In(i), s.InWeights(i)) + count(s.Out(i), s.OutWeights(i))
		default:
			vals[i] = count(s.Neighbors(i), s.NeighborWeights(i))
		}
	}
	if opt.Normalized {
		if n == 1 {
			vals[0] = 1 // NetworkX's convention for a single node
		}
		for i := range vals {
			if n > 1 {
				vals[i] /= float64(n - 1)
			}
		}
	}
	return analysis.NewRanking(s, vals)
}

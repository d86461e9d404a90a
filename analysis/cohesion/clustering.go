package cohesion

import (
	"cmp"
	"math"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// ClusteringOptions configures Clustering and AverageClustering. The zero
// value gives the unweighted clustering of the undirected adjacency.
type ClusteringOptions struct {
	// Weighted uses the link weights (summed over parallel links), scaled by
	// the largest weight of the network, with the geometric-mean definition
	// of Onnela et al.
	Weighted bool
	// Directed uses the directed adjacency and the directed clustering of
	// Fagiolo.
	Directed bool
}

// Clustering returns each actor's local clustering coefficient, as
// NetworkX's clustering.
//
// Undirected, unweighted (Watts and Strogatz 1998), for an actor with
// deg(v) distinct neighbours and T(v) links among them:
//
//	c(v) = 2 T(v) / (deg(v) (deg(v) − 1)),  0 when deg(v) < 2.
//
// Weighted (J.-P. Onnela, J. Saramäki, J. Kertész and K. Kaski, "Intensity
// and coherence of motifs in weighted complex networks", Phys. Rev. E 71,
// 065103, 2005), with ŵ = w / max(w) over all links of the network:
//
//	c(v) = 1/(deg(v)(deg(v)−1)) Σ_{u,w} (ŵ_vu ŵ_vw ŵ_uw)^{1/3}
//
// summed over ordered pairs of neighbours. Directed (G. Fagiolo,
// "Clustering in complex directed networks", Phys. Rev. E 76, 026107, 2007),
// with A the arc matrix (Â its scaled weights when weighted, cube roots taken
// per term), deg_tot = in + out degree and deg_↔ the number of reciprocated
// neighbours:
//
//	c(v) = (A + Aᵀ)³_vv / (2 (deg_tot(v)(deg_tot(v) − 1) − 2 deg_↔(v)))
//
// A value whose numerator is 0 is 0, as in NetworkX. Triangles are listed by
// the forward algorithm (each edge oriented towards the endpoint of higher
// degree), so the whole takes O(E^{3/2}) time and O(N + E) memory.
func Clustering(s *network.Snapshot, opt ClusteringOptions) analysis.Ranking {
	return analysis.NewRanking(s, cohClustering(s, opt))
}

// AverageClustering returns the mean of Clustering over all actors, zeros
// included, as NetworkX's average_clustering with its defaults; NaN for a
// network without actors.
func AverageClustering(s *network.Snapshot, opt ClusteringOptions) float64 {
	return cohAverage(cohClustering(s, opt))
}

func cohAverage(c []float64) float64 {
	if len(c) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range c {
		sum += x
	}
	return sum / float64(len(c))
}

// ClusteringAndTransitivity returns AverageClustering, with the zero
// ClusteringOptions, and Transitivity, from one listing of the triangles:
// the time of either.
func ClusteringAndTransitivity(s *network.Snapshot) (average, transitivity float64) {
	t := cohTriangles(s, ClusteringOptions{})
	return cohAverage(cohClusteringOf(s, ClusteringOptions{}, t)), cohTransitivity(s, t)
}

// Transitivity returns the global clustering coefficient of the undirected
// adjacency, as NetworkX's transitivity:
//
//	T = 3 × triangles / connected triples = Σ_v 2T(v) / Σ_v deg(v)(deg(v)−1)
//
// and 0 when there is no triangle. It takes O(E^{3/2}) time.
func Transitivity(s *network.Snapshot) float64 {
	return cohTransitivity(s, cohTriangles(s, ClusteringOptions{}))
}

// cohTransitivity is Transitivity from the triangles t of each actor.
func cohTransitivity(s *network.Snapshot, t []float64) float64 {
	num, den := 0.0, 0.0
	for v := range t {
		d := float64(s.Degree(v))
		num += t[v]
		den += d * (d - 1)
	}
	if num == 0 {
		return 0
	}
	return 2 * num / den
}

func cohClustering(s *network.Snapshot, opt ClusteringOptions) []float64 {
	return cohClusteringOf(s, opt, cohTriangles(s, opt))
}

// cohClusteringOf is the clustering of each actor from its triangles t.
func cohClusteringOf(s *network.Snapshot, opt ClusteringOptions, t []float64) []float64 {
	c := make([]float64, len(t))
	for v := range t {
		if t[v] == 0 {
			continue
		}
		if !opt.Directed {
			d := float64(s.Degree(v))
			c[v] = 2 * t[v] / (d * (d - 1))
			continue
		}
		out, in := s.Out(v), s.In(v)
		tot := float64(len(out) + len(in))
		bi := 0
		for i, j := 0, 0; i < len(out) && j < len(in); {
			switch {
			case out[i] < in[j]:
				i++
			case out[i] > in[j]:
				j++
			default:
				bi++
				i++
				j++
			}
		}
		// t[v] counts each triangle once; NetworkX counts ordered pairs.
		c[v] = 2 * t[v] / (2 * (tot*(tot-1) - 2*float64(bi)))
	}
	return c
}

// cohTriangles returns, for each actor, the sum over the triangles of the
// undirected adjacency through it of the triangle's value: 1 undirected
// unweighted; (ŵ ŵ ŵ)^{1/3} undirected weighted; the number of arc
// combinations (a_uv+a_vu)(a_uw+a_wu)(a_vw+a_wv) directed, or the sum of the
// cube roots of their scaled weight products directed weighted.
func cohTriangles(s *network.Snapshot, opt ClusteringOptions) []float64 {
	n := s.N()
	t := make([]float64, n)
	// Per undirected edge position: the arc weights u→v (fw) and v→u (bw),
	// 0 when the arc is absent (directed only), or the edge weight (fw).
	var fw, bw []float64
	off := make([]int64, n+1)
	for v := range n {
		off[v+1] = off[v] + int64(s.Degree(v))
	}
	maxw := 0.0
	if opt.Directed {
		fw, bw = make([]float64, off[n]), make([]float64, off[n])
		for v := range n {
			row := s.Neighbors(v)
			out, ow := s.Out(v), s.OutWeights(v)
			in, iw := s.In(v), s.InWeights(v)
			i, j := 0, 0
			for k, u := range row {
				if i < len(out) && out[i] == u {
					fw[off[v]+int64(k)] = ow[i]
					maxw = max(maxw, ow[i])
					i++
				}
				if j < len(in) && in[j] == u {
					bw[off[v]+int64(k)] = iw[j]
					j++
				}
			}
		}
	} else if opt.Weighted {
		fw = make([]float64, off[n])
		for v := range n {
			copy(fw[off[v]:off[v+1]], s.NeighborWeights(v))
			for _, w := range s.NeighborWeights(v) {
				maxw = max(maxw, w)
			}
		}
	}
	if maxw == 0 {
		maxw = 1
	}
	// Forward algorithm: rank actors by (degree, index) and keep, for each,
	// the neighbours of higher rank with their positions in its row.
	rank := make([]int32, n)
	order := make([]int32, n)
	for v := range order {
		order[v] = int32(v)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(s.Degree(int(a)), s.Degree(int(b))); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for r, v := range order {
		rank[v] = int32(r)
	}
	foff := make([]int64, n+1)
	for v := range n {
		c := 0
		for _, u := range s.Neighbors(v) {
			if rank[u] > rank[v] {
				c++
			}
		}
		foff[v+1] = foff[v] + int64(c)
	}
	fnbr := make([]int32, foff[n])
	fpos := make([]int64, foff[n]) // position of the edge in the und row
	for v := range n {
		k := foff[v]
		for p, u := range s.Neighbors(v) {
			if rank[u] > rank[v] {
				fnbr[k], fpos[k] = u, off[v]+int64(p)
				k++
			}
		}
	}
	mark := make([]int64, n) // position+1 of the edge v–w while v is open
	// value of the arcs of the edge at position p, seen from its row's actor
	// (forward = from the row's actor), as a list of scaled weights.
	arcs := func(p int64, buf *[2]float64) []float64 {
		a := buf[:0]
		if fw[p] > 0 {
			a = append(a, fw[p]/maxw)
		}
		if bw[p] > 0 {
			a = append(a, bw[p]/maxw)
		}
		return a
	}
	for v := range n {
		for k := foff[v]; k < foff[v+1]; k++ {
			mark[fnbr[k]] = fpos[k] + 1
		}
		for k := foff[v]; k < foff[v+1]; k++ {
			u, puv := fnbr[k], fpos[k]
			for q := foff[u]; q < foff[u+1]; q++ {
				w := fnbr[q]
				if mark[w] == 0 {
					continue
				}
				puw, pvw := fpos[q], mark[w]-1
				var val float64
				switch {
				case opt.Directed && opt.Weighted:
					var b1, b2, b3 [2]float64
					for _, x := range arcs(puv, &b1) {
						for _, y := range arcs(pvw, &b2) {
							for _, z := range arcs(puw, &b3) {
								val += math.Cbrt(x * y * z)
							}
						}
					}
				case opt.Directed:
					val = cohArcCount(fw[puv], bw[puv]) * cohArcCount(fw[pvw], bw[pvw]) * cohArcCount(fw[puw], bw[puw])
				case opt.Weighted:
					val = math.Cbrt(fw[puv] / maxw * (fw[pvw] / maxw) * (fw[puw] / maxw))
				default:
					val = 1
				}
				t[v] += val
				t[u] += val
				t[w] += val
			}
		}
		for k := foff[v]; k < foff[v+1]; k++ {
			mark[fnbr[k]] = 0
		}
	}
	return t
}

func cohArcCount(f, b float64) float64 {
	c := 0.0
	if f > 0 {
		c++
	}
	if b > 0 {
		c++
	}
	return c
}

package centrality

import (
	"errors"
	"fmt"
	"math"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// ErrNoConvergence is an iterative measure that did not converge within its
// iteration limit.
var ErrNoConvergence = errors.New("analysis: no convergence")

// cenArcs returns, for power iterations, the arcs of the chosen view: the
// directed adjacency, or the undirected one read as arcs both ways, with
// weights (tie strengths) or 1.
func cenArcs(s *network.Snapshot, directed, weighted bool) (out func(i int) ([]int32, []float64), in func(i int) ([]int32, []float64)) {
	longest := 0
	for i := range s.N() {
		longest = max(longest, len(s.Neighbors(i)), len(s.Out(i)), len(s.In(i)))
	}
	unit := make([]float64, longest)
	for i := range unit {
		unit[i] = 1
	}
	ones := func(row []int32) []float64 { return unit[:len(row)] }
	pick := func(row func(int) []int32, wts func(int) []float64) func(int) ([]int32, []float64) {
		return func(i int) ([]int32, []float64) {
			r := row(i)
			if weighted {
				return r, wts(i)
			}
			return r, ones(r)
		}
	}
	if directed {
		return pick(s.Out, s.OutWeights), pick(s.In, s.InWeights)
	}
	und := pick(s.Neighbors, s.NeighborWeights)
	return und, und
}

// PageRankOptions configures PageRank. The zero value is NetworkX's default
// (damping 0.85) on the undirected, unweighted view, iterated to a
// tolerance of 1e-13 (about 200 iterations; NetworkX's default 1e-6 stops
// far earlier).
type PageRankOptions struct {
	// Damping is α, the probability of following a link; 0 means 0.85.
	Damping float64
	// Tol stops the iteration when Σ|x − x_prev| < N·Tol; 0 means 1e-13.
	Tol float64
	// MaxIter bounds the iterations; 0 means 10,000.
	MaxIter int
	// Personalization gives the teleport distribution by actor ID (values
	// are normalised; missing actors get 0); nil means uniform. Dangling
	// actors (without outgoing arcs) pass their rank on by it too.
	Personalization map[string]float64
	// Directed follows arcs; otherwise each tie runs both ways.
	Directed bool
	// Weighted uses tie weights as transition weights.
	Weighted bool
}

// PageRank returns each actor's PageRank, as NetworkX's pagerank:
//
//	x ← α (x P + (Σ_{dangling d} x_d) p) + (1 − α) p
//
// where P is the row-normalised (weighted) adjacency and p the
// personalisation. Values sum to 1. An empty personalisation, or one with
// unknown actors only, is an error.
//
// Source: S. Brin and L. Page, "The anatomy of a large-scale hypertextual
// Web search engine", 1998. Power iteration: O(E) per iteration.
func PageRank(s *network.Snapshot, opt PageRankOptions) (analysis.Ranking, error) {
	n := s.N()
	if n == 0 {
		return analysis.Ranking{}, nil
	}
	alpha := opt.Damping
	if alpha == 0 {
		alpha = 0.85
	}
	if alpha < 0 || alpha >= 1 || math.IsNaN(alpha) {
		return nil, fmt.Errorf("analysis: PageRank damping %v: want 0 < α < 1", alpha)
	}
	tol := cmpOr(opt.Tol, 1e-13)
	maxIter := opt.MaxIter
	if maxIter == 0 {
		maxIter = 10000
	}
	p := make([]float64, n)
	if opt.Personalization == nil {
		for i := range p {
			p[i] = 1 / float64(n)
		}
	} else {
		total := 0.0
		for id, w := range opt.Personalization {
			i, ok := s.Index(id)
			if !ok {
				return nil, fmt.Errorf("analysis: PageRank personalization %q: %w", id, network.ErrUnknownActor)
			}
			if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
				return nil, fmt.Errorf("analysis: PageRank personalization %q: weight %v: %w", id, w, network.ErrNegative)
			}
			p[i] = w
			total += w
		}
		if total == 0 {
			return nil, fmt.Errorf("analysis: PageRank personalization sums to 0")
		}
		for i := range p {
			p[i] /= total
		}
	}
	out, _ := cenArcs(s, opt.Directed, opt.Weighted)
	outSum := make([]float64, n)
	for i := range n {
		_, ws := out(i)
		for _, w := range ws {
			outSum[i] += w
		}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range maxIter {
		dangling := 0.0
		for i := range next {
			next[i] = 0
		}
		for i := range n {
			if outSum[i] == 0 {
				dangling += x[i]
				continue
			}
			row, ws := out(i)
			f := x[i] / outSum[i]
			for k, j := range row {
				next[j] += f * ws[k]
			}
		}
		err := 0.0
		for i := range next {
			next[i] = alpha*(next[i]+dangling*p[i]) + (1-alpha)*p[i]
			err += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if err < float64(n)*tol {
			return analysis.NewRanking(s, x), nil
		}
	}
	return nil, fmt.Errorf("PageRank after %d iterations: %w", maxIter, ErrNoConvergence)
}

func cmpOr(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// EigenOptions configures Eigenvector and Katz. The zero value uses the
// undirected, unweighted view with a tolerance of 1e-12.
type EigenOptions struct {
	// Directed scores an actor by the actors with arcs into it (NetworkX's
	// convention: the left eigenvector, in-edges).
	Directed bool
	// Weighted uses tie weights.
	Weighted bool
	// Tol stops when Σ|x − x_prev| < N·Tol; 0 means 1e-12. HITS reads it as
	// the accuracy of its unit hub vector (see HITS).
	Tol float64
	// MaxIter bounds the iterations; 0 means 100,000.
	MaxIter int
	// Alpha and Beta are Katz's attenuation (0 means 0.1) and base score
	// (0 means 1); Eigenvector ignores them.
	Alpha, Beta float64
}

// limits returns the tolerance and iteration bound, with their defaults.
func (o EigenOptions) limits() (tol float64, maxIter int) {
	maxIter = o.MaxIter
	if maxIter == 0 {
		maxIter = 100000
	}
	return cmpOr(o.Tol, 1e-12), maxIter
}

// Eigenvector returns each actor's eigenvector centrality: the entries of
// the leading eigenvector of the adjacency matrix (transposed on the
// directed view, so that an actor scores by the actors pointing to it),
//
//	λ x_v = Σ_u a_uv x_u,
//
// scaled to unit Euclidean length with positive sign, as NetworkX's
// eigenvector_centrality. It iterates x ← (A^T + I) x, whose shift keeps
// bipartite networks from oscillating; in a network of several pieces the
// actors outside the piece with the largest eigenvalue tend to 0 (NetworkX's
// numpy variant gives them values of order 1e-16). An error wrapping
// ErrNoConvergence is returned when MaxIter iterations do not reach Tol.
//
// Source: P. Bonacich, "Factoring and weighting approaches to status scores
// and clique identification", J. Math. Sociol. 2, 1972. O(E) per iteration.
func Eigenvector(s *network.Snapshot, opt EigenOptions) (analysis.Ranking, error) {
	n := s.N()
	if n == 0 {
		return analysis.Ranking{}, nil
	}
	_, in := cenArcs(s, opt.Directed, opt.Weighted)
	tol, maxIter := opt.limits()
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range maxIter {
		for v := range n {
			next[v] = x[v] + cenPull(in, x, v)
		}
		norm := 0.0
		for _, y := range next {
			norm += y * y
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return nil, fmt.Errorf("eigenvector centrality: zero vector: %w", ErrNoConvergence)
		}
		err := 0.0
		for i := range next {
			next[i] /= norm
			err += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if err < float64(n)*tol {
			return analysis.NewRanking(s, x), nil
		}
	}
	return nil, fmt.Errorf("eigenvector centrality after %d iterations: %w", maxIter, ErrNoConvergence)
}

// Katz returns each actor's Katz centrality, as NetworkX's katz_centrality
// (normalized=True):
//
//	x = α A^T x + β,  then scaled to unit Euclidean length
//
// with A^T read as in Eigenvector. α must be below 1/λ_max, the inverse of
// the largest eigenvalue, or the iteration diverges (an error wrapping
// ErrNoConvergence).
//
// Source: L. Katz, "A new status index derived from sociometric analysis",
// Psychometrika 18, 1953. O(E) per iteration.
func Katz(s *network.Snapshot, opt EigenOptions) (analysis.Ranking, error) {
	n := s.N()
	if n == 0 {
		return analysis.Ranking{}, nil
	}
	alpha, beta := cmpOr(opt.Alpha, 0.1), cmpOr(opt.Beta, 1)
	_, in := cenArcs(s, opt.Directed, opt.Weighted)
	tol, maxIter := opt.limits()
	x := make([]float64, n)
	next := make([]float64, n)
	for range maxIter {
		err := 0.0
		for v := range n {
			next[v] = alpha*cenPull(in, x, v) + beta
			err += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if math.IsInf(err, 0) || math.IsNaN(err) {
			break
		}
		if err < float64(n)*tol {
			norm := 0.0
			for _, y := range x {
				norm += y * y
			}
			norm = math.Sqrt(norm)
			for i := range x {
				x[i] /= norm
			}
			return analysis.NewRanking(s, x), nil
		}
	}
	return nil, fmt.Errorf("Katz centrality with α = %v (too large for this network?): %w", alpha, ErrNoConvergence)
}

// cenPull returns Σ x_u·w_uv over the actors u of adj(v).
func cenPull(adj func(int) ([]int32, []float64), x []float64, v int) float64 {
	sum := 0.0
	row, ws := adj(v)
	for k, u := range row {
		sum += x[u] * ws[k]
	}
	return sum
}

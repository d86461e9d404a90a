package centrality

import (
	"context"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// ClosenessOptions configures Closeness and Harmonic. The zero value uses
// the undirected, unweighted view.
type ClosenessOptions struct {
	// Directed measures distances along arcs into each actor, as NetworkX
	// does for directed graphs (closeness of v uses d(u, v)).
	Directed bool
	// Weighted measures paths by distance 1/w (w the summed tie weight), or
	// w when WeightIsDistance.
	Weighted         bool
	WeightIsDistance bool
	// Workers bounds the goroutines; 0 means GOMAXPROCS.
	Workers int
	// Progress, when not nil, is told after each actor's search how many of
	// the N searches are done (see analysis.Progress).
	Progress analysis.Progress
}

// Closeness returns each actor's closeness centrality with the Wasserman
// and Faust correction for networks in several pieces, NetworkX's default
// (wf_improved=True):
//
//	C(v) = (r − 1)/(N − 1) · (r − 1)/Σ_u d(u, v)
//
// where r is the number of actors that reach v (v included) and the sum
// runs over them; 0 for an actor nobody reaches. On the directed view the
// distances are those into v, as NetworkX computes.
//
// Source: S. Wasserman and K. Faust, Social Network Analysis, 1994,
// p. 201. One search per actor, in parallel: O(N·E) time unweighted,
// O(N·E·log N) weighted. Cancelling ctx stops it with ctx.Err() after the
// searches under way.
func Closeness(ctx context.Context, s *network.Snapshot, opt ClosenessOptions) (analysis.Ranking, error) {
	n := s.N()
	return cenPerSource(ctx, s, opt, func(r int, total, _ float64) float64 {
		if total <= 0 || n <= 1 {
			return 0
		}
		return float64(r-1) / total * float64(r-1) / float64(n-1)
	})
}

// Harmonic returns each actor's harmonic centrality, unnormalised as in
// NetworkX:
//
//	H(v) = Σ_{u≠v} 1 / d(u, v)
//
// with 1/∞ = 0 for actors that do not reach v; on the directed view the
// distances are those into v, as NetworkX computes.
//
// Source: M. Marchiori and V. Latora, "Harmony in the small-world",
// Physica A 285, 2000; P. Boldi and S. Vigna, "Axioms for centrality",
// Internet Math. 10, 2014. One search per actor: O(N·E) time unweighted.
// Cancellation and progress are as for Closeness.
func Harmonic(ctx context.Context, s *network.Snapshot, opt ClosenessOptions) (analysis.Ranking, error) {
	return cenPerSource(ctx, s, opt, func(_ int, _, inv float64) float64 { return inv })
}

// cenPerSource runs a search from every actor along the backward view (so
// that distances are those into it) and ranks the actors by f of what the
// search reached: the number of actors (the source included), the sum of
// their distances and the sum of their inverse distances. Unweighted, the
// searches are search.Levels; weighted, Dijkstra's.
func cenPerSource(ctx context.Context, s *network.Snapshot, opt ClosenessOptions, f func(reached int, sum, inv float64) float64) (analysis.Ranking, error) {
	n := s.N()
	g := search.Backward(s, opt.Directed)
	dist := search.Distance(opt.Weighted, opt.WeightIsDistance)
	vals := make([]float64, n)
	t := search.NewTracker(ctx, n, opt.Progress)
	if _, err := search.Parallel(t, n, nil, opt.Workers, func(c *search.Search, src int, _ []float64) {
		if dist == nil {
			r, sum, inv, ok := c.Levels(g, src)
			if ok {
				vals[src] = f(r, sum, inv)
			}
			return
		}
		if !c.Run(g, src, dist) {
			return // cancelled
		}
		r, sum, inv := 0, 0.0, 0.0
		for _, v := range c.Order {
			d := c.Dist[v]
			r++
			sum += d
			if d > 0 {
				inv += 1 / d
			}
		}
		vals[src] = f(r, sum, inv)
	}); err != nil {
		return nil, err
	}
	return analysis.NewRanking(s, vals), nil
}

package centrality

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// BetweennessOptions configures Betweenness. The zero value is NetworkX's
// default: the undirected, unweighted view, normalised.
type BetweennessOptions struct {
	// Directed follows arcs (undirected links run both ways).
	Directed bool
	// Weighted measures paths by distance instead of counting links. A link
	// weight is a tie strength, so a tie's distance is 1/w (w the summed
	// weight of the links joining two actors); set WeightIsDistance to use w
	// itself as the distance.
	Weighted         bool
	WeightIsDistance bool
	// Unnormalized returns raw pair counts (each unordered pair once on the
	// undirected view) instead of NetworkX's normalised values.
	Unnormalized bool
	// Workers bounds the goroutines; 0 means GOMAXPROCS. The result does
	// not depend on it.
	Workers int
	// Progress, when not nil, is told after each source actor's search how
	// many of the searches are done (see analysis.Progress).
	Progress analysis.Progress
}

// Betweenness returns each actor's betweenness centrality, the share of
// shortest paths between other actors that pass through it:
//
//	C_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st
//
// where σ_st is the number of shortest paths from s to t and σ_st(v) the
// number passing through v. Normalised as NetworkX's betweenness_centrality:
// by 2/((N−1)(N−2)) on the undirected view and 1/((N−1)(N−2)) on the
// directed one; unnormalised, each unordered pair counts once (undirected).
// Weighted path lengths equal within a relative 1e-10 count as ties, so the
// result is that of exact arithmetic (NetworkX compares float sums exactly
// and can split ties differently; igraph agrees with exact arithmetic).
//
// Source: U. Brandes, "A faster algorithm for betweenness centrality",
// J. Math. Sociol. 25(2), 2001. It runs one breadth-first search (Dijkstra
// when weighted) per actor, in parallel: O(N·E) time unweighted,
// O(N·E·log N) weighted, O(N + E) memory per goroutine.
//
// It stops early when ctx is cancelled, returning ctx.Err() after the
// searches under way (one search per goroutine).
func Betweenness(ctx context.Context, s *network.Snapshot, opt BetweennessOptions) (analysis.Ranking, error) {
	vals, err := betweennessFrom(ctx, s, nil, opt)
	if err != nil {
		return nil, err
	}
	return analysis.NewRanking(s, vals), nil
}

// betweennessFrom accumulates Brandes' dependencies from the given sources
// (all actors when nil) and applies NetworkX's scaling.
func betweennessFrom(ctx context.Context, s *network.Snapshot, sources []int, opt BetweennessOptions) ([]float64, error) {
	n := s.N()
	g := search.Forward(s, opt.Directed)
	dist := search.Distance(opt.Weighted, opt.WeightIsDistance)
	total := n
	if sources != nil {
		total = len(sources)
	}
	t := search.NewTracker(ctx, total, opt.Progress)
	back := search.Backward(s, opt.Directed) // the arcs into an actor: where its predecessors are
	bc, err := search.Parallel(t, n, sources, opt.Workers, func(c *search.Search, src int, acc []float64) {
		dep := cenDeps(c, n)
		if dist == nil {
			// Unweighted: the predecessors of w are its neighbours one
			// link closer to the source, found again rather than stored.
			if !c.Counts(g, src) {
				return // cancelled
			}
			for k := len(c.Order) - 1; k >= 0; k-- {
				w := c.Order[k]
				coeff := (1 + dep[w]) / c.Sigma[w]
				dv := c.Dist[w] - 1
				for _, v := range back.Row(int(w)) {
					if c.Dist[v] == dv {
						dep[v] += c.Sigma[v] * coeff
					}
				}
				if int(w) != src {
					acc[w] += dep[w]
				}
			}
		} else {
			if !c.Run(g, src, dist) {
				return // cancelled
			}
			// Accumulate dependencies in reverse order of distance.
			for k := len(c.Order) - 1; k >= 0; k-- {
				w := c.Order[k]
				coeff := (1 + dep[w]) / c.Sigma[w]
				for _, v := range c.Preds[w] {
					dep[v] += c.Sigma[v] * coeff
				}
				if int(w) != src {
					acc[w] += dep[w]
				}
			}
		}
		for _, w := range c.Order {
			dep[w] = 0
		}
	})
	if err != nil {
		return nil, err
	}
	var scale float64
	switch {
	case !opt.Unnormalized && n > 2:
		scale = 1 / (float64(n-1) * float64(n-2))
	case !opt.Unnormalized:
		scale = 1 // NetworkX leaves values unscaled below 3 actors
	case !opt.Directed:
		scale = 0.5
	default:
		scale = 1
	}
	for i := range bc {
		bc[i] *= scale
	}
	return bc, nil
}

// ApproxBetweenness estimates betweenness from k source actors drawn at
// random without replacement (seeded by seed), as Brandes and Pich propose:
// the dependencies of the sampled sources are scaled by N/k, which makes the
// estimate unbiased; with k ≥ N it is the exact Betweenness. Options and
// normalisation are those of Betweenness.
//
// Error bound: for normalised values each sampled source contributes at
// most N/(N−1) after scaling, so by Hoeffding's inequality, for each actor,
// with probability at least 1 − δ,
//
//	|estimate − betweenness| ≤ N/(N−1) · √(ln(2/δ) / (2k))
//
// (k = 1,000 gives ±0.043 at δ = 0.05; the bound is loose, real errors are
// much smaller for all but the most central actors). Sampling with
// replacement is what the bound assumes; without replacement is never worse.
//
// Source: U. Brandes and C. Pich, "Centrality estimation in large
// networks", Int. J. Bifurcation and Chaos 17(7), 2007. It takes
// O(k·E) time unweighted, O(k·E·log N) weighted. Progress counts the k
// searches; cancellation is as for Betweenness.
func ApproxBetweenness(ctx context.Context, s *network.Snapshot, k int, seed uint64, opt BetweennessOptions) (analysis.Ranking, error) {
	n := s.N()
	if k >= n || k <= 0 {
		return Betweenness(ctx, s, opt)
	}
	perm := rand.New(rand.NewPCG(seed, 0xb5ad4eceda1ce2a9)).Perm(n)[:k]
	slices.Sort(perm)
	vals, err := betweennessFrom(ctx, s, perm, opt)
	if err != nil {
		return nil, err
	}
	scale := float64(n) / float64(k)
	for i := range vals {
		vals[i] *= scale
	}
	return analysis.NewRanking(s, vals), nil
}

// ApproxBetweennessBound returns the half-width of the Hoeffding interval
// of ApproxBetweenness for n actors, k sources and confidence 1 − delta.
func ApproxBetweennessBound(n, k int, delta float64) float64 {
	if n < 2 || k <= 0 || delta <= 0 || delta >= 1 {
		return math.NaN()
	}
	return float64(n) / float64(n-1) * math.Sqrt(math.Log(2/delta)/(2*float64(k)))
}

// cenDeps returns the dependency buffer of a search, allocating it once.
func cenDeps(c *search.Search, n int) []float64 {
	if c.Dep == nil {
		c.Dep = make([]float64, n)
	}
	return c.Dep
}

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
// O(N·E·log N) weighted, O(N + E) memory per goroutine. On the undirected
// view an actor with a single neighbour needs no search of its own: the
// search from its neighbour stands for it (exactly; see leaves in
// brandes.go). The breadth-first searches run level by level, top-down or
// bottom-up, whichever reads fewer links (see brandes.go).
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
	return betweennessWith(ctx, s, sources, opt, sources == nil && !opt.Directed)
}

// betweennessWith is betweennessFrom, skipping the searches from leaves
// (see leaves) when reduce is set, which must be only on the undirected
// view from all sources.
func betweennessWith(ctx context.Context, s *network.Snapshot, sources []int, opt BetweennessOptions, reduce bool) ([]float64, error) {
	n := s.N()
	g := search.Forward(s, opt.Directed)
	dist := search.Distance(opt.Weighted, opt.WeightIsDistance)
	total := n
	if sources != nil {
		total = len(sources)
	}
	t := search.NewTracker(ctx, total, opt.Progress)
	var leafs []int32
	if reduce {
		var ok func(v int) bool
		if dist != nil {
			// The search from v's neighbour stands for v's when the link
			// between them has a positive, finite length.
			ok = func(v int) bool {
				d := dist(s.NeighborWeights(v)[0])
				return d > 0 && !math.IsInf(d, 1)
			}
		}
		leafs, sources = leaves(s, ok)
	}
	count := n
	if sources != nil {
		count = len(sources)
	}
	source := func(k int) int {
		if sources == nil {
			return k
		}
		return sources[k]
	}
	// mult returns how many searches the one from src stands for, and the
	// leaves it stands for beside its own.
	mult := func(src int) (float64, float64) {
		if leafs == nil {
			return 1, 0
		}
		return float64(1 + leafs[src]), float64(leafs[src])
	}
	workers := search.Workers(opt.Workers, count) // goroutines at most
	stop := func() bool { return !t.Step(0) }
	var bc []float64
	var err error
	if dist == nil {
		if n <= math.MaxUint16 { // numbers and distances below the unreached mark
			bc, err = bfsBetweenness[uint16](t, s, g, opt.Directed, count, source, mult, workers, opt.Workers, stop)
		} else {
			bc, err = bfsBetweenness[uint32](t, s, g, opt.Directed, count, source, mult, workers, opt.Workers, stop)
		}
	} else {
		searches := make([]*search.Search, workers)
		bc, err = search.Accumulate(t, n, count, opt.Workers, func(w, k int, acc []float64) int {
			c := searches[w]
			if c == nil {
				c = search.New(n)
				c.Stop = stop
				c.Dep = make([]float64, n)
				searches[w] = c
			}
			src := source(k)
			m, extra := mult(src)
			if !c.Run(g, src, dist) {
				return 0 // cancelled
			}
			// Accumulate dependencies in reverse order of distance.
			dep := c.Dep
			for k := len(c.Order) - 1; k >= 0; k-- {
				w := c.Order[k]
				coeff := (1 + dep[w]) / c.Sigma[w]
				for _, v := range c.Preds[w] {
					dep[v] += c.Sigma[v] * coeff
				}
				if int(w) != src {
					acc[w] += m * dep[w]
				}
			}
			acc[src] += extra * float64(len(c.Order)-2)
			for _, w := range c.Order {
				dep[w] = 0
			}
			return 1 + int(extra)
		})
	}
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

// Package centrality finds the central actors of a network: degree and
// strength, betweenness (exact, and sampled with an error bound for large
// networks), closeness, harmonic centrality, PageRank, eigenvector, Katz and
// HITS.
//
// Each function takes a network.Snapshot and an options struct whose zero
// value is NetworkX's default, returns an analysis.Ranking, and states its
// formula, normalisation, source and complexity. The all-pairs measures
// (Betweenness, ApproxBetweenness, Closeness, Harmonic) run one search per
// source actor in parallel; they take a context that stops them and report
// progress through their options. The spectral measures iterate to a
// tolerance and return an error wrapping ErrNoConvergence when they cannot.
//
//	s := n.InForce(day).Snapshot()
//	btw, err := centrality.Betweenness(ctx, s, centrality.BetweennessOptions{})
//	if err != nil {
//		return err // ctx was cancelled
//	}
//	for _, sc := range btw.Top(5) {
//		fmt.Printf("%s %.3f\n", sc.ID, sc.Value)
//	}
package centrality

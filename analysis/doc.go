// Package analysis is the root of labournet's analyses: the types their
// results share. The analyses themselves live in its sub-packages, each a
// short listing of one concern; start with the one that answers your
// question:
//
//   - centrality: who is central (degree, betweenness exact and sampled,
//     closeness, harmonic, PageRank, eigenvector, Katz, HITS);
//   - cohesion: how closely knit the network is (density, components,
//     cores, clustering, path statistics, communities, mixing, multiplex
//     layers);
//   - bottleneck: where cooperation hangs on one actor or tie (cut points,
//     bridges, blocks, group cuts, robustness, structural holes,
//     brokerage);
//   - gap: what a labour market needs that the network lacks (reference
//     models, gap rules, funding flows, recommendations, the optimiser).
//
// Package report, at the top level, runs them all and writes the report.
//
// The import graph runs one way: analysis ← centrality, cohesion,
// bottleneck ← gap ← report. Analyses are functions over a
// network.Snapshot (or, for the labour-market rules, a network.Network);
// they never change the network. Per-actor results are a Ranking, sorted by
// value, highest first, ties broken by actor ID, undefined values (NaN)
// last. A result figure that can be undefined is a Float, written to JSON as
// null when it is. Options are structs whose zero value is the documented
// default; where NetworkX computes the same measure the default
// normalisation is NetworkX's. Long analyses take a context.Context, which
// stops them, and an optional Progress in their options.
//
//	s := n.InForce(day).Snapshot()
//	r := centrality.Degree(s, centrality.DegreeOptions{Normalized: true})
//	for _, sc := range r.Top(3) {
//		fmt.Println(sc.ID, sc.Value)
//	}
package analysis

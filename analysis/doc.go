// Package analysis finds the central actors, the cooperation bottlenecks and
// the gaps of a labour-market network.
//
// Analyses are functions over a network.Snapshot (or, for summaries, a
// network.Network); they never change the network. Per-actor results are
// Rankings sorted by value, highest first, ties broken by actor ID; undefined
// values are NaN and sort last. Options are structs whose zero value means the
// documented default. Where NetworkX computes the same measure, the default
// normalisation is NetworkX's, so that results can be checked against it; each
// function's comment states its formula, normalisation, source and complexity.
//
//	s := n.Snapshot()
//	for _, sc := range analysis.Degree(s, analysis.DegreeOptions{})[:3] {
//		fmt.Println(sc.ID, sc.Value)
//	}
package analysis

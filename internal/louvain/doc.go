// Package louvain finds communities of an undirected weighted graph in
// compressed-sparse-row form by the Louvain method (Blondel et al. 2008), the
// kernel behind cohesion.Louvain. It works on plain index arrays, without
// gonum's map-based graphs, so that it runs in O(N + E) memory and a few
// passes of O(N + E) time at 10^5–10^6 nodes.
//
//	label, k := louvain.Run(g, louvain.Options{Resolution: 1, Seed: 1, Threshold: 1e-7})
package louvain

// Package leiden finds communities of an undirected weighted graph in
// compressed-sparse-row form by the Leiden algorithm (Traag, Waltman and van
// Eck 2019), the kernel behind cohesion.Leiden. Like internal/louvain it
// works on plain index arrays, in O(N + E) memory and passes of O(N + E)
// time, so that it runs at 10^5–10^6 nodes; unlike Louvain, every community
// it returns is connected.
//
//	label, k := leiden.Run(g, leiden.Options{Resolution: 1, Seed: 1, Theta: 0.01})
package leiden

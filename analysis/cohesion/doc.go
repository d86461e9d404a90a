// Package cohesion measures how closely knit a network is and how it falls
// into groups: density, reciprocity and degree centralisation; weak and
// strong components and the path statistics of the largest one; k-cores;
// clustering and transitivity; partitions, modularity and Louvain
// communities; mixing matrices, assortativity and the E-I index; and the
// layers of a multiplex network (one per link kind).
//
// Functions take a network.Snapshot (ByLayer and LayerOverlap a
// network.Network) and agree with NetworkX's functions of the same name
// under the conventions each comment states. Louvain is seeded and
// deterministic. ComponentPaths, which searches from every actor, takes a
// context and reports progress.
//
//	s := n.InForce(day).Snapshot()
//	fmt.Println(cohesion.Density(s, cohesion.DensityOptions{}), len(cohesion.Components(s)))
//	c := cohesion.Louvain(s, cohesion.LouvainOptions{Seed: 1})
//	fmt.Println(len(c.Groups), c.Modularity)
package cohesion

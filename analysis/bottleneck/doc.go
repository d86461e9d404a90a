// Package bottleneck finds where cooperation hangs on a single actor or tie:
// articulation points (with the pieces each leaves), bridges and blocks; the
// smallest set of actors separating two groups, and the betweenness between
// them; what removing each actor does to reachability (Borgatti's
// fragmentation, removal curves); Burt's structural holes (effective size,
// efficiency, constraint, hierarchy); and Gould and Fernandez's brokerage
// roles between groups.
//
// Functions take a network.Snapshot, work on its undirected view unless an
// option says otherwise, and agree with NetworkX or R's sna where those
// compute the same thing. Cut points, bridges, blocks and the removal effects
// all come from one depth-first search in linear time.
//
//	s := n.InForce(day).Snapshot()
//	for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
//		fmt.Printf("%s holds %d pairs together\n", c.ID, c.Separated)
//	}
package bottleneck

// Package network holds a labour-market network: actors (package actor) and the
// typed links between them (partnership, funding, membership, cooperation,
// service, governance, reporting, information), with their roles, weights,
// money, meeting cadence, period, status and evidence.
//
// A Network is built by adding actors and links, each validated as it comes;
// Build validates a whole set at once and reports every problem together.
// Networks are values to analyse, never mutated by analyses: View, Ego and
// Project derive new networks (filtered by link kind, status, date or actor;
// the neighbourhood of one actor; the one-mode projection of a two-mode part),
// and Snapshot freezes a network into an immutable, densely indexed graph with
// compact adjacency that implements gonum's graph interfaces, so that any gonum
// algorithm, and the analyses under package analysis, run on it.
//
//	n := network.New("Liberec pact")
//	_ = n.AddActor(actor.Actor{ID: "kraj", Kind: actor.RegionalAuthority})
//	_ = n.AddActor(actor.Actor{ID: "board", Kind: actor.Body})
//	_ = n.AddLink(network.Link{From: "kraj", To: "board", Kind: network.Membership,
//		Role: network.RoleMember, Cadence: network.MustParseCadence("every 2 months")})
//	s := n.Snapshot()
//	g := s.Undirected() // a gonum graph.WeightedUndirected
//
// Data flows one way: files (package encoding) → Network → view → Snapshot →
// analysis results → diagrams and reports.
package network

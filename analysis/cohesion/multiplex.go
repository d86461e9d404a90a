package cohesion

import (
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// Layer is a per-actor measure computed on one layer of a multiplex network:
// the network restricted to the links of one kind.
type Layer struct {
	// Kind is the link kind of the layer.
	Kind network.LinkKind `json:"kind"`
	// Links is the number of links of that kind.
	Links int `json:"links"`
	// Ranking is the measure on the layer, over all actors of the network
	// (an actor without links of this kind is in the layer, isolated).
	Ranking analysis.Ranking `json:"ranking"`
}

// ByLayer computes a per-actor measure on each layer of n: for every link
// kind present in n, in kind order, the measure on the snapshot of
// n.View(network.Filter{Kinds: {kind}}), which keeps every actor. Any
// analysis can serve as the measure, for example
//
//	analysis.ByLayer(n, func(s *network.Snapshot) analysis.Ranking {
//		return analysis.CoreNumbers(s, analysis.CoreOptions{})
//	})
//
// It takes O(K (N + L)) time for K kinds present plus the measure's time on
// each layer; measure must not be nil.
func ByLayer(n *network.Network, measure func(*network.Snapshot) analysis.Ranking) []Layer {
	count := make(map[network.LinkKind]int)
	for _, l := range n.AllLinks() {
		count[l.Kind]++
	}
	var out []Layer
	for _, k := range network.LinkKinds() {
		if count[k] == 0 {
			continue
		}
		s := n.View(network.Filter{Kinds: []network.LinkKind{k}}).Snapshot()
		out = append(out, Layer{Kind: k, Links: count[k], Ranking: measure(s)})
	}
	return out
}

// Overlap compares two layers of a multiplex network by the pairs of actors
// they link.
type Overlap struct {
	A network.LinkKind `json:"a"`
	B network.LinkKind `json:"b"`
	// Both counts the pairs of actors linked in both layers, Either those
	// linked in at least one, OnlyA and OnlyB those linked in one only.
	Both   int `json:"both"`
	Either int `json:"either"`
	OnlyA  int `json:"onlyA"`
	OnlyB  int `json:"onlyB"`
	// Jaccard is Both / Either, NaN when neither layer has a link.
	Jaccard analysis.Float `json:"jaccard"`
}

// LayerOverlap compares the layers of kinds a and b of n: the unordered
// pairs of actors joined by at least one link of each kind, in either
// direction, and their Jaccard similarity
//
//	J = |P_a ∩ P_b| / |P_a ∪ P_b|
//
// (P. Jaccard 1901; edge overlap of multiplex layers, e.g. Battiston,
// Nicosia and Latora, Phys. Rev. E 89, 032804, 2014). With a == b it
// describes one layer (J = 1). O(L).
func LayerOverlap(n *network.Network, a, b network.LinkKind) Overlap {
	type pair struct{ u, v string }
	in := make(map[pair]uint8)
	for _, l := range n.AllLinks() {
		p := pair{l.From, l.To}
		if p.v < p.u {
			p.u, p.v = p.v, p.u
		}
		if l.Kind == a {
			in[p] |= 1
		}
		if l.Kind == b {
			in[p] |= 2
		}
	}
	o := Overlap{A: a, B: b}
	for _, m := range in {
		o.Either++
		switch m {
		case 3:
			o.Both++
		case 1:
			o.OnlyA++
		case 2:
			o.OnlyB++
		}
	}
	o.Jaccard = analysis.NaN()
	if o.Either > 0 {
		o.Jaccard = analysis.Float(float64(o.Both) / float64(o.Either))
	}
	return o
}

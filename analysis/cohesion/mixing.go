package cohesion

import (
	"math"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// MixingOptions configures MixingMatrix, AttributeAssortativity and EIIndex.
// The zero value groups actors by kind and counts the edges of the
// undirected adjacency.
type MixingOptions struct {
	// Attr is the attribute that groups the actors (see PartitionBy); ""
	// means "kind". Actors without it form the group "".
	Attr string
	// Weighted sums link weights instead of counting linked pairs. NetworkX's
	// mixing matrix and assortativity count; its reference values hold for
	// the unweighted measures.
	Weighted bool
	// Directed counts the arcs of the directed adjacency (an undirected link
	// is an arc each way) instead of the undirected edges.
	Directed bool
}

func (o MixingOptions) attr() string {
	if o.Attr == "" {
		return "kind"
	}
	return o.Attr
}

// Mixing is the mixing matrix of a grouping: how many ties run within and
// between groups.
type Mixing struct {
	// Attr is the grouping attribute.
	Attr string `json:"attr"`
	// Groups are the attribute values, ascending, "" for actors without it.
	// Every value some actor has is present, linked or not.
	Groups []string `json:"groups"`
	// Counts[a][b] counts the ties from group a to group b (weights summed
	// when weighted). Undirected, each edge counts once in each direction,
	// so the matrix is symmetric and its diagonal holds twice the ties
	// inside each group; directed, each arc counts once, tail's group first.
	Counts [][]float64 `json:"counts"`
}

// Normalized returns Counts divided by their sum (NetworkX's
// normalized=True), or nil when there is no tie.
func (m Mixing) Normalized() [][]float64 {
	total := 0.0
	for _, row := range m.Counts {
		for _, x := range row {
			total += x
		}
	}
	if total == 0 {
		return nil
	}
	out := make([][]float64, len(m.Counts))
	for a, row := range m.Counts {
		out[a] = make([]float64, len(row))
		for b, x := range row {
			out[a][b] = x / total
		}
	}
	return out
}

// MixingMatrix returns the mixing matrix of the grouping of the actors by
// an attribute, with NetworkX's attribute_mixing_matrix counting convention
// (undirected edges counted in both directions) and all groups present in
// sorted order, as that function with mapping = {value: rank}. O(N log N + E).
func MixingMatrix(s *network.Snapshot, opt MixingOptions) Mixing {
	label, names := cohAttrLabels(s, opt.attr())
	k := len(names)
	m := Mixing{Attr: opt.attr(), Groups: names, Counts: make([][]float64, k)}
	for a := range m.Counts {
		m.Counts[a] = make([]float64, k)
	}
	for u := range s.N() {
		nb, ws := s.Neighbors(u), s.NeighborWeights(u)
		if opt.Directed {
			nb, ws = s.Out(u), s.OutWeights(u)
		}
		for p, v := range nb {
			w := 1.0
			if opt.Weighted {
				w = ws[p]
			}
			m.Counts[label[u]][label[v]] += w
		}
	}
	return m
}

// AttributeAssortativity returns Newman's assortativity coefficient of the
// grouping by an attribute (M. E. J. Newman, "Mixing patterns in networks",
// Phys. Rev. E 67, 026126, 2003, eq. 2), as NetworkX's
// attribute_assortativity_coefficient: with e the normalised mixing matrix,
//
//	r = (Tr e − ‖e²‖) / (1 − ‖e²‖)
//
// where ‖x‖ is the sum of all entries. r is 1 when all ties stay inside
// groups, 0 when mixing is random and negative when ties prefer other
// groups. NaN when there is no tie or a single group holds all tie ends.
// O(N log N + E + g³) for g groups.
func AttributeAssortativity(s *network.Snapshot, opt MixingOptions) float64 {
	e := MixingMatrix(s, opt).Normalized()
	if e == nil {
		return math.NaN()
	}
	tr, sq := 0.0, 0.0
	for a := range e {
		tr += e[a][a]
		for b := range e {
			for c := range e {
				sq += e[a][c] * e[c][b]
			}
		}
	}
	if sq == 1 {
		return math.NaN()
	}
	return (tr - sq) / (1 - sq)
}

// EIGroup is the E-I index of the ties of one group.
type EIGroup struct {
	// Group is the attribute value.
	Group string `json:"group"`
	// External counts the ties from the group's actors to other groups,
	// Internal those inside the group (weights summed when weighted).
	External float64 `json:"external"`
	Internal float64 `json:"internal"`
	// Index is (External − Internal) / (External + Internal), NaN when the
	// group has no tie.
	Index analysis.Float `json:"index"`
}

// EI is the E-I index of a network and of each of its groups.
type EI struct {
	// Attr is the grouping attribute.
	Attr string `json:"attr"`
	// External counts the ties between groups, Internal those within one.
	External float64 `json:"external"`
	Internal float64 `json:"internal"`
	// Index is (External − Internal) / (External + Internal), NaN without
	// ties.
	Index analysis.Float `json:"index"`
	// Groups holds each group's figures, in ascending order of name.
	Groups []EIGroup `json:"groups"`
}

// EIIndex returns Krackhardt and Stern's E-I index (D. Krackhardt and R. N.
// Stern, "Informal networks and organizational crises: an experimental
// simulation", Social Psychology Quarterly 51(2), 1988) of the grouping by an
// attribute, for the whole network and for each group:
//
//	EI = (E − I) / (E + I)
//
// E counting the ties between groups and I those within one; for a group,
// E counts its ties to other groups and I the ties among its members. It
// runs from −1 (all ties inside groups) to +1 (all ties across). Each
// undirected edge counts once (each arc once when directed; weights summed
// when weighted). O(N log N + E).
func EIIndex(s *network.Snapshot, opt MixingOptions) EI {
	label, names := cohAttrLabels(s, opt.attr())
	r := EI{Attr: opt.attr(), Groups: make([]EIGroup, len(names))}
	for k, name := range names {
		r.Groups[k].Group = name
	}
	for u := range s.N() {
		nb, ws := s.Neighbors(u), s.NeighborWeights(u)
		if opt.Directed {
			nb, ws = s.Out(u), s.OutWeights(u)
		}
		for p, v := range nb {
			if !opt.Directed && int(v) < u {
				continue // each edge once
			}
			w := 1.0
			if opt.Weighted {
				w = ws[p]
			}
			a, b := label[u], label[v]
			if a == b {
				r.Internal += w
				r.Groups[a].Internal += w
				continue
			}
			r.External += w
			r.Groups[a].External += w
			r.Groups[b].External += w
		}
	}
	r.Index = analysis.Float(cohEI(r.External, r.Internal))
	for k := range r.Groups {
		r.Groups[k].Index = analysis.Float(cohEI(r.Groups[k].External, r.Groups[k].Internal))
	}
	return r
}

func cohEI(e, i float64) float64 {
	if e+i == 0 {
		return math.NaN()
	}
	return (e - i) / (e + i)
}

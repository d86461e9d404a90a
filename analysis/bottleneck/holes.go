package bottleneck

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// HolesOptions configures the structural-holes measures (EffectiveSize,
// Efficiency, Constraint, Hierarchy, LocalConstraint). The zero value uses
// the undirected view without weights.
type HolesOptions struct {
	// Directed uses the directed view: the contacts of an actor are its
	// predecessors and successors, and the tie between two actors counts
	// both arcs (an undirected link is an arc each way).
	Directed bool
	// Weighted uses the summed link weights instead of counting each tie
	// (or, in the directed view, each arc) as 1.
	Weighted bool
}

// holeGraph is the symmetric "mutual weight" graph the measures work on:
// contacts of v are nbr[off[v]:off[v+1]] (ascending), with mutual weight
// mw, and tot[v] = Σ mw, mx[v] = max mw over v's contacts.
type holeGraph struct {
	off      []int64
	nbr      []int32
	mw       []float64
	tot, mx  []float64
	undef    []bool // NaN for this actor, as NetworkX
	directed bool
}

// holeBuild returns the mutual-weight graph of the chosen view. NetworkX's
// mutual weight of u and v is a_uv + a_vu, a being the weight of the edge
// (1 without weights, 0 when absent); on an undirected graph both terms are
// the same edge, a factor 2 that every normalisation cancels, so here it is
// simply the tie weight. When only is not nil, the rows of the actors it
// does not mark are left empty (their undef is still set): the measures of
// an actor need its own row and its contacts' rows.
func holeBuild(s *network.Snapshot, opt HolesOptions, only []bool) *holeGraph {
	if !opt.Directed && !opt.Weighted {
		return holeBuildPlain(s, only)
	}
	n := s.N()
	g := &holeGraph{off: make([]int64, n+1), tot: make([]float64, n), mx: make([]float64, n),
		undef: make([]bool, n), directed: opt.Directed}
	for v := range n {
		start := len(g.nbr)
		if only != nil && !only[v] {
			if opt.Directed {
				g.undef[v] = len(s.Out(v)) == 0
			} else {
				g.undef[v] = s.Degree(v) == 0
			}
			g.off[v+1] = int64(len(g.nbr))
			continue
		}
		if !opt.Directed {
			g.nbr = append(g.nbr, s.Neighbors(v)...)
			if opt.Weighted {
				g.mw = append(g.mw, s.NeighborWeights(v)...)
			} else {
				for range s.Neighbors(v) {
					g.mw = append(g.mw, 1)
				}
			}
			g.undef[v] = s.Degree(v) == 0
		} else {
			out, in := s.Out(v), s.In(v)
			ow, iw := s.OutWeights(v), s.InWeights(v)
			i, j := 0, 0
			for i < len(out) || j < len(in) {
				var w int32
				var m float64
				switch {
				case j == len(in) || (i < len(out) && out[i] < in[j]):
					w, m = out[i], holeArc(ow[i], opt.Weighted)
					i++
				case i == len(out) || in[j] < out[i]:
					w, m = in[j], holeArc(iw[j], opt.Weighted)
					j++
				default:
					w, m = out[i], holeArc(ow[i], opt.Weighted)+holeArc(iw[j], opt.Weighted)
					i++
					j++
				}
				g.nbr = append(g.nbr, w)
				g.mw = append(g.mw, m)
			}
			// NetworkX tests len(G[v]) == 0, and G[v] holds the
			// successors of v in a directed graph.
			g.undef[v] = len(out) == 0
		}
		g.off[v+1] = int64(len(g.nbr))
		for _, m := range g.mw[start:] {
			g.tot[v] += m
			g.mx[v] = max(g.mx[v], m)
		}
	}
	return g
}

// holeBuildPlain is holeBuild for the undirected view without weights:
// every tie has mutual weight 1.
func holeBuildPlain(s undirected, only []bool) *holeGraph {
	n := s.N()
	g := &holeGraph{off: make([]int64, n+1), tot: make([]float64, n), mx: make([]float64, n), undef: make([]bool, n)}
	for v := range n {
		row := s.Neighbors(v)
		g.undef[v] = len(row) == 0
		if only == nil || only[v] {
			start := len(g.nbr)
			g.nbr = append(g.nbr, row...)
			for range row {
				g.mw = append(g.mw, 1)
			}
			for _, m := range g.mw[start:] {
				g.tot[v] += m
				g.mx[v] = max(g.mx[v], m)
			}
		}
		g.off[v+1] = int64(len(g.nbr))
	}
	return g
}

func holeArc(w float64, weighted bool) float64 {
	if weighted {
		return w
	}
	return 1
}

// holeScratch holds a dense row of p_vq for the contacts q of one ego v.
type holeScratch struct {
	p    []float64
	mark []bool
}

func (g *holeGraph) scratch() *holeScratch {
	n := len(g.tot)
	return &holeScratch{p: make([]float64, n), mark: make([]bool, n)}
}

// load scatters p_vq = mw_vq / tot_v over v's contacts.
func (g *holeGraph) load(h *holeScratch, v int) {
	for k := g.off[v]; k < g.off[v+1]; k++ {
		q := g.nbr[k]
		h.p[q], h.mark[q] = g.mw[k]/g.tot[v], true
	}
}

func (g *holeGraph) unload(h *holeScratch, v int) {
	for k := g.off[v]; k < g.off[v+1]; k++ {
		q := g.nbr[k]
		h.p[q], h.mark[q] = 0, false
	}
}

// find returns the position of w in v's contact row, or -1.
func (g *holeGraph) find(v int, w int32) int64 {
	lo, hi := g.off[v], g.off[v+1]
	for lo < hi {
		m := int64(uint64(lo+hi) >> 1)
		if g.nbr[m] < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < g.off[v+1] && g.nbr[lo] == w {
		return lo
	}
	return -1
}

// ego computes, for ego v (loaded in h), its effective size and the local
// constraint ℓ(v, j) of each contact j (appended to loc, in contact order):
//
//	e(v)    = Σ_j (1 − Σ_{q ∈ N(v)} p_vq · mw_jq / max_k mw_jk)
//	ℓ(v, j) = (p_vj + Σ_{q ∈ N(v)} p_vq · mw_qj / tot_q)²
//
// The sums over q run over N(v) ∩ N(j), found by scanning the shorter of the
// two rows (looking the other up by mark or binary search), so an ego with a
// hub among its contacts costs O(d(v)·log d) rather than the hub's degree.
func (g *holeGraph) ego(h *holeScratch, v int, loc []float64) (float64, []float64) {
	loc = loc[:0]
	e := 0.0
	dv := g.off[v+1] - g.off[v]
	for k := g.off[v]; k < g.off[v+1]; k++ {
		j := g.nbr[k]
		var re, rc float64
		if g.off[j+1]-g.off[j] <= dv {
			for kk := g.off[j]; kk < g.off[j+1]; kk++ {
				if q := g.nbr[kk]; h.mark[q] {
					re += h.p[q] * g.mw[kk]
					rc += h.p[q] * g.mw[kk] / g.tot[q]
				}
			}
		} else {
			for kq := g.off[v]; kq < g.off[v+1]; kq++ {
				q := g.nbr[kq]
				if kk := g.find(int(j), q); kk >= 0 {
					re += h.p[q] * g.mw[kk]
					rc += h.p[q] * g.mw[kk] / g.tot[q]
				}
			}
		}
		e += 1 - re/g.mx[j]
		l := h.p[j] + rc
		loc = append(loc, l*l)
	}
	return e, loc
}

// holeAll computes the four measures for every actor.
func holeAll(s *network.Snapshot, opt HolesOptions) (esize, eff, cons, hier []float64) {
	g := holeBuild(s, opt, nil)
	n := s.N()
	esize, eff, cons, hier = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	h := g.scratch()
	var loc []float64
	for v := range n {
		if g.undef[v] {
			esize[v], eff[v], cons[v], hier[v] = math.NaN(), math.NaN(), math.NaN(), math.NaN()
			continue
		}
		g.load(h, v)
		var e float64
		e, loc = g.ego(h, v, loc)
		deg := float64(g.off[v+1] - g.off[v])
		esize[v], eff[v] = e, e/deg
		c := 0.0
		for _, l := range loc {
			c += l
		}
		cons[v] = c
		hier[v] = holeHierarchy(loc, c)
		g.unload(h, v)
	}
	return esize, eff, cons, hier
}

// holeHierarchy is Burt's hierarchy of local constraints loc summing to c.
func holeHierarchy(loc []float64, c float64) float64 {
	N := float64(len(loc))
	if len(loc) < 2 {
		return math.NaN()
	}
	mean := c / N
	sum := 0.0
	for _, l := range loc {
		r := l / mean
		sum += r * math.Log(r)
	}
	return sum / (N * math.Log(N))
}

// EffectiveSize returns Burt's effective size of each actor's network of
// contacts, defined as NetworkX's nx.effective_size (weight=None unless
// HolesOptions.Weighted):
//
//	e(v) = Σ_{j ∈ N(v)} (1 − Σ_{q ∈ N(v)} p_vq m_jq)
//
// where N(v) are v's contacts (in the directed view, predecessors and
// successors), p_vq = w_vq / Σ_k w_vk is the normalised mutual weight, m_jq
// = w_jq / max_k w_jk, and the mutual weight w_uv = a_uv + a_vu sums the
// ties both ways (each counting 1 without weights). For the undirected,
// unweighted view it equals Borgatti's n − 2t/n. It is NaN for an isolated
// actor and, in the directed view, for an actor without outgoing arcs (as
// NetworkX, which tests the successors).
//
// Source: Burt (1992), Structural Holes, ch. 2; Borgatti (1997),
// "Structural holes: unpacking Burt's redundancy measures". It takes
// O(Σ_{v–j} min(d(v), d(j))·log d) time over the ties v–j, with contact
// counts d (at most O(E^1.5·log N), however skewed the degrees), and
// O(N + E) memory. EffectiveSize, Efficiency, Constraint and Hierarchy share
// one computation; each call repeats it.
func EffectiveSize(s *network.Snapshot, opt HolesOptions) analysis.Ranking {
	e, _, _, _ := holeAll(s, opt)
	return analysis.NewRanking(s, e)
}

// Efficiency returns Burt's efficiency, the effective size divided by the
// number of contacts:
//
//	eff(v) = e(v) / |N(v)|
//
// In the undirected view this is NetworkX's recipe (effective_size(v) /
// G.degree(v)); in the directed view |N(v)| counts each contact once,
// where dividing by NetworkX's DiGraph degree would count mutual contacts
// twice. NaN where EffectiveSize is. Source, complexity: see EffectiveSize.
func Efficiency(s *network.Snapshot, opt HolesOptions) analysis.Ranking {
	_, eff, _, _ := holeAll(s, opt)
	return analysis.NewRanking(s, eff)
}

// Constraint returns Burt's constraint on each actor, defined as NetworkX's
// nx.constraint:
//
//	c(v) = Σ_{j ∈ N(v)} ℓ(v, j),  ℓ(v, j) = (p_vj + Σ_{q ∈ N(v)} p_vq p_qj)²
//
// with N(v) and the normalised mutual weights p as in EffectiveSize. It is
// NaN for an isolated actor and, in the directed view, for an actor without
// outgoing arcs (as NetworkX). Higher values mean fewer structural holes.
//
// Source: Burt (1992), Structural Holes, p. 55; Burt (2004), "Structural
// holes and good ideas", AJS 110. Complexity: see EffectiveSize.
func Constraint(s *network.Snapshot, opt HolesOptions) analysis.Ranking {
	_, _, c, _ := holeAll(s, opt)
	return analysis.NewRanking(s, c)
}

// ConstraintOf returns Burt's constraint (see Constraint) on the actors at
// the given positions of s, in their order, or on every actor, in index
// order, when actors is nil: the same values as Constraint, without
// ranking them. For a few actors it reads only their contacts and their
// contacts' contacts, so that they cost O(N) plus the size of their
// neighbourhoods. A position out of range gives NaN.
func ConstraintOf(s *network.Snapshot, actors []int, opt HolesOptions) []float64 {
	if actors == nil {
		_, _, c, _ := holeAll(s, opt)
		return c
	}
	hs := HolesOf(s, actors, opt)
	out := make([]float64, len(hs))
	for i, h := range hs {
		out[i] = float64(h.Constraint)
	}
	return out
}

// HolesOf returns the four structural-holes measures (see StructuralHoles)
// of the actors at the given positions of s, in their order, reading only
// their contacts and their contacts' contacts: O(N) plus the size of their
// neighbourhoods. A position out of range gives NaN measures and no ID.
func HolesOf(s *network.Snapshot, actors []int, opt HolesOptions) []HoleScores {
	n := s.N()
	out := make([]HoleScores, len(actors))
	only := make([]bool, n)
	mark := func(v int) {
		only[v] = true
		if opt.Directed {
			for _, u := range s.Out(v) {
				only[u] = true
			}
			for _, u := range s.In(v) {
				only[u] = true
			}
			return
		}
		for _, u := range s.Neighbors(v) {
			only[u] = true
		}
	}
	for _, v := range actors {
		if v >= 0 && v < n {
			mark(v)
		}
	}
	g := holeBuild(s, opt, only)
	h := g.scratch()
	var loc []float64
	nan := analysis.NaN()
	for i, v := range actors {
		if v < 0 || v >= n {
			out[i] = HoleScores{EffectiveSize: nan, Efficiency: nan, Constraint: nan, Hierarchy: nan}
			continue
		}
		if g.undef[v] {
			out[i] = HoleScores{ID: s.ID(v), EffectiveSize: nan, Efficiency: nan, Constraint: nan, Hierarchy: nan}
			continue
		}
		// As holeAll does.
		g.load(h, v)
		var e float64
		e, loc = g.ego(h, v, loc)
		deg := float64(g.off[v+1] - g.off[v])
		c := 0.0
		for _, l := range loc {
			c += l
		}
		out[i] = HoleScores{ID: s.ID(v), EffectiveSize: analysis.Float(e), Efficiency: analysis.Float(e / deg),
			Constraint: analysis.Float(c), Hierarchy: analysis.Float(holeHierarchy(loc, c))}
		g.unload(h, v)
	}
	return out
}

// Hierarchy returns Burt's hierarchy: how far the constraint on an actor is
// concentrated in one contact. NetworkX has no hierarchy; this is Burt's
// formula (1992, Structural Holes, ch. 2, the Coleman–Theil disorder index
// of the local constraints), checked against a Python implementation over
// nx.local_constraint in testdata/holes/make_holes.py:
//
//	H(v) = Σ_{j ∈ N(v)} r_j ln r_j / (N ln N),  r_j = ℓ(v, j) / (c(v)/N)
//
// with N = |N(v)| contacts and ℓ, c as in Constraint. It is 0 when all
// contacts constrain equally and at most 1 (all constraint in one contact).
// It is NaN where Constraint is, and for an actor with a single contact,
// where the formula is 0/0.
//
// Complexity: see EffectiveSize.
func Hierarchy(s *network.Snapshot, opt HolesOptions) analysis.Ranking {
	_, _, _, h := holeAll(s, opt)
	return analysis.NewRanking(s, h)
}

// LocalConstraint returns ℓ(u, v), the constraint on actor u of its tie to
// v, defined as NetworkX's nx.local_constraint(G, u, v) (see Constraint);
// it is 0 when v is not within two steps of u. An unknown ID is an error
// wrapping network.ErrUnknownActor. It builds the mutual weights of the
// whole view, so it takes O(N + E) time; for many pairs use Constraint.
func LocalConstraint(s *network.Snapshot, u, v string, opt HolesOptions) (float64, error) {
	ui, ok := s.Index(u)
	if !ok {
		return 0, fmt.Errorf("analysis: local constraint: actor %q: %w", u, network.ErrUnknownActor)
	}
	vi, ok := s.Index(v)
	if !ok {
		return 0, fmt.Errorf("analysis: local constraint: actor %q: %w", v, network.ErrUnknownActor)
	}
	g := holeBuild(s, opt, nil)
	p := func(a, b int) float64 { // normalised mutual weight
		if g.tot[a] == 0 {
			return 0
		}
		for k := g.off[a]; k < g.off[a+1]; k++ {
			if int(g.nbr[k]) == b {
				return g.mw[k] / g.tot[a]
			}
		}
		return 0
	}
	l := p(ui, vi)
	for k := g.off[ui]; k < g.off[ui+1]; k++ {
		q := int(g.nbr[k])
		l += g.mw[k] / g.tot[ui] * p(q, vi)
	}
	return l * l, nil
}

// HoleScores are one actor's structural-holes measures (see EffectiveSize,
// Efficiency, Constraint and Hierarchy); NaN where undefined.
type HoleScores struct {
	ID            string         `json:"id"`
	EffectiveSize analysis.Float `json:"effectiveSize"`
	Efficiency    analysis.Float `json:"efficiency"`
	Constraint    analysis.Float `json:"constraint"`
	Hierarchy     analysis.Float `json:"hierarchy"`
}

// StructuralHoles returns the four measures of every actor from one
// computation, sorted by ascending Constraint (the actors with most
// structural holes first), then ID, undefined constraint last. Definitions
// and complexity: see EffectiveSize, Efficiency, Constraint and Hierarchy.
func StructuralHoles(s *network.Snapshot, opt HolesOptions) []HoleScores {
	e, eff, c, h := holeAll(s, opt)
	out := make([]HoleScores, s.N())
	for v := range out {
		out[v] = HoleScores{ID: s.ID(v), EffectiveSize: analysis.Float(e[v]), Efficiency: analysis.Float(eff[v]), Constraint: analysis.Float(c[v]), Hierarchy: analysis.Float(h[v])}
	}
	slices.SortStableFunc(out, func(a, b HoleScores) int {
		an, bn := a.Constraint.IsNaN(), b.Constraint.IsNaN()
		switch {
		case an != bn:
			if an {
				return 1
			}
			return -1
		case !an && a.Constraint != b.Constraint:
			return cmp.Compare(a.Constraint, b.Constraint)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

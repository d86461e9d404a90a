package gap

import (
	"context"
	"fmt"
	"slices"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// OptimizeOptions configures OptimizeLinks. The zero value tries at most
// 2,000 candidate pairs per round.
type OptimizeOptions struct {
	// MaxCandidates bounds the pairs evaluated per round; 0 means 2,000.
	// Candidates are taken in a fixed order (rule order, then IDs).
	MaxCandidates int
	// Progress, when not nil, is told after each candidate how many have
	// been tried, of k times the candidates of the first round (later rounds
	// have fewer; see analysis.Progress).
	Progress analysis.Progress
	// At is the day the network is analysed on (see GapOptions.At).
	At network.Date
	// Base, when not nil, is the state Measure(n, m, At) returns, for a
	// caller that has measured it already (see RecommendOptions.Base).
	Base *State
}

// OptimizeLinks picks up to k links to add, among the relations the model
// expects between actors already in the network, that most reduce the
// network's bottlenecks. It is greedy with re-evaluation: each round it
// applies every candidate link in turn to the network as changed so far,
// measures the effect, and keeps the best, where "best" orders, in turn,
//
//  1. the number of pairs of actors that can reach each other (more is
//     better),
//  2. the number of pairs whose connection hangs on a single actor, summed
//     over articulation points (fewer is better),
//  3. the number of articulation points (fewer is better),
//  4. the number of gaps closed (more is better).
//
// It stops after k links or when no candidate improves 1–3. A candidate is a
// pair (a, b) with a of a From kind and b of a To kind of some relation rule
// that cooperation meets (rules restricted to other link kinds, such as
// funding, are not proposed: money is not a cooperation to add), not
// already linked by an existing link, and not in different places (see
// below). Proposed links are cooperation links. Between candidates of equal
// effect, the pair that shares more of country and region wins, then the
// first in rule and ID order. Each returned recommendation's
// Effect is measured against the network before any of the chosen links, so
// the last one shows the combined effect. A nil model is an error wrapping
// ErrModel.
//
// Candidates are scored without analysing the network again: one
// depth-first search per round gives the block–cut structure (see
// bottleneck.Separation), from which the effect of one added tie on
// reachability, on the pairs depending on single actors and on the cut
// points follows in O(h·log d) for the h levels of the block–cut tree above
// the tie's ends (see Separation.Separating), and the gaps it closes follow
// from the round's findings. Each round so costs O(N + L) plus the gap
// rules plus O(C·h·log d) for C candidates; the effect of the link chosen
// is then measured in full, on the network of the round before with the
// tie added (see bottleneck.AddTies), without copying the network. Greedy selection
// is not guaranteed optimal (the problem is NP-hard in general), but every
// link chosen strictly reduces bottlenecks. A cancelled ctx stops it with
// ctx.Err() within a candidate.
func OptimizeLinks(ctx context.Context, n *network.Network, m *Model, k int, opt OptimizeOptions) ([]Recommendation, error) {
	if m == nil {
		return nil, fmt.Errorf("gap: optimize: no model: %w", ErrModel)
	}
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 2000
	}
	day := n.Day(opt.At)
	base := opt.Base
	if !base.of(n, m, day) {
		base = Measure(n, m, day)
	}
	now := base
	ofKinds := kindIndex(base.snap)
	var out []Recommendation
	var t *search.Tracker
	for round := 0; round < k; round++ {
		cands := optCandidates(now.g, ofKinds, m, maxCand)
		if t == nil { // the first round has the most candidates
			t = search.NewTracker(ctx, k*len(cands), opt.Progress)
		}
		sc := newScorer(n, m, day, now)
		var best *optCandidate
		var bestScore tieScore
		for i := range cands {
			if !t.Step(1) {
				return nil, t.Err()
			}
			c := &cands[i]
			got := sc.score(c.link.From, c.link.To)
			if !got.improves(sc.now) {
				continue
			}
			if best == nil || got.better(bestScore) || !bestScore.better(got) && c.loc > best.loc {
				best, bestScore = c, got
			}
		}
		if best == nil {
			break
		}
		next, err := measureChange(now, nil, []network.Link{best.link})
		if err != nil {
			break // cannot happen: both ends are actors of n
		}
		now = next
		a, _ := n.Actor(best.link.From)
		b, _ := n.Actor(best.link.To)
		out = append(out, Recommendation{Action: AddLink, Links: []network.Link{best.link}, Severity: best.rule.Severity,
			Addresses:   []Key{{MissingRelation, best.rule.Name}},
			Effect:      Compare(base, now, best.link.From, best.link.To),
			Explanation: fmt.Sprintf("Link %s with %s (%s, expected relation %s)", a.Label(), b.Label(), best.link.Kind, best.rule.Name)})
	}
	if t != nil {
		t.Finish()
	}
	return out, nil
}

// optCandidate is a link the optimiser may propose.
type optCandidate struct {
	link network.Link
	rule RelationRule
	loc  int // see recLocality
}

// optCandidates returns up to limit candidate links of the optimiser for
// the network of the gap index g, whose actors ofKinds lists (see
// kindIndex): the pairs of actors of the two sides of
// each cooperative relation rule, in rule order then ID order, that are not
// the same actor, not already linked by a link in force on g's day, not in
// different places, and not seen before. The actors of each kind are
// listed once.
func optCandidates(g *gapIndex, ofKinds func([]actor.Kind) []actor.Actor, m *Model, limit int) []optCandidate {
	seen := map[[2]string]bool{}
	var out []optCandidate
	for _, r := range m.Relations {
		if !r.cooperative() {
			continue
		}
		from, to := ofKinds(r.From), ofKinds(r.To)
		for _, a := range from {
			for _, b := range to {
				if len(out) >= limit {
					return out
				}
				p := [2]string{min(a.ID, b.ID), max(a.ID, b.ID)}
				loc, ok := recLocality(a, b)
				if a.ID == b.ID || !ok || seen[p] || g.linked(a.ID, b.ID) {
					continue
				}
				seen[p] = true
				out = append(out, optCandidate{link: network.Link{From: a.ID, To: b.ID, Kind: network.Cooperation, Evidence: ProposedEvidence}, rule: r, loc: loc})
			}
		}
	}
	return out
}

// kindIndex returns a function that gives the actors of s (all the actors
// of its network, as a snapshot of the links in force holds them) of any
// of some kinds, sorted by ID (a kind given twice gives its actors twice);
// each list is built once.
func kindIndex(s *network.Snapshot) func(kinds []actor.Kind) []actor.Actor {
	lists := map[string][]actor.Actor{}
	return func(kinds []actor.Kind) []actor.Actor {
		key := make([]byte, len(kinds))
		var times [256]int
		for i, k := range kinds {
			key[i] = byte(k)
			times[k]++
		}
		if out, ok := lists[string(key)]; ok {
			return out
		}
		var out []actor.Actor
		for i := range s.N() { // in order of ID
			if a := s.Actor(i); times[a.Kind] > 0 {
				for range times[a.Kind] {
					out = append(out, a)
				}
			}
		}
		lists[string(key)] = out
		return out
	}
}

// tieScore is what adding one tie would make of a network's headline
// figures: the figures Effect.better orders.
type tieScore struct {
	reachable, dependent int64
	cutPoints, closed    int
}

// better orders scores as Effect.better orders effects.
func (a tieScore) better(b tieScore) bool {
	if a.reachable != b.reachable {
		return a.reachable > b.reachable
	}
	if a.dependent != b.dependent {
		return a.dependent < b.dependent
	}
	if a.cutPoints != b.cutPoints {
		return a.cutPoints < b.cutPoints
	}
	return a.closed > b.closed
}

// improves reports whether a reduces the bottlenecks of now at all.
func (a tieScore) improves(now tieScore) bool {
	return a.reachable > now.reachable || a.dependent < now.dependent || a.cutPoints < now.cutPoints
}

// scorer rates candidate ties on one state of a network without analysing
// it again (see OptimizeLinks).
type scorer struct {
	s         *network.Snapshot
	sep       *bottleneck.Separation
	now       tieScore
	separated map[int]int64 // pairs each cut point separates, by index
	m         *Model
	g         *gapIndex
	gaps      map[Key]bool
	buf       []int // scratch for Separating
}

func newScorer(n *network.Network, m *Model, day network.Date, st *State) *scorer {
	g := st.g
	if g == nil {
		g = newGapIndex(n, day)
	}
	sc := &scorer{s: st.snap, sep: st.separation(), separated: map[int]int64{}, m: m,
		g: g, gaps: map[Key]bool{},
		now: tieScore{reachable: st.Reachable, dependent: st.Dependent, cutPoints: len(st.CutPoints)}}
	for _, c := range st.CutPoints {
		i, _ := st.snap.Index(c.ID)
		sc.separated[i] = c.Separated
	}
	for _, f := range st.Gaps {
		sc.gaps[f.Key()] = true
	}
	return sc
}

// score returns the figures after adding a tie between the actors a and b.
func (sc *scorer) score(a, b string) tieScore {
	ia, _ := sc.s.Index(a)
	ib, _ := sc.s.Index(b)
	got := sc.now
	got.closed = sc.closes(a, b)
	ra, na := sc.sep.Component(ia)
	rb, nb := sc.sep.Component(ib)
	if ra == rb {
		// One component: every cut point separating a from b merges the
		// pieces holding them. Those cut points have a or b below them.
		merge := func(v int) {
			if v == ia || v == ib || sc.sep.NumPieces(v) < 2 {
				return
			}
			ka, sa := sc.sep.Piece(v, ia)
			kb, sb := sc.sep.Piece(v, ib)
			if ka == kb {
				return
			}
			got.dependent -= int64(sa) * int64(sb)
			if sc.sep.NumPieces(v) == 2 {
				got.cutPoints--
			}
		}
		sc.buf = sc.sep.Separating(ia, sc.buf)
		for _, v := range sc.buf {
			merge(v)
		}
		sc.buf = sc.sep.Separating(ib, sc.buf)
		for _, v := range sc.buf {
			if v != ia {
				if k, _ := sc.sep.Piece(v, ia); k >= 0 {
					continue // a lies below v too: merged above
				}
			}
			merge(v)
		}
		return got
	}
	// Two components joined: every pair across them becomes reachable,
	// through a and b.
	got.reachable += int64(na) * int64(nb)
	join := func(x, size, other int) {
		// The piece holding x grows by the other component, for every
		// cut point but x.
		got.dependent += int64(other) * sc.sep.Outside(x)
		switch {
		case sc.sep.NumPieces(x) >= 2: // x is a cut point
			got.dependent += int64(other) * int64(size-1)
		case size >= 2:
			got.cutPoints++
			got.dependent += int64(size-1) * int64(other)
		}
	}
	join(ia, na, nb)
	join(ib, nb, na)
	return got
}

// closes counts the gaps of the state that a cooperation tie between a and
// b closes: the relation rules it meets, a or b no longer without a link in
// force, a body of the pair getting every kind its themes lack.
func (sc *scorer) closes(a, b string) int {
	ka, kb := sc.g.kindOf(a), sc.g.kindOf(b)
	closed := 0
	for _, r := range sc.m.Relations {
		if !r.cooperative() || !sc.gaps[Key{MissingRelation, r.Name}] {
			continue
		}
		if slices.Contains(r.From, ka) && slices.Contains(r.To, kb) || slices.Contains(r.From, kb) && slices.Contains(r.To, ka) {
			closed++
		}
	}
	for _, id := range []string{a, b} {
		for _, rule := range []Rule{Isolated, PlannedOnly, EndedOnly} {
			if sc.gaps[Key{rule, id}] {
				closed++
			}
		}
	}
	for _, p := range [][2]string{{a, b}, {b, a}} {
		if sc.fills(p[0], p[1]) {
			closed++
		}
	}
	return closed
}

// fills reports whether linking other to body closes the body's
// body-missing-kind gap: other is of a kind every missing alternative of
// the body's themes accepts.
func (sc *scorer) fills(body, other string) bool {
	if sc.g.kindOf(body) != actor.Body || !sc.gaps[Key{BodyMissingKind, body}] {
		return false
	}
	bi, _ := sc.g.n.Index(body)
	b, ko := sc.g.actor(body), sc.g.kindOf(other)
	for _, r := range sc.m.Themes {
		if !slices.Contains(b.Themes, r.Theme) {
			continue
		}
		for _, alt := range sc.g.missing(bi, r) {
			if !slices.Contains(alt, ko) {
				return false
			}
		}
	}
	return true
}

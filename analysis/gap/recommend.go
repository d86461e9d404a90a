package gap

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/search"

	"github.com/labournet/labournet/analysis/cohesion"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// ProposedEvidence is the Evidence of the links recommendations propose.
const ProposedEvidence = "proposed by labournet"

// Recommendation is a proposed change to the cooperation model with its
// effect, measured by applying it and analysing the changed network again.
type Recommendation struct {
	// Action is what to do.
	Action Action `json:"action"`
	// Links are the links to add (for activate-link, the planned links that
	// should become active, as they will then be).
	Links []network.Link `json:"links"`
	// NewActor is, for invite, a placeholder for the actor to bring in.
	NewActor *actor.Actor `json:"newActor,omitempty"`
	// Addresses names the findings the recommendation answers.
	Addresses []Key `json:"addresses"`
	// Severity is the highest severity among the findings addressed.
	Severity Severity `json:"severity"`
	// Effect is what the change does, measured against the network before
	// it (see Compare).
	Effect Effect `json:"effect"`
	// Explanation says in plain language what to do and why.
	Explanation string `json:"explanation"`
}

// Apply returns a copy of n with the recommendation carried out: the new
// actor added, if any, and its links added (for ActivateLink, the planned
// links replaced by their working versions). n is not changed. An error
// means the recommendation does not fit n (an actor it names is missing).
func (r Recommendation) Apply(n *network.Network) (*network.Network, error) {
	edit := network.Edit{AddLinks: r.Links}
	if r.Action == ActivateLink {
		for _, l := range r.Links {
			edit.RemoveLinks = append(edit.RemoveLinks, network.LinkRef{ID: l.ID, From: l.From, To: l.To, Kind: l.Kind})
		}
	}
	if r.NewActor == nil {
		return n.Apply(edit)
	}
	with := n.Clone()
	if err := with.AddActor(*r.NewActor); err != nil {
		return nil, err
	}
	return with.Apply(edit)
}

// RecommendOptions configures Recommend. The zero value proposes for every
// gap and bottleneck found.
type RecommendOptions struct {
	// MaxCandidates bounds the pairs tried for one missing relation; 0
	// means 200. Pairs are tried in ID order.
	MaxCandidates int
	// Progress, when not nil, is told after each finding how many of the
	// findings have been answered (see analysis.Progress).
	Progress analysis.Progress
	// At is the day the network is analysed on (see GapOptions.At).
	At network.Date
}

// Recommend proposes changes that close the gaps of n against the model m,
// each checked by applying it and analysing the changed network again
// (Effect). For a missing relation (other than one restricted to link kinds
// that are not cooperation, such as funding) it proposes the cooperation
// link, among the pairs of actors of the two kinds, that best reduces
// bottlenecks (pairs newly connected, then pairs depending on a single
// actor, then articulation points); for an actor linked only by planned
// links, making them work; for a body lacking a kind its theme requires, the
// actor of that kind that best fills the role, or inviting one when the
// network has none; for a missing kind, inviting one into the best-connected
// body. Recommendations are ranked by the severity of what they address,
// then by their effect. A nil model is an error wrapping ErrModel.
//
// Each candidate costs one analysis of the changed network, O(N + L) plus
// the gap rules, so Recommend takes O(C·(N + L)) for C candidates. A
// cancelled ctx stops it with ctx.Err() after the candidate under way.
func Recommend(ctx context.Context, n *network.Network, m *Model, opt RecommendOptions) ([]Recommendation, error) {
	if m == nil {
		return nil, fmt.Errorf("gap: recommend: no model: %w", ErrModel)
	}
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 200
	}
	day := n.Day(opt.At)
	base := Measure(n, m, day)
	t := search.NewTracker(ctx, len(base.Gaps), opt.Progress)
	var out []Recommendation
	try := func(edit network.Edit, ids []string) (Effect, bool) {
		changed, err := n.Apply(edit)
		if err != nil {
			return Effect{}, false
		}
		return Compare(base, Measure(changed, m, day), ids...), true
	}
	for _, f := range base.Gaps {
		if !t.Step(0) {
			return nil, t.Err()
		}
		addr := []Key{f.Key()}
		switch f.Rule {
		case MissingRelation:
			r, ok := recRelation(m, f.Name)
			if !ok || !r.cooperative() {
				break
			}
			var best *Recommendation
			tried, bestLoc := 0, 0
		pairs:
			for _, a := range recOfKinds(n, r.From) {
				for _, b := range recOfKinds(n, r.To) {
					if tried >= maxCand {
						break pairs
					}
					loc, ok := recLocality(a, b)
					if a.ID == b.ID || !ok {
						continue
					}
					if !t.Step(0) {
						return nil, t.Err()
					}
					tried++
					kind := network.Cooperation
					l := network.Link{From: a.ID, To: b.ID, Kind: kind, Evidence: ProposedEvidence}
					eff, ok := try(network.Edit{AddLinks: []network.Link{l}}, []string{a.ID, b.ID})
					if !ok || !slices.Contains(eff.Closed, addr[0]) {
						continue
					}
					if best == nil || eff.better(best.Effect) || !best.Effect.better(eff) && loc > bestLoc {
						best, bestLoc = &Recommendation{Action: AddLink, Links: []network.Link{l}, Effect: eff,
							Explanation: fmt.Sprintf("Link %s with %s (%s): %s", a.Label(), b.Label(), kind, lowerFirst(f.Explanation))}, loc
					}
				}
			}
			if best != nil {
				best.Addresses, best.Severity = addr, f.Severity
				out = append(out, *best)
			}
		case PlannedOnly:
			var links []network.Link
			var refs []network.LinkRef
			for _, l := range n.Links() {
				if (l.From == f.Name || l.To == f.Name) && l.PhaseOn(day) == network.NotYet {
					refs = append(refs, network.LinkRef{ID: l.ID, From: l.From, To: l.To, Kind: l.Kind})
					l.Status = network.Active
					if !l.Start.IsZero() && day.Before(l.Start.First()) {
						l.Start = day // starting now, not when it was planned to
					}
					links = append(links, l)
				}
			}
			if eff, ok := try(network.Edit{RemoveLinks: refs, AddLinks: links}, f.Actors); ok {
				out = append(out, Recommendation{Action: ActivateLink, Links: links, Addresses: addr, Severity: f.Severity, Effect: eff,
					Explanation: fmt.Sprintf("Put the planned cooperation of %s into practice (%s).", recLabel(n, f.Name), count(len(links), "planned link"))})
			}
		case BodyMissingKind:
			body := f.Name
			var best *Recommendation
			for _, a := range recOfKinds(n, f.Kinds) {
				if !t.Step(0) {
					return nil, t.Err()
				}
				l := network.Link{From: a.ID, To: body, Kind: network.Membership, Role: network.RoleMember, Evidence: ProposedEvidence}
				eff, ok := try(network.Edit{AddLinks: []network.Link{l}}, []string{a.ID, body})
				if !ok || !slices.Contains(eff.Closed, addr[0]) {
					continue
				}
				if best == nil || eff.better(best.Effect) {
					best = &Recommendation{Action: FillRole, Links: []network.Link{l}, Effect: eff,
						Explanation: fmt.Sprintf("Bring %s into %s as a member: %s", a.Label(), recLabel(n, body), lowerFirst(f.Explanation))}
				}
			}
			if best == nil {
				best = recInvite(n, m, day, base, f.Kinds, body, f)
			}
			if best != nil {
				best.Addresses, best.Severity = addr, f.Severity
				out = append(out, *best)
			}
		case MissingKind:
			if rec := recInvite(n, m, day, base, f.Kinds, "", f); rec != nil {
				rec.Addresses, rec.Severity = addr, f.Severity
				out = append(out, *rec)
			}
		}
		t.Step(1)
	}
	slices.SortStableFunc(out, func(a, b Recommendation) int {
		if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
			return c
		}
		if a.Effect.better(b.Effect) {
			return -1
		}
		if b.Effect.better(a.Effect) {
			return 1
		}
		return cmp.Compare(a.Explanation, b.Explanation)
	})
	return out, nil
}

// recInvite proposes a new actor of the first of kinds, as a member of body
// (or, when body is empty, of the body with most members), and measures it.
func recInvite(n *network.Network, m *Model, day network.Date, base *State, kinds []actor.Kind, body string, f Finding) *Recommendation {
	if len(kinds) == 0 {
		return nil
	}
	if body == "" {
		body = recBusiestBody(n, day)
	}
	k := kinds[0]
	a := actor.Actor{ID: "proposed-" + k.String(), Name: "a " + strings.ReplaceAll(k.String(), "-", " ") + " (to be invited)", Kind: k, Aggregate: true}
	for i := 2; ; i++ {
		if _, taken := n.Actor(a.ID); !taken {
			break
		}
		a.ID = fmt.Sprintf("proposed-%s-%d", k, i)
	}
	with := n.Clone()
	if err := with.AddActor(a); err != nil {
		return nil
	}
	var links []network.Link
	if body != "" {
		l := network.Link{From: a.ID, To: body, Kind: network.Membership, Role: network.RoleMember, Evidence: ProposedEvidence}
		if with.AddLink(l) != nil {
			return nil
		}
		links = append(links, l)
	}
	after := Measure(with, m, day)
	eff := Compare(base, after, a.ID, body)
	// Pairs with the newcomer itself are not pairs newly connected.
	if i, ok := after.snap.Index(a.ID); ok {
		for _, comp := range cohesion.Components(after.snap) {
			if slices.Contains(comp, after.snap.ID(i)) {
				eff.NewlyConnected -= int64(len(comp) - 1)
				break
			}
		}
	}
	where := ""
	if body != "" {
		where = " into " + recLabel(n, body)
	}
	return &Recommendation{Action: Invite, NewActor: &a, Links: links, Effect: eff,
		Explanation: fmt.Sprintf("Invite %s%s: %s", orList(kindNames(kinds)), where, lowerFirst(f.Explanation))}
}

// recBusiestBody returns the body with most existing links, ties by ID, or
// "" when the network has no body.
func recBusiestBody(n *network.Network, day network.Date) string {
	deg := map[string]int{}
	for _, l := range n.InForce(day).Links() {
		deg[l.From]++
		deg[l.To]++
	}
	best, bestDeg := "", -1
	for _, a := range n.Actors() {
		if a.Kind == actor.Body && (deg[a.ID] > bestDeg || deg[a.ID] == bestDeg && a.ID < best) {
			best, bestDeg = a.ID, deg[a.ID]
		}
	}
	return best
}

// recRelation returns the model's relation rule called name.
func recRelation(m *Model, name string) (RelationRule, bool) {
	for _, r := range m.Relations {
		if r.Name == name {
			return r, true
		}
	}
	return RelationRule{}, false
}

// recOfKinds returns the actors of the given kinds, sorted by ID.
func recOfKinds(n *network.Network, kinds []actor.Kind) []actor.Actor {
	var out []actor.Actor
	for _, a := range n.Actors() {
		if slices.Contains(kinds, a.Kind) {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b actor.Actor) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func recLabel(n *network.Network, id string) string {
	if a, ok := n.Actor(id); ok {
		return a.Label()
	}
	return id
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

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
// Each round costs O(C·(N + L)) for C candidates; greedy selection is not
// guaranteed optimal (the problem is NP-hard in general), but every link
// chosen strictly reduces bottlenecks. A cancelled ctx stops it with
// ctx.Err() after the candidate under way.
func OptimizeLinks(ctx context.Context, n *network.Network, m *Model, k int, opt OptimizeOptions) ([]Recommendation, error) {
	if m == nil {
		return nil, fmt.Errorf("gap: optimize: no model: %w", ErrModel)
	}
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 2000
	}
	day := n.Day(opt.At)
	base := Measure(n, m, day)
	cur := n
	var out []Recommendation
	var t *search.Tracker
	for round := 0; round < k; round++ {
		cands := optCandidates(cur, m, day, maxCand)
		if t == nil { // the first round has the most candidates
			t = search.NewTracker(ctx, k*len(cands), opt.Progress)
		}
		now := Measure(cur, m, day)
		var best *Recommendation
		var bestNet *network.Network
		bestLoc := 0
		for _, c := range cands {
			if !t.Step(0) {
				return nil, t.Err()
			}
			next, err := cur.Apply(network.Edit{AddLinks: []network.Link{c.link}})
			t.Step(1)
			if err != nil {
				continue
			}
			step := Compare(now, Measure(next, m, day))
			if !step.improves() {
				continue
			}
			if best == nil || step.better(best.Effect) || !best.Effect.better(step) && c.loc > bestLoc {
				a, _ := cur.Actor(c.link.From)
				b, _ := cur.Actor(c.link.To)
				bestLoc = c.loc
				best = &Recommendation{Action: AddLink, Links: []network.Link{c.link}, Effect: step, Severity: c.rule.Severity,
					Addresses:   []Key{{MissingRelation, c.rule.Name}},
					Explanation: fmt.Sprintf("Link %s with %s (%s, expected relation %s)", a.Label(), b.Label(), c.link.Kind, c.rule.Name)}
				bestNet = next
			}
		}
		if best == nil {
			break
		}
		cur = bestNet
		best.Effect = Compare(base, Measure(cur, m, day), best.Links[0].From, best.Links[0].To)
		out = append(out, *best)
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

// optCandidates returns up to limit candidate links of the optimiser for n:
// the pairs of actors of the two sides of each cooperative relation rule,
// in rule order then ID order, that are not the same actor, not already
// linked by a working link, not in different places, and not seen before.
func optCandidates(n *network.Network, m *Model, day network.Date, limit int) []optCandidate {
	linked := map[[2]string]bool{}
	for _, l := range n.InForce(day).Links() {
		linked[[2]string{l.From, l.To}], linked[[2]string{l.To, l.From}] = true, true
	}
	seen := map[[2]string]bool{}
	var out []optCandidate
	for _, r := range m.Relations {
		if !r.cooperative() {
			continue
		}
		for _, a := range recOfKinds(n, r.From) {
			for _, b := range recOfKinds(n, r.To) {
				if len(out) >= limit {
					return out
				}
				p := [2]string{min(a.ID, b.ID), max(a.ID, b.ID)}
				loc, ok := recLocality(a, b)
				if a.ID == b.ID || !ok || linked[p] || seen[p] {
					continue
				}
				seen[p] = true
				out = append(out, optCandidate{link: network.Link{From: a.ID, To: b.ID, Kind: network.Cooperation, Evidence: ProposedEvidence}, rule: r, loc: loc})
			}
		}
	}
	return out
}

// cooperative reports whether a cooperation link meets the rule.
func (r RelationRule) cooperative() bool {
	return len(r.Links) == 0 || slices.Contains(r.Links, network.Cooperation)
}

// recLocality scores how close two actors are: one point each for the same
// known country and the same known region. Actors whose country or region
// are both known and differ are not candidates for a link (ok is false): a
// labour office is not asked to cooperate with employers of another region.
func recLocality(a, b actor.Actor) (score int, ok bool) {
	for _, f := range [][2]string{{a.Country, b.Country}, {a.Region, b.Region}} {
		switch {
		case f[0] == "" || f[1] == "":
		case f[0] != f[1]:
			return 0, false
		default:
			score++
		}
	}
	return score, true
}

// count writes a number with its noun, in the plural unless it is 1: "1
// planned link", "3 planned links".
func count(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", k, noun)
}

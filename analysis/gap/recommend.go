package gap

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/labournet/labournet/analysis"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/cohesion"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// The actions a Recommendation can propose.
const (
	ActionAddLink      = "add-link"      // create a link between two actors of the network
	ActionActivateLink = "activate-link" // make planned links work
	ActionFillRole     = "fill-role"     // bring an actor into a body as a member
	ActionInvite       = "invite"        // bring a new kind of actor into the network
)

// ProposedEvidence is the Evidence of the links recommendations propose.
const ProposedEvidence = "proposed by labournet"

// Recommendation is a proposed change to the cooperation model with its
// effect, measured by applying it and analysing the changed network again.
type Recommendation struct {
	// Action is one of the Action constants.
	Action string `json:"action"`
	// Links are the links to add (for activate-link, the planned links that
	// should become active, as they will then be).
	Links []network.Link `json:"links"`
	// NewActor is, for invite, a placeholder for the actor to bring in.
	NewActor *actor.Actor `json:"newActor,omitempty"`
	// Addresses names the findings the recommendation answers, as
	// "rule: name".
	Addresses []string `json:"addresses"`
	// Severity is the highest severity among the findings addressed.
	Severity Severity `json:"severity"`
	// Effect is what the change does, measured.
	Effect Effect `json:"effect"`
	// Explanation says in plain language what to do and why.
	Explanation string `json:"explanation"`
}

// ConstraintChange is an actor's Burt constraint before and after a change.
type ConstraintChange struct {
	ID     string         `json:"id"`
	Before analysis.Float `json:"before"`
	After  analysis.Float `json:"after"`
}

// Effect is the measured effect of a change on the working part of a
// network (see Current): its bottlenecks, how many pairs of actors can reach
// each other, the constraint of the actors involved, and the gaps.
type Effect struct {
	// CutPointsBefore and CutPointsAfter count the articulation points;
	// Relieved are the actors that stop being one.
	CutPointsBefore int      `json:"cutPointsBefore"`
	CutPointsAfter  int      `json:"cutPointsAfter"`
	Relieved        []string `json:"relieved"`
	// ReachableBefore and ReachableAfter count the unordered pairs of
	// actors that can reach each other; NewlyConnected is the gain among
	// the actors already there (pairs with an invited newcomer not counted).
	ReachableBefore int64 `json:"reachableBefore"`
	ReachableAfter  int64 `json:"reachableAfter"`
	NewlyConnected  int64 `json:"newlyConnected"`
	// DependentBefore and DependentAfter count the pairs whose connection
	// hangs on a single actor: the sum, over articulation points, of the
	// pairs each one separates.
	DependentBefore int64 `json:"dependentBefore"`
	DependentAfter  int64 `json:"dependentAfter"`
	// Constraint gives the Burt constraint of the actors the change links,
	// before and after (lower means more brokerage opportunities).
	Constraint []ConstraintChange `json:"constraint"`
	// Closed and Opened are the gap findings ("rule: name") that disappear
	// or appear.
	Closed []string `json:"closed"`
	Opened []string `json:"opened"`
}

// state is what Effect compares.
type recState struct {
	cuts      []string
	dependent int64
	reachable int64
	findings  []Finding          // the gaps, sorted as Gaps returns them
	gaps      map[string]Finding // the same, keyed "rule: name"
	snap      *network.Snapshot
}

func recMeasure(n *network.Network, m *Model) recState {
	cur := n.Current()
	s := cur.Snapshot()
	st := recState{snap: s, gaps: map[string]Finding{}}
	for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
		st.cuts = append(st.cuts, c.ID)
		st.dependent += c.Separated
	}
	slices.Sort(st.cuts)
	st.reachable = Reachable(s)
	if m != nil {
		st.findings = Gaps(n, m, GapOptions{})
		for _, f := range st.findings {
			st.gaps[f.Rule+": "+f.Name] = f
		}
	}
	return st
}

// Reachable counts the unordered pairs of actors that can reach each
// other, from Borgatti's fragmentation F = 1 − reachable/(n(n−1)/2).
func Reachable(s *network.Snapshot) int64 {
	n := s.N()
	if n < 2 {
		return 0
	}
	pairs := float64(n) * float64(n-1) / 2
	return int64(math.Round((1 - bottleneck.Fragmentation(s)) * pairs))
}

func recEffect(before, after recState, ids []string) Effect {
	e := Effect{
		CutPointsBefore: len(before.cuts), CutPointsAfter: len(after.cuts),
		ReachableBefore: before.reachable, ReachableAfter: after.reachable,
		NewlyConnected:  after.reachable - before.reachable,
		DependentBefore: before.dependent, DependentAfter: after.dependent,
		Relieved: []string{}, Closed: []string{}, Opened: []string{},
	}
	for _, c := range before.cuts {
		if _, found := slices.BinarySearch(after.cuts, c); !found {
			e.Relieved = append(e.Relieved, c)
		}
	}
	cb, ca := bottleneck.Constraint(before.snap, bottleneck.HolesOptions{}).Map(), bottleneck.Constraint(after.snap, bottleneck.HolesOptions{}).Map()
	for _, id := range ids {
		b, okb := cb[id]
		a, oka := ca[id]
		if !okb {
			b = math.NaN()
		}
		if !oka {
			a = math.NaN()
		}
		e.Constraint = append(e.Constraint, ConstraintChange{ID: id, Before: analysis.Float(b), After: analysis.Float(a)})
	}
	for k := range before.gaps {
		if _, still := after.gaps[k]; !still {
			e.Closed = append(e.Closed, k)
		}
	}
	for k := range after.gaps {
		if _, was := before.gaps[k]; !was {
			e.Opened = append(e.Opened, k)
		}
	}
	slices.Sort(e.Closed)
	slices.Sort(e.Opened)
	return e
}

// better reports whether effect a improves the bottlenecks more than b:
// more pairs newly connected, then fewer pairs depending on a single actor,
// then fewer articulation points, then more gaps closed.
func (a Effect) better(b Effect) bool {
	if a.ReachableAfter != b.ReachableAfter {
		return a.ReachableAfter > b.ReachableAfter
	}
	if a.DependentAfter != b.DependentAfter {
		return a.DependentAfter < b.DependentAfter
	}
	if a.CutPointsAfter != b.CutPointsAfter {
		return a.CutPointsAfter < b.CutPointsAfter
	}
	return len(a.Closed) > len(b.Closed)
}

// improves reports whether the effect reduces bottlenecks at all.
func (a Effect) improves() bool {
	return a.ReachableAfter > a.ReachableBefore || a.DependentAfter < a.DependentBefore || a.CutPointsAfter < a.CutPointsBefore
}

// RecommendOptions configures Recommend. The zero value proposes for every
// gap and bottleneck found.
type RecommendOptions struct {
	// MaxCandidates bounds the pairs tried for one missing relation; 0
	// means 200. Pairs are tried in ID order.
	MaxCandidates int
}

// Recommend proposes changes that close the gaps of n against the model m,
// each checked by applying it and analysing the changed network again
// (Effect). For a missing relation (other than one restricted to link kinds
// that are not cooperation, such as funding) it proposes the cooperation
// link, among the pairs of actors of the two kinds, that best reduces
// bottlenecks (pairs newly
// connected, then pairs depending on a single actor, then articulation
// points); for an actor linked only by planned links, making them work; for a
// body lacking a kind its theme requires, the actor of that kind that best
// fills the role, or inviting one when the network has none; for a missing
// kind, inviting one into the best-connected body. Recommendations are
// ranked by the severity of what they address, then by their effect.
//
// Each candidate costs one analysis of the changed network, O(N + L) plus
// the gap rules, so Recommend takes O(C·(N + L)) for C candidates.
func Recommend(n *network.Network, m *Model, opt RecommendOptions) []Recommendation {
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 200
	}
	base := recMeasure(n, m)
	var out []Recommendation
	try := func(edit network.Edit, ids []string) (Effect, bool) {
		changed, err := n.Apply(edit)
		if err != nil {
			return Effect{}, false
		}
		return recEffect(base, recMeasure(changed, m), ids), true
	}
	for _, f := range base.findings {
		addr := []string{f.Rule + ": " + f.Name}
		switch f.Rule {
		case RuleMissingRelation:
			r, ok := recRelation(m, f.Name)
			if !ok || !r.cooperative() {
				continue
			}
			var best *Recommendation
			tried, bestLoc := 0, 0
			for _, a := range recOfKinds(n, r.From) {
				for _, b := range recOfKinds(n, r.To) {
					loc, ok := recLocality(a, b)
					if a.ID == b.ID || !ok || tried >= maxCand {
						continue
					}
					tried++
					kind := network.Cooperation
					l := network.Link{From: a.ID, To: b.ID, Kind: kind, Evidence: ProposedEvidence}
					eff, ok := try(network.Edit{AddLinks: []network.Link{l}}, []string{a.ID, b.ID})
					if !ok || !slices.Contains(eff.Closed, addr[0]) {
						continue
					}
					if best == nil || eff.better(best.Effect) || !best.Effect.better(eff) && loc > bestLoc {
						best, bestLoc = &Recommendation{Action: ActionAddLink, Links: []network.Link{l}, Effect: eff,
							Explanation: fmt.Sprintf("Link %s with %s (%s): %s", a.Label(), b.Label(), kind, lowerFirst(f.Explanation))}, loc
					}
				}
			}
			if best != nil {
				best.Addresses, best.Severity = addr, f.Severity
				out = append(out, *best)
			}
		case RulePlannedOnly:
			var links []network.Link
			var refs []network.LinkRef
			for _, l := range n.Links() {
				if (l.From == f.Name || l.To == f.Name) && !existing(l) {
					refs = append(refs, network.LinkRef{ID: l.ID, From: l.From, To: l.To, Kind: l.Kind})
					l.Status = network.Active
					links = append(links, l)
				}
			}
			if eff, ok := try(network.Edit{RemoveLinks: refs, AddLinks: links}, f.Actors); ok {
				out = append(out, Recommendation{Action: ActionActivateLink, Links: links, Addresses: addr, Severity: f.Severity, Effect: eff,
					Explanation: fmt.Sprintf("Put the planned cooperation of %s into practice (%d link(s)).", recLabel(n, f.Name), len(links))})
			}
		case RuleBodyMissingKind:
			body := f.Name
			kinds := recKinds(f.Kinds)
			var best *Recommendation
			for _, a := range recOfKinds(n, kinds) {
				l := network.Link{From: a.ID, To: body, Kind: network.Membership, Role: network.RoleMember, Evidence: ProposedEvidence}
				eff, ok := try(network.Edit{AddLinks: []network.Link{l}}, []string{a.ID, body})
				if !ok || !slices.Contains(eff.Closed, addr[0]) {
					continue
				}
				if best == nil || eff.better(best.Effect) {
					best = &Recommendation{Action: ActionFillRole, Links: []network.Link{l}, Effect: eff,
						Explanation: fmt.Sprintf("Bring %s into %s as a member: %s", a.Label(), recLabel(n, body), lowerFirst(f.Explanation))}
				}
			}
			if best == nil {
				best = recInvite(n, m, base, kinds, body, f)
			}
			if best != nil {
				best.Addresses, best.Severity = addr, f.Severity
				out = append(out, *best)
			}
		case RuleMissingKind:
			if rec := recInvite(n, m, base, recKinds(f.Kinds), "", f); rec != nil {
				rec.Addresses, rec.Severity = addr, f.Severity
				out = append(out, *rec)
			}
		}
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
	return out
}

// recInvite proposes a new actor of the first of kinds, as a member of body
// (or, when body is empty, of the body with most members), and measures it.
func recInvite(n *network.Network, m *Model, base recState, kinds []actor.Kind, body string, f Finding) *Recommendation {
	if len(kinds) == 0 {
		return nil
	}
	if body == "" {
		body = recBusiestBody(n)
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
	after := recMeasure(with, m)
	eff := recEffect(base, after, []string{a.ID, body})
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
	return &Recommendation{Action: ActionInvite, NewActor: &a, Links: links, Effect: eff,
		Explanation: fmt.Sprintf("Invite %s%s: %s", orList(kindNames(kinds)), where, lowerFirst(f.Explanation))}
}

// recBusiestBody returns the body with most existing links, ties by ID, or
// "" when the network has no body.
func recBusiestBody(n *network.Network) string {
	deg := map[string]int{}
	for _, l := range n.Current().Links() {
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

func recKinds(names []string) []actor.Kind {
	var ks []actor.Kind
	for _, s := range names {
		if k, err := actor.ParseKind(s); err == nil {
			ks = append(ks, k)
		}
	}
	return ks
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
// the last one shows the combined effect.
//
// Each round costs O(C·(N + L)) for C candidates; greedy selection is not
// guaranteed optimal (the problem is NP-hard in general), but every link
// chosen strictly reduces bottlenecks.
func OptimizeLinks(n *network.Network, m *Model, k int, opt OptimizeOptions) []Recommendation {
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 2000
	}
	base := recMeasure(n, m)
	cur := n
	var out []Recommendation
	for round := 0; round < k; round++ {
		linked := map[[2]string]bool{}
		for _, l := range cur.Current().Links() {
			linked[[2]string{l.From, l.To}], linked[[2]string{l.To, l.From}] = true, true
		}
		now := recMeasure(cur, m)
		var best *Recommendation
		var bestNet *network.Network
		tried, bestLoc := 0, 0
		seen := map[[2]string]bool{}
		for _, r := range m.Relations {
			if !r.cooperative() {
				continue
			}
			for _, a := range recOfKinds(cur, r.From) {
				for _, b := range recOfKinds(cur, r.To) {
					p := [2]string{min(a.ID, b.ID), max(a.ID, b.ID)}
					loc, ok := recLocality(a, b)
					if a.ID == b.ID || !ok || linked[p] || seen[p] || tried >= maxCand {
						continue
					}
					seen[p] = true
					tried++
					kind := network.Cooperation
					l := network.Link{From: a.ID, To: b.ID, Kind: kind, Evidence: ProposedEvidence}
					next, err := cur.Apply(network.Edit{AddLinks: []network.Link{l}})
					if err != nil {
						continue
					}
					step := recEffect(now, recMeasure(next, m), nil)
					if !step.improves() {
						continue
					}
					if best == nil || step.better(best.Effect) || !best.Effect.better(step) && loc > bestLoc {
						bestLoc = loc
						best = &Recommendation{Action: ActionAddLink, Links: []network.Link{l}, Effect: step, Severity: r.Severity,
							Addresses:   []string{RuleMissingRelation + ": " + r.Name},
							Explanation: fmt.Sprintf("Link %s with %s (%s, expected relation %s)", a.Label(), b.Label(), kind, r.Name)}
						bestNet = next
					}
				}
			}
		}
		if best == nil {
			break
		}
		cur = bestNet
		ids := []string{best.Links[0].From, best.Links[0].To}
		best.Effect = recEffect(base, recMeasure(cur, m), ids)
		out = append(out, *best)
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

package gap

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/internal/search"
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
	// MaxAnswered, when above 0, bounds the findings Recommend tries to
	// answer, each at the cost of an analysis of the changed network: only
	// the first MaxAnswered findings of the rules it answers (see Answers),
	// in the order of the gaps (most severe first, then by rule and name),
	// are tried, and the others get no recommendation. 0 tries them all.
	MaxAnswered int
	// Progress, when not nil, is told after each finding how many of the
	// findings have been answered (see analysis.Progress).
	Progress analysis.Progress
	// At is the day the network is analysed on (see GapOptions.At).
	At network.Date
	// Base, when not nil, is the state Measure(n, m, At) returns, for a
	// caller that has measured it already: Recommend then does not measure
	// it again. A state of another network, day or without a model is
	// ignored.
	Base *State
}

// Answers reports whether Recommend tries to answer the findings of rule
// r: missing relations, actors whose links are only planned, bodies lacking
// a kind and missing kinds. The other rules get no recommendation of their
// own.
func Answers(r Rule) bool {
	switch r {
	case MissingRelation, PlannedOnly, BodyMissingKind, MissingKind:
		return true
	}
	return false
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
// Candidate links are scored without re-analysis, as OptimizeLinks scores
// them; the one proposed for each finding is then measured in full: an
// analysis of the network with the change, O(N + L) plus the gap rules,
// made on the network's snapshot and gap index with the links added (see
// bottleneck.AddTies) rather than on a copy of the network. So Recommend
// takes O(F·(N + L) + C·h·log d) for F findings answered (see
// RecommendOptions.MaxAnswered), C candidates and h levels of the
// block–cut tree (see OptimizeLinks). A cancelled ctx stops it with
// ctx.Err() within a candidate.
func Recommend(ctx context.Context, n *network.Network, m *Model, opt RecommendOptions) ([]Recommendation, error) {
	if m == nil {
		return nil, fmt.Errorf("gap: recommend: no model: %w", ErrModel)
	}
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 200
	}
	day := n.Day(opt.At)
	base := opt.Base
	if !base.of(n, m, day) {
		base = Measure(n, m, day)
	}
	sc := newScorer(n, m, day, base)
	ofKinds := kindIndex(base.snap)
	t := search.NewTracker(ctx, len(base.Gaps), opt.Progress)
	// The findings to answer, and the links of the actors linked only by
	// planned links among them, in the order of n's links: all of them
	// (touching) and those planned.
	answer := make([]bool, len(base.Gaps))
	planned, touching := map[string][]network.Link{}, map[string][]network.Link{}
	for i, tried := 0, 0; i < len(base.Gaps); i++ {
		f := base.Gaps[i]
		if !Answers(f.Rule) || opt.MaxAnswered > 0 && tried >= opt.MaxAnswered {
			continue
		}
		answer[i] = true
		tried++
		if f.Rule == PlannedOnly {
			planned[f.Name] = nil
		}
	}
	if len(planned) > 0 {
		of := make([]bool, n.NumActors()) // the actors of planned, by position
		for id := range planned {
			i, _ := n.Index(id)
			of[i] = true
		}
		for i, l := range n.AllLinks() {
			if f, t := n.Ends(i); !of[f] && !of[t] {
				continue
			}
			for _, id := range []string{l.From, l.To} {
				if ls, ok := planned[id]; ok {
					touching[id] = append(touching[id], l)
					if l.PhaseOn(day) == network.NotYet {
						planned[id] = append(ls, l)
					}
				}
			}
		}
	}
	var out []Recommendation
	// try measures the effect of adding links to n.
	try := func(links []network.Link, ids []string) (Effect, bool) {
		after, err := measureChange(base, nil, links)
		if err != nil {
			return Effect{}, false
		}
		return Compare(base, after, ids...), true
	}
	for i, f := range base.Gaps {
		if !t.Step(0) {
			return nil, t.Err()
		}
		if !answer[i] {
			t.Step(1)
			continue
		}
		addr := []Key{f.Key()}
		switch f.Rule {
		case MissingRelation:
			r, ok := recRelation(m, f.Name)
			if !ok || !r.cooperative() {
				break
			}
			// Score every pair without re-analysis; measure the best.
			var best *network.Link
			var bestScore tieScore
			tried, bestLoc := 0, 0
		pairs:
			for _, a := range ofKinds(r.From) {
				for _, b := range ofKinds(r.To) {
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
					got := sc.score(a.ID, b.ID)
					if best == nil || got.better(bestScore) || !bestScore.better(got) && loc > bestLoc {
						best, bestScore, bestLoc = &network.Link{From: a.ID, To: b.ID, Kind: network.Cooperation, Evidence: ProposedEvidence}, got, loc
					}
				}
			}
			if best == nil {
				break
			}
			if eff, ok := try([]network.Link{*best}, []string{best.From, best.To}); ok && slices.Contains(eff.Closed, addr[0]) {
				a, b := sc.g.actor(best.From), sc.g.actor(best.To)
				out = append(out, Recommendation{Action: AddLink, Links: []network.Link{*best}, Effect: eff, Addresses: addr, Severity: f.Severity,
					Explanation: fmt.Sprintf("Link %s with %s (%s): %s", a.Label(), b.Label(), best.Kind, lowerFirst(f.Explanation))})
			}
		case PlannedOnly:
			if !recRemoves(planned[f.Name], touching[f.Name]) {
				break // Apply could not carry the recommendation out
			}
			var links []network.Link
			for _, l := range planned[f.Name] {
				l.Status = network.Active
				if !l.Start.IsZero() && day.Before(l.Start.First()) {
					l.Start = day // starting now, not when it was planned to
				}
				links = append(links, l)
			}
			// Measured without removing the planned links (the working
			// versions added without their IDs, which the planned links
			// still hold): the planned links touch f.Name, which has no
			// link in force, so neither the links in force nor any gap
			// depends on them once the working versions are there, and
			// the effect is that of the whole edit, without a copy of the
			// network that filters links.
			measured := slices.Clone(links)
			for i := range measured {
				measured[i].ID = ""
			}
			if eff, ok := try(measured, f.Actors); ok {
				out = append(out, Recommendation{Action: ActivateLink, Links: links, Addresses: addr, Severity: f.Severity, Effect: eff,
					Explanation: fmt.Sprintf("Put the planned cooperation of %s into practice (%s).", recLabel(n, f.Name), prose.Count(len(links), "planned link"))})
			}
		case BodyMissingKind:
			body := f.Name
			var best *Recommendation
			var pick *network.Link
			var pickScore tieScore
			for _, a := range ofKinds(f.Kinds) {
				if !t.Step(0) {
					return nil, t.Err()
				}
				if !sc.fills(body, a.ID) {
					continue
				}
				got := sc.score(a.ID, body)
				if pick == nil || got.better(pickScore) {
					pick, pickScore = &network.Link{From: a.ID, To: body, Kind: network.Membership, Role: network.RoleMember, Evidence: ProposedEvidence}, got
				}
			}
			if pick != nil {
				if eff, ok := try([]network.Link{*pick}, []string{pick.From, body}); ok && slices.Contains(eff.Closed, addr[0]) {
					best = &Recommendation{Action: FillRole, Links: []network.Link{*pick}, Effect: eff,
						Explanation: fmt.Sprintf("Bring %s into %s as a member: %s", sc.g.label(pick.From), recLabel(n, body), lowerFirst(f.Explanation))}
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
		body = recBusiestBody(base.g)
	}
	k := kinds[0]
	a := actor.Actor{ID: "proposed-" + k.String(), Name: prose.Article(k.Noun()) + " (to be invited)", Kind: k, Aggregate: true}
	for i := 2; ; i++ {
		if _, taken := n.Actor(a.ID); !taken {
			break
		}
		a.ID = fmt.Sprintf("proposed-%s-%d", k, i)
	}
	var links []network.Link
	if body != "" {
		links = append(links, network.Link{From: a.ID, To: body, Kind: network.Membership, Role: network.RoleMember, Evidence: ProposedEvidence})
	}
	after, err := measureChange(base, []actor.Actor{a}, links)
	if err != nil {
		return nil
	}
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
		Explanation: fmt.Sprintf("Invite %s%s: %s", prose.Article(prose.Or(kindNouns(kinds))), where, lowerFirst(f.Explanation))}
}

// recBusiestBody returns the body with most links in force in the index,
// ties by ID, or "" when the network has no body.
func recBusiestBody(g *gapIndex) string {
	best, bestDeg := "", -1
	for _, v := range g.byKind[actor.Body] {
		deg := 0
		for k := g.off[v]; k < g.off[v+1]; k++ {
			deg += int(g.mult[k])
		}
		if id := g.ids[v]; deg > bestDeg || deg == bestDeg && id < best {
			best, bestDeg = id, deg
		}
	}
	return best
}

// recRemoves reports whether the references of Recommendation.Apply to
// the planned links each match a link of touching (all the links of their
// actor) that no earlier one matches, as network.Network.Apply requires.
func recRemoves(planned, touching []network.Link) bool {
	used := make([]bool, len(planned))
	for _, l := range touching {
		for i, p := range planned {
			if refMatches(network.LinkRef{ID: p.ID, From: p.From, To: p.To, Kind: p.Kind}, l) {
				used[i] = true
				break
			}
		}
	}
	return !slices.Contains(used, false)
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

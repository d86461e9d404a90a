package gap

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/prose"
	"github.com/labournet/labournet/network"
)

// Finding is one gap of a network against a reference model.
type Finding struct {
	// Rule is the rule the finding comes from.
	Rule Rule `json:"rule"`
	// Name is the name of the model rule, the target group or the actor
	// concerned: with Rule, the key of the finding (see Key).
	Name string `json:"name"`
	// Title says in a few words what is missing, for a heading: "No
	// university", "Vocational school has no link".
	Title string `json:"title"`
	// Severity is the model rule's severity.
	Severity Severity `json:"severity"`
	// Actors are the IDs of the actors involved, sorted.
	Actors []string `json:"actors"`
	// Explanation says in plain language what is missing.
	Explanation string `json:"explanation"`
	// Reason is the model's reason for the rule, if any.
	Reason string `json:"reason,omitempty"`
	// Kinds are the actor kinds the finding is about (missing kinds, the two
	// sides of a relation, the kinds a body lacks).
	Kinds []actor.Kind `json:"kinds,omitempty"`
}

// Key returns the finding's rule and name, which identify it across two
// analyses.
func (f Finding) Key() Key { return Key{Rule: f.Rule, Name: f.Name} }

// GapOptions configures Gaps. The zero value runs every rule of the model
// and the structural rules, without the single-broker rule.
type GapOptions struct {
	// Communities, when not nil, maps actor IDs to community labels
	// (0-based, as Louvain's groups); the single-broker rule then reports
	// pairs of communities joined through a single actor, numbering them
	// from 1.
	Communities map[string]int
	// At is the day the gaps are found on: a link counts when it is in
	// force that day (see network.Link.PhaseOn). The zero Date means
	// n.Day(Date{}): the network's AsOf, else today.
	At network.Date
}

// Gaps compares n with the reference model m and returns the gaps found,
// sorted by severity (highest first), then rule, name and actors. With a nil
// model only the rules that need none run: isolated and planned-only
// actors, single funders and (with communities) single brokers.
//
// Only links in force on the day opt.At count. A relation rule is met by a link
// between an actor of a From kind and one of a To kind, in either direction,
// or (unless the rule is DirectOnly) by both taking part, through membership
// or partnership links, in a common body or project. A target group is served by an actor that lists it and is not
// itself a target group, by a link that lists it, or by a service or funding
// link to a target-group actor that lists it; where actors name regions, each
// region in which some group is served is checked for every group.
//
// It reads the actors and the links once, into an index of actor
// positions, and applies each rule to that index: O(N + L) time per
// relation rule of the model, plus sorting the actors of a relation that
// is missing.
func Gaps(n *network.Network, m *Model, opt GapOptions) []Finding {
	return newGapIndex(n, opt.At).gaps(m, opt)
}

// gaps applies the rules to the index (see Gaps).
func (g *gapIndex) gaps(m *Model, opt GapOptions) []Finding {
	var out []Finding
	if m != nil {
		out = append(out, g.missingKinds(m)...)
		out = append(out, g.missingRelations(m)...)
		out = append(out, g.unservedGroups(m)...)
		out = append(out, g.bodies(m)...)
		out = append(out, g.missingRoles(m)...)
	}
	out = append(out, g.isolated()...)
	out = append(out, g.singleFunders()...)
	if opt.Communities != nil {
		out = append(out, g.singleBrokers(opt.Communities)...)
	}
	for i := range out {
		if !g.brief {
			out[i].Title = g.title(out[i], m)
		}
		if out[i].Actors == nil {
			out[i].Actors = []string{}
		}
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
			return c
		}
		if c := compareKeys(a.Key(), b.Key()); c != 0 {
			return c
		}
		return slices.Compare(a.Actors, b.Actors)
	})
	return out
}

func (g *gapIndex) missingKinds(m *Model) []Finding {
	var out []Finding
	for _, r := range m.Kinds {
		if g.present(r.AnyOf) {
			continue
		}
		out = append(out, Finding{
			Rule: MissingKind, Name: r.Name, Severity: r.Severity, Reason: r.Reason,
			Kinds:       slices.Clone(r.AnyOf),
			Explanation: fmt.Sprintf("No %s takes part in the network.", prose.Or(kindNouns(r.AnyOf))),
		})
	}
	return out
}

// related reports whether some actor of a From kind of r is related to a
// different actor of a To kind as r asks: by a link in force of one of
// r.Links (any kind when empty) or, unless r.DirectOnly, by both taking
// part, through membership or partnership links, in a common body or
// project other than the To actor. cnt and ex are scratch space of one
// entry per actor, all 0 on entry and on return. It takes O(N + L) time.
func (g *gapIndex) related(r RelationRule, from, to *kindSet, cnt, ex []int32) bool {
	want := ^uint32(0)
	if len(r.Links) > 0 {
		want = 0
		for _, k := range r.Links {
			want |= 1 << k
		}
	}
	froms := g.ofKinds(from)
	for _, a := range froms {
		for k := g.off[a]; k < g.off[a+1]; k++ {
			if b := g.nbr[k]; b != a && to[g.kind[b]] && g.mask[k]&want != 0 {
				return true
			}
		}
	}
	if r.DirectOnly {
		return false
	}
	// cnt[h] counts the To actors other than h taking part in hub h, and
	// ex[h] is one of them.
	var touched []int32
	defer func() {
		for _, h := range touched {
			cnt[h], ex[h] = 0, 0
		}
	}()
	for _, b := range g.ofKinds(to) {
		for k := g.off[b]; k < g.off[b+1]; k++ {
			if h := g.nbr[k]; g.mask[k]&hubLinks != 0 && g.isHub(h) && h != b {
				if cnt[h] == 0 {
					touched = append(touched, h)
				}
				cnt[h]++
				ex[h] = b
			}
		}
	}
	for _, a := range froms {
		for k := g.off[a]; k < g.off[a+1]; k++ {
			if h := g.nbr[k]; g.mask[k]&hubLinks != 0 && g.isHub(h) && (cnt[h] >= 2 || cnt[h] == 1 && ex[h] != a) {
				return true
			}
		}
	}
	return false
}

func (g *gapIndex) missingRelations(m *Model) []Finding {
	var out []Finding
	var cnt, ex []int32
	for _, r := range m.Relations {
		if !g.present(r.From) || !g.present(r.To) {
			continue
		}
		fromSet, toSet := kindsOf(r.From), kindsOf(r.To)
		if cnt == nil {
			cnt, ex = make([]int32, len(g.ids)), make([]int32, len(g.ids))
		}
		if g.related(r, fromSet, toSet, cnt, ex) {
			continue
		}
		if g.brief {
			out = append(out, Finding{Rule: MissingRelation, Name: r.Name, Severity: r.Severity, Reason: r.Reason, Kinds: slices.Concat(r.From, r.To)})
			continue
		}
		planned := false
		for _, e := range g.notYet {
			if fromSet[g.kind[e[0]]] && toSet[g.kind[e[1]]] || fromSet[g.kind[e[1]]] && toSet[g.kind[e[0]]] {
				planned = true
				break
			}
		}
		from, to := g.sortedIDs(g.ofKinds(fromSet)), g.sortedIDs(g.ofKinds(toSet))
		ids := slices.Concat(from, to)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		expl := fmt.Sprintf("The network has %s (%s) and %s (%s), but no link joins them, directly or through a common body or project.",
			prose.Or(kindNouns(r.From)), g.names(from), prose.Or(kindNouns(r.To)), g.names(to))
		if r.DirectOnly {
			expl = fmt.Sprintf("The network has %s (%s) and %s (%s), but no direct link joins them.",
				prose.Or(kindNouns(r.From)), g.names(from), prose.Or(kindNouns(r.To)), g.names(to))
		}
		if planned {
			expl += " A link between them is only planned."
		}
		out = append(out, Finding{
			Rule: MissingRelation, Name: r.Name, Severity: r.Severity, Reason: r.Reason,
			Actors: ids, Kinds: slices.Concat(r.From, r.To), Explanation: expl,
		})
	}
	return out
}

// names lists the labels of up to four actors, then "and N more".
func (g *gapIndex) names(ids []string) string {
	var parts []string
	for i, id := range ids {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ids)-4))
			break
		}
		parts = append(parts, g.label(id))
	}
	return strings.Join(parts, "; ")
}

// GroupCoverage says which actors serve which target groups, overall and in
// each region named by actors.
type GroupCoverage struct {
	// Served maps a target group to the IDs of the actors serving it, sorted.
	Served map[string][]string `json:"served"`
	// ByRegion maps a region to its target groups and their servers. Only
	// regions where some group is served appear.
	ByRegion map[string]map[string][]string `json:"byRegion"`
}

// Coverage returns which actors serve which target groups in n on the day
// at (see GapOptions.At), by the rules Gaps uses: only links in force count. A link serving a group is
// credited to its source; its region is the target's when the target is a
// target-group actor, otherwise the source's.
func Coverage(n *network.Network, at network.Date) GroupCoverage {
	return newGapIndex(n, at).cov
}

func (g *gapIndex) unservedGroups(m *Model) []Finding {
	cov := g.cov
	regions := slices.Sorted(maps.Keys(cov.ByRegion))
	var out []Finding
	for _, r := range m.TargetGroups {
		served := false
		for _, name := range r.AnyOf {
			if len(cov.Served[name]) > 0 {
				served = true
			}
		}
		if !served {
			out = append(out, Finding{
				Rule: UnservedGroup, Name: r.Name, Severity: r.Severity, Reason: r.Reason,
				Explanation: fmt.Sprintf("Nobody in the network serves %s.", prose.Or(groupLabels(r.AnyOf))),
			})
			continue
		}
		if len(regions) < 2 {
			continue
		}
		var missing []string
		for _, reg := range regions {
			ok := false
			for _, name := range r.AnyOf {
				if len(cov.ByRegion[reg][name]) > 0 {
					ok = true
				}
			}
			if !ok {
				missing = append(missing, reg)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sev := r.Severity
		if sev > Low {
			sev--
		}
		out = append(out, Finding{
			Rule: UnservedGroup, Name: r.Name + " in " + strings.Join(missing, ", "), Severity: sev, Reason: r.Reason,
			Explanation: fmt.Sprintf("%s are served elsewhere in the network but by nobody in %s.", prose.Capitalize(r.Name), prose.Or(missing)),
		})
	}
	return out
}

func (g *gapIndex) isolated() []Finding {
	var out []Finding
	sprintf, label := fmt.Sprintf, g.label
	if g.brief { // keys only: no words
		sprintf = func(string, ...any) string { return "" }
		label = func(string) string { return "" }
	}
	for v, id := range g.ids {
		switch {
		case !g.hasAny[v]:
			out = append(out, Finding{Rule: Isolated, Name: id, Severity: Medium, Actors: []string{id},
				Explanation: sprintf("%s has no link to any other actor.", label(id))})
		case g.off[v+1] > g.off[v]:
		case g.waits[v]:
			out = append(out, Finding{Rule: PlannedOnly, Name: id, Severity: Medium, Actors: []string{id},
				Explanation: sprintf("%s has no link in force on %s: its links are only planned.", label(id), g.day)})
		default:
			out = append(out, Finding{Rule: EndedOnly, Name: id, Severity: Low, Actors: []string{id},
				Explanation: sprintf("%s has no link in force on %s: all its links ended before.", label(id), g.day)})
		}
	}
	return out
}

// missing returns the alternatives of theme rule r that none of the actors
// linked to the body at position body meets.
func (g *gapIndex) missing(body int, r ThemeRule) [][]actor.Kind {
	var out [][]actor.Kind
	for _, alt := range r.Requires {
		ok := false
		for k := g.off[body]; k < g.off[body+1]; k++ {
			if slices.Contains(alt, g.kind[g.nbr[k]]) {
				ok = true
				break
			}
		}
		if !ok {
			out = append(out, alt)
		}
	}
	return out
}

func (g *gapIndex) bodies(m *Model) []Finding {
	var out []Finding
	for _, v := range g.byKind[actor.Body] {
		a := g.actor(g.ids[v])
		for _, r := range m.Themes {
			if !slices.Contains(a.Themes, r.Theme) {
				continue
			}
			var lacking []actor.Kind
			for _, alt := range g.missing(int(v), r) {
				lacking = append(lacking, alt...)
			}
			if len(lacking) == 0 {
				continue
			}
			out = append(out, Finding{
				Rule: BodyMissingKind, Name: a.ID, Severity: r.Severity, Reason: r.Reason,
				Actors: []string{a.ID}, Kinds: lacking,
				Explanation: fmt.Sprintf("%s works on %s but has no %s linked to it.", a.Label(), r.Theme, prose.Or(kindNouns(lacking))),
			})
		}
	}
	return out
}

func (g *gapIndex) singleFunders() []Finding {
	var out []Finding
	for i := 0; i < len(g.funders); {
		j := i + 1
		for j < len(g.funders) && g.funders[j][0] == g.funders[i][0] {
			j++
		}
		if j == i+1 {
			id, f := g.ids[g.funders[i][0]], g.ids[g.funders[i][1]]
			fi := Finding{Rule: SingleFunder, Name: id, Severity: Low, Actors: slices.Sorted(slices.Values([]string{id, f}))}
			if !g.brief {
				fi.Explanation = fmt.Sprintf("%s receives money from a single funder, %s: if that funding stops, nothing replaces it.", g.label(id), g.label(f))
			}
			out = append(out, fi)
		}
		i = j
	}
	return out
}

func (g *gapIndex) singleBrokers(comm map[string]int) []Finding {
	type pair struct{ a, b int }
	// For each pair of communities, the links between them and the actors
	// on every one of those links (-1: none).
	type between struct {
		links int
		on    [2]int32
	}
	label := make([]int, len(g.ids))
	size := map[int]int{}
	for v, id := range g.ids {
		c, ok := comm[id]
		if !ok {
			c = -1
		} else {
			size[c]++
		}
		label[v] = c
	}
	pairs := map[pair]*between{}
	for v := range g.ids {
		for k := g.off[v]; k < g.off[v+1]; k++ {
			u := int(g.nbr[k])
			ca, cb := label[v], label[u]
			if u <= v || ca < 0 || cb < 0 || ca == cb {
				continue
			}
			p := pair{min(ca, cb), max(ca, cb)}
			b := pairs[p]
			if b == nil {
				pairs[p] = &between{links: int(g.mult[k]), on: [2]int32{int32(v), int32(u)}}
				continue
			}
			b.links += int(g.mult[k])
			for i, x := range b.on {
				if x != int32(v) && x != int32(u) {
					b.on[i] = -1
				}
			}
		}
	}
	var out []Finding
	keys := slices.Collect(maps.Keys(pairs))
	slices.SortFunc(keys, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	for _, p := range keys {
		if size[p.a] < 2 || size[p.b] < 2 {
			continue
		}
		on := pairs[p].on
		if (on[0] < 0) == (on[1] < 0) {
			continue // none, or both ends of every link: not a single actor
		}
		b := g.ids[max(on[0], on[1])]
		out = append(out, Finding{
			Rule: SingleBroker, Name: fmt.Sprintf("communities %d and %d", p.a+1, p.b+1), Severity: High, Actors: []string{b},
			Explanation: fmt.Sprintf("Communities %d (%d actors) and %d (%d actors) are joined only through %s: every link between them involves it.",
				p.a+1, size[p.a], p.b+1, size[p.b], g.label(b)),
		})
	}
	return out
}

// title says what finding f is about in a few words.
func (g *gapIndex) title(f Finding, m *Model) string {
	label := g.label(f.Name)
	switch f.Rule {
	case MissingKind:
		return "No " + prose.Or(kindNouns(f.Kinds))
	case MissingRelation:
		for _, r := range m.Relations {
			if r.Name == f.Name {
				plural := func(ks []actor.Kind) []string {
					out := kindNouns(ks)
					for i := range out {
						out[i] = prose.Plural(out[i])
					}
					return out
				}
				return prose.Capitalize(prose.Or(plural(r.From))) + " and " + prose.Or(plural(r.To)) + " are not linked"
			}
		}
	case UnservedGroup:
		return prose.Capitalize(f.Name) + ": nobody serves them"
	case Isolated:
		return label + " has no link"
	case PlannedOnly:
		return label + ": planned links only"
	case EndedOnly:
		return label + ": all its links ended"
	case BodyMissingKind:
		return label + " has no " + prose.Or(kindNouns(f.Kinds))
	case SingleBroker:
		return prose.Capitalize(f.Name) + " are joined through one actor only"
	case SingleFunder:
		return label + " has a single funder"
	case MissingRole:
		return "No " + strings.ReplaceAll(f.Name, "-", " ")
	}
	return prose.Capitalize(f.Name)
}

func (g *gapIndex) missingRoles(m *Model) []Finding {
	var out []Finding
	for _, r := range m.Roles {
		found := false
		for _, role := range g.roles {
			if strings.EqualFold(role, r.Role) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, Finding{Rule: MissingRole, Name: r.Name, Severity: r.Severity, Reason: r.Reason,
				Explanation: fmt.Sprintf("No link in force gives its actor the role %q.", r.Role)})
		}
	}
	return out
}

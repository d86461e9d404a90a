package gap

// The gap rules as they were first written, over maps keyed by actor ID and
// copies of the links: the reference the index of gaps.go is checked
// against (TestGapIndexAgreesWithReference).

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

// gaps applies the rules to the index (see Gaps).
func (g *refIndex) gaps(m *Model, opt GapOptions) []Finding {
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
		out[i].Title = g.title(out[i], m)
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

// refIndex holds what the gap rules look up.
type refIndex struct {
	n      *network.Network
	actors []actor.Actor // sorted by ID
	byID   map[string]actor.Actor
	day    network.Date
	links  []network.Link // in force on day
	all    []network.Link
	// adj maps an actor to the actors it has links in force with.
	adj map[string]map[string][]network.LinkKind
	// hubs maps an actor to the bodies and projects it takes part in: those
	// it has a membership or partnership link in force with.
	hubs map[string][]string
}

func newRefIndex(n *network.Network, at network.Date) *refIndex {
	g := &refIndex{n: n, day: n.Day(at), byID: map[string]actor.Actor{}, adj: map[string]map[string][]network.LinkKind{}, hubs: map[string][]string{}}
	g.actors = n.Actors()
	slices.SortFunc(g.actors, func(a, b actor.Actor) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range g.actors {
		g.byID[a.ID] = a
	}
	g.all = n.Links()
	isHub := func(id string) bool {
		k := g.byID[id].Kind
		return k == actor.Body || k == actor.Project
	}
	for _, l := range g.all {
		if !l.InForce(g.day) {
			continue
		}
		g.links = append(g.links, l)
		for _, p := range [][2]string{{l.From, l.To}, {l.To, l.From}} {
			if g.adj[p[0]] == nil {
				g.adj[p[0]] = map[string][]network.LinkKind{}
			}
			g.adj[p[0]][p[1]] = append(g.adj[p[0]][p[1]], l.Kind)
			participates := l.Kind == network.Membership || l.Kind == network.Partnership
			if participates && isHub(p[1]) && !slices.Contains(g.hubs[p[0]], p[1]) {
				g.hubs[p[0]] = append(g.hubs[p[0]], p[1])
			}
		}
	}
	return g
}

func (g *refIndex) ofKinds(kinds []actor.Kind) []string {
	var ids []string
	for _, a := range g.actors {
		if slices.Contains(kinds, a.Kind) {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func (g *refIndex) missingKinds(m *Model) []Finding {
	var out []Finding
	for _, r := range m.Kinds {
		if len(g.ofKinds(r.AnyOf)) > 0 {
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

// related reports whether a and b are related as rule r asks.
func (g *refIndex) related(a, b string, r RelationRule) bool {
	for _, k := range g.adj[a][b] {
		if len(r.Links) == 0 || slices.Contains(r.Links, k) {
			return true
		}
	}
	if r.DirectOnly {
		return false
	}
	for _, h := range g.hubs[a] {
		if h == b {
			continue
		}
		if slices.Contains(g.hubs[b], h) {
			return true
		}
	}
	return false
}

func (g *refIndex) missingRelations(m *Model) []Finding {
	var out []Finding
	for _, r := range m.Relations {
		from, to := g.ofKinds(r.From), g.ofKinds(r.To)
		if len(from) == 0 || len(to) == 0 {
			continue
		}
		met, planned := false, false
	search:
		for _, a := range from {
			for _, b := range to {
				if a != b && g.related(a, b, r) {
					met = true
					break search
				}
			}
		}
		if met {
			continue
		}
		fromSet := map[string]bool{}
		for _, a := range from {
			fromSet[a] = true
		}
		toSet := map[string]bool{}
		for _, b := range to {
			toSet[b] = true
		}
		for _, l := range g.all {
			if l.PhaseOn(g.day) == network.NotYet && (fromSet[l.From] && toSet[l.To] || fromSet[l.To] && toSet[l.From]) {
				planned = true
			}
		}
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
func (g *refIndex) names(ids []string) string {
	var parts []string
	for i, id := range ids {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ids)-4))
			break
		}
		parts = append(parts, g.byID[id].Label())
	}
	return strings.Join(parts, "; ")
}

func (g *refIndex) coverage() GroupCoverage {
	c := GroupCoverage{Served: map[string][]string{}, ByRegion: map[string]map[string][]string{}}
	add := func(group, server, region string) {
		if !slices.Contains(c.Served[group], server) {
			c.Served[group] = append(c.Served[group], server)
		}
		if region == "" {
			return
		}
		if c.ByRegion[region] == nil {
			c.ByRegion[region] = map[string][]string{}
		}
		if !slices.Contains(c.ByRegion[region][group], server) {
			c.ByRegion[region][group] = append(c.ByRegion[region][group], server)
		}
	}
	for _, a := range g.actors {
		if a.Kind == actor.TargetGroup || a.Kind == actor.Fund {
			continue
		}
		for _, tg := range a.TargetGroups {
			add(tg, a.ID, a.Region)
		}
	}
	for _, l := range g.links {
		src, dst := g.byID[l.From], g.byID[l.To]
		region := src.Region
		if dst.Kind == actor.TargetGroup && dst.Region != "" {
			region = dst.Region
		}
		for _, tg := range l.TargetGroups {
			add(tg, l.From, region)
		}
		if dst.Kind == actor.TargetGroup && (l.Kind == network.Service || l.Kind == network.Funding) {
			for _, tg := range dst.TargetGroups {
				add(tg, l.From, region)
			}
		}
	}
	for _, m := range []map[string][]string{c.Served} {
		for k := range m {
			slices.Sort(m[k])
		}
	}
	for _, m := range c.ByRegion {
		for k := range m {
			slices.Sort(m[k])
		}
	}
	return c
}

func (g *refIndex) unservedGroups(m *Model) []Finding {
	cov := g.coverage()
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

func (g *refIndex) isolated() []Finding {
	var iso, notYet, over []string
	hasAny := map[string]bool{}
	waits := map[string]bool{} // has a link not yet in force
	for _, l := range g.all {
		hasAny[l.From], hasAny[l.To] = true, true
		if l.PhaseOn(g.day) == network.NotYet {
			waits[l.From], waits[l.To] = true, true
		}
	}
	for _, a := range g.actors {
		switch {
		case !hasAny[a.ID]:
			iso = append(iso, a.ID)
		case len(g.adj[a.ID]) > 0:
		case waits[a.ID]:
			notYet = append(notYet, a.ID)
		default:
			over = append(over, a.ID)
		}
	}
	var out []Finding
	for _, id := range iso {
		out = append(out, Finding{Rule: Isolated, Name: id, Severity: Medium, Actors: []string{id},
			Explanation: fmt.Sprintf("%s has no link to any other actor.", g.byID[id].Label())})
	}
	for _, id := range notYet {
		out = append(out, Finding{Rule: PlannedOnly, Name: id, Severity: Medium, Actors: []string{id},
			Explanation: fmt.Sprintf("%s has no link in force on %s: its links are only planned.", g.byID[id].Label(), g.day)})
	}
	for _, id := range over {
		out = append(out, Finding{Rule: EndedOnly, Name: id, Severity: Low, Actors: []string{id},
			Explanation: fmt.Sprintf("%s has no link in force on %s: all its links ended before.", g.byID[id].Label(), g.day)})
	}
	return out
}

// missing returns the alternatives of theme rule r that none of the actors
// linked to body meets.
func (g *refIndex) missing(body string, r ThemeRule) [][]actor.Kind {
	var out [][]actor.Kind
	for _, alt := range r.Requires {
		ok := false
		for nb := range g.adj[body] {
			if slices.Contains(alt, g.byID[nb].Kind) {
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

func (g *refIndex) bodies(m *Model) []Finding {
	var out []Finding
	for _, a := range g.actors {
		if a.Kind != actor.Body {
			continue
		}
		for _, r := range m.Themes {
			if !slices.Contains(a.Themes, r.Theme) {
				continue
			}
			var lacking []actor.Kind
			for _, alt := range g.missing(a.ID, r) {
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

func (g *refIndex) singleFunders() []Finding {
	funders := map[string][]string{}
	for _, l := range g.links {
		if l.Kind != network.Funding {
			continue
		}
		to, from := l.To, l.From
		if !l.IsDirected() {
			continue
		}
		if !slices.Contains(funders[to], from) {
			funders[to] = append(funders[to], from)
		}
	}
	var out []Finding
	for _, id := range slices.Sorted(maps.Keys(funders)) {
		if len(funders[id]) != 1 {
			continue
		}
		f := funders[id][0]
		out = append(out, Finding{
			Rule: SingleFunder, Name: id, Severity: Low, Actors: slices.Sorted(slices.Values([]string{id, f})),
			Explanation: fmt.Sprintf("%s receives money from a single funder, %s: if that funding stops, nothing replaces it.", g.byID[id].Label(), g.byID[f].Label()),
		})
	}
	return out
}

func (g *refIndex) singleBrokers(comm map[string]int) []Finding {
	type pair struct{ a, b int }
	brokers := map[pair]map[string]int{} // candidate actor -> number of between-links it is on
	count := map[pair]int{}
	size := map[int]int{}
	for _, a := range g.actors {
		if c, ok := comm[a.ID]; ok {
			size[c]++
		}
	}
	for _, l := range g.links {
		ca, oka := comm[l.From]
		cb, okb := comm[l.To]
		if !oka || !okb || ca == cb {
			continue
		}
		p := pair{min(ca, cb), max(ca, cb)}
		count[p]++
		if brokers[p] == nil {
			brokers[p] = map[string]int{}
		}
		brokers[p][l.From]++
		brokers[p][l.To]++
	}
	var out []Finding
	pairs := slices.Collect(maps.Keys(count))
	slices.SortFunc(pairs, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	for _, p := range pairs {
		if size[p.a] < 2 || size[p.b] < 2 {
			continue
		}
		var single []string
		for id, k := range brokers[p] {
			if k == count[p] {
				single = append(single, id)
			}
		}
		if len(single) != 1 {
			continue
		}
		b := single[0]
		out = append(out, Finding{
			Rule: SingleBroker, Name: fmt.Sprintf("communities %d and %d", p.a+1, p.b+1), Severity: High, Actors: []string{b},
			Explanation: fmt.Sprintf("Communities %d (%d actors) and %d (%d actors) are joined only through %s: every link between them involves it.",
				p.a+1, size[p.a], p.b+1, size[p.b], g.byID[b].Label()),
		})
	}
	return out
}

// title says what finding f is about in a few words.
func (g *refIndex) title(f Finding, m *Model) string {
	label := g.byID[f.Name].Label()
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

func (g *refIndex) missingRoles(m *Model) []Finding {
	var out []Finding
	for _, r := range m.Roles {
		found := false
		for _, l := range g.links {
			if strings.EqualFold(l.Role, r.Role) {
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

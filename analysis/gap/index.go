package gap

import (
	"cmp"
	"maps"
	"slices"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// gapIndex holds what the gap rules look up, by the actors' positions in n
// (see network.Network.Index and AllActors). newGapIndex builds it in one
// pass over the actors and one over the links, without copying either:
// O(N + L) time and memory, plus sorting each actor's contacts.
type gapIndex struct {
	n   *network.Network
	day network.Date
	// ids and kind are the actors' IDs and kinds, byKind the positions of
	// the actors of each kind, ascending.
	ids    []string
	kind   []actor.Kind
	byKind [256][]int32
	// For actor v, nbr[off[v]:off[v+1]] are the actors it has links in
	// force with, ascending, each once; mask the kinds of those links as
	// bits (1 << kind) and mult how many links there are.
	off  []int
	nbr  []int32
	mask []uint32
	mult []int32
	// hasAny marks the actors with some link, in force or not; waits those
	// with a link not yet in force, and notYet lists the ends of those
	// links.
	hasAny []bool
	waits  []bool
	notYet [][2]int32
	// funders are the (receiver, funder) pairs of the directed funding
	// links in force, each once, ascending.
	funders [][2]int32
	// roles are the distinct roles of the links in force.
	roles []string
	// cov is the target-group coverage (see Coverage).
	cov GroupCoverage
	// brief leaves out of the findings all but their keys, severities
	// and (for the rules about one actor) actors: no title, explanation
	// or list of the actors of a relation. A what-if comparison needs no
	// more.
	brief bool
}

// hubLinks are the kinds of link by which an actor takes part in a body or
// project.
const hubLinks = 1<<network.Membership | 1<<network.Partnership

// kindSet marks actor kinds.
type kindSet [256]bool

func kindsOf(ks []actor.Kind) *kindSet {
	var s kindSet
	for _, k := range ks {
		s[k] = true
	}
	return &s
}

func newGapIndex(n *network.Network, at network.Date) *gapIndex {
	na := n.NumActors()
	g := &gapIndex{n: n, day: n.Day(at), ids: make([]string, na), kind: make([]actor.Kind, na),
		hasAny: make([]bool, na), waits: make([]bool, na)}
	cov := coverageBuilder{served: map[string]map[string]bool{}, byRegion: map[string]map[string]map[string]bool{}}
	for i, a := range n.AllActors() {
		g.ids[i], g.kind[i] = a.ID, a.Kind
		g.byKind[a.Kind] = append(g.byKind[a.Kind], int32(i))
		if a.Kind == actor.TargetGroup || a.Kind == actor.Fund {
			continue
		}
		for _, tg := range a.TargetGroups {
			cov.add(tg, a.ID, a.Region)
		}
	}
	// The links in force, as their ends and kinds.
	var ends [][2]int32
	var kinds []network.LinkKind
	roles := map[string]bool{}
	lastRole := ""
	for i, l := range n.AllLinks() {
		f, t := n.Ends(i)
		g.hasAny[f], g.hasAny[t] = true, true
		switch l.PhaseOn(g.day) {
		case network.NotYet:
			g.waits[f], g.waits[t] = true, true
			g.notYet = append(g.notYet, [2]int32{int32(f), int32(t)})
			continue
		case network.Over:
			continue
		}
		ends = append(ends, [2]int32{int32(f), int32(t)})
		kinds = append(kinds, l.Kind)
		if len(roles) == 0 || l.Role != lastRole {
			roles[l.Role], lastRole = true, l.Role
		}
		if l.Kind == network.Funding && l.IsDirected() {
			g.funders = append(g.funders, [2]int32{int32(t), int32(f)})
		}
		linkCoverage(n, l, g.kind[t] == actor.TargetGroup, cov.add)
	}
	g.cov = cov.result()
	g.roles = slices.Sorted(maps.Keys(roles))
	slices.SortFunc(g.funders, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	g.funders = slices.Compact(g.funders)
	g.adjacency(ends, kinds)
	return g
}

// linkCoverage tells add the target groups the link l in force serves: a
// link serving a group is credited to its source; its region is the
// target's when the target is a target-group actor (toGroup), otherwise the
// source's.
func linkCoverage(n *network.Network, l network.Link, toGroup bool, add func(group, server, region string)) {
	serves := toGroup && (l.Kind == network.Service || l.Kind == network.Funding)
	if len(l.TargetGroups) == 0 && !serves {
		return
	}
	src, _ := n.Actor(l.From)
	dst, _ := n.Actor(l.To)
	region := src.Region
	if toGroup && dst.Region != "" {
		region = dst.Region
	}
	for _, tg := range l.TargetGroups {
		add(tg, l.From, region)
	}
	if serves {
		for _, tg := range dst.TargetGroups {
			add(tg, l.From, region)
		}
	}
}

// adjacency builds the contact rows of the links in force, given by their
// ends and kinds: each link is an arc both ways, bucketed by its tail, then
// each row is sorted and its arcs to the same actor merged.
func (g *gapIndex) adjacency(ends [][2]int32, kinds []network.LinkKind) {
	na := len(g.ids)
	start := make([]int, na+1)
	for _, e := range ends {
		start[e[0]+1]++
		start[e[1]+1]++
	}
	for v := range na {
		start[v+1] += start[v]
	}
	// An arc is its head and kind packed: head<<8 | kind, so that a sorted
	// row is in order of head.
	arcs := make([]uint64, start[na])
	fill := slices.Clone(start[:na])
	for i, e := range ends {
		k := uint64(kinds[i])
		arcs[fill[e[0]]] = uint64(e[1])<<8 | k
		fill[e[0]]++
		arcs[fill[e[1]]] = uint64(e[0])<<8 | k
		fill[e[1]]++
	}
	fill = nil
	g.off = make([]int, na+1)
	for v := range na {
		row := arcs[start[v]:start[v+1]]
		slices.Sort(row)
		d := 0
		for i, a := range row {
			if i == 0 || a>>8 != row[i-1]>>8 {
				d++
			}
		}
		g.off[v+1] = g.off[v] + d
	}
	g.nbr, g.mask, g.mult = make([]int32, g.off[na]), make([]uint32, g.off[na]), make([]int32, g.off[na])
	for v := range na {
		k := g.off[v] - 1
		for i, a := range arcs[start[v]:start[v+1]] {
			if i == 0 || a>>8 != uint64(g.nbr[k]) {
				k++
				g.nbr[k] = int32(a >> 8)
			}
			g.mask[k] |= 1 << (a & 0xff)
			g.mult[k]++
		}
	}
}

// linked reports whether the actors a and b have a link in force.
func (g *gapIndex) linked(a, b string) bool {
	ia, oka := g.n.Index(a)
	ib, okb := g.n.Index(b)
	if !oka || !okb {
		return false
	}
	_, found := slices.BinarySearch(g.nbr[g.off[ia]:g.off[ia+1]], int32(ib))
	return found
}

// isHub reports whether the actor at v is a body or a project.
func (g *gapIndex) isHub(v int32) bool {
	return g.kind[v] == actor.Body || g.kind[v] == actor.Project
}

// present reports whether the network has an actor of one of kinds.
func (g *gapIndex) present(kinds []actor.Kind) bool {
	for _, k := range kinds {
		if len(g.byKind[k]) > 0 {
			return true
		}
	}
	return false
}

// ofKinds returns the positions of the actors of kinds (each kind once).
func (g *gapIndex) ofKinds(kinds *kindSet) []int32 {
	var out []int32
	for k, in := range kinds {
		if in {
			out = append(out, g.byKind[k]...)
		}
	}
	return out
}

// sortedIDs returns the IDs of the actors at positions, sorted.
func (g *gapIndex) sortedIDs(pos []int32) []string {
	ids := make([]string, len(pos))
	for i, v := range pos {
		ids[i] = g.ids[v]
	}
	slices.Sort(ids)
	return ids
}

// kindOf returns the kind of the actor id (the zero Kind for no actor).
func (g *gapIndex) kindOf(id string) actor.Kind {
	if i, ok := g.n.Index(id); ok {
		return g.kind[i]
	}
	return 0
}

// actor returns the actor id (the zero Actor for no actor).
func (g *gapIndex) actor(id string) actor.Actor {
	a, _ := g.n.Actor(id)
	return a
}

// label returns the label of the actor id ("" for no actor).
func (g *gapIndex) label(id string) string {
	if a, ok := g.n.Actor(id); ok {
		return a.Label()
	}
	return ""
}

// coverageBuilder gathers the servers of each target group, overall and by
// region, as sets.
type coverageBuilder struct {
	served   map[string]map[string]bool
	byRegion map[string]map[string]map[string]bool
}

func (c *coverageBuilder) add(group, server, region string) {
	if c.served[group] == nil {
		c.served[group] = map[string]bool{}
	}
	c.served[group][server] = true
	if region == "" {
		return
	}
	if c.byRegion[region] == nil {
		c.byRegion[region] = map[string]map[string]bool{}
	}
	if c.byRegion[region][group] == nil {
		c.byRegion[region][group] = map[string]bool{}
	}
	c.byRegion[region][group][server] = true
}

// result returns the coverage with each list of servers sorted.
func (c *coverageBuilder) result() GroupCoverage {
	out := GroupCoverage{Served: map[string][]string{}, ByRegion: map[string]map[string][]string{}}
	for group, set := range c.served {
		out.Served[group] = slices.Sorted(maps.Keys(set))
	}
	for region, groups := range c.byRegion {
		out.ByRegion[region] = map[string][]string{}
		for group, set := range groups {
			out.ByRegion[region][group] = slices.Sorted(maps.Keys(set))
		}
	}
	return out
}

// plus returns the index of n, which is g's network with the actors and
// links given appended to its actors and links (as network.Network.View
// and AddActor, AddLink make it), without reading the rest of n again: the
// index is g's, shared where unchanged, with those links merged in. It
// takes O(N + L) time, mostly copying.
func (g *gapIndex) plus(n *network.Network, actors []actor.Actor, links []network.Link) *gapIndex {
	h := *g
	h.n = n
	h.ids, h.kind = slices.Clip(g.ids), slices.Clip(g.kind)
	for k := range h.byKind {
		h.byKind[k] = slices.Clip(g.byKind[k])
	}
	h.hasAny, h.waits = slices.Clone(g.hasAny), slices.Clone(g.waits)
	h.notYet, h.roles = slices.Clip(g.notYet), slices.Clip(g.roles)
	var cov *coverageBuilder
	covAdd := func(group, server, region string) {
		if cov == nil {
			cov = coverageOf(g.cov)
		}
		cov.add(group, server, region)
	}
	for _, a := range actors {
		i := int32(len(h.ids))
		h.ids, h.kind = append(h.ids, a.ID), append(h.kind, a.Kind)
		h.byKind[a.Kind] = append(h.byKind[a.Kind], i)
		h.hasAny, h.waits = append(h.hasAny, false), append(h.waits, false)
		if a.Kind != actor.TargetGroup && a.Kind != actor.Fund {
			for _, tg := range a.TargetGroups {
				covAdd(tg, a.ID, a.Region)
			}
		}
	}
	var ends [][2]int32
	var kinds []network.LinkKind
	funders := false
	for _, l := range links {
		fi, _ := n.Index(l.From)
		ti, _ := n.Index(l.To)
		f, t := int32(fi), int32(ti)
		h.hasAny[f], h.hasAny[t] = true, true
		switch l.PhaseOn(h.day) {
		case network.NotYet:
			h.waits[f], h.waits[t] = true, true
			h.notYet = append(h.notYet, [2]int32{f, t})
			continue
		case network.Over:
			continue
		}
		ends = append(ends, [2]int32{f, t})
		kinds = append(kinds, l.Kind)
		if _, found := slices.BinarySearch(h.roles, l.Role); !found {
			h.roles = slices.Insert(slices.Clone(h.roles), 0, l.Role)
			slices.Sort(h.roles)
		}
		if l.Kind == network.Funding && l.IsDirected() {
			if !funders {
				h.funders, funders = slices.Clone(g.funders), true
			}
			h.funders = append(h.funders, [2]int32{t, f})
		}
		linkCoverage(n, l, h.kind[t] == actor.TargetGroup, covAdd)
	}
	if funders {
		slices.SortFunc(h.funders, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
		h.funders = slices.Compact(h.funders)
	}
	if cov != nil {
		h.cov = cov.result()
	}
	h.mergeArcs(g, ends, kinds)
	return &h
}

// mergeArcs sets h's contact rows to g's (over g's actors; h may have more)
// with the links of the given ends and kinds added.
func (h *gapIndex) mergeArcs(g *gapIndex, ends [][2]int32, kinds []network.LinkKind) {
	na := len(h.ids)
	if len(ends) == 0 && na == len(g.ids) {
		return // shared
	}
	// The new arcs of each actor that has some, as in adjacency.
	extra := map[int32][]uint64{}
	for i, e := range ends {
		k := uint64(kinds[i])
		extra[e[0]] = append(extra[e[0]], uint64(e[1])<<8|k)
		extra[e[1]] = append(extra[e[1]], uint64(e[0])<<8|k)
	}
	type row struct {
		nbr  []int32
		mask []uint32
		mult []int32
	}
	rows := map[int32]row{}
	for v, arcs := range extra {
		slices.Sort(arcs)
		var r row
		if int(v) < len(g.ids) {
			lo, hi := g.off[v], g.off[v+1]
			r = row{slices.Clone(g.nbr[lo:hi]), slices.Clone(g.mask[lo:hi]), slices.Clone(g.mult[lo:hi])}
		}
		for _, a := range arcs {
			w := int32(a >> 8)
			i, found := slices.BinarySearch(r.nbr, w)
			if !found {
				r.nbr, r.mask, r.mult = slices.Insert(r.nbr, i, w), slices.Insert(r.mask, i, 0), slices.Insert(r.mult, i, 0)
			}
			r.mask[i] |= 1 << (a & 0xff)
			r.mult[i]++
		}
		rows[v] = r
	}
	h.off = make([]int, na+1)
	for v := range na {
		d := 0
		if r, ok := rows[int32(v)]; ok {
			d = len(r.nbr)
		} else if v < len(g.ids) {
			d = g.off[v+1] - g.off[v]
		}
		h.off[v+1] = h.off[v] + d
	}
	h.nbr, h.mask, h.mult = make([]int32, h.off[na]), make([]uint32, h.off[na]), make([]int32, h.off[na])
	// Copy the unchanged stretches of rows in one go each.
	changed := slices.Sorted(maps.Keys(rows))
	from := 0                      // first actor not copied yet
	copyRows := func(lo, hi int) { // g's rows of actors lo..hi-1, all unchanged
		if lo >= hi || lo >= len(g.ids) {
			return
		}
		hi = min(hi, len(g.ids))
		a, b := g.off[lo], g.off[hi]
		copy(h.nbr[h.off[lo]:], g.nbr[a:b])
		copy(h.mask[h.off[lo]:], g.mask[a:b])
		copy(h.mult[h.off[lo]:], g.mult[a:b])
	}
	for _, v := range changed {
		copyRows(from, int(v))
		r := rows[v]
		copy(h.nbr[h.off[v]:], r.nbr)
		copy(h.mask[h.off[v]:], r.mask)
		copy(h.mult[h.off[v]:], r.mult)
		from = int(v) + 1
	}
	copyRows(from, na)
}

// coverageOf returns a builder holding the coverage c.
func coverageOf(c GroupCoverage) *coverageBuilder {
	b := &coverageBuilder{served: map[string]map[string]bool{}, byRegion: map[string]map[string]map[string]bool{}}
	for group, ids := range c.Served {
		for _, id := range ids {
			b.add(group, id, "")
		}
	}
	for region, groups := range c.ByRegion {
		for group, ids := range groups {
			for _, id := range ids {
				b.add(group, id, region)
			}
		}
	}
	return b
}

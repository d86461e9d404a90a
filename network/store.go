package network

import (
	"maps"
	"slices"
)

// How a Network keeps its links. A Link is 232 bytes of strings, pointers
// and ints; at millions of links that is gigabytes, and every one of its
// pointers is work for the garbage collector. The network keeps instead a
// record of 48 bytes per link: the ends as positions among the actors, the
// role as a string shared by every link with that role, the dates packed
// into 32 bits each, and the fields most links leave empty (ID, label,
// evidence, money, cadence, target groups, attributes) out of line, in a
// table only the links that have them use. Links are made back into Link
// values when read (Links, AllLinks, Link), and analyses read the records
// directly: a snapshot or a view of five million links does not look up
// ten million IDs.

// link is a link as a Network keeps it.
type link struct {
	from, to   int32 // positions in Network.actors
	role       string
	weight     float64
	start, end packedDate
	more       int32 // 1 + position in Network.more; 0 when none of its fields is set
	kind       LinkKind
	direction  Direction
	status     Status
}

// linkMore holds the fields of a link that most links leave empty.
type linkMore struct {
	id, label, evidence string
	money               *Money
	cadence             Cadence
	targetGroups        []string
	attrs               map[string]string
}

// packedDate is a valid Date in 23 bits: year, month and day.
type packedDate uint32

func packDate(d Date) packedDate {
	return packedDate(d.Year<<9 | d.Month<<5 | d.Day)
}

func (p packedDate) date() Date {
	return Date{Year: int(p >> 9), Month: int(p >> 5 & 15), Day: int(p & 31)}
}

// directed reports whether r points from its source to its target (see
// Link.IsDirected).
func (r *link) directed() bool {
	switch r.direction {
	case Directed:
		return true
	case Undirected:
		return false
	}
	return r.kind.Directed()
}

// effectiveWeight is Link.EffectiveWeight.
func (r *link) effectiveWeight() float64 {
	if r.weight == 0 {
		return 1
	}
	return r.weight
}

// timing returns a Link holding r's dates and status only, which is all
// Link.PhaseOn reads.
func (r *link) timing() Link {
	return Link{Start: r.start.date(), End: r.end.date(), Status: r.status}
}

// linkOf makes the record r back into a Link. Its pointer, slice and map
// are shared with the network.
func (n *Network) linkOf(r *link) Link {
	l := Link{
		From: n.actors[r.from].ID, To: n.actors[r.to].ID,
		Kind: r.kind, Direction: r.direction, Role: r.role, Weight: r.weight,
		Start: r.start.date(), End: r.end.date(), Status: r.status,
	}
	if r.more > 0 {
		m := &n.more[r.more-1]
		l.ID, l.Label, l.Evidence = m.id, m.label, m.evidence
		l.Money, l.Cadence = m.money, m.cadence
		l.TargetGroups, l.Attrs = m.targetGroups, m.attrs
	}
	return l
}

// store appends l, already checked, between the actors at from and to.
// Its money, target groups and attributes are copied when clone is set
// (they come from a caller) and shared when not (they come from another
// network, which never changes them).
func (n *Network) store(from, to int, l *Link, clone bool) {
	r := link{
		from: int32(from), to: int32(to), role: n.intern(l.Role), weight: l.Weight,
		start: packDate(l.Start), end: packDate(l.End),
		kind: l.Kind, direction: l.Direction, status: l.Status,
	}
	if l.ID != "" || l.Label != "" || l.Evidence != "" || l.Money != nil || l.Cadence != (Cadence{}) || l.TargetGroups != nil || l.Attrs != nil {
		m := linkMore{
			id: l.ID, label: l.Label, evidence: l.Evidence, money: l.Money, cadence: l.Cadence,
			targetGroups: l.TargetGroups, attrs: l.Attrs,
		}
		if clone {
			c := l.Clone()
			m.money, m.targetGroups, m.attrs = c.Money, c.TargetGroups, c.Attrs
		}
		n.more = append(n.more, m)
		r.more = int32(len(n.more))
	}
	n.indexLinkID(l.ID)
	n.links = append(n.links, r)
}

// indexLinkID notes the ID of the link about to be appended, if it has one.
func (n *Network) indexLinkID(id string) {
	if id == "" {
		return
	}
	if n.linkIDs == nil {
		n.linkIDs = make(map[string]int)
	}
	n.linkIDs[id] = len(n.links)
}

// copyLink appends record r of network src, whose ends are at from and to
// in n. Both networks share its out-of-line fields.
func (n *Network) copyLink(src *Network, r link, from, to int32) {
	r.from, r.to = from, to
	if r.more > 0 {
		m := src.more[r.more-1]
		n.more = append(n.more, m)
		r.more = int32(len(n.more))
		n.indexLinkID(m.id)
	}
	n.links = append(n.links, r)
}

// intern returns the network's copy of the role s, so that every link with
// the same role shares one string.
func (n *Network) intern(s string) string {
	if s == "" {
		return ""
	}
	if v, ok := n.roles[s]; ok {
		return v
	}
	if n.roles == nil {
		n.roles = make(map[string]string)
	}
	n.roles[s] = s
	return s
}

// shareLinks makes n share src's links, whose actors are n's at the same
// positions: an append to either copies first.
func (n *Network) shareLinks(src *Network) {
	n.links = src.links[:len(src.links):len(src.links)]
	n.more = src.more[:len(src.more):len(src.more)]
	n.linkIDs = maps.Clone(src.linkIDs)
	n.roles = nil
}

// growLinks makes room for k more links.
func (n *Network) growLinks(k int) {
	n.links = slices.Grow(n.links, k)
}

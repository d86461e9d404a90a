package eu

import (
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// Filter keeps part of an imported network. Its zero value keeps
// everything. The criteria combine with AND.
//
// Programmes, Calls, Topics and the period select projects. Countries and
// NUTS select an area: a project is kept when one of its participants is
// in the area, with all its participants, those outside marked with the
// attribute "outside" = "true" (the area's links to elsewhere); Strict
// keeps only the participants in the area.
type Filter struct {
	// Programmes keeps projects of these programmes, named as the source
	// names them ("Horizon 2020", "HORIZON"), in any case.
	Programmes []string
	// Calls keeps projects whose call starts with one of these
	// ("H2020-MSCA"), in any case.
	Calls []string
	// Topics keeps projects with a topic that starts with one of these
	// ("HORIZON-CL2"), in any case.
	Topics []string
	// Countries keeps the area of these countries (ISO 3166-1 codes; the
	// EU's "EL" and "UK" are taken).
	Countries []string
	// NUTS keeps the area of the regions whose NUTS codes start with one
	// of these ("CZ05" holds CZ051 Liberec), in any case.
	NUTS []string
	// From and To keep projects that run on some day between them (either
	// may be open); a project with no dates is left out when either is
	// given.
	From, To network.Date
	// Strict keeps only the participants in the area, not their partners
	// elsewhere.
	Strict bool
}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool {
	return len(f.Programmes) == 0 && len(f.Calls) == 0 && len(f.Topics) == 0 && len(f.Countries) == 0 &&
		len(f.NUTS) == 0 && f.From.IsZero() && f.To.IsZero()
}

// area reports whether the filter names an area.
func (f Filter) area() bool { return len(f.Countries) > 0 || len(f.NUTS) > 0 }

// inArea reports whether an organisation is in the filter's area.
func (f Filter) inArea(a actor.Actor) bool {
	if len(f.Countries) > 0 && !slices.ContainsFunc(f.Countries, func(c string) bool {
		if code, ok := country(strings.ToUpper(strings.TrimSpace(c))); ok {
			c = code
		}
		return c == a.Country
	}) {
		return false
	}
	if len(f.NUTS) > 0 && !slices.ContainsFunc(f.NUTS, func(p string) bool {
		return a.Region != "" && strings.HasPrefix(strings.ToUpper(a.Region), strings.ToUpper(strings.TrimSpace(p)))
	}) {
		return false
	}
	return true
}

// keepProject reports whether a project actor passes the project criteria.
func (f Filter) keepProject(a actor.Actor) bool {
	prefix := func(list []string, v string) bool {
		if len(list) == 0 {
			return true
		}
		for _, part := range strings.Split(v, ";") {
			part = strings.ToLower(strings.TrimSpace(part))
			for _, p := range list {
				if p = strings.ToLower(strings.TrimSpace(p)); p != "" && strings.HasPrefix(part, p) {
					return true
				}
			}
		}
		return false
	}
	if len(f.Programmes) > 0 && !slices.ContainsFunc(f.Programmes, func(p string) bool {
		return strings.EqualFold(strings.TrimSpace(p), a.Attrs["programme"])
	}) {
		return false
	}
	if !prefix(f.Calls, a.Attrs["call"]) || !prefix(f.Topics, a.Attrs["topic"]) {
		return false
	}
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	start, err1 := network.ParseDate(a.Attrs["start"])
	end, err2 := network.ParseDate(a.Attrs["end"])
	if err1 != nil || err2 != nil || start.IsZero() && end.IsZero() {
		return false
	}
	if !f.To.IsZero() && !start.IsZero() && f.To.Last().Before(start.First()) {
		return false
	}
	if !f.From.IsZero() && !end.IsZero() && end.Last().Before(f.From.First()) {
		return false
	}
	return true
}

// isOrg reports whether an actor of an imported network is an
// organisation: not a project, programme or fund.
func isOrg(a actor.Actor) bool {
	return a.Kind != actor.Project && a.Kind != actor.Programme && a.Kind != actor.Fund
}

// Select returns the part of an imported network (see Import) that f
// keeps: the projects f selects, their participants (in the area only,
// when f is Strict), and the programmes and funds of those projects. An
// area's participants elsewhere get the attribute "outside" = "true". It
// does not change n, and takes O(N + L) time.
func Select(n *network.Network, f Filter) *network.Network {
	actors := n.Actors()
	byID := make(map[string]actor.Actor, len(actors))
	for _, a := range actors {
		byID[a.ID] = a
	}
	keepProj := map[string]bool{}
	members := map[string][]string{}
	for _, l := range n.AllLinks() {
		if l.Kind == network.Partnership && byID[l.To].Kind == actor.Project {
			members[l.To] = append(members[l.To], l.From)
		}
	}
	for _, a := range actors {
		if a.Kind != actor.Project || !f.keepProject(a) {
			continue
		}
		if f.area() && !slices.ContainsFunc(members[a.ID], func(m string) bool { return f.inArea(byID[m]) }) {
			continue
		}
		keepProj[a.ID] = true
	}
	keep := map[string]bool{}
	outside := map[string]bool{}
	for p := range keepProj {
		keep[p] = true
		for _, m := range members[p] {
			in := !f.area() || f.inArea(byID[m])
			if in || !f.Strict {
				keep[m] = true
			}
			if !in {
				outside[m] = true
			}
		}
	}
	// Programmes and funds of the kept projects.
	for _, l := range n.AllLinks() {
		if l.Kind == network.Governance && keepProj[l.To] {
			keep[l.From] = true
		}
	}
	for _, l := range n.AllLinks() {
		if l.Kind == network.Funding && byID[l.To].Kind == actor.Programme && keep[l.To] {
			keep[l.From] = true
		}
	}
	v := n.View(network.Filter{
		Actor: func(a actor.Actor) bool { return keep[a.ID] },
		Link: func(l network.Link) bool {
			if p := l.Attrs["project"]; l.Kind == network.Funding && p != "" {
				return keepProj[p]
			}
			return true
		},
	})
	if len(outside) == 0 {
		return v
	}
	out := network.New(v.Name)
	out.Description, out.Attrs, out.AsOf = v.Description, v.Attrs, v.AsOf
	for _, a := range v.Actors() {
		if outside[a.ID] && isOrg(a) {
			a = a.Clone()
			if a.Attrs == nil {
				a.Attrs = map[string]string{}
			}
			a.Attrs["outside"] = "true"
		}
		_ = out.AddActor(a) // valid in n
	}
	for _, l := range v.AllLinks() {
		_ = out.AddLink(l)
	}
	return out
}

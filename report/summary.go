package report

import (
	"github.com/labournet/labournet/network"
)

// Summary gives the basic figures of a network: how many actors of each kind
// and level, how many links of each kind and status, and the period its
// dated links cover.
type Summary struct {
	Name   string `json:"name"`
	Actors int    `json:"actors"`
	Links  int    `json:"links"`
	// Aggregates is the number of actors standing for several organisations,
	// and UnknownSize how many of them do not say how many. Represented is
	// the number of organisations all actors stand for (an aggregate of 8
	// municipalities counts 8); an aggregate of unknown size counts 1, so
	// that with UnknownSize > 0 it is a lower bound.
	Aggregates  int            `json:"aggregates"`
	UnknownSize int            `json:"unknownSize"`
	Represented int            `json:"represented"`
	ByKind      map[string]int `json:"actorsByKind"`
	ByLevel     map[string]int `json:"actorsByLevel"`
	LinksByKind map[string]int `json:"linksByKind"`
	// LinksByStatus counts links by status; links without one count under
	// "unknown".
	LinksByStatus map[string]int `json:"linksByStatus"`
	// Start and End are the earliest start and latest end of any link's
	// period (zero when no link gives one); Undated counts links with neither.
	Start   network.Date `json:"start,omitzero"`
	End     network.Date `json:"end,omitzero"`
	Undated int          `json:"undated"`
	// Isolated is the number of actors without any link.
	Isolated int `json:"isolated"`
	// Day is the day the summary is as of; InForce, NotYet and Over count
	// the links in each phase on that day (see network.Link.PhaseOn).
	Day     network.Date `json:"day"`
	InForce int          `json:"inForce"`
	NotYet  int          `json:"notYet"`
	Over    int          `json:"over"`
}

// Summarize returns the summary figures of n on the day at (the zero Date:
// n.Day). Actors without a level count under "unknown". It takes O(N + L)
// time.
func Summarize(n *network.Network, at network.Date) Summary {
	return summarize(n, at, nil)
}

// summarize is Summarize, telling over, when not nil, each link that is
// over on the day, in order.
func summarize(n *network.Network, at network.Date, over func(network.Link)) Summary {
	s := Summary{
		Name: n.Name, Actors: n.NumActors(), Links: n.NumLinks(), Day: n.Day(at),
		ByKind: map[string]int{}, ByLevel: map[string]int{},
		LinksByKind: map[string]int{}, LinksByStatus: map[string]int{},
	}
	// Counted by enum value, then named: map updates per link took seconds
	// at 10^6 actors.
	var byKind [256]int
	var byStatus [256]int
	linked := make([]bool, n.NumActors()) // by position
	for i, l := range n.AllLinks() {
		byKind[l.Kind]++
		byStatus[l.Status]++
		if l.Start.IsZero() && l.End.IsZero() {
			s.Undated++
		}
		if !l.Start.IsZero() && (s.Start.IsZero() || l.Start.Before(s.Start)) {
			s.Start = l.Start
		}
		if !l.End.IsZero() && (s.End.IsZero() || s.End.Last().Before(l.End.Last())) {
			s.End = l.End
		}
		from, to := n.Ends(i)
		linked[from], linked[to] = true, true
		switch l.PhaseOn(s.Day) {
		case network.Ongoing:
			s.InForce++
		case network.NotYet:
			s.NotYet++
		default:
			s.Over++
			if over != nil {
				over(l)
			}
		}
	}
	for k, c := range byKind {
		if c > 0 {
			s.LinksByKind[network.LinkKind(k).String()] += c
		}
	}
	for st, c := range byStatus {
		if c > 0 {
			name := network.Status(st).String()
			if name == "" {
				name = "unknown"
			}
			s.LinksByStatus[name] += c
		}
	}
	for i, a := range n.AllActors() {
		s.ByKind[a.Kind.String()]++
		lv := a.Level.String()
		if lv == "" {
			lv = "unknown"
		}
		s.ByLevel[lv]++
		switch {
		case a.IsAggregate() && a.Count > 0:
			s.Aggregates++
			s.Represented += a.Count
		case a.IsAggregate():
			s.Aggregates++
			s.UnknownSize++
			s.Represented++
		default:
			s.Represented++
		}
		if !linked[i] {
			s.Isolated++
		}
	}
	return s
}

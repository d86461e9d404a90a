package network

import "time"

// Phase is where a link stands on a given day: not yet in force, in force,
// or over.
type Phase uint8

// The phases of a link.
const (
	Ongoing Phase = iota // in force on the day
	NotYet               // not yet in force: it starts later, or is planned and undated
	Over                 // no longer in force: it ended before, or is ended and undated
)

var phaseNames = []string{"in force", "not yet in force", "over"}

// String returns "in force", "not yet in force" or "over".
func (p Phase) String() string { return enumString(int(p), phaseNames, "phase") }

// PhaseOn tells where the link stands on day d. This is labournet's one rule
// of time, used by every view, report and command. Dates decide where they
// exist; the status decides only what the dates leave open:
//
//	status          start            end              phase on day d
//	any             after d          any              not yet
//	any             any              before d         over
//	planned         none             none or ≥ d      not yet (planned, undated)
//	ended           none or ≤ d      none             over (ended, undated end)
//	planned         ≤ d              none or ≥ d      in force (the dates say it began)
//	ended           none or ≤ d      ≥ d              in force (it ended later)
//	active, none    none or ≤ d      none or ≥ d      in force
//
// A partial date covers its whole year or month: a link that started
// "2012-09" is in force from 1 September 2012, one that ended "2014" until
// 31 December 2014. d must be a full date (see Date.First).
func (l Link) PhaseOn(d Date) Phase {
	switch {
	case !l.Start.IsZero() && d.Before(l.Start.First()):
		return NotYet
	case !l.End.IsZero() && l.End.Last().Before(d):
		return Over
	case l.Status == Planned && l.Start.IsZero():
		return NotYet
	case l.Status == Ended && l.End.IsZero():
		return Over
	}
	return Ongoing
}

// InForce reports whether the link is in force on day d (see PhaseOn).
func (l Link) InForce(d Date) bool { return l.PhaseOn(d) == Ongoing }

// InForce returns the part of n in force on day d: all its actors, and the
// links in force on d (see Link.PhaseOn). The zero Date means n.Day(Date{}).
func (n *Network) InForce(d Date) *Network {
	return n.View(Filter{At: n.Day(d)})
}

// Day returns the day an analysis of n describes: at when it is given,
// else the network's AsOf, else today (in UTC). Partial dates stand for
// their first day.
func (n *Network) Day(at Date) Date {
	switch {
	case !at.IsZero():
		return at.First()
	case !n.AsOf.IsZero():
		return n.AsOf.First()
	}
	return Today()
}

// Today returns the current day in UTC.
func Today() Date {
	return DateOf(time.Now().UTC())
}

package gap

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/network"
)

// State is what a before/after comparison measures of a network on a day:
// the bottlenecks of its links in force that day and its gaps against a
// model. Measure builds one; Compare sets two side by side.
type State struct {
	// CutPoints are the articulation points, by pairs separated.
	CutPoints []bottleneck.CutPoint `json:"cutPoints"`
	// Bridges are the ties whose loss splits a component.
	Bridges []bottleneck.Bridge `json:"bridges"`
	// Reachable is the number of unordered pairs of actors that can reach
	// each other, and Fragmentation Borgatti's F (NaN below two actors).
	Reachable     int64          `json:"reachable"`
	Fragmentation analysis.Float `json:"fragmentation"`
	// Dependent is the number of pairs whose connection hangs on a single
	// actor: the sum, over articulation points, of the pairs each separates.
	Dependent int64 `json:"dependent"`
	// Gaps are the findings against the model, none when no model was
	// given.
	Gaps []Finding `json:"gaps"`

	snap *network.Snapshot
	// added, when not nil, is snap with the ties of links added since it
	// was taken (see measureChange), the view the state describes, and
	// ties those ties, as positions in snap.
	added *bottleneck.Added
	ties  [][2]int
	g     *gapIndex // the index the gaps came from, for the optimiser's scorer
	m     *Model    // the model the gaps are against
}

// of reports whether st is the state of n on day against m, with its gaps.
func (st *State) of(n *network.Network, m *Model, day network.Date) bool {
	return st != nil && st.g != nil && st.g.n == n && st.g.day == day && st.m == m
}

// Coverage returns the target-group coverage of the network the state was
// measured on, on its day, as Coverage does, from the index its gaps came
// from; the empty coverage when it was measured without a model.
func (st *State) Coverage() GroupCoverage {
	if st.g == nil {
		return GroupCoverage{Served: map[string][]string{}, ByRegion: map[string]map[string][]string{}}
	}
	return coverageOf(st.g.cov).result()
}

// GapsWith returns the gaps of the network the state was measured on
// against its model, as Gaps does with opt, from the index its Gaps came
// from: with opt.Communities, the single-broker rule too. opt.At is the
// state's day whatever it says. It is nil when the state was measured
// without a model.
func (st *State) GapsWith(opt GapOptions) []Finding {
	if st.g == nil {
		return nil
	}
	opt.At = st.g.day
	return st.g.gaps(st.m, opt)
}

// Snapshot returns the snapshot of the links in force that the state was
// measured on, for a caller that analyses the same network further. It
// must not be changed.
func (st *State) Snapshot() *network.Snapshot { return st.snap }

// refMatches reports whether the reference r names the link l, as
// network.LinkRef documents: by ID alone when it gives no ends, else by
// its ends in either direction and its kind (any kind with AnyKind).
func refMatches(r network.LinkRef, l network.Link) bool {
	if r.ID != "" && r.From == "" && r.To == "" {
		return l.ID == r.ID
	}
	ends := l.From == r.From && l.To == r.To || l.From == r.To && l.To == r.From
	return ends && (r.AnyKind || l.Kind == r.Kind)
}

// Measure returns the state of n on the day at (the zero Date: n.Day): the
// bottlenecks of its links in force that day and, when m is not nil, its
// gaps against m. It takes O(N + L) time plus the gap rules (see Gaps).
func Measure(n *network.Network, m *Model, at network.Date) *State {
	st := measureCuts(n, at)
	if m != nil {
		st.g, st.m = newGapIndex(n, at), m
		st.Gaps = st.g.gaps(m, GapOptions{At: at})
	}
	return st
}

// measureChange returns what Measure(changed, base's model, base's day)
// returns for changed, base's network with the actors and links given
// appended (a view of it with AddActor and AddLink), as far as Compare and
// the optimiser's scorer read it: the cut points without their pieces and
// the gaps without their words (their keys, severities and actors). It
// reuses base's gap index rather than reading all of changed's links
// again; base must have been measured with a model. When no actor is
// added, changed is not built at all: the links in force are added as ties
// to base's snapshot (see bottleneck.AddTies), whose searches give the
// bottlenecks as those of changed's snapshot. An error means changed
// could not be built (a link that AddLink refuses), or actors added to a
// state that is itself a change (not supported: base is then Measure's).
func measureChange(base *State, actors []actor.Actor, links []network.Link) (*State, error) {
	n, day := base.g.n, base.g.day
	if len(actors) > 0 {
		if len(base.ties) > 0 {
			return nil, errors.New("gap: actors added to a network measured with ties added")
		}
		changed := n.View(network.Filter{}) // shares n's actors and links: adding to it leaves n as it is
		for _, a := range actors {
			if err := changed.AddActor(a); err != nil {
				return nil, err
			}
		}
		for _, l := range links {
			if err := changed.AddLink(l); err != nil {
				return nil, err
			}
		}
		st := measureCuts(changed, day)
		st.g, st.m = base.g.plus(changed, actors, links), base.m
		st.g.brief = true
		st.Gaps = st.g.gaps(base.m, GapOptions{At: day})
		return st, nil
	}
	// The links must be ones changed would accept.
	check := network.New("")
	for _, l := range links {
		for _, id := range []string{l.From, l.To} {
			if _, ok := check.Actor(id); ok {
				continue
			}
			a, ok := n.Actor(id)
			if !ok {
				return nil, fmt.Errorf("gap: link %s–%s: %w", l.From, l.To, network.ErrUnknownActor)
			}
			if err := check.AddActor(a); err != nil {
				return nil, err
			}
		}
		if l.ID != "" {
			if _, taken := n.Link(l.ID); taken {
				return nil, fmt.Errorf("gap: link %s: %w", l.ID, network.ErrDuplicateID)
			}
		}
		if err := check.AddLink(l); err != nil {
			return nil, err
		}
	}
	st := &State{snap: base.snap, ties: slices.Clip(base.ties)}
	for _, l := range links {
		if !l.InForce(day) {
			continue
		}
		u, _ := base.snap.Index(l.From)
		v, _ := base.snap.Index(l.To)
		st.ties = append(st.ties, [2]int{u, v})
	}
	st.added = bottleneck.AddTies(base.snap, st.ties)
	var frag float64
	st.CutPoints, st.Bridges, frag = st.added.CutSizes()
	st.setCuts(frag)
	st.g, st.m = base.g.plus(n, nil, links), base.m
	st.g.brief = true
	st.Gaps = st.g.gaps(base.m, GapOptions{At: day})
	return st, nil
}

// measureCuts returns the state of the links of n in force on at, without
// gaps.
func measureCuts(n *network.Network, at network.Date) *State {
	s := n.InForce(at).Snapshot()
	st := &State{snap: s}
	var frag float64
	st.CutPoints, st.Bridges, frag = bottleneck.Cuts(s)
	st.setCuts(frag)
	return st
}

// setCuts sets the figures that follow from the cut points and the
// fragmentation frag.
func (st *State) setCuts(frag float64) {
	st.Fragmentation = analysis.Float(frag)
	st.Reachable = reachable(st.snap.N(), st.Fragmentation)
	for _, c := range st.CutPoints {
		st.Dependent += c.Separated
	}
}

// Reachable counts the unordered pairs of actors of s that can reach each
// other, from Borgatti's fragmentation F = 1 − reachable/(n(n−1)/2). It
// takes O(N + E) time.
func Reachable(s *network.Snapshot) int64 {
	return reachable(s.N(), analysis.Float(bottleneck.Fragmentation(s)))
}

func reachable(n int, frag analysis.Float) int64 {
	if n < 2 {
		return 0
	}
	pairs := float64(n) * float64(n-1) / 2
	return int64(math.Round((1 - float64(frag)) * pairs))
}

// Delta is a figure before and after a change.
type Delta[T int | int64 | analysis.Float] struct {
	Before T `json:"before"`
	After  T `json:"after"`
}

// Change returns After − Before.
func (d Delta[T]) Change() T { return d.After - d.Before }

// Tie is a pair of linked actors, From < To.
type Tie struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// String returns "FROM–TO".
func (t Tie) String() string { return t.From + "–" + t.To }

// ConstraintChange is an actor's Burt constraint before and after a change.
type ConstraintChange struct {
	ID     string         `json:"id"`
	Before analysis.Float `json:"before"`
	After  analysis.Float `json:"after"`
}

// Effect is a before/after comparison of two states of a network: what
// stops being a bottleneck and what becomes one, how reachability changes,
// which gaps close and which open. It is the one comparison of labournet:
// recommendations carry it as their measured effect, and the what-if and
// diff of package report are built on it. All lists are sorted.
type Effect struct {
	// CutPoints counts the articulation points; Relieved are the actors
	// that stop being one, NewCutPoints those that become one.
	CutPoints    Delta[int] `json:"cutPoints"`
	Relieved     []string   `json:"relieved"`
	NewCutPoints []string   `json:"newCutPoints"`
	// Bridges counts the bridges, BridgesGone and BridgesNew are those that
	// disappear or appear.
	Bridges     Delta[int] `json:"bridges"`
	BridgesGone []Tie      `json:"bridgesGone"`
	BridgesNew  []Tie      `json:"bridgesNew"`
	// Reachable counts the pairs of actors that can reach each other;
	// NewlyConnected is the gain among the actors already there (pairs with
	// an invited newcomer are not counted).
	Reachable      Delta[int64] `json:"reachable"`
	NewlyConnected int64        `json:"newlyConnected"`
	// Dependent counts the pairs whose connection hangs on a single actor.
	Dependent Delta[int64] `json:"dependent"`
	// Fragmentation is Borgatti's F.
	Fragmentation Delta[analysis.Float] `json:"fragmentation"`
	// Gaps counts the gap findings; Closed and Opened are those that
	// disappear or appear.
	Gaps   Delta[int] `json:"gaps"`
	Closed []Key      `json:"closed"`
	Opened []Key      `json:"opened"`
	// Constraint gives the Burt constraint of the actors a change links,
	// before and after (lower means more brokerage opportunities); only
	// when Compare is given their IDs.
	Constraint []ConstraintChange `json:"constraint,omitempty"`
}

// Compare sets two states side by side. For each actor of ids it adds the
// actor's Burt constraint before and after (NaN where the actor is absent or
// the constraint undefined), computed from the actors' neighbourhoods (see
// bottleneck.ConstraintOf). It takes O(N + L) time.
func Compare(before, after *State, ids ...string) Effect {
	e := Effect{
		CutPoints:     Delta[int]{len(before.CutPoints), len(after.CutPoints)},
		Bridges:       Delta[int]{len(before.Bridges), len(after.Bridges)},
		Reachable:     Delta[int64]{before.Reachable, after.Reachable},
		Dependent:     Delta[int64]{before.Dependent, after.Dependent},
		Fragmentation: Delta[analysis.Float]{before.Fragmentation, after.Fragmentation},
		Gaps:          Delta[int]{len(before.Gaps), len(after.Gaps)},
	}
	e.NewlyConnected = e.Reachable.Change()
	cut := func(cs []bottleneck.CutPoint) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = c.ID
		}
		return out
	}
	ties := func(bs []bottleneck.Bridge) []Tie {
		out := make([]Tie, len(bs))
		for i, b := range bs {
			out[i] = Tie{b.From, b.To}
		}
		return out
	}
	keys := func(fs []Finding) []Key {
		out := make([]Key, len(fs))
		for i, f := range fs {
			out[i] = f.Key()
		}
		return out
	}
	e.Relieved, e.NewCutPoints = setDiff(cut(before.CutPoints), cut(after.CutPoints), cmp.Compare[string])
	e.BridgesGone, e.BridgesNew = setDiff(ties(before.Bridges), ties(after.Bridges), func(a, b Tie) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	e.Closed, e.Opened = setDiff(keys(before.Gaps), keys(after.Gaps), compareKeys)
	if len(ids) > 0 {
		cb, ca := before.constraintsOf(ids), after.constraintsOf(ids)
		for i, id := range ids {
			if id == "" {
				continue // an invited actor joins no body when there is none
			}
			e.Constraint = append(e.Constraint, ConstraintChange{ID: id, Before: analysis.Float(cb[i]), After: analysis.Float(ca[i])})
		}
	}
	return e
}

// constraintsOf returns Burt's constraint on the actors ids in the state's
// view, NaN for those it does not hold.
func (st *State) constraintsOf(ids []string) []float64 {
	pos := make([]int, len(ids))
	for i, id := range ids {
		if p, ok := st.snap.Index(id); ok {
			pos[i] = p
		} else {
			pos[i] = -1
		}
	}
	if st.added != nil {
		return st.added.ConstraintOf(pos)
	}
	return bottleneck.ConstraintOf(st.snap, pos, bottleneck.HolesOptions{})
}

// separation returns the separation structure of the state's view.
func (st *State) separation() *bottleneck.Separation {
	if st.added != nil {
		return st.added.Separation()
	}
	return bottleneck.NewSeparation(st.snap)
}

// setDiff returns the sorted, distinct elements only in a and only in b.
func setDiff[T comparable](a, b []T, order func(x, y T) int) (onlyA, onlyB []T) {
	only := func(x, y []T) []T {
		in := make(map[T]bool, len(y))
		for _, v := range y {
			in[v] = true
		}
		out := []T{}
		for _, v := range x {
			if !in[v] {
				in[v] = true // report each once
				out = append(out, v)
			}
		}
		slices.SortFunc(out, order)
		return out
	}
	return only(a, b), only(b, a)
}

// better reports whether effect a improves the bottlenecks more than b:
// more pairs that can reach each other, then fewer pairs depending on a
// single actor, then fewer articulation points, then more gaps closed.
func (a Effect) better(b Effect) bool {
	if a.Reachable.After != b.Reachable.After {
		return a.Reachable.After > b.Reachable.After
	}
	if a.Dependent.After != b.Dependent.After {
		return a.Dependent.After < b.Dependent.After
	}
	if a.CutPoints.After != b.CutPoints.After {
		return a.CutPoints.After < b.CutPoints.After
	}
	return len(a.Closed) > len(b.Closed)
}

package gap

import (
	"cmp"
	"math"
	"slices"

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
	g    *gapIndex // the index the gaps came from, for the optimiser's scorer
}

// Measure returns the state of n on the day at (the zero Date: n.Day): the
// bottlenecks of its links in force that day and, when m is not nil, its
// gaps against m. It takes O(N + L) time plus the gap rules (see Gaps).
func Measure(n *network.Network, m *Model, at network.Date) *State {
	s := n.InForce(at).Snapshot()
	st := &State{snap: s, CutPoints: bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}),
		Bridges: bottleneck.Bridges(s)}
	st.Fragmentation = analysis.Float(bottleneck.Fragmentation(s))
	st.Reachable = reachable(s.N(), st.Fragmentation)
	for _, c := range st.CutPoints {
		st.Dependent += c.Separated
	}
	if m != nil {
		st.g = newGapIndex(n, at)
		st.Gaps = st.g.gaps(m, GapOptions{At: at})
	}
	return st
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
// the constraint undefined), which takes O(E^1.5) time per state; without
// ids it takes O(N + L).
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
		cb := bottleneck.Constraint(before.snap, bottleneck.HolesOptions{}).Map()
		ca := bottleneck.Constraint(after.snap, bottleneck.HolesOptions{}).Map()
		for _, id := range ids {
			if id == "" {
				continue // an invited actor joins no body when there is none
			}
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
	}
	return e
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

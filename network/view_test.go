package network

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

func viewNet(t *testing.T) *Network {
	t.Helper()
	n, err := Build("v", []actor.Actor{
		{ID: "a", Kind: actor.LabourOffice}, {ID: "b", Kind: actor.Employer}, {ID: "c", Kind: actor.School},
		{ID: "d", Kind: actor.NGO}, {ID: "e", Kind: actor.NGO},
	}, []Link{
		{From: "a", To: "b", Kind: Cooperation, Start: MustParseDate("2010"), End: MustParseDate("2012-06")},
		{From: "b", To: "c", Kind: Funding, Status: Planned},
		{From: "c", To: "d", Kind: Service, Start: MustParseDate("2012-09")},
		{From: "d", To: "e", Kind: Cooperation, Status: Ended},
	})
	require.NoError(t, err)
	return n
}

func ends(n *Network) []string {
	var s []string
	for _, l := range n.Links() {
		s = append(s, l.From+l.To)
	}
	return s
}

func TestView(t *testing.T) {
	n := viewNet(t)
	tests := []struct {
		reason string
		f      Filter
		links  []string
		actors int
	}{
		{"everything", Filter{}, []string{"ab", "bc", "cd", "de"}, 5},
		{"by kind", Filter{Kinds: []LinkKind{Cooperation}}, []string{"ab", "de"}, 5},
		{"by status", Filter{Statuses: []Status{Planned}}, []string{"bc"}, 5},
		{"on a day: planned and undated excluded, ended and undated excluded, open end kept", Filter{At: MustParseDate("2012-10-01")}, []string{"cd"}, 5},
		{"a partial start covers its month", Filter{At: MustParseDate("2012-09-01")}, []string{"cd"}, 5},
		{"a partial end covers its month", Filter{At: MustParseDate("2012-06-30")}, []string{"ab"}, 5},
		{"by actor", Filter{Actor: func(a actor.Actor) bool { return a.Kind != actor.School }}, []string{"ab", "de"}, 4},
		{"by link", Filter{Link: func(l Link) bool { return l.From == "a" }}, []string{"ab"}, 5},
		{"dropping isolated actors", Filter{Kinds: []LinkKind{Service}, DropIsolated: true}, []string{"cd"}, 2},
	}
	for _, tt := range tests {
		v := n.View(tt.f)
		require.Equal(t, tt.links, ends(v), tt.reason)
		require.Equal(t, tt.actors, v.NumActors(), tt.reason)
	}
	require.Equal(t, 4, n.NumLinks(), "the original is unchanged")
}

func TestEgo(t *testing.T) {
	n := viewNet(t) // a - b - c - d - e
	for radius, want := range map[int]int{0: 1, 1: 3, 2: 5} {
		e, err := n.Ego("c", radius)
		require.NoError(t, err)
		require.Equal(t, want, e.NumActors(), "radius %d", radius)
	}
	e, _ := n.Ego("c", 1)
	require.Equal(t, []string{"bc", "cd"}, ends(e))
	_, err := n.Ego("zz", 1)
	require.ErrorIs(t, err, ErrUnknownActor)
	_, err = n.Ego("c", -1)
	require.ErrorIs(t, err, ErrNegative)
}

func TestProject(t *testing.T) {
	var as []actor.Actor
	for _, id := range []string{"o1", "o2", "o3", "o4", "o5"} {
		as = append(as, actor.Actor{ID: id, Kind: actor.Municipality})
	}
	for _, id := range []string{"p1", "p2", "p3"} {
		as = append(as, actor.Actor{ID: id, Kind: actor.Project})
	}
	n, err := Build("two-mode", as, []Link{
		{From: "o1", To: "p1", Kind: Partnership}, {From: "o2", To: "p1", Kind: Partnership}, {From: "o3", To: "p1", Kind: Partnership},
		{From: "o1", To: "p2", Kind: Partnership}, {From: "o2", To: "p2", Kind: Partnership},
		{From: "p3", To: "o4", Kind: Funding},
		{From: "o4", To: "o5", Kind: Cooperation}, // between organisations: not carried over
	})
	require.NoError(t, err)
	p := n.Project(func(a actor.Actor) bool { return a.Kind == actor.Project })
	require.Equal(t, 5, p.NumActors())
	type pair struct {
		ends   string
		weight float64
		via    string
	}
	var got []pair
	for _, l := range p.Links() {
		got = append(got, pair{l.From + "-" + l.To, l.Weight, l.Attrs["via"]})
	}
	require.Equal(t, []pair{{"o1-o2", 2, "p1;p2"}, {"o1-o3", 1, "p1"}, {"o2-o3", 1, "p1"}}, got)
}

// TestViewSharesButStaysApart takes a view that keeps everything, which
// shares the network's arrays, and adds to each side: the other does not
// change.
func TestViewSharesButStaysApart(t *testing.T) {
	n, err := Build("n", []actor.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		[]Link{{From: "a", To: "b"}})
	require.NoError(t, err)
	v := n.View(Filter{})
	require.NoError(t, v.AddActor(actor.Actor{ID: "d"}))
	require.NoError(t, v.AddLink(Link{From: "a", To: "d"}))
	require.NoError(t, n.AddLink(Link{From: "b", To: "c"}))
	require.Equal(t, 3, n.NumActors())
	require.Equal(t, 4, v.NumActors())
	_, inN := n.Actor("d")
	require.False(t, inN)
	require.Equal(t, []Link{{From: "a", To: "b"}, {From: "b", To: "c"}}, n.Links())
	require.Equal(t, []Link{{From: "a", To: "b"}, {From: "a", To: "d"}}, v.Links())
}

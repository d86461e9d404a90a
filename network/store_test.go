package network

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

// TestLinksRoundTrip adds links with every field set and none, and reads
// them back unchanged through Links, AllLinks and Link: the compact form
// the network keeps them in loses nothing.
func TestLinksRoundTrip(t *testing.T) {
	n := New("x")
	for _, id := range []string{"a", "b", "an-identifier-longer-than-twenty-three-bytes"} {
		require.NoError(t, n.AddActor(actor.Actor{ID: id, Kind: actor.NGO}))
	}
	full := Link{
		ID: "l1", From: "a", To: "an-identifier-longer-than-twenty-three-bytes", Kind: Funding, Direction: Undirected,
		Role: "lead", Label: "grant", Weight: 2.5, Money: &Money{Amount: 800000, Currency: "PLN", Ceiling: true},
		Cadence: Cadence{PerYear: 6, Text: "every 2 months"}, Start: MustParseDate("2012-09"), End: MustParseDate("9999-12-31"),
		Status: Ended, TargetGroups: []string{"youth"}, Evidence: "p. 4", Attrs: map[string]string{"k": "v"},
	}
	plain := Link{From: "b", To: "a", Kind: Membership, Role: "lead", Start: MustParseDate("2020")}
	empty := Link{From: "a", To: "b", TargetGroups: []string{}, Attrs: map[string]string{}}
	want := []Link{full, plain, empty}
	for _, l := range want {
		require.NoError(t, n.AddLink(l))
	}
	require.Empty(t, cmp.Diff(want, n.Links()))
	for i, l := range n.AllLinks() {
		require.Empty(t, cmp.Diff(want[i], l), "AllLinks %d", i)
	}
	got, ok := n.Link("l1")
	require.True(t, ok)
	require.Empty(t, cmp.Diff(full, got))
	require.Empty(t, cmp.Diff(want, n.Clone().Links()), "Clone")
	// Empty lists and maps stay empty, not nil: a writer tells them apart.
	require.NotNil(t, n.Links()[2].TargetGroups)
	require.Nil(t, n.Links()[1].TargetGroups)
	// The caller's money, lists and maps are copied, not kept.
	full.Money.Amount, full.TargetGroups[0], full.Attrs["k"] = 1, "x", "x"
	got, _ = n.Link("l1")
	require.Equal(t, 800000.0, got.Money.Amount)
	require.Equal(t, []string{"youth"}, got.TargetGroups)
	require.Equal(t, "v", got.Attrs["k"])
	// Links with the same role share its string.
	require.Equal(t, n.links[0].role, n.links[1].role)
	require.Equal(t, int32(0), n.links[1].more, "a plain link keeps nothing out of line")
}

// TestAddLinkBetween adds links by the positions of their ends: the same
// network as AddLink, and the same errors, naming the ends by ID.
func TestAddLinkBetween(t *testing.T) {
	byID, byPos := New("x"), New("x")
	ids := []string{"a", "b", "c"}
	for _, n := range []*Network{byID, byPos} {
		for _, id := range ids {
			require.NoError(t, n.AddActor(actor.Actor{ID: id, Kind: actor.School}))
		}
	}
	require.NoError(t, byID.AddLink(Link{From: "c", To: "a", Kind: Funding, Role: "lead"}))
	require.NoError(t, byPos.AddLinkBetween(2, 0, Link{From: "ignored", Kind: Funding, Role: "lead"}))
	require.Empty(t, cmp.Diff(byID.Links(), byPos.Links()))

	for _, c := range []struct {
		from, to int
		l        Link
		field    string
		value    string
		err      error
	}{
		{1, 1, Link{Kind: Funding}, "to", "b", ErrSelfLink},
		{0, 3, Link{Kind: Funding}, "to", "", ErrUnknownActor},
		{-1, 0, Link{Kind: Funding}, "from", "", ErrUnknownActor},
		{0, 1, Link{Kind: Funding, Weight: -1}, "weight", "-1", ErrNegative},
	} {
		err := byPos.AddLinkBetween(c.from, c.to, c.l)
		require.ErrorIs(t, err, c.err, "%d→%d", c.from, c.to)
		var le *LinkError
		require.True(t, errors.As(err, &le))
		require.Equal(t, c.field, le.Field)
		require.Equal(t, c.value, le.Value)
		if c.from == 1 {
			require.Equal(t, "b", le.From, "the ends are named by ID")
		}
	}
	require.Equal(t, 1, byPos.NumLinks(), "a rejected link leaves the network unchanged")
	from, to := byPos.Ends(0)
	require.Equal(t, [2]int{2, 0}, [2]int{from, to})
	i, ok := byPos.Index("b")
	require.True(t, ok)
	require.Equal(t, 1, i)
	_, ok = byPos.Index("d")
	require.False(t, ok)
}

// TestIDIndex fills the index past several growths with short and long
// IDs and finds each, and none that was not put.
func TestIDIndex(t *testing.T) {
	var x idIndex
	_, ok := x.get("a")
	require.False(t, ok, "the zero index is empty")
	const n = 5000
	id := func(i int) string {
		if i%7 == 0 {
			return fmt.Sprintf("long-%s-%d", strings.Repeat("x", 20), i)
		}
		return fmt.Sprintf("id-%d", i)
	}
	for i := range n {
		x.put(id(i), i)
	}
	for i := range n {
		at, ok := x.get(id(i))
		require.True(t, ok, id(i))
		require.Equal(t, i, at)
	}
	for _, missing := range []string{"", "id-5000", "id-", "long-" + strings.Repeat("x", 20) + "-1"} {
		_, ok := x.get(missing)
		require.False(t, ok, missing)
	}
	x.put("id-3", -1)
	at, _ := x.get("id-3")
	require.Equal(t, -1, at, "put again replaces")
	c := x.clone()
	c.put("new", 1)
	_, ok = x.get("new")
	require.False(t, ok, "a clone is apart")
	require.LessOrEqual(t, 2*x.used, len(x.slots), "at most half full")
}

// TestViewRenumbersEnds keeps part of the actors: the view's links join
// the same actors by ID although their positions changed.
func TestViewRenumbersEnds(t *testing.T) {
	n := viewNet(t)
	v := n.View(Filter{Actor: func(a actor.Actor) bool { return a.ID != "a" && a.ID != "c" }})
	require.Equal(t, []string{"de"}, ends(v))
	from, to := v.Ends(0)
	require.Equal(t, "d", v.actors[from].ID)
	require.Equal(t, "e", v.actors[to].ID)
	require.NoError(t, v.AddLink(Link{From: "b", To: "e", Kind: Cooperation}))
	require.Equal(t, []string{"de", "be"}, ends(v))
	require.Equal(t, 4, n.NumLinks(), "the network is unchanged")
}

package network

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

var testActors = []actor.Actor{{ID: "a", Kind: actor.LabourOffice}, {ID: "b", Kind: actor.Employer}, {ID: "c", Kind: actor.School}}

func TestLinkValidation(t *testing.T) {
	tests := []struct {
		reason string
		link   Link
		err    error
		field  string
	}{
		{"empty end", Link{From: "a", Kind: Cooperation}, ErrEmptyID, "to"},
		{"unknown actor", Link{From: "a", To: "z", Kind: Cooperation}, ErrUnknownActor, "to"},
		{"self-link", Link{From: "a", To: "a", Kind: Cooperation}, ErrSelfLink, "to"},
		{"negative weight", Link{From: "a", To: "b", Weight: -1}, ErrNegative, "weight"},
		{"NaN weight", Link{From: "a", To: "b", Weight: math.NaN()}, ErrNaN, "weight"},
		{"infinite weight", Link{From: "a", To: "b", Weight: math.Inf(1)}, ErrNaN, "weight"},
		{"negative amount", Link{From: "a", To: "b", Kind: Funding, Money: &Money{Amount: -5, Currency: "EUR"}}, ErrNegative, "money.amount"},
		{"NaN amount", Link{From: "a", To: "b", Kind: Funding, Money: &Money{Amount: math.NaN(), Currency: "EUR"}}, ErrNaN, "money.amount"},
		{"bad currency", Link{From: "a", To: "b", Kind: Funding, Money: &Money{Amount: 5, Currency: "EURO"}}, ErrCurrency, "money.currency"},
		{"end before start", Link{From: "a", To: "b", Start: MustParseDate("2012-09"), End: MustParseDate("2012-08")}, ErrPeriod, "end"},
		{"kind out of range", Link{From: "a", To: "b", Kind: LinkKind(50)}, ErrUnknownKind, "kind"},
		{"status out of range", Link{From: "a", To: "b", Status: Status(9)}, ErrUnknownStatus, "status"},
		{"direction out of range", Link{From: "a", To: "b", Direction: Direction(7)}, ErrDirection, "direction"},
		{"negative cadence", Link{From: "a", To: "b", Cadence: Cadence{PerYear: -1}}, ErrNegative, "cadence"},
		{"invalid date", Link{From: "a", To: "b", Start: Date{Year: 2023, Month: 2, Day: 30}}, ErrDate, "start"},
		{"empty target group", Link{From: "a", To: "b", TargetGroups: []string{""}}, actor.ErrInvalidText, "targetGroups"},
	}
	for _, tt := range tests {
		tt.link.ID = "l7"
		_, err := Build("x", testActors, []Link{tt.link})
		require.ErrorIs(t, err, tt.err, tt.reason)
		var le *LinkError
		require.True(t, errors.As(err, &le), tt.reason)
		require.Equal(t, tt.field, le.Field, tt.reason)
		require.Contains(t, err.Error(), `link "l7"`, "%s: the message names the link", tt.reason)
		require.Contains(t, err.Error(), tt.field, tt.reason)
	}
	// A partial period within one month is fine.
	_, err := Build("x", testActors, []Link{{From: "a", To: "b", Start: MustParseDate("2012-09"), End: MustParseDate("2012-09")}})
	require.NoError(t, err)
	// Links without an ID are named by position and ends.
	_, err = Build("x", testActors, []Link{{From: "a", To: "b"}, {From: "b", To: "b"}})
	require.ErrorContains(t, err, "link #2 (b -> b)")
}

func TestBuildReportsEverything(t *testing.T) {
	actors := append([]actor.Actor{{ID: "a", Kind: actor.NGO}, {ID: "bad", Country: "UK"}}, testActors[1:]...)
	n, err := Build("x", actors, []Link{
		{ID: "l1", From: "a", To: "b"},
		{ID: "l1", From: "b", To: "c"},
		{From: "bad", To: "c"},
		{From: "a", To: "nobody"},
	})
	require.Nil(t, n)
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	// the duplicate actor a, the bad country, the duplicate link ID, the
	// unknown actor; not "unknown actor bad" for the third link.
	require.ErrorIs(t, err, ErrDuplicateID)
	require.ErrorIs(t, err, actor.ErrCountry)
	require.ErrorIs(t, err, ErrUnknownActor)
	require.NotContains(t, err.Error(), `"bad": unknown actor`)
	require.GreaterOrEqual(t, len(errs), 3)
}

func TestNetworkAccessors(t *testing.T) {
	n, err := Build("x", testActors, []Link{{ID: "l1", From: "a", To: "b", Attrs: map[string]string{"k": "v"}}})
	require.NoError(t, err)
	require.Equal(t, 3, n.NumActors())
	require.Equal(t, 1, n.NumLinks())
	l, ok := n.Link("l1")
	require.True(t, ok)
	require.Equal(t, "b", l.To)
	_, ok = n.Link("zz")
	require.False(t, ok)
	c := n.Clone()
	require.Equal(t, n.Actors(), c.Actors())
	require.Equal(t, n.Links(), c.Links())
	require.NoError(t, c.AddActor(actor.Actor{ID: "d", Kind: actor.NGO}))
	require.Equal(t, 3, n.NumActors(), "the clone is separate")
	// The zero Network is ready to use.
	var z Network
	require.NoError(t, z.AddActor(actor.Actor{ID: "x", Kind: actor.NGO}))
	require.Error(t, z.AddActor(actor.Actor{ID: "x", Kind: actor.NGO}))
}

func TestAttrKeys(t *testing.T) {
	n, err := Build("x", []actor.Actor{
		{ID: "a", Kind: actor.NGO, Attrs: map[string]string{"z": "1", "tier": "top"}},
		{ID: "b", Kind: actor.NGO, Attrs: map[string]string{"tier": "expert"}},
	}, []Link{{From: "a", To: "b", Attrs: map[string]string{"pilot": "yes"}}})
	require.NoError(t, err)
	require.Equal(t, []string{"tier", "z"}, n.ActorAttrKeys())
	require.Equal(t, []string{"pilot"}, n.LinkAttrKeys())
	require.Empty(t, New("empty").ActorAttrKeys())
}

func TestBuildOnlyInvalidActors(t *testing.T) {
	// Every actor invalid: Build reports them and the links to them once,
	// without panicking on the empty index.
	n, err := Build("bad", []actor.Actor{{ID: "a", Kind: actor.Kind(200)}},
		[]Link{{From: "a", To: "b", Kind: Cooperation}})
	require.Nil(t, n)
	require.ErrorIs(t, err, actor.ErrUnknownKind)
	require.ErrorIs(t, err, ErrUnknownActor, "b was never given")
	require.NotContains(t, err.Error(), `from "a"`, "a was given, so links from it are not reported again")
}

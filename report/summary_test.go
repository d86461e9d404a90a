package report

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

func TestSummarize(t *testing.T) {
	n, err := network.Build("s", []actor.Actor{
		{ID: "a", Kind: actor.LabourOffice, Level: actor.Regional},
		{ID: "b", Kind: actor.Municipality, Count: 8},
		{ID: "c", Kind: actor.NGO, Aggregate: true},
		{ID: "d", Kind: actor.NGO},
	}, []network.Link{
		{From: "a", To: "b", Kind: network.Partnership, Start: network.MustParseDate("2012-09"), Status: network.Active},
		{From: "a", To: "c", Kind: network.Funding, End: network.MustParseDate("2014"), Status: network.Planned},
		{From: "b", To: "c", Kind: network.Partnership},
	})
	require.NoError(t, err)
	s := Summarize(n, network.Date{})
	require.Equal(t, 4, s.Actors)
	require.Equal(t, 3, s.Links)
	require.Equal(t, map[string]int{"labour-office": 1, "municipality": 1, "ngo": 2}, s.ByKind)
	require.Equal(t, map[string]int{"regional": 1, "unknown": 3}, s.ByLevel)
	require.Equal(t, map[string]int{"partnership": 2, "funding": 1}, s.LinksByKind)
	require.Equal(t, map[string]int{"active": 1, "planned": 1, "unknown": 1}, s.LinksByStatus)
	require.Equal(t, 2, s.Aggregates)
	require.Equal(t, 1, s.UnknownSize)
	require.Equal(t, 1+8+1+1, s.Represented, "8 municipalities; the group of unknown size counts 1")
	require.Equal(t, network.MustParseDate("2012-09"), s.Start)
	require.Equal(t, network.MustParseDate("2014"), s.End)
	require.Equal(t, 1, s.Undated)
	require.Equal(t, 1, s.Isolated)
}

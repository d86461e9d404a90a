package report

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

func TestCompareWhatIf(t *testing.T) {
	// A chain lo — m — e1 — e2 with a school hanging off e1: m and e1 are
	// cut points. Adding lo–e2 closes the cycle: m and e1 stop being cut
	// points on the cycle, e1 stays one because of the school.
	n := testnet.Spec(t, []string{"lo:labour-office", "m:municipality", "e1:employer", "e2:employer", "s:school"},
		[]string{"lo>m:cooperation", "m>e1:cooperation", "e1>e2:cooperation", "e1>s:cooperation"})
	after, err := n.Apply(network.Edit{AddLinks: []network.Link{{From: "lo", To: "e2", Kind: network.Cooperation}}})
	require.NoError(t, err)
	c := WhatIf(n, after, loEmployer(), network.Date{})
	require.Equal(t, []string{"m"}, c.Relieved)
	require.Empty(t, c.NewCutPoints)
	require.Equal(t, []gap.Tie{{From: "e1", To: "e2"}, {From: "e1", To: "m"}, {From: "lo", To: "m"}}, c.BridgesGone)
	require.Empty(t, c.BridgesNew)
	require.Equal(t, []gap.Key{{Rule: gap.MissingRelation, Name: "lo–employer"}}, c.Closed)
	require.Equal(t, gap.Delta[int64]{Before: 10, After: 10}, c.Reachable)

	// Removing the municipality splits the network.
	cut, err := n.Apply(network.Edit{RemoveActors: []string{"m"}})
	require.NoError(t, err)
	c = WhatIf(n, cut, nil, network.Date{})
	require.Equal(t, int64(3), c.Reachable.After, "e1, e2, s reach each other; lo is alone")
	require.Zero(t, c.Gaps.After, "no model: the gaps that need none, and there are none")
	require.Equal(t, []string{"m"}, c.Relieved)
	require.InDelta(t, 0.5, float64(c.Fragmentation.After), 1e-12) // 1 − 3/6
}

// loEmployer is a model with one rule: a labour office related to an
// employer.
func loEmployer() *gap.Model {
	return &gap.Model{Relations: []gap.RelationRule{{Name: "lo–employer",
		From: []actor.Kind{actor.LabourOffice}, To: []actor.Kind{actor.Employer}, Severity: gap.High}}}
}

func TestDiffJSONHasEmptyLists(t *testing.T) {
	n := reportNet(t)
	d, err := Diff(context.Background(), n, n, DiffOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	require.NotContains(t, string(b), "null", "an unchanged network gives empty lists, not null: %s", b)
}

package report

import (
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
	c := Compare(n, after, loEmployer())
	require.Equal(t, []string{"m"}, c.CutPointsGone)
	require.Empty(t, c.CutPointsNew)
	require.Equal(t, []string{"e1–e2", "e1–m", "lo–m"}, c.BridgesGone)
	require.Empty(t, c.BridgesNew)
	require.Equal(t, []string{"missing-relation: lo–employer"}, c.GapsClosed)
	require.Equal(t, int64(10), c.Before.Reachable)
	require.Equal(t, int64(10), c.After.Reachable)

	// Removing the municipality splits the network.
	cut, err := n.Apply(network.Edit{RemoveActors: []string{"m"}})
	require.NoError(t, err)
	c = Compare(n, cut, nil)
	require.Equal(t, int64(3), c.After.Reachable, "e1, e2, s reach each other; lo is alone")
	require.Empty(t, c.After.Gaps, "no model, no gaps")
	require.Equal(t, []string{"m"}, c.CutPointsGone)
	require.InDelta(t, 0.5, float64(c.After.Fragmentation), 1e-12) // 1 − 3/6
}

func TestSetDiff(t *testing.T) {
	a, b := setDiff([]string{"x", "y", "y", "z"}, []string{"z", "w", "w"})
	require.Equal(t, []string{"x", "y"}, a)
	require.Equal(t, []string{"w"}, b)
}

// loEmployer is a model with one rule: a labour office related to an
// employer.
func loEmployer() *gap.Model {
	return &gap.Model{Relations: []gap.RelationRule{{Name: "lo–employer",
		From: []actor.Kind{actor.LabourOffice}, To: []actor.Kind{actor.Employer}, Severity: gap.High}}}
}

package report_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/cohesion"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/report"
)

// TestEmptyInputs runs every analysis on the zero Snapshot, the snapshot of
// an empty network and the zero Network: none may panic, and each returns
// what an empty network has (nothing, or undefined figures), or an error
// that says why it cannot.
func TestEmptyInputs(t *testing.T) {
	ctx := context.Background()
	for name, s := range map[string]*network.Snapshot{"zero snapshot": {}, "empty network": network.New("").Snapshot()} {
		t.Run(name, func(t *testing.T) {
			require.Zero(t, s.NumArcs())
			require.Zero(t, s.NumEdges())
			require.True(t, math.IsNaN(cohesion.Reciprocity(s)), "no arcs: reciprocity undefined")
			require.Empty(t, bottleneck.Brokerage(s, bottleneck.BrokerageOptions{}).Actors)
			b, err := centrality.Betweenness(ctx, s, centrality.BetweennessOptions{})
			require.NoError(t, err)
			require.Empty(t, b)
			c, err := centrality.Closeness(ctx, s, centrality.ClosenessOptions{})
			require.NoError(t, err)
			require.Empty(t, c)
			a, err := centrality.ApproxBetweenness(ctx, s, 3, 1, centrality.BetweennessOptions{})
			require.NoError(t, err)
			require.Empty(t, a)
			pr, err := centrality.PageRank(s, centrality.PageRankOptions{})
			require.NoError(t, err)
			require.Empty(t, pr)
			require.Empty(t, centrality.Degree(s, centrality.DegreeOptions{Normalized: true}))
			p, err := cohesion.ComponentPaths(ctx, s, cohesion.ComponentPathsOptions{})
			require.NoError(t, err)
			require.True(t, p.AverageShortestPath.IsNaN(), "no actors: average path undefined")
			require.Empty(t, cohesion.Louvain(s, cohesion.LouvainOptions{}).Groups)
			require.Empty(t, cohesion.Clustering(s, cohesion.ClusteringOptions{Directed: true, Weighted: true}))
			require.Empty(t, cohesion.StrongComponents(s))
			require.True(t, math.IsNaN(cohesion.DegreeCentralization(s, cohesion.CentralizationOptions{})))
			require.True(t, cohesion.EIIndex(s, cohesion.MixingOptions{}).Index.IsNaN())
			require.Empty(t, bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}))
			require.Empty(t, bottleneck.Bridges(s))
			require.Empty(t, bottleneck.BiconnectedComponents(s))
			require.Empty(t, bottleneck.StructuralHoles(s, bottleneck.HolesOptions{Directed: true}))
			require.True(t, math.IsNaN(bottleneck.Fragmentation(s)))
			e, err := bottleneck.RemovalEffects(ctx, s, bottleneck.RemovalOptions{})
			require.NoError(t, err)
			require.Empty(t, e)
			steps, err := bottleneck.RemovalCurve(ctx, s, nil, 3, bottleneck.RemovalOptions{})
			require.NoError(t, err)
			require.Len(t, steps, 1, "only step 0, the intact (empty) network")
		})
	}
	zero := &network.Network{}
	require.Empty(t, gap.Gaps(zero, nil, gap.GapOptions{}))
	require.Empty(t, gap.FundingFlows(zero, network.Date{}))
	st := gap.Measure(zero, nil, network.Date{})
	require.Zero(t, st.Reachable)
	_, err := gap.Recommend(ctx, zero, nil, gap.RecommendOptions{})
	require.ErrorIs(t, err, gap.ErrModel, "no model: nothing to recommend against")
	_, err = gap.OptimizeLinks(ctx, zero, nil, 3, gap.OptimizeOptions{})
	require.ErrorIs(t, err, gap.ErrModel)
	r, err := report.New(ctx, zero, report.Options{})
	require.NoError(t, err)
	require.Zero(t, r.Summary.Actors)
	require.Empty(t, r.Central)
	d, err := report.Diff(ctx, zero, zero, report.DiffOptions{})
	require.NoError(t, err)
	require.Empty(t, d.Moves)
}

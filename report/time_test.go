package report

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/network"
)

// project is a transnational project that ran from 2017-10-01 to
// 2019-09-30: five partners linked to it, their links dated and marked
// "ended", as a file written after its end records them.
func project(t *testing.T, status network.Status) *network.Network {
	t.Helper()
	as := []actor.Actor{{ID: "proj", Name: "Project", Kind: actor.Project}}
	var ls []network.Link
	for _, p := range []struct {
		id   string
		kind actor.Kind
	}{{"lead", actor.Municipality}, {"office", actor.LabourOffice}, {"firm", actor.Employer}, {"school", actor.School}, {"ngo", actor.NGO}} {
		as = append(as, actor.Actor{ID: p.id, Kind: p.kind})
		ls = append(ls, network.Link{From: p.id, To: "proj", Kind: network.Partnership, Status: status,
			Start: network.MustParseDate("2017-10-01"), End: network.MustParseDate("2019-09-30")})
	}
	n, err := network.Build("Project", as, ls)
	require.NoError(t, err)
	return n
}

func markdown(t *testing.T, r *Report) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.WriteMarkdown(&b))
	return b.String()
}

func TestReportDuringAndAfterAProject(t *testing.T) {
	n := project(t, network.Ended)
	during := newReport(t, n, Options{At: network.MustParseDate("2018-06-01"), Optimize: -1})
	require.Equal(t, 5, during.Summary.InForce, "the dates say the links were in force in 2018, whatever the status says today")
	require.False(t, during.Stale)
	require.Empty(t, during.Ended)
	for _, g := range during.Gaps {
		require.NotContains(t, []gap.Rule{gap.PlannedOnly, gap.EndedOnly, gap.Isolated}, g.Rule, "nobody is cut off in 2018: %s", g.Explanation)
	}
	require.Equal(t, "proj", during.CutPoints[0].ID, "the project holds its partners together")
	md := markdown(t, during)
	require.Contains(t, md, "**As of 2018-06-01**, the day asked for.")

	after := newReport(t, n, Options{At: network.MustParseDate("2020-01-01"), Optimize: -1})
	require.True(t, after.Stale)
	require.Equal(t, network.MustParseDate("2018-09-30"), after.Suggest, "the middle of the project's life")
	require.Len(t, after.Ended, 5)
	md = markdown(t, after)
	require.Contains(t, md, "No link is in force on 2020-01-01.")
	require.Contains(t, md, "`--at 2018-09-30`")
	require.Contains(t, md, "## What ended")
	for _, rec := range after.Recommendations {
		require.NotEqual(t, gap.ActivateLink, rec.Action, "what ended is never proposed to be put into practice: %s", rec.Explanation)
	}
	for _, g := range after.Gaps {
		require.NotEqual(t, gap.PlannedOnly, g.Rule, "ended is not planned: %s", g.Explanation)
	}
}

func TestUndatedStaleFile(t *testing.T) {
	// The same project without any status: dated in the past, so a report
	// as of today says the data describes 2017–2019.
	r := newReport(t, project(t, network.StatusUnknown), Options{Optimize: -1})
	require.Equal(t, "today", r.AtFrom)
	require.True(t, r.Stale)
	require.Contains(t, markdown(t, r), "The dated links of this network run from 2017-10-01 to 2019-09-30")
}

func TestPlannedLinksKeepTheirRecommendation(t *testing.T) {
	n := project(t, network.Ended)
	n, err := n.Apply(network.Edit{AddLinks: []network.Link{{From: "school", To: "firm", Kind: network.Cooperation, Status: network.Planned}}})
	require.NoError(t, err)
	n.AsOf = network.MustParseDate("2020-01-01")
	r := newReport(t, n, Options{Optimize: -1})
	require.Equal(t, "file", r.AtFrom)
	var activate []gap.Recommendation
	for _, rec := range r.Recommendations {
		if rec.Action == gap.ActivateLink {
			activate = append(activate, rec)
		}
	}
	require.Len(t, activate, 2, "school and firm each have a planned link and nothing in force")
	require.Contains(t, activate[0].Explanation, "planned cooperation")
	require.Contains(t, activate[0].Explanation, "(1 planned link)")
}

func TestWorseEffectsAreSaid(t *testing.T) {
	// The small pact's first recommendation brings the school into the
	// working group: it connects the school but makes more pairs depend on
	// single actors, and the report says so and why it is proposed.
	r := newReport(t, reportNet(t), Options{})
	rec := r.Recommendations[0]
	require.Positive(t, rec.Effect.Dependent.Change(), "this recommendation makes the dependence worse")
	text := recommendationText(rec, func(id string) string { return r.Names[id] }, func(k gap.Key) string { return k.Name })
	require.Contains(t, text, "Worse: ")
	require.Contains(t, text, "pairs depending on a single actor 15 → 24 (+9)")
	require.Contains(t, text, "It is proposed all the same: it closes the gap")
	// A recommendation that only improves says nothing of costs.
	for _, rec := range r.Recommendations {
		if rec.Effect.Dependent.Change() < 0 && len(rec.Effect.NewCutPoints) == 0 && len(rec.Effect.Opened) == 0 && rec.Effect.NewlyConnected >= 0 {
			require.NotContains(t, recommendationText(rec, func(id string) string { return id }, func(k gap.Key) string { return k.Name }), "Worse")
		}
	}
}

func TestLargeNetworksAreSampled(t *testing.T) {
	// Above ExactUpTo actors, betweenness and path figures are estimated,
	// and the report says so with the bound.
	n := reportNet(t)
	exact := newReport(t, n, Options{Optimize: -1})
	require.Zero(t, exact.Cohesion.Sampled)
	r := newReport(t, n, Options{Optimize: -1, ExactUpTo: 4, Samples: 3, Seed: 2})
	require.Equal(t, 3, r.Cohesion.Sampled)
	require.InDelta(t, centrality.ApproxBetweennessBound(8, 3, 0.05), float64(r.Cohesion.Bound), 1e-12)
	require.LessOrEqual(t, r.Cohesion.Diameter, exact.Cohesion.Diameter, "a lower bound")
	md := markdown(t, r)
	require.Contains(t, md, "estimated from the shortest paths of 3 actors drawn at random (Brandes and Pich; seed 2)")
	require.Contains(t, md, "estimated from 3 actors drawn at random (seed 2)")
	require.EqualValues(t, 2, r.Cohesion.Seed)
	require.Zero(t, exact.Cohesion.Seed, "no seed when exact")
	require.Contains(t, md, "Diameter** at least")
	require.Equal(t, r.Central, newReport(t, n, Options{Optimize: -1, ExactUpTo: 4, Samples: 3, Seed: 2}).Central, "seeded")
}

func TestConsortiumModelChosen(t *testing.T) {
	// The five-partner project of TestReportDuringAndAfterAProject, as of a
	// day in its life, with partnership roles: judged as a consortium.
	n := project(t, network.Ended)
	r := newReport(t, n, Options{At: network.MustParseDate("2018-06-01"), Optimize: -1})
	require.Equal(t, gap.ConsortiumModel().Name, r.Model)
	require.Contains(t, r.ModelWhy, "has 5 of the other 5 actors as partners")
	var rules []string
	for _, g := range r.Gaps {
		rules = append(rules, g.Key().String())
	}
	require.Contains(t, rules, "missing-kind: funder", "a consortium without its funder")
	require.Contains(t, rules, "missing-role: lead-partner", "and without a lead partner")
	require.NotContains(t, rules, "missing-kind: higher-education", "regional gaps do not flood a project's report")
	for _, g := range r.Gaps {
		require.NotEqual(t, gap.UnservedGroup, g.Rule, "no target groups of the regional model: %s", g.Title)
	}
	require.Contains(t, markdown(t, r), "Gaps are judged against the **labournet project-consortium model**, chosen because")

	// With a lead partner and a funder, those gaps close.
	n, err := n.Apply(network.Edit{
		RemoveLinks: []network.LinkRef{{From: "lead", To: "proj", Kind: network.Partnership}},
		AddLinks: []network.Link{
			{From: "lead", To: "proj", Kind: network.Partnership, Role: network.RoleLead, Start: network.MustParseDate("2017-10-01")},
		}})
	require.NoError(t, err)
	r = newReport(t, n, Options{At: network.MustParseDate("2018-06-01"), Optimize: -1})
	for _, g := range r.Gaps {
		require.NotEqual(t, gap.MissingRole, g.Rule)
	}

	// A regional pact stays regional, and a model given is used as asked.
	require.Equal(t, gap.DefaultModel().Name, newReport(t, reportNet(t), Options{Optimize: -1}).Model)
	asked := newReport(t, project(t, network.Ended), Options{Model: gap.DefaultModel(), Optimize: -1})
	require.Equal(t, "given", asked.ModelWhy)
}

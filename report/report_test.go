package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/gap"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

var update = flag.Bool("update", false, "rewrite the golden files of the report tests")

// reportNet is a small regional network with a funding chain, a working
// group, a planned link and a bottleneck.
func reportNet(t *testing.T) *network.Network {
	t.Helper()
	eur := func(a float64) *network.Money { return &network.Money{Amount: a, Currency: "EUR"} }
	n, err := network.Build("Small pact",
		[]actor.Actor{
			{ID: "esf", Name: "ESF+", Kind: actor.Fund, Level: actor.International},
			{ID: "op", Name: "Operational programme", Kind: actor.Programme, Level: actor.National},
			{ID: "lo", Name: "Labour office", Kind: actor.LabourOffice, Region: "North", TargetGroups: []string{"youth"}},
			{ID: "city", Name: "City hall", Kind: actor.Municipality, Region: "North"},
			{ID: "firm", Name: "Firm *A*", Kind: actor.Employer, Region: "North"},
			{ID: "school", Name: "Vocational school", Kind: actor.School, Region: "North"},
			{ID: "wg", Name: "Education working group", Kind: actor.Body, Themes: []string{"education"}},
			{ID: "ngo", Name: "Youth NGO", Kind: actor.NGO, Region: "South", TargetGroups: []string{"youth", "low-skilled"}},
		},
		[]network.Link{
			{From: "esf", To: "op", Kind: network.Funding, Money: eur(1000)},
			{From: "op", To: "lo", Kind: network.Funding, Money: eur(600)},
			{From: "op", To: "city", Kind: network.Funding, Money: eur(400)},
			{From: "lo", To: "wg", Kind: network.Membership, Role: network.RoleMember},
			{From: "city", To: "wg", Kind: network.Membership, Role: network.RoleChair, Cadence: network.MustParseCadence("quarterly")},
			{From: "lo", To: "city", Kind: network.Cooperation},
			{From: "city", To: "firm", Kind: network.Cooperation},
			{From: "school", To: "firm", Kind: network.Cooperation, Status: network.Planned},
			{From: "ngo", To: "lo", Kind: network.Service, TargetGroups: []string{"youth"}},
		})
	require.NoError(t, err)
	n.AsOf = network.MustParseDate("2025-06-01") // the day the data describes, so that the report does not depend on today
	return n
}

// applyRec applies a recommendation to n the way a user would.
func applyRec(t *testing.T, n *network.Network, r gap.Recommendation) *network.Network {
	t.Helper()
	out, err := r.Apply(n)
	require.NoError(t, err, r.Explanation)
	return out
}

// checkPromise applies a recommendation as a user would and checks that
// the network changes as its Effect says.
func checkPromise(t *testing.T, n *network.Network, m *gap.Model, r gap.Recommendation) {
	t.Helper()
	got := gap.Compare(gap.Measure(n, m, network.Date{}), gap.Measure(applyRec(t, n, r), m, network.Date{}))
	require.Equal(t, got.CutPoints, r.Effect.CutPoints, "%s: articulation points", r.Explanation)
	require.Equal(t, got.Relieved, r.Effect.Relieved, "%s: relieved", r.Explanation)
	require.Equal(t, got.Dependent, r.Effect.Dependent, "%s: dependent pairs", r.Explanation)
	require.Equal(t, got.Reachable, r.Effect.Reachable, "%s: reachable pairs", r.Explanation)
	require.Equal(t, got.Closed, r.Effect.Closed, "%s: gaps closed", r.Explanation)
	for _, a := range r.Addresses {
		require.Contains(t, r.Effect.Closed, a, "%s: does not close what it addresses", r.Explanation)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestReportGolden -update to create it")
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); rerun with -update if the change is intended:\n%s", name, diff)
	}
}

func TestReportGolden(t *testing.T) {
	r := newReport(t, reportNet(t), Options{})
	var md, js bytes.Buffer
	require.NoError(t, r.WriteMarkdown(&md))
	require.NoError(t, r.WriteJSON(&js))
	golden(t, "small.md", md.Bytes())
	golden(t, "small.json", js.Bytes())
}

func TestReportContents(t *testing.T) {
	n := reportNet(t)
	r := newReport(t, n, Options{Top: 3})
	require.Len(t, r.Central, 3)
	require.Equal(t, "city", r.Central[0].ID, "the city hall lies between most others")
	var cuts []string
	for _, c := range r.CutPoints {
		cuts = append(cuts, c.ID)
	}
	require.Contains(t, cuts, "city")
	require.Contains(t, cuts, "op")
	require.Equal(t, 8, r.Summary.Actors)
	// The planned school–firm link is left out of the working network: the
	// school is isolated there, and the gap rules say so.
	var rules []string
	for _, g := range r.Gaps {
		rules = append(rules, g.Key().String())
	}
	require.Contains(t, rules, "planned-only: school")
	require.Contains(t, rules, "body-missing-kind: wg")
	// Funding shares are traced: the labour office gets 60% of the money.
	for _, f := range r.Funding {
		if f.ID == "lo" {
			require.Equal(t, "esf", f.Origins[0].ID)
			require.InDelta(t, 1, float64(f.Origins[0].Share), 1e-12)
		}
	}
	// Every recommendation keeps its promise.
	for _, rec := range r.Recommendations {
		checkPromise(t, n, gap.DefaultModel(), rec)
	}
	// JSON has stable keys and nulls for undefined values, and reads back.
	var js bytes.Buffer
	require.NoError(t, r.WriteJSON(&js))
	var back map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	for _, k := range []string{"network", "summary", "cohesion", "central", "cutPoints", "bridges", "brokers", "communities", "funding", "coverage", "gaps", "recommendations", "optimized", "names"} {
		require.Contains(t, back, k)
	}
}

func TestReportAt(t *testing.T) {
	n := testnet.Spec(t, []string{"a:labour-office", "b:employer", "c:school"}, nil)
	n, err := n.Apply(network.Edit{AddLinks: []network.Link{
		{From: "a", To: "b", Kind: network.Cooperation, Start: network.MustParseDate("2010"), End: network.MustParseDate("2012")},
		{From: "b", To: "c", Kind: network.Cooperation, Start: network.MustParseDate("2015")},
	}})
	require.NoError(t, err)
	r2011 := newReport(t, n, Options{At: network.MustParseDate("2011-06-01")})
	r2016 := newReport(t, n, Options{At: network.MustParseDate("2016-06-01")})
	require.Equal(t, 2, r2011.Summary.Links, "the summary counts every link")
	require.Equal(t, 1, r2011.Summary.InForce)
	require.Equal(t, 1, r2016.Summary.InForce)
	require.Equal(t, 1, r2016.Summary.Over, "a–b ended in 2012")
	require.Equal(t, "given", r2011.AtFrom)
	tie := func(r *Report) string {
		require.Len(t, r.Bridges, 1, "one link in force, so one bridge")
		return r.Bridges[0].From + "–" + r.Bridges[0].To
	}
	require.Equal(t, "a–b", tie(r2011), "2011: a–b works")
	require.Equal(t, "b–c", tie(r2016), "2016: b–c works")
}

// newReport runs New without cancellation, failing the test on error.
func newReport(t *testing.T, n *network.Network, opt Options) *Report {
	t.Helper()
	r, err := New(context.Background(), n, opt)
	require.NoError(t, err)
	return r
}

// A source whose amounts add up beyond the largest float64 is named in the
// text, its amount is null in JSON, and the shares stay exact.
func TestReportFundingOverflow(t *testing.T) {
	n := testnet.Spec(t, []string{"f:fund", "g:fund", "p:labour-office"}, nil)
	money := &network.Money{Amount: 1e308, Currency: "EUR"}
	n, err := n.Apply(network.Edit{AddLinks: []network.Link{
		{From: "f", To: "p", Kind: network.Funding, Money: money},
		{From: "f", To: "p", Kind: network.Funding, Money: money},
		{From: "g", To: "p", Kind: network.Funding, Money: money},
	}})
	require.NoError(t, err)
	r := newReport(t, n, Options{})
	var md, js bytes.Buffer
	require.NoError(t, r.WriteMarkdown(&md))
	require.Contains(t, md.String(), "- **p** is funded by f (67%), g (33%).")
	require.Contains(t, md.String(), "The amounts from f to p add up to more than a number can hold")
	require.NoError(t, r.WriteJSON(&js))
	var out struct {
		Funding []struct {
			Direct []struct {
				ID     string
				Amount *float64
				Share  *float64
			}
		}
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &out))
	require.Len(t, out.Funding, 1)
	d := out.Funding[0].Direct
	require.Len(t, d, 2)
	require.Equal(t, "f", d[0].ID)
	require.Nil(t, d[0].Amount, "f's sum overflows: null")
	require.InDelta(t, 2.0/3, *d[0].Share, 1e-15)
	require.Equal(t, 1e308, *d[1].Amount)

	// Without the overflow the sentence is absent.
	n2 := testnet.Spec(t, []string{"f:fund", "p:labour-office"}, []string{"f>p:funding"})
	md.Reset()
	require.NoError(t, newReport(t, n2, Options{}).WriteMarkdown(&md))
	require.Contains(t, md.String(), "## Funding")
	require.NotContains(t, md.String(), "more than a number can hold")
}

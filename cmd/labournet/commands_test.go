package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// metricsTable runs metrics and returns the CSV rows keyed by actor ID.
func metricsTable(t *testing.T, args ...string) map[string]map[string]string {
	t.Helper()
	code, out, errOut := runCLI(append([]string{"metrics"}, args...)...)
	require.Equal(t, 0, code, errOut)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	table := map[string]map[string]string{}
	for _, r := range rows[1:] {
		row := map[string]string{}
		for j, h := range rows[0] {
			row[h] = r[j]
		}
		table[row["id"]] = row
	}
	return table
}

func TestMetricsByHand(t *testing.T) {
	// hub links e1, e2, e3; e3 serves s; the hub's funding of s is only
	// planned and left out; alone has no link. Six actors, so N−1 = 5 and
	// (N−1)(N−2) = 20.
	m := metricsTable(t, "testdata/star.json")
	require.Len(t, m, 6)
	require.Equal(t, "3", m["hub"]["degree"])
	require.Equal(t, "5", m["hub"]["weighted_degree"], "1 + 1 + 3")
	// The hub lies on the paths e1-e2, e1-e3, e2-e3, e1-s, e2-s: 5 of the
	// 10 pairs of the other five, normalised 2·5/20 = 0.5.
	require.Equal(t, "0.5", m["hub"]["betweenness"])
	b, err := strconv.ParseFloat(m["e3"]["betweenness"], 64)
	require.NoError(t, err)
	require.InDelta(t, 0.3, b, 1e-12, "e3 lies between s and hub, e1, e2: 2·3/20")
	require.Equal(t, "true", m["hub"]["articulation"])
	require.Equal(t, "false", m["e1"]["articulation"])
	// Undefined values are empty, never 0: hierarchy of a single contact,
	// clustering is 0 (defined) for the lone actor.
	require.Equal(t, "", m["e1"]["hierarchy"])
	require.Equal(t, "", m["alone"]["constraint"])
	require.Equal(t, "0", m["alone"]["clustering"])
	// Harmonic, unnormalised: the hub reaches e1, e2, e3 at 1 and s at 2.
	h, err := strconv.ParseFloat(m["hub"]["harmonic"], 64)
	require.NoError(t, err)
	require.InDelta(t, 3.5, h, 1e-12)
	// Directed: the service arc e3 → s counts only one way.
	d := metricsTable(t, "--directed", "--only", "id,in_degree,out_degree,betweenness", "testdata/star.json")
	require.Equal(t, map[string]string{"id": "s", "in_degree": "1", "out_degree": "0", "betweenness": "0"}, d["s"])
	// --kinds keeps only cooperation: s is cut off.
	k := metricsTable(t, "--kinds", "cooperation", "--only", "id,degree", "testdata/star.json")
	require.Equal(t, "0", k["s"]["degree"])
	// --group adds the brokerage roles.
	g := metricsTable(t, "--group", "kind", "--only", "id,liaison,gatekeeper,representative", "testdata/star.json")
	require.Contains(t, g, "hub")
}

func TestMetricsJSONAndErrors(t *testing.T) {
	code, out, errOut := runCLI("metrics", "--format", "json", "--only", "id,hierarchy,degree", "testdata/star.json")
	require.Equal(t, 0, code, errOut)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	require.Len(t, rows, 6)
	require.Equal(t, "alone", rows[0]["id"], "rows sorted by ID")
	require.Nil(t, rows[0]["hierarchy"], "undefined is null")
	require.Contains(t, out, `{"id": "alone", "hierarchy": null, "degree": 0}`, "columns in the asked order")

	for _, args := range [][]string{
		{"metrics", "--only", "id,colour", "testdata/star.json"},
		{"metrics", "--format", "xml", "testdata/star.json"},
		{"metrics", "--only", "liaison", "testdata/star.json"},
		{"metrics", "--kinds", "friendship", "testdata/star.json"},
	} {
		code, _, errOut := runCLI(args...)
		require.Equal(t, 2, code, "%v", args)
		require.Contains(t, errOut, "usage: labournet metrics", "%v", args)
	}
}

func TestAnalyze(t *testing.T) {
	code, out, errOut := runCLI("analyze", "../../examples/steelcityzen/steelcityzen.json")
	require.Equal(t, 0, code, errOut)
	for _, section := range []string{"# SteelCityZen, Stara Zagora", "## Central actors", "## Bottlenecks", "## Gaps", "## Recommendations", "## Optimised cooperation model"} {
		require.Contains(t, out, section)
	}
	path := filepath.Join(t.TempDir(), "report.json")
	code, _, errOut = runCLI("analyze", "--format", "json", "-o", path, "../../examples/steelcityzen/steelcityzen.json")
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var r struct {
		Network string `json:"network"`
		Gaps    []struct {
			Rule, Name, Severity string
		} `json:"gaps"`
	}
	require.NoError(t, json.Unmarshal(b, &r))
	require.Equal(t, "SteelCityZen, Stara Zagora", r.Network)
	// The municipality–business–education gap the case names (read from
	// the JSON, whose keys are stable, rather than the Markdown's prose).
	type gap = struct{ Rule, Name, Severity string }
	var gaps []gap
	for _, g := range r.Gaps {
		gaps = append(gaps, gap(g))
	}
	require.Contains(t, gaps, gap{"missing-relation", "education–employer", "high"})
	require.Contains(t, gaps, gap{"missing-relation", "municipality–employer", "medium"})

	code, _, errOut = runCLI("analyze", "--model", "testdata/star.json", "../../examples/steelcityzen/steelcityzen.json")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "invalid reference model")
}

func TestDiff(t *testing.T) {
	code, out, errOut := runCLI("diff", "../../examples/jobtown2/jobtown1.json", "../../examples/jobtown2/jobtown2.json")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "Actors that came (14)")
	require.Contains(t, out, "Actors that went (4)")
	require.Contains(t, out, "  - Erasmus+")
	require.Contains(t, out, "Links that came (17)")

	code, out, errOut = runCLI("diff", "--at", "2016", "--at", "2017-02", "../../examples/jobtown2/jobtown2.json")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "Links that came (8)", "the links dated from the first meeting, 10 January 2017")

	code, _, _ = runCLI("diff", "--at", "2016", "../../examples/jobtown2/jobtown2.json")
	require.Equal(t, 2, code)
}

func TestRender(t *testing.T) {
	for _, f := range []string{"dot", "svg", "html", "mermaid", "graphml", "gexf"} {
		code, out, errOut := runCLI("render", "--format", f, "--highlight", "bottlenecks", "../../examples/jobtown2/jobtown2.json")
		require.Equal(t, 0, code, errOut)
		require.Contains(t, out, "Kielce Technology Park", f)
	}
	code, out, _ := runCLI("render", "--format", "dot", "--highlight", "bottlenecks", "../../examples/jobtown2/jobtown2.json")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"kpt" [label="", xlabel="Kielce Technology Park\n(Kielecki Park\nTechnologiczny)", shape=ellipse, fillcolor="#999933", fixedsize=true, width=0.32, height=0.32, color="#D00000", penwidth=3]`, "the park is an articulation point, its name wrapped beside its node")
	for _, args := range [][]string{
		{"--format", "svg", "--size", "betweenness", "--cluster", "region", "--edge-labels", "role"},
		{"--format", "svg", "--size", "none", "--cluster", "community", "--max-labels", "3"},
		{"--format", "dot", "--cluster", "community", "--edge-labels", "none"},
	} {
		code, out, errOut := runCLI(append(append([]string{"render"}, args...), "../../examples/jobtown2/jobtown2.json")...)
		require.Equal(t, 0, code, "%v: %s", args, errOut)
		require.Contains(t, out, "Kielce Technology Park", "%v", args)
	}
	path := filepath.Join(t.TempDir(), "j.svg")
	code, _, errOut := runCLI("render", "--format", "svg", "--layout-seed", "5", "-o", path, "../../examples/jobtown2/jobtown2.json")
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(b), "<svg"))
	for _, args := range [][]string{
		{"render", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "png", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "svg", "--layout-seed", "x", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "dot", "--cluster", "kind", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "dot", "--highlight", "all", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "svg", "--size", "area", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "svg", "--edge-labels", "amount", "../../examples/jobtown2/jobtown2.json"},
		{"render", "--format", "svg", "--max-labels", "-1", "../../examples/jobtown2/jobtown2.json"},
	} {
		code, _, errOut := runCLI(args...)
		require.Equal(t, 2, code, "%v", args)
		require.Contains(t, errOut, "usage: labournet render")
	}
}

func TestReadersNotesLimitsAndMapping(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "actors.csv"), []byte("ID;Name;Type;colour\na;A;school;red\nb;B;employer;\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "links.csv"), []byte("from;to;kind\na;b;cooperation\n"), 0o644))
	code, out, errOut := runCLI("validate", dir)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "2 actors, 1 link")
	require.Contains(t, errOut, `note: `+filepath.Join(dir, "actors.csv")+`:1:14: colour: column "colour" names no field`, "a kept column is said, not dropped silently")
	code, _, errOut = runCLI("validate", dir, "-q")
	require.Equal(t, 0, code)
	require.NotContains(t, errOut, "note:", "--quiet: no notes")

	code, _, errOut = runCLI("validate", liberec, "--max-elements", "10")
	require.Equal(t, 1, code)
	require.Contains(t, errOut, "the MaxElements limit")

	code, out, errOut = runCLI("validate", "../../encoding/xlsx/testdata/people.xlsx", "--mapping", "../../encoding/xlsx/testdata/people-mapping.json")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "5 actors, 3 links", "a workbook read through its mapping")
}

// TestMetricsComponent numbers the components, the largest 0, an isolated
// actor one of its own.
func TestMetricsComponent(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "actors.csv"), []byte("id,kind\na,school\nb,school\nc,school\nd,school\ne,school\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "links.csv"), []byte("from,to,kind\na,b,cooperation\nb,c,cooperation\nd,e,cooperation\n"), 0o644))
	code, out, errOut := runCLI("metrics", dir, "--only", "id,component", "-q")
	require.Equal(t, 0, code, errOut)
	require.Equal(t, "id,component\na,0\nb,0\nc,0\nd,1\ne,1\n", out)
}

package cordisgen_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding/eu"
	"github.com/labournet/labournet/internal/cordisgen"
)

func generate(t *testing.T, opt cordisgen.Options) (org, proj []byte, st cordisgen.Stats) {
	t.Helper()
	var o, p bytes.Buffer
	st, err := cordisgen.Write(&o, &p, opt)
	require.NoError(t, err)
	return o.Bytes(), p.Bytes(), st
}

func readRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	require.NoError(t, err)
	return rows
}

func TestDeterministic(t *testing.T) {
	opt := cordisgen.Options{Projects: 300, Seed: 7, Region: "CZ05"}
	o1, p1, s1 := generate(t, opt)
	o2, p2, s2 := generate(t, opt)
	require.Equal(t, s1, s2)
	require.True(t, bytes.Equal(o1, o2), "organization.csv differs between two runs with one seed")
	require.True(t, bytes.Equal(p1, p2), "project.csv differs between two runs with one seed")
	opt.Seed = 8
	o3, _, _ := generate(t, opt)
	require.False(t, bytes.Equal(o1, o3), "seeds 7 and 8 give the same organization.csv")
}

// TestLayout checks the files against the layout of encoding/eu's
// testdata/cordis: the headers, every field quoted, one coordinator of
// order 1 per project.
func TestLayout(t *testing.T) {
	org, proj, st := generate(t, cordisgen.Options{Projects: 200, Seed: 1})
	require.True(t, strings.HasPrefix(string(org), `"projectID";"projectAcronym";"organisationID";"vatNumber";"name";"shortName";"SME";"activityType";`))
	require.True(t, strings.HasPrefix(string(proj), `"id";"acronym";"status";"title";"startDate";"endDate";"totalCost";"ecMaxContribution";`))
	for _, data := range [][]byte{org, proj} {
		for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			require.True(t, strings.HasPrefix(line, `"`) && strings.HasSuffix(line, `"`), "line %d is not quoted: %s", i+1, line)
		}
	}
	orgs := readRows(t, org)
	require.Equal(t, cordisgen.OrgHeader, orgs[0])
	require.Len(t, orgs, st.Participations+1)
	projects := readRows(t, proj)
	require.Equal(t, cordisgen.ProjectHeader, projects[0])
	require.Len(t, projects, st.Projects+1)
	coordinators := map[string]int{}
	for _, r := range orgs[1:] {
		require.Len(t, r, 25)
		require.Len(t, r[2], 9, "organisation ID %q", r[2])
		require.Len(t, r[12], 5, "NUTS code %q", r[12])
		require.Equal(t, r[11], r[12][:2], "NUTS code %q of country %q", r[12], r[11])
		require.NotContains(t, r[20], ",", "ecContribution %q has a decimal comma", r[20])
		if r[19] == "coordinator" {
			coordinators[r[0]]++
			require.Equal(t, "1", r[18])
		}
	}
	for _, r := range projects[1:] {
		require.Len(t, r, 22)
		require.Equal(t, 1, coordinators[r[0]], "project %s", r[0])
		require.Contains(t, []string{"SIGNED", "CLOSED", "TERMINATED"}, r[2])
		require.Contains(t, []string{"H2020", "HORIZON"}, r[10])
	}
}

// TestCounts checks the distributions against H2020's: 5.1 participations
// a project, 0.22 organisations a participation, about 35% of projects
// with one beneficiary, and the activity types' shares.
func TestCounts(t *testing.T) {
	org, _, st := generate(t, cordisgen.Options{Projects: 3500, Seed: 1})
	near := func(what string, got, want float64) {
		t.Helper()
		require.InEpsilon(t, want, got, 0.15, "%s: got %.0f, want %.0f ± 15%%", what, got, want)
	}
	require.Equal(t, 3500, st.Projects)
	near("participations", float64(st.Participations), 5.1*3500)
	near("organisations", float64(st.Organisations), 40000.0/180000*5.1*3500)
	rows := readRows(t, org)[1:]
	types := map[string]float64{}
	size := map[string]int{}
	ids := map[string]bool{}
	for _, r := range rows {
		types[r[7]]++
		size[r[0]]++
		ids[r[2]] = true
	}
	require.Len(t, ids, st.Organisations)
	singles := 0
	for _, n := range size {
		if n == 1 {
			singles++
		}
	}
	near("single-beneficiary projects", float64(singles), 0.35*3500)
	for typ, share := range map[string]float64{"HES": 0.31, "PRC": 0.33, "REC": 0.25, "PUB": 0.05, "OTH": 0.06} {
		near(typ+" participations", types[typ], share*float64(len(rows)))
	}
}

// TestImport reads a generated folder with encoding/eu's cordis preset.
func TestImport(t *testing.T) {
	dir := t.TempDir()
	st, err := cordisgen.WriteDir(dir, cordisgen.Options{Projects: 3500, Seed: 3})
	require.NoError(t, err)
	l, err := eu.Preset("cordis")
	require.NoError(t, err)
	res, err := eu.Import(context.Background(), l, []string{dir}, eu.Options{})
	require.NoError(t, err)
	orgs, projects := 0, 0
	for _, a := range res.Network.Actors() {
		switch a.Kind {
		case actor.Project:
			projects++
		case actor.Programme, actor.Fund:
		default:
			orgs++
		}
	}
	require.Equal(t, st.Organisations, orgs)
	require.Equal(t, st.Projects, projects)
	require.Equal(t, st.Participations, res.Rows)
	require.Equal(t, st.Participations, res.Participations)
	require.Empty(t, res.Merges)
	for _, w := range res.Warnings {
		t.Logf("warning: %s", w)
	}
	for _, n := range res.Notes {
		t.Logf("note: %s", n)
	}
	t.Logf("%d near-duplicates", len(res.NearDuplicates))
}

func TestRegion(t *testing.T) {
	org, _, _ := generate(t, cordisgen.Options{Projects: 600, Seed: 1, Region: "CZ05"})
	in := map[string]bool{}
	for _, r := range readRows(t, org)[1:] {
		if strings.HasPrefix(r[12], "CZ05") {
			in[r[2]] = true
		}
	}
	require.GreaterOrEqual(t, len(in), 15)
	_, err := cordisgen.Write(&bytes.Buffer{}, &bytes.Buffer{}, cordisgen.Options{Projects: 1, Region: "XX9"})
	require.ErrorContains(t, err, `region "XX9"`)
}

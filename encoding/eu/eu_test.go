package eu_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/encoding/eu"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/network"
)

func preset(t testing.TB, name string) *eu.Layout {
	t.Helper()
	l, err := eu.Preset(name)
	require.NoError(t, err)
	return l
}

func importPaths(t testing.TB, layout string, opt eu.Options, paths ...string) *eu.Result {
	t.Helper()
	res, err := eu.Import(context.Background(), preset(t, layout), paths, opt)
	require.NoError(t, err)
	return res
}

// links returns the links of n of kind k that leave from.
func links(n *network.Network, from string, k network.LinkKind) []network.Link {
	var out []network.Link
	for _, l := range n.Links() {
		if l.From == from && l.Kind == k {
			out = append(out, l)
		}
	}
	return out
}

func TestCORDIS(t *testing.T) {
	res := importPaths(t, "cordis", eu.Options{}, "testdata/cordis")
	n := res.Network
	require.Equal(t, 14, res.Rows)
	require.Equal(t, 13, res.Participations, "one duplicate row merged")

	kinds := map[actor.Kind]int{}
	for _, a := range n.Actors() {
		kinds[a.Kind]++
	}
	require.Equal(t, map[actor.Kind]int{actor.Fund: 1, actor.Programme: 2, actor.Project: 3, actor.University: 3,
		actor.Employer: 1, actor.ResearchOrganisation: 1, actor.PublicBody: 2, actor.Organisation: 3}, kinds)

	tul, ok := n.Actor("org-999000001")
	require.True(t, ok)
	require.Equal(t, "TECHNICKÁ UNIVERZITA V LIBERCI", tul.Name)
	require.Equal(t, "CZ", tul.Country)
	require.Equal(t, "CZ051", tul.Region)
	require.Equal(t, "HES", tul.Attrs["sourceType"])
	require.Len(t, links(n, tul.ID, network.Partnership), 2, "one organisation in two projects")

	// Merged by VAT number (written with spaces) into the organisation with that VAT and an ID.
	require.Contains(t, res.Merges, eu.Merge{Into: "org-999000002", From: "vat-DE811111111", By: "VAT number"})
	require.Len(t, links(n, "org-999000002", network.Partnership), 2)
	_, ok = n.Actor("vat-DE811111111")
	require.False(t, ok)

	// Merged by normal name and country ("z.s." and "z. s.", case, accents).
	chamber, ok := n.Actor("org-liberecka-obchodni-komora-cz")
	require.True(t, ok, "the chamber has no ID or VAT number: known by name and country")
	require.Len(t, links(n, chamber.ID, network.Partnership), 2)

	// Quoting: ';' and '"' inside a quoted name; no VAT number.
	ils, _ := n.Actor("org-999000003")
	require.Equal(t, `Institute for Labour Studies; Research Unit "Work & Skills"`, ils.Name)
	require.Equal(t, "GR", ils.Country, "the EU's EL is ISO's GR")
	_, hasVAT := ils.Attrs["vat"]
	require.False(t, hasVAT)

	// Roles.
	roles := map[string]string{}
	for _, l := range n.Links() {
		if l.Kind == network.Partnership && l.To == "project-101000001" {
			roles[l.From] = l.Role
		}
	}
	require.Equal(t, map[string]string{"org-999000001": "lead", "org-999000002": "partner", "org-999000003": "partner",
		"org-999000004": "associated", "org-999000005": "third-party"}, roles)

	// Money: EC contribution on a funding link from the programme; none for 0.
	var weber []float64
	for _, l := range links(n, "programme-horizon-europe", network.Funding) {
		if l.To == "org-999000002" {
			weber = append(weber, l.Money.Amount)
			require.Equal(t, "project-101000001", l.Attrs["project"])
			require.Equal(t, "EUR", l.Money.Currency)
		}
		require.NotEqual(t, "org-999000004", l.To, "no funding link for a contribution of 0")
	}
	require.Equal(t, []float64{250000.75}, weber)

	// Project facts from project.csv, with decimal commas.
	p, _ := n.Actor("project-101000001")
	require.Equal(t, "950000.75", p.Attrs["euContribution"])
	require.Equal(t, "Horizon Europe", p.Attrs["programme"])
	require.Equal(t, "HORIZON-CL2-2021-TRANSFORMATIONS-01-02", p.Attrs["topic"])
	require.Contains(t, strings.Join(res.Notes, "\n"), "project.csv: ecMaxContribution: amounts with a decimal comma")
	require.Contains(t, strings.Join(res.Notes, "\n"), "1 duplicate participation row merged")

	// An ended participation is over on every day; the others follow the project's dates.
	for _, l := range links(n, "org-999000007", network.Partnership) {
		require.Equal(t, network.Ended, l.Status)
		require.True(t, l.End.IsZero())
		require.Equal(t, network.Over, l.PhaseOn(network.MustParseDate("2020-06-01")))
	}
	for _, l := range links(n, "org-999000006", network.Partnership) {
		require.Equal(t, network.Ongoing, l.PhaseOn(network.MustParseDate("2020-06-01")))
		require.Equal(t, network.Over, l.PhaseOn(network.MustParseDate("2022-01-01")))
	}

	// Near-duplicates: same normal name, different IDs.
	require.Equal(t, []eu.NearDuplicate{{A: "org-999000008", B: "org-999000009", NameA: "Žilinská univerzita v Žiline",
		NameB: "Žilinská univerzita v Žilině", Country: "SK", Reason: "same name"}}, res.NearDuplicates)

	// The projection onto organisations joins the partners of a project.
	proj := n.Project(func(a actor.Actor) bool { return a.Kind == actor.Project })
	var tulChamber float64
	for _, l := range proj.Links() {
		if l.From == "org-999000001" && l.To == "org-liberecka-obchodni-komora-cz" || l.To == "org-999000001" && l.From == "org-liberecka-obchodni-komora-cz" {
			tulChamber = l.Weight
		}
	}
	require.Equal(t, 1.0, tulChamber, "TUL and the chamber share GREENJOBS")

	// The network survives the labournet/1 JSON format.
	path := filepath.Join(t.TempDir(), "out.json")
	require.NoError(t, encoding.Save(path, n))
	back, err := encoding.Load(path)
	require.NoError(t, err)
	require.Equal(t, n.NumLinks(), back.NumLinks())
}

func TestCORDISWithoutProjects(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/cordis/organization.csv")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "organization.csv"), data, 0o644))
	res := importPaths(t, "cordis", eu.Options{}, dir)
	require.Contains(t, res.Warnings[0].Message, "no project.csv in the folder")
	p, ok := res.Network.Actor("project-101000001")
	require.True(t, ok)
	require.Equal(t, "SKILLNET", p.Name, "the acronym from organization.csv")
	require.Empty(t, p.Attrs["start"], "dates stay unknown")
	require.Equal(t, "EU framework programme", p.Attrs["programme"], "the preset's default")
}

func TestMergesFile(t *testing.T) {
	m, err := eu.ParseMerges(strings.NewReader(`{"format": "labournet-merges/1",
		"same": [["org-999000008", "org-999000009"]],
		"different": [["org-999000002", "vat-DE811111111"]]}`), "m.json")
	require.NoError(t, err)
	res := importPaths(t, "cordis", eu.Options{Merges: m}, "testdata/cordis")
	n := res.Network
	_, ok := n.Actor("org-999000009")
	require.False(t, ok, "merged as the file says")
	require.Len(t, links(n, "org-999000008", network.Partnership), 2)
	_, ok = n.Actor("vat-DE811111111")
	require.True(t, ok, "the VAT merge is refused")
	require.Empty(t, res.NearDuplicates)
	require.Contains(t, res.Merges, eu.Merge{Into: "org-999000008", From: "org-999000009", By: "merges file"})

	for _, c := range []struct{ name, text, want string }{
		{"format", `{"format": "x"}`, `m.json: format: malformed file: format "x": want "labournet-merges/1"`},
		{"group of one", `{"format": "labournet-merges/1", "same": [["a"]]}`, "same[0]: malformed file: a group of the same organisation names at least two"},
		{"both", `{"format": "labournet-merges/1", "same": [["a","b"]], "different": [["a","b"]]}`, `different[0]: malformed file: "a" and "b" are both in same[0]`},
		{"unknown member", `{"format": "labournet-merges/1", "merge": []}`, `unknown field "merge"`},
	} {
		_, err := eu.ParseMerges(strings.NewReader(c.text), "m.json")
		require.ErrorIs(t, err, encoding.ErrFormat, c.name)
		require.Contains(t, err.Error(), c.want, c.name)
	}
}

func TestKohesio(t *testing.T) {
	res := importPaths(t, "kohesio", eu.Options{}, "testdata/kohesio/CZ-pp21-27-20260924.csv")
	n := res.Network
	up, ok := n.Actor("org-Q8000001")
	require.True(t, ok, "the beneficiary's Wikibase URI gives its ID")
	require.Equal(t, "CZ", up.Country)
	require.Equal(t, "CZ051", up.Region)
	require.Len(t, links(n, up.ID, network.Partnership), 2)
	for _, l := range links(n, up.ID, network.Partnership) {
		require.Equal(t, "beneficiary", l.Role)
	}
	// One beneficiary: the project's EU budget is its contribution. Two: unknown.
	money := map[string]float64{}
	for _, l := range n.Links() {
		if l.Kind == network.Funding && l.Money != nil {
			money[l.From+" → "+l.To] = l.Money.Amount
		}
	}
	require.Equal(t, map[string]float64{"programme-employment-plus → org-Q8000001": 1020000,
		"programme-johannes-amos-comenius → org-Q8000003": 100000}, money, "the two-beneficiary operation's budget is no one's")
	_, ok = n.Actor("fund-esf-plus")
	require.True(t, ok)
	p, _ := n.Actor("project-Q9000001")
	require.Equal(t, "2023-03-01", p.Attrs["start"], "day-first dates")
	require.Equal(t, "Support for labour market integration of long-term unemployed", p.Attrs["topic"])
	nameless, _ := n.Actor("org-Q8000003")
	require.Empty(t, nameless.Name, `"nan" is no name`)
}

func TestErasmusWide(t *testing.T) {
	res := importPaths(t, "erasmus", eu.Options{}, "testdata/erasmus/ErasmusPlus_KA2_2022_Projects_Overview.csv")
	n := res.Network
	school := "org-stredni-prumyslova-skola-strojni-a-elektrotechnicka-liberec-cz"
	a, ok := n.Actor(school)
	require.True(t, ok)
	require.Equal(t, actor.School, a.Kind, "kind guessed from the free-text type")
	require.Len(t, links(n, school, network.Partnership), 2, "merged across case and accents by name and country")
	roles := map[string]string{}
	for _, l := range n.Links() {
		if l.Kind == network.Partnership && l.To == "project-2022-1-CZ01-KA220-VET-000012345" {
			roles[l.From] = l.Role
		}
	}
	require.Equal(t, map[string]string{school: "lead", "org-berufsbildungswerk-dresden-de": "partner",
		"org-fundacja-rozwoju-kompetencji-pl": "partner"}, roles, "the coordinator leads, Partner N are partners; empty groups are none")
	lib, _ := n.Actor("org-krajska-vedecka-knihovna-v-liberci-cz")
	require.Equal(t, actor.Library, lib.Kind)
	require.Equal(t, "Rumjancevova 1362/1, Liberec", lib.Attrs["address"], "a partner's own attributes")
	require.NotContains(t, lib.Attrs, "regionName_coordinator")
	bbw, _ := n.Actor("org-berufsbildungswerk-dresden-de")
	require.Equal(t, "Str. 1, Dresden", bbw.Attrs["address"], "a partner's address, not the coordinator's")
	require.Equal(t, "Dresden", bbw.Attrs["regionName"])
	var msgs []string
	for _, w := range res.Warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	require.Contains(t, all, `Partner 2 organisation type: organisation type "Outer space body of some kind" is unknown`)
	require.Contains(t, all, `Partner 2 country: country "XX" is no ISO 3166-1 code`)
	space, _ := n.Actor("org-space-agency-of-nowhere-xx")
	require.Equal(t, "Outer space body of some kind", space.Attrs["sourceType"])
	require.Equal(t, actor.Organisation, space.Kind)
	var grant float64
	for _, l := range n.Links() {
		if l.Kind == network.Funding && l.To == school && l.Attrs["project"] == "project-2021-1-CZ01-KA121-VET-000067890" {
			grant = l.Money.Amount
		}
	}
	require.Equal(t, 80000.0, grant)
	p, _ := n.Actor("project-2022-1-CZ01-KA220-VET-000012345")
	require.Equal(t, "250000", p.Attrs["euContribution"], `"250,000.00" groups thousands`)
}

func TestSelect(t *testing.T) {
	full := importPaths(t, "cordis", eu.Options{}, "testdata/cordis").Network
	ids := func(n *network.Network, k actor.Kind) []string {
		var out []string
		for _, a := range n.Actors() {
			if a.Kind == k {
				out = append(out, a.ID)
			}
		}
		return out
	}
	for _, c := range []struct {
		reason   string
		f        eu.Filter
		projects []string
		orgs     int
	}{
		{"programme", eu.Filter{Programmes: []string{"horizon 2020"}}, []string{"project-101000002", "project-101000003"}, 7},
		{"call prefix", eu.Filter{Calls: []string{"H2020-MSCA"}}, []string{"project-101000003"}, 3},
		{"topic prefix", eu.Filter{Topics: []string{"HORIZON-CL2"}}, []string{"project-101000001"}, 5},
		{"period", eu.Filter{From: network.MustParseDate("2017"), To: network.MustParseDate("2020-06")}, []string{"project-101000002"}, 5},
		{"country, with partners elsewhere", eu.Filter{Countries: []string{"SK"}}, []string{"project-101000003"}, 3},
		{"NUTS, strict", eu.Filter{NUTS: []string{"sk0"}, Strict: true}, []string{"project-101000003"}, 2},
		{"greek area by the EU's code", eu.Filter{Countries: []string{"EL"}}, []string{"project-101000001"}, 5},
	} {
		v := eu.Select(full, c.f)
		require.Equal(t, c.projects, ids(v, actor.Project), c.reason)
		orgs := 0
		for _, a := range v.Actors() {
			if a.Kind != actor.Project && a.Kind != actor.Programme && a.Kind != actor.Fund {
				orgs++
			}
		}
		require.Equal(t, c.orgs, orgs, c.reason)
	}
	region := eu.Select(full, eu.Filter{NUTS: []string{"SK031"}})
	chamber, _ := region.Actor("org-liberecka-obchodni-komora-cz")
	require.Equal(t, "true", chamber.Attrs["outside"])
	uniza, _ := region.Actor("org-999000008")
	require.NotContains(t, uniza.Attrs, "outside")
	for _, l := range region.Links() {
		if l.Kind == network.Funding && l.Attrs["project"] != "" {
			require.Equal(t, "project-101000003", l.Attrs["project"], "funding of the projects kept only")
		}
	}
	res := importPaths(t, "cordis", eu.Options{Filter: eu.Filter{NUTS: []string{"SK031"}}}, "testdata/cordis")
	require.Equal(t, region.NumLinks(), res.Network.NumLinks(), "a filter at import is Select after it")
	require.Len(t, res.NearDuplicates, 1)
}

// write writes files into a new folder and returns it.
func write(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

const orgHeader = `"projectID";"projectAcronym";"organisationID";"vatNumber";"name";"shortName";"SME";"activityType";"street";"postCode";"city";"country";"nutsCode";"geolocation";"organizationURL";"contactForm";"contentUpdateDate";"rcn";"order";"role";"ecContribution";"netEcContribution";"totalCost";"endOfParticipation";"active"`

func orgRow(cells ...string) string {
	row := make([]string, 25)
	copy(row, cells)
	return `"` + strings.Join(row, `";"`) + `"`
}

func TestErrors(t *testing.T) {
	good := orgRow("1", "A", "9", "", "Org", "", "false", "HES", "", "", "", "CZ", "CZ051", "", "", "", "", "", "1", "coordinator", "10")
	for _, c := range []struct {
		reason string
		org    string
		want   []string // parts of the error
		warn   string   // part of a warning, when the import succeeds
	}{
		{"wrong delimiter", strings.ReplaceAll(orgHeader, ";", "|") + "\n", []string{"organization.csv:1: malformed file: the header row is one column", "separated by none of ',', ';' and tab"}, ""},
		{"renamed column", strings.Replace(strings.Replace(strings.Replace(strings.Replace(orgHeader, `"projectID"`, `"projectIDs"`, 1), `"name"`, `"nme"`, 1), `"organisationID"`, `"orgNumber"`, 1), `"vatNumber"`, `"vat_no"`, 1) + "\n" + good,
			[]string{`the participation table has no column for project: want "projectID" (is "projectIDs" it, renamed?)`,
				`no column for the organisation: want "organisationID" or "vatNumber" or "name" (is "nme" it, renamed?)`}, ""},
		{"decimal comma and grouping", orgHeader + "\n" + orgRow("1", "A", "9", "", "Org", "", "false", "HES", "", "", "", "CZ", "", "", "", "", "", "", "1", "coordinator", "1.234,5,6"),
			[]string{`organization.csv:2:21: ecContribution: malformed file: amount "1.234,5,6": more than one decimal comma`}, ""},
		{"not a flag", orgHeader + "\n" + orgRow("1", "A", "9", "", "Org", "", "maybe", "HES"),
			[]string{`organization.csv:2:7: SME: malformed file: "maybe" is no flag`}, ""},
		{"ragged row", orgHeader + "\n" + good + "\n" + `"1";"A";"9";"x;y"`,
			[]string{"organization.csv:3: malformed file: the row has 4 cells, the header 25"}, ""},
		{"unquoted delimiter", orgHeader + "\n" + `"1";"A";"9";"";Org; Ltd;"";"false";"HES";"";"";"";"CZ";"";"";"";"";"";"";"1";"coordinator";"";"";"";"false";""`,
			[]string{"the row has 26 cells, the header 25: is a ';' inside a value not quoted?"}, ""},
		{"no organisation", orgHeader + "\n" + orgRow("1", "A"), []string{"organization.csv:2:5: name: malformed file: the row names no organisation"}, ""},
		{"unknown activity type", orgHeader + "\n" + orgRow("1", "A", "9", "", "Org", "", "", "XYZ"), nil, `organization.csv:2:8: activityType: organisation type "XYZ" is unknown`},
		{"unknown role", orgHeader + "\n" + orgRow("1", "A", "9", "", "Org", "", "", "HES", "", "", "", "", "", "", "", "", "", "", "", "coordinatrix"), nil, `organization.csv:2:20: role: role "coordinatrix" is unknown`},
		{"empty", "", []string{"organization.csv: malformed file: empty file"}, ""},
	} {
		dir := write(t, map[string]string{"organization.csv": c.org})
		res, err := eu.Import(context.Background(), preset(t, "cordis"), []string{filepath.Join(dir, "organization.csv")}, eu.Options{})
		if c.want == nil {
			require.NoError(t, err, c.reason)
			var ws []string
			for _, w := range res.Warnings {
				ws = append(ws, w.String())
			}
			require.Contains(t, strings.Join(ws, "\n"), c.warn, c.reason)
			continue
		}
		require.Error(t, err, c.reason)
		require.True(t, errors.Is(err, encoding.ErrFormat), "%s: %v", c.reason, err)
		for _, w := range c.want {
			require.Contains(t, err.Error(), w, c.reason)
		}
	}
	// A bad date in project.csv names its place.
	dir := write(t, map[string]string{"organization.csv": orgHeader + "\n" + good + "\n",
		"project.csv": "id;acronym;startDate;endDate\n1;A;2022-13-01;2023\n"})
	_, err := eu.Import(context.Background(), preset(t, "cordis"), []string{dir}, eu.Options{})
	require.ErrorContains(t, err, `project.csv:2:3: startDate: malformed file: date "2022-13-01": want YYYY-MM-DD`)
}

func TestMappingLayout(t *testing.T) {
	m, err := mapping.Load("testdata/interreg/mapping.json")
	require.NoError(t, err)
	l, err := eu.FromMapping(m)
	require.NoError(t, err)
	res, err := eu.Import(context.Background(), l, []string{"testdata/interreg/list_of_operations.xlsx"}, eu.Options{})
	require.NoError(t, err)
	n := res.Network
	lead := 0
	for _, l := range n.Links() {
		if l.Kind == network.Partnership && l.Role == "lead" {
			lead++
		}
	}
	require.Equal(t, 2, lead, "one lead partner per operation")
	a, ok := n.Actor("org-999111222")
	require.True(t, ok, "partners with a PIC are known by it")
	require.Equal(t, actor.Municipality, a.Kind)
	p, ok := n.Actor("project-CZPL-0001")
	require.True(t, ok)
	require.Equal(t, "2023-01-01", p.Attrs["start"])
	require.Equal(t, "Interreg Czechia – Poland", p.Attrs["programme"], "the programme from the mapping's defaults")

	_, err = eu.FromMapping(&mapping.Mapping{File: "x.json"})
	require.ErrorContains(t, err, `x.json: the mapping has no "participations" table`)
}

func TestPresetsParse(t *testing.T) {
	for _, name := range eu.Presets() {
		l, err := eu.Preset(name)
		require.NoError(t, err, name)
		require.NotNil(t, l.Mapping.Participations, name)
		require.NotEmpty(t, l.Doc, name)
	}
	_, err := eu.Preset("nope")
	require.ErrorContains(t, err, "no preset \"nope\" (presets: cordis, erasmus, kohesio)")
}

// TestDefaultsWarnAtTheRow gives through a mapping's defaults a role, a type
// and a country the importer does not know: the warnings name the row and
// the field, as no column holds them, and the values are kept.
func TestDefaultsWarnAtTheRow(t *testing.T) {
	m, err := mapping.Parse(strings.NewReader(`{"format": "labournet-mapping/1", "participations": {
		"columns": {"Code": "project", "Who": "org.name"},
		"defaults": {"role": "sponsor", "org.type": "guild", "org.country": "Atlantis"}}}`), "m.json")
	require.NoError(t, err)
	l, err := eu.FromMapping(m)
	require.NoError(t, err)
	res, err := eu.ImportReader(context.Background(), l, strings.NewReader("Code,Who\nP1,Acme\n"), "x.csv", eu.Options{})
	require.NoError(t, err)
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.String())
	}
	require.Contains(t, ws, `x.csv:2: role: role "sponsor" is unknown: the link has no role, and the source's kept as the attribute "sourceRole"`)
	require.Contains(t, ws, `x.csv:2: org.type: organisation type "guild" is unknown: the organisation is an organisation, with the type kept as the attribute "sourceType"`)
	require.Contains(t, ws, `x.csv:2: org.country: country "Atlantis" is no ISO 3166-1 code or country name: kept as the attribute "sourceCountry"`)
	a, ok := res.Network.Actor("org-acme-atlantis")
	require.True(t, ok, "known by name and the country as written")
	require.Equal(t, "guild", a.Attrs["sourceType"])
	require.Equal(t, "Atlantis", a.Attrs["sourceCountry"])
	for _, lk := range res.Network.Links() {
		if lk.Kind == network.Partnership {
			require.Equal(t, "sponsor", lk.Attrs["sourceRole"])
		}
	}
}

package xlsx_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/encoding/xlsx"
	"github.com/labournet/labournet/network"
)

var update = flag.Bool("update", false, "rewrite testdata/people.xlsx")

// googleSheetsMapping maps a workbook as a team keeps it in Google Sheets.
const googleSheetsMapping = `{
  "format": "labournet-mapping/1",
  "actors": {
    "sheet": "Orgs",
    "columns": {"Org name": "name", "Org ID": "id", "Category": "kind", "Topics": "themes", "Internal note": ""},
    "values": {"kind": {"Foundation": "fund", "Company": "employer", "Town": "municipality"}}
  },
  "links": {
    "sheet": "Ties",
    "columns": {"Who": "from", "With whom": "to", "Tie": "kind", "Both ways?": "direction", "Since": "start"},
    "values": {"kind": {"pays": "funding", "works with": "cooperation"}, "direction": {"mutual": "undirected", "yes": "undirected", "no": "directed"}}
  }
}`

func googleSheetsBook(t *testing.T) []byte {
	return book(t,
		sheet{"Read me", [][]any{row("This sheet explains the others.")}},
		sheet{"Orgs", [][]any{
			row("Org ID", "Org name", "Category", "Topics", "Internal note", "Country"),
			row("osf", "Open Society Foundation", "Foundation", "youth; education", "call Ana", "BG"),
			row("acme", "Acme Ltd", "company", "", "", "BG"),
			row("vratsa", "Vratsa", "Town"),
		}},
		sheet{"Ties", [][]any{
			row("Who", "With whom", "Tie", "Both ways?", "Since"),
			row("osf", "vratsa", "pays", "no", "2019-03"),
			row("vratsa", "acme", "Works with", "Mutual", ""),
		}},
	)
}

func TestReadGoogleSheetsWithMapping(t *testing.T) {
	m, err := mapping.Parse(strings.NewReader(googleSheetsMapping), "team.json")
	require.NoError(t, err)
	n, err := xlsx.ReadWithMapping(bytes.NewReader(googleSheetsBook(t)), "team.xlsx", m)
	require.NoError(t, err)
	require.Equal(t, []actor.Actor{
		{ID: "osf", Name: "Open Society Foundation", Kind: actor.Fund, Country: "BG", Themes: []string{"youth", "education"}},
		{ID: "acme", Name: "Acme Ltd", Kind: actor.Employer, Country: "BG"},
		{ID: "vratsa", Name: "Vratsa", Kind: actor.Municipality},
	}, n.Actors())
	require.Equal(t, []network.Link{
		{From: "osf", To: "vratsa", Kind: network.Funding, Direction: network.Directed, Start: network.MustParseDate("2019-03")},
		{From: "vratsa", To: "acme", Kind: network.Cooperation, Direction: network.Undirected},
	}, n.Links())

	// Without the mapping, the workbook is in no known layout.
	_, err = xlsx.Read(bytes.NewReader(googleSheetsBook(t)), "team.xlsx")
	require.EqualError(t, err, `team.xlsx: malformed file: missing sheet "Actors" (or "Elements", in Kumu's layout): the workbook has sheets "Read me", "Orgs", "Ties"`)
}

func TestReadWithMappingErrors(t *testing.T) {
	m, err := mapping.Parse(strings.NewReader(`{"format": "labournet-mapping/1", "actors": {"sheet": "Orgs", "values": {"kind": {"Town": "municipality"}}}, "links": {"sheet": "Links"}}`), "m.json")
	require.NoError(t, err)
	b := book(t, sheet{"Orgs", [][]any{row("id", "kind"), row("a", "Town"), row("b", "Village")}})
	_, err = xlsx.ReadWithMapping(bytes.NewReader(b), "x.xlsx", m)
	require.EqualError(t, err, `x.xlsx: malformed file: missing sheet "Links": the workbook has sheets "Orgs"; a network without links needs a sheet "Links" with its header row only (from, to, kind)`)

	// A mapping that names no links sheet reads a workbook without one;
	// a value the mapping does not know is reported with its row.
	m.Links = nil
	_, err = xlsx.ReadWithMapping(bytes.NewReader(b), "x.xlsx", m)
	require.ErrorIs(t, err, actor.ErrUnknownKind)
	require.Equal(t, []string{`x.xlsx[Orgs]:3:2: kind: unknown kind "Village" (valid: organisation, municipality, regional-authority, national-authority, labour-office, employment-agency, employer, employer-association, chamber, trade-union, university, school, training-provider, library, ngo, social-service, technology-park, consultancy, programme, fund, project, body, person, target-group, development-agency, research-organisation, public-body)`}, parseErrors(t, err))
}

// peopleBook is the Kumu export of the README's worked example.
func peopleBook(t *testing.T) []byte {
	return book(t,
		sheet{"Elements", [][]any{
			row("Label", "Org type", "Description", "Tags", "Web"),
			row("Vratsa Municipality", "Government", "Town hall", "employment | youth", "https://vratsa.bg"),
			row("Open Society Foundation", "Foundation"),
			row("Acme Ltd", "Company"),
			row("Youth Club", "Club", "Meets on Fridays", "youth"),
			row("Labour Office Vratsa", "Public office", "", "employment"),
		}},
		sheet{"Connections", [][]any{
			row("From", "To", "Type", "Direction"),
			row("Open Society Foundation", "Youth Club", "Grant", "directed"),
			row("Vratsa Municipality", "Youth Club", "Partnership", "mutual"),
			row("Acme Ltd", "Labour Office Vratsa", "Job fair", "both ways"),
		}},
	)
}

// TestReadmeExample reads the README's worked example from testdata, as
// the test wrote it (go test -run TestReadmeExample -update).
func TestReadmeExample(t *testing.T) {
	path := filepath.Join("testdata", "people.xlsx")
	if *update {
		require.NoError(t, os.WriteFile(path, peopleBook(t), 0o644))
	}
	m, err := mapping.Load(filepath.Join("testdata", "people-mapping.json"))
	require.NoError(t, err)
	n, warnings, err := xlsx.LoadWith(path, xlsx.Options{Mapping: m})
	require.NoError(t, err)
	require.Empty(t, warnings)
	require.Equal(t, "people", n.Name)
	require.Equal(t, []actor.Actor{
		{ID: "Vratsa Municipality", Name: "Vratsa Municipality", Kind: actor.Municipality, Themes: []string{"employment", "youth"},
			Attrs: map[string]string{"description": "Town hall", "website": "https://vratsa.bg"}},
		{ID: "Open Society Foundation", Name: "Open Society Foundation", Kind: actor.Fund},
		{ID: "Acme Ltd", Name: "Acme Ltd", Kind: actor.Employer},
		{ID: "Youth Club", Name: "Youth Club", Kind: actor.NGO, Themes: []string{"youth"}, Attrs: map[string]string{"description": "Meets on Fridays"}},
		{ID: "Labour Office Vratsa", Name: "Labour Office Vratsa", Kind: actor.LabourOffice, Themes: []string{"employment"}},
	}, n.Actors())
	require.Equal(t, []network.Link{
		{From: "Open Society Foundation", To: "Youth Club", Kind: network.Funding, Direction: network.Directed},
		{From: "Vratsa Municipality", To: "Youth Club", Kind: network.Partnership, Direction: network.Undirected},
		{From: "Acme Ltd", To: "Labour Office Vratsa", Kind: network.Cooperation, Direction: network.Undirected},
	}, n.Links())

	// Without the mapping, "Org type" is an attribute (every actor an
	// organisation), "Job fair" an unknown Type and "both ways" an error.
	_, warnings, err = xlsx.LoadWith(path, xlsx.Options{})
	require.Equal(t, []string{`testdata/people.xlsx[Connections]:4:4: Direction: unknown direction "both ways" (valid: directed, undirected, mutual)`}, parseErrors(t, err))
	require.Len(t, warnings, 1)
	require.Equal(t, `testdata/people.xlsx[Connections]:4:3: Type: unknown Type "Job fair": read as kind cooperation, the Type kept as attribute "type"`, warnings[0].String())
}

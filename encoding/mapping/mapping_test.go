package mapping_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/encoding/mapping"
	"github.com/labournet/labournet/internal/fileerr"
)

const example = `{
  "format": "labournet-mapping/1",
  "actors": {
    "sheet": "Orgs",
    "columns": {"Org name": "name", "Org ID": "id", "Category": "Type", "Notes": "attrs.notes", "Row colour": ""},
    "values": {"kind": {"Foundation": "fund", "Company": "employer"}}
  },
  "links": {
    "columns": {"Source": "from", "Target": "to", "Mode": "direction"},
    "values": {"direction": {"mutual": "undirected"}, "kind": {"funds": "funding"}}
  }
}`

func TestParseAndApply(t *testing.T) {
	m, err := mapping.Parse(strings.NewReader(example), "map.json")
	require.NoError(t, err)
	require.Equal(t, "map.json", m.File)
	require.Equal(t, "Orgs", m.Actors.Sheet)
	require.Equal(t, "", m.Links.Sheet)

	header, row := m.Actors.Apply([]string{" org id ", "ORG NAME", "Category", "Notes", "Row colour", "Country"})
	require.Equal(t, []string{"id", "name", "kind", "attrs.notes", "", "Country"}, header)
	cells := []string{"osf", "Open Society", " foundation ", "n", "red", "BG", "extra"}
	row(cells)
	require.Equal(t, []string{"osf", "Open Society", "fund", "n", "", "BG", "extra"}, cells)
	cells = []string{"x", "X", "Think tank"}
	row(cells)
	require.Equal(t, []string{"x", "X", "Think tank"}, cells, "a value the map does not hold is kept")

	// Values apply to a column named as ours too, through its alias.
	header, row = m.Links.Apply([]string{"Source", "Target", "Type", "Mode"})
	require.Equal(t, []string{"from", "to", "Type", "direction"}, header)
	cells = []string{"a", "b", "Funds", "Mutual"}
	row(cells)
	require.Equal(t, []string{"a", "b", "funding", "undirected"}, cells)

	var none *mapping.Table
	header, row = none.Apply([]string{"A"})
	require.Equal(t, []string{"A"}, header)
	row([]string{"x"})
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.json")
	require.NoError(t, os.WriteFile(path, []byte(example), 0o644))
	m, err := mapping.Load(path)
	require.NoError(t, err)
	require.Equal(t, path, m.File)
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
		is         error
	}{{
		name: "format",
		text: `{"format": "labournet/1"}`,
		want: []string{`map.json: format: malformed file: format "labournet/1": want "labournet-mapping/1"`},
	}, {
		name: "syntax",
		text: "{\"format\": \"labournet-mapping/1\",\n \"actors\": {]}",
		want: []string{`map.json:2: malformed file: invalid character ']' looking for beginning of object key string`},
	}, {
		name: "unknown member",
		text: `{"format": "labournet-mapping/1", "actors": {"sheets": "Orgs"}}`,
		want: []string{`map.json: malformed file: json: unknown field "sheets"`},
	}, {
		name: "unknown targets",
		text: `{"format": "labournet-mapping/1",
			"actors": {"columns": {"Org": "nam", "Cat": "kind", "cat": "name", "X": "attrs."}, "values": {"colour": {"a": "b"}}},
			"links": {"columns": {"Source": "fro"}}}`,
		want: []string{
			`map.json: actors.columns["Org"]: malformed file: target "nam" names no field of the actors (did you mean "name"?): want one of id, name, kind, level, country, region, aggregate, count, sectors, targetGroups, skills, themes, attrs.KEY or "" to ignore the column`,
			`map.json: actors.columns["X"]: malformed file: target "attrs." names no field of the actors: want one of`,
			`map.json: actors.columns["cat"]: malformed file: column "cat" is mapped twice (also as "Cat")`,
			`map.json: actors.values["colour"]: malformed file: "colour" names no field of the actors: want one of`,
			`map.json: links.columns["Source"]: malformed file: target "fro" names no field of the links (did you mean "from"?)`,
		},
	}, {
		name: "bad values",
		text: `{"format": "labournet-mapping/1",
			"actors": {"values": {"kind": {"Foundation": "charity", "Company": "employer", "None": ""}}},
			"links": {"values": {"direction": {"mutual": "both"}}}}`,
		want: []string{
			`map.json: actors.values["kind"]["Foundation"]: value "charity": unknown kind "charity"`,
			`map.json: actors.values["kind"]["None"]: unknown kind: empty value for required field "kind"`,
			`map.json: links.values["direction"]["mutual"]: value "both": unknown direction "both"`,
		},
		is: actor.ErrUnknownKind,
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mapping.Parse(strings.NewReader(c.text), "map.json")
			require.Error(t, err)
			var got []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var pe *fileerr.ParseError
				require.True(t, errors.As(e, &pe))
				got = append(got, pe.Error())
			}
			require.Len(t, got, len(c.want), "%q", got)
			for i := range c.want {
				require.True(t, strings.HasPrefix(got[i], c.want[i]), "got  %s\nwant %s", got[i], c.want[i])
			}
			if c.is == nil {
				c.is = fileerr.ErrFormat
			}
			require.ErrorIs(t, err, c.is)
		})
	}
}

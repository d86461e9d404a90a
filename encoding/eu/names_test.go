package eu

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
)

func TestNormalName(t *testing.T) {
	for in, want := range map[string]string{
		"Weber Maschinenbau GmbH":          "weber maschinenbau",
		"WEBER MASCHINENBAU":               "weber maschinenbau",
		"Liberecká obchodní komora, z.s.":  "liberecka obchodni komora",
		"LIBERECKÁ OBCHODNÍ KOMORA z. s.":  "liberecka obchodni komora",
		"Fundacja Rozwoju Sp. z o.o.":      "fundacja rozwoju",
		"Fundacja Rozwoju sp.z o.o.":       "fundacja rozwoju",
		"Agro s.r.o.":                      "agro",
		"Агро ЕООД":                        "агро еоод", // Cyrillic forms are not in the list
		"Balkan Consult EOOD":              "balkan consult",
		"Müller & Söhne GmbH & Co. KG":     "muller sohne",
		"Łódź Technical University":        "lodz technical university",
		"Northern Skills Partnership Ltd.": "northern skills partnership",
		"GmbH":                             "gmbh", // a name that is only a legal form keeps it
		"  The   Institute  ":              "the institute",
		"Institut d'Estudis Catalans":      "institut destudis catalans",
	} {
		require.Equal(t, want, normalName(in), in)
	}
}

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  float64
		comma bool
		err   string
	}{
		{"230000", 230000, false, ""},
		{"528340.97", 528340.97, false, ""},
		{"960619,95", 960619.95, true, ""},
		{"1,234,567.50", 1234567.5, false, ""},
		{"1.234.567,50", 1234567.5, true, ""},
		{"1 234 567,50", 1234567.5, true, ""},
		{"1.234.567", 1234567, false, ""},
		{"200,000.00", 200000, false, ""},
		{"€ 1500", 0, false, "not a number"},
		{"1500 EUR", 1500, false, ""},
		{"12,34,56", 0, false, "does not group thousands"},
		{"-5", 0, false, "negative"},
		{"1e9", 0, false, "not a number"},
		{"n/a", 0, false, "not a number"},
	} {
		got, comma, err := parseAmount(c.in)
		if c.err != "" {
			require.ErrorContains(t, err, c.err, c.in)
			continue
		}
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, got, c.in)
		require.Equal(t, c.comma, comma, c.in)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2015-01-01": "2015-01-01", "2018-07-19 09:17:05": "2018-07-19", "2015": "2015",
		"04/09/2023": "2023-09-04", "4.9.2023": "2023-09-04", "2023-09-04T00:00:00Z": "2023-09-04",
	} {
		d, err := parseDate(in)
		require.NoError(t, err, in)
		require.Equal(t, want, d.String(), in)
	}
	_, err := parseDate("09/2023/04")
	require.ErrorContains(t, err, "want YYYY-MM-DD")
}

func TestGuessKind(t *testing.T) {
	for in, want := range map[string]actor.Kind{
		"Higher education institution (tertiary level)":               actor.University,
		"Local public authority":                                      actor.Municipality,
		"Regional public authority":                                   actor.RegionalAuthority,
		"Non-governmental organisation/association/social enterprise": actor.NGO,
		"Enterprise, except SME":                                      actor.Employer,
		"Interest groups including NGOs":                              actor.NGO,
		"Education/training centre and school":                        actor.School,
		"Research centre":                                             actor.ResearchOrganisation,
	} {
		k, ok := guessKind(in)
		require.True(t, ok, in)
		require.Equal(t, want, k, in)
	}
	_, ok := guessKind("Festival (non Audiovisual)")
	require.False(t, ok)
}

func TestSimilar(t *testing.T) {
	require.True(t, similar("technicka univerzita v liberci", "technicka univerzita v libercy"))
	require.False(t, similar("technicka univerzita v liberci", "technicka univerzita v ostrave"))
	require.False(t, similar("abc", "abd"), "short names are never similar")
}

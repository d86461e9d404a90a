package network

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestLinkKinds(t *testing.T) {
	directed := map[LinkKind]bool{Funding: true, Service: true, Governance: true, Reporting: true, Information: true}
	for _, k := range LinkKinds() {
		require.Equal(t, directed[k], k.Directed(), k.String())
		got, err := ParseLinkKind(k.String())
		require.NoError(t, err)
		require.Equal(t, k, got)
	}
	_, err := ParseLinkKind("friendship")
	require.ErrorIs(t, err, ErrUnknownKind)
	require.ErrorContains(t, err, "cooperation, partnership, funding")
	require.True(t, Link{Kind: Cooperation, Direction: Directed}.IsDirected())
	require.False(t, Link{Kind: Funding, Direction: Undirected}.IsDirected())
	require.Equal(t, 1.0, Link{}.EffectiveWeight())
	require.Equal(t, 2.5, Link{Weight: 2.5}.EffectiveWeight())
	for _, s := range []string{"", "planned", "active", "ended"} {
		st, err := ParseStatus(s)
		require.NoError(t, err)
		require.Equal(t, s, st.String())
	}
	_, err = ParseStatus("maybe")
	require.ErrorIs(t, err, ErrUnknownStatus)
	_, err = ParseDirection("sideways")
	require.ErrorIs(t, err, ErrDirection)
}

func TestParseDate(t *testing.T) {
	good := map[string]Date{
		"":           {},
		"2012":       {Year: 2012},
		"2012-09":    {Year: 2012, Month: 9},
		"2012-09-24": {Year: 2012, Month: 9, Day: 24},
		"2024-02-29": {Year: 2024, Month: 2, Day: 29},
	}
	for in, want := range good {
		got, err := ParseDate(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
		require.Equal(t, in, got.String())
	}
	for _, in := range []string{"2023-02-29", "2012-9", "12-2012", "0000", "2012-13", "2012-00", "20120", "abcd", "2012/09"} {
		_, err := ParseDate(in)
		require.ErrorIs(t, err, ErrDate, in)
	}
	d := MustParseDate("2012-09")
	require.Equal(t, MustParseDate("2012-09-01"), d.First())
	require.Equal(t, MustParseDate("2012-09-30"), d.Last())
	require.Equal(t, MustParseDate("2012-12-31"), MustParseDate("2012").Last())
	require.True(t, MustParseDate("2012-08-31").Before(d))
	require.Equal(t, 0, MustParseDate("2012-09-01").Compare(d), "a partial date compares by its first day")
	require.False(t, Date{Year: 2023, Month: 2, Day: 29}.Valid())
	_, err := Date{Year: 2023, Month: 2, Day: 29}.MarshalText()
	require.ErrorIs(t, err, ErrDate)
}

func TestParseCadence(t *testing.T) {
	tests := map[string]float64{
		"every 2 months": 6, "once a year": 1, "monthly": 12, "quarterly": 4,
		"4 times a year": 4, "twice a month": 24, "every 2 weeks": 26, "6": 6,
		"6/year": 6, "12 per year": 12, "every month": 12, "Every Two Months": 6,
	}
	for in, want := range tests {
		c, err := ParseCadence(in)
		require.NoError(t, err, in)
		require.InDelta(t, want, c.PerYear, 1e-12, in)
		require.Equal(t, in, c.String(), "the wording is kept")
	}
	c, err := ParseCadence("as needed")
	require.NoError(t, err)
	require.True(t, c.Irregular())
	require.Equal(t, 0.0, c.PerYear)
	for _, in := range []string{"-1", "now and then", "every -2 months", "NaN", "Inf"} {
		_, err := ParseCadence(in)
		require.ErrorIs(t, err, ErrCadence, in)
	}
	require.Equal(t, "6 per year", Cadence{PerYear: 6}.String())
	require.True(t, Cadence{}.IsZero())
}

func TestMoneyAndCurrency(t *testing.T) {
	require.Equal(t, "up to 800000 PLN", Money{Amount: 800000, Currency: "PLN", Ceiling: true}.String())
	require.Equal(t, "1234.5 EUR", Money{Amount: 1234.5, Currency: "EUR"}.String())
	for _, c := range []string{"EUR", "BGN", "PLN", "CZK", "GBP"} {
		require.True(t, ValidCurrency(c), c)
	}
	for _, c := range []string{"DEM", "eur", "EURO", ""} {
		require.False(t, ValidCurrency(c), c)
	}
	var problems []string
	Money{Amount: math.NaN(), Currency: "XXX"}.validate(func(field, _ string, _ error) { problems = append(problems, field) })
	require.Equal(t, []string{"money.amount", "money.currency"}, problems)
}

// TestDaysIn counts the days of every month of four centuries as the time
// package does.
func TestDaysIn(t *testing.T) {
	for y := 1900; y <= 2400; y++ {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := daysIn(y, m); got != want {
				t.Fatalf("%d-%02d: %d days, want %d", y, m, got, want)
			}
		}
	}
}

package actor

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSuggestCountry(t *testing.T) {
	for in, want := range map[string]string{
		"UK": "GB", "EL": "GR", "cz": "CZ", "Cz": "CZ", "DEU": "DE", "GER": "DE",
		"Czech Republic": "CZ", "united kingdom": "GB", "KOS": "XK", "XX": "", "": "",
	} {
		require.Equal(t, want, SuggestCountry(in), in)
	}
	for k, v := range countryMistakes {
		require.False(t, ValidCountry(k), "%s is valid, so never a mistake", k)
		require.True(t, ValidCountry(v), "%s → %s", k, v)
	}
}

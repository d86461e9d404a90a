package prose

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestProse(t *testing.T) {
	for in, want := range map[string]string{"actor": "actors", "employment agency": "employment agencies",
		"body": "bodies", "university": "universities", "day": "days", "process": "processes", "match": "matches", "box": "boxes"} {
		require.Equal(t, want, Plural(in))
	}
	require.Equal(t, "1 planned link", Count(1, "planned link"))
	require.Equal(t, "0 actors", Count(0, "actor"))
	require.Equal(t, "3 employment agencies", Count(3, "employment agency"))
	for in, want := range map[string]string{"employer": "an employer", "university": "a university", "school": "a school",
		"NGO": "an NGO", "EU programme": "an EU programme", "ESF fund": "an ESF fund", "employment agency": "an employment agency", "European fund": "a European fund"} {
		require.Equal(t, want, Article(in))
	}
	require.Equal(t, "a, b or c", Or([]string{"a", "b", "c"}))
	require.Equal(t, "a and b", And([]string{"a", "b"}))
	require.Equal(t, "x", Or([]string{"x"}))
	require.Equal(t, "Élan", Capitalize("élan"))
}

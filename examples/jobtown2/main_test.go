package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/examples/casestudy"
)

func TestJobtown2(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, casestudy.Run(jobtown2, []string{"-o", t.TempDir()}, &out, &errOut), errOut.String())
	report := out.String()
	// Employers and universities are wanted but absent.
	require.Contains(t, report, "**No employer, employer association or chamber** (high severity): No employer, employer association or chamber takes part in the network.")
	require.Contains(t, report, "**No university** (medium severity)")
	// The start-up grant is a ceiling in PLN.
	require.Contains(t, report, "People up to 35 with innovative product or service ideas** is funded by Start-up platform of Kielce Technology Park")
	// Both editions: what changed.
	require.Contains(t, report, "14 actors came, 4 went; 17 links came, 4 went.")
	require.Contains(t, report, "- no longer in the network: Erasmus+")
	require.Contains(t, report, "- new: URBACT Local Group Kielce")
}

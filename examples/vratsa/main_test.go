package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/examples/casestudy"
)

func TestVratsa(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, casestudy.Run(vratsa, []string{"-o", t.TempDir()}, &out, &errOut), errOut.String())
	report := out.String()
	// Which target groups each district reaches, and which it does not.
	require.Contains(t, report, "| target group | Montana district | Vidin district | Vratsa district |")
	require.Contains(t, report, "- **Vidin district** reaches job seekers, long-term unemployed people, people over 55, parents returning to work, people in remote areas, unemployed people, young people; not coal and energy workers, people with disabilities,")
	require.Contains(t, report, "**People with disabilities in Montana district, Vidin district, Vratsa district: nobody serves them** (low severity)")
	// Programmes fund employers through the labour offices: the money of
	// the employers traces back to the EU and the state budget.
	require.Contains(t, report, "- **Employers funded to open or keep jobs and to hire people from at-risk groups (not named)** is funded by")
	require.Contains(t, report, "the money comes from European Union funding (fund not named in the source), State budget of Bulgaria")
}

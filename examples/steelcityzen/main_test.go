package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/examples/casestudy"
)

func TestSteelCityZen(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, casestudy.Run(steelcityzen, []string{"-o", t.TempDir()}, &out, &errOut), errOut.String())
	report := out.String()
	// The funding chain ERDF → programme → project → municipality.
	require.Contains(t, report, "- **Municipality of Stara Zagora (Община Стара Загора)** is funded by DRP0301318 SteelCityZen (100%); the money comes from European Regional Development Fund (ERDF) (100%) — a single funder.")
	require.Contains(t, report, "- DRP0301318 SteelCityZen ← Interreg Danube Region Programme 2021–2027")
	// The municipality–business–education gap the case names: only planned
	// links join them.
	require.Contains(t, report, "**Schools, training providers or universities and employers, employer associations or chambers are not linked** (high severity)")
	require.Contains(t, report, "**Municipalities or regional authorities and employers, employer associations or chambers are not linked** (medium severity)")
	require.Contains(t, report, "A link between them is only planned.")
	require.Contains(t, report, "**Educational institutions of Stara Zagora (not named): planned links only** (medium severity)")
	// Unnamed partners abroad count: 8 municipalities and 3 organisations.
	require.Contains(t, report, "the network represents at least 19 organisations")
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/examples/casestudy"
)

func TestLiberec(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder") // created by the program
	var out, errOut bytes.Buffer
	require.Equal(t, 0, casestudy.Run(liberec, []string{"-o", dir}, &out, &errOut), errOut.String())
	report := out.String()
	// The problem points of cooperation: the actors holding the levels
	// together.
	require.Contains(t, report, "- **Extended level: working-group sessions open to other actors** joins 78 pairs")
	require.Contains(t, report, "- **Project team (analysis of the current state, map of links, optimisation proposal)** joins 41 pairs")
	require.Contains(t, report, "- Extended level: working-group sessions open to other actors links the levels: expert, extended.")
	// The education working group has no school, and the report proposes
	// the optimised cooperation model.
	require.Contains(t, report, "**Expert working group: education has no school, training provider or university** (high severity)")
	require.Contains(t, report, "## Optimised cooperation model")
	require.Contains(t, report, "1. Link **Non-profit organisations (not named)** with **Labour Office of the Czech Republic, regional branch")
	for _, f := range []string{"liberec.svg", "liberec.dot", "liberec.html"} {
		info, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		require.Greater(t, info.Size(), int64(1000))
	}
}

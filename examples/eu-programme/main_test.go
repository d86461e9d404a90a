package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEUProgramme(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder") // created by the program
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", dir}, &out, &errOut), errOut.String())
	report := out.String()
	require.Contains(t, report, "# CZ05 in the EU framework programmes: organisations linked by shared projects\n")
	require.Contains(t, report, "## Central actors")
	require.Contains(t, report, "## Brokers to the rest of Europe")
	// At least three of the region's organisations, each with partners
	// outside and the countries they reach.
	rows := regexp.MustCompile(`(?m)^\| \d+ \| [^|]+ \| CZ05[123] \| [1-9]\d* \| \d+: [A-Z]{2}`).FindAllString(report, -1)
	require.GreaterOrEqual(t, len(rows), 3, report)
	for _, f := range []string{"eu-programme.svg", "eu-programme.dot"} {
		info, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		require.Greater(t, info.Size(), int64(1000))
	}
	svg, err := os.ReadFile(filepath.Join(dir, "eu-programme.svg"))
	require.NoError(t, err)
	require.Contains(t, string(svg), "Hradec Králové")
}

func TestEUProgrammeJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", t.TempDir(), "-format", "json"}, &out, &errOut), errOut.String())
	var r struct {
		Network string `json:"network"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	require.Equal(t, "CZ05 in the EU framework programmes: organisations linked by shared projects", r.Network)
}

func TestEUProgrammeFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 2, run([]string{"-format", "pdf"}, &out, &errOut))
	require.Equal(t, 1, run([]string{"-o", t.TempDir(), "-region", "XX9"}, &out, &errOut))
	require.Contains(t, errOut.String(), "no organisation in the region XX9")
}

// TestSample checks that the committed sample is what -generate writes.
func TestSample(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-generate", dir}, &out, &errOut), errOut.String())
	for _, f := range []string{"organization.csv", "project.csv"} {
		want, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("cordis", f))
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, got), "cordis/%s is not what -generate writes: run go generate ./examples/eu-programme", f)
	}
}

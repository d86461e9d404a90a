package report

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/generate"
)

// section returns the text of the Markdown section under heading, up to
// the next heading of its level.
func section(t *testing.T, md, heading string) string {
	t.Helper()
	i := strings.Index(md, "\n## "+heading)
	require.GreaterOrEqual(t, i, 0, "the report has a section %q", heading)
	s := md[i+4:]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	return s
}

// TestMarkdownListsAreBounded checks that the Markdown report lists the
// first items of each long list and counts the rest exactly, while the
// JSON report (the Report) keeps every item.
func TestMarkdownListsAreBounded(t *testing.T) {
	n, err := generate.Network(generate.Options{Actors: 3000, Seed: 1})
	require.NoError(t, err)
	r := newReport(t, n, Options{Optimize: -1})
	md := markdown(t, r)
	items := func(sec string) []string {
		return regexp.MustCompile(`(?m)^- .*$`).FindAllString(section(t, md, sec), -1)
	}

	require.Greater(t, len(r.CutPoints), mdItems+1)
	cuts := items("Bottlenecks")
	require.Len(t, cuts, mdItems+1+min(len(r.Bridges), 11), "the cut points listed, their count line, and the bridges")
	require.Equal(t, fmt.Sprintf("- … and %d more, joining fewer pairs each (%s).", len(r.CutPoints)-mdItems, mdAll), cuts[mdItems])
	for i, cp := range r.CutPoints[:mdItems] {
		require.Contains(t, cuts[i], "**"+mdText(r.Names[cp.ID])+"**", "in order")
		if len(cp.Pieces) > mdPieces+1 {
			require.Contains(t, cuts[i], fmt.Sprintf("; %d smaller pieces of ", len(cp.Pieces)-mdPieces))
		} else {
			require.NotContains(t, cuts[i], "smaller pieces")
		}
	}

	require.Greater(t, len(r.Communities), mdItems+1)
	groups := items("Communities")
	require.Len(t, groups, mdItems+1)
	require.Equal(t, fmt.Sprintf("- … and %d smaller groups (%s).", len(r.Communities)-mdItems, mdAll), groups[mdItems])
	smallestListed := len(r.Communities[0].Members)
	for _, cm := range r.Communities {
		line := fmt.Sprintf("- **Group %d** (%d actors", cm.ID+1, len(cm.Members))
		listed := strings.Contains(section(t, md, "Communities"), line)
		if listed {
			smallestListed = min(smallestListed, len(cm.Members))
		}
		if listed && len(cm.Members) > mdNames+1 {
			require.Contains(t, section(t, md, "Communities"), fmt.Sprintf("; and %d more\n", len(cm.Members)-mdNames))
		}
	}
	for _, cm := range r.Communities {
		if !strings.Contains(section(t, md, "Communities"), fmt.Sprintf("- **Group %d** (", cm.ID+1)) {
			require.LessOrEqual(t, len(cm.Members), smallestListed, "the largest groups are listed")
		}
	}

	require.Greater(t, len(r.Funding), mdItems+1)
	funded := items("Funding")
	require.Len(t, funded, mdItems+1)
	require.Equal(t, fmt.Sprintf("- … and %d more funded actors (%s).", len(r.Funding)-mdItems, mdAll), funded[mdItems])

	// Each run of findings of one rule and severity: at most mdPerRule
	// listed, then the count of the rest; every finding accounted for.
	gaps := items("Gaps")
	counted := 0
	more := regexp.MustCompile(`^- … and (\d+) more of these \((\w+) severity; `)
	for _, line := range gaps {
		if m := more.FindStringSubmatch(line); m != nil {
			var k int
			fmt.Sscan(m[1], &k)
			require.Greater(t, k, 1)
			counted += k
		} else {
			counted++
		}
	}
	require.Equal(t, len(r.Gaps), counted, "every finding listed or counted")
	require.Less(t, len(gaps), len(r.Gaps), "some runs are counted")
	runs := 0
	for i := 0; i+mdPerRule+1 < len(r.Gaps); i++ {
		if sameRun(r.Gaps[i], r.Gaps[i+mdPerRule+1]) && (i == 0 || !sameRun(r.Gaps[i-1], r.Gaps[i])) {
			// A run of more than mdPerRule+1 starts at i: after its first
			// mdPerRule findings comes a count.
			runs++
			require.Contains(t, section(t, md, "Gaps"), mdText(r.Gaps[i+mdPerRule-1].Title)+"**")
			require.NotContains(t, section(t, md, "Gaps"), "**"+mdText(r.Gaps[i+mdPerRule].Title)+"**", "the rest of the run is counted, not listed")
		}
	}
	require.Positive(t, runs, "a run long enough to be counted")
}

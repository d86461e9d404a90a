package report

import (
	"slices"

	"github.com/labournet/labournet/analysis"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/gap"

	"github.com/labournet/labournet/network"
)

// Findings are the bottleneck findings of one network, as Compare sets them
// side by side.
type Findings struct {
	// CutPoints are the articulation points, by pairs separated.
	CutPoints []bottleneck.CutPoint `json:"cutPoints"`
	// Bridges are the ties whose loss splits a component.
	Bridges []bottleneck.Bridge `json:"bridges"`
	// Reachable is the number of pairs of actors that can reach each other,
	// and Fragmentation Borgatti's F (NaN below two actors).
	Reachable     int64          `json:"reachable"`
	Fragmentation analysis.Float `json:"fragmentation"`
	// Gaps are the gap findings against the model, when one was given.
	Gaps []gap.Finding `json:"gaps"`
}

// Comparison sets the findings of two networks side by side: what stops
// being a bottleneck, what appears, and how reachability changes.
type Comparison struct {
	Before Findings `json:"before"`
	After  Findings `json:"after"`
	// CutPointsGone and CutPointsNew are the IDs of actors that stop being,
	// or become, articulation points.
	CutPointsGone []string `json:"cutPointsGone"`
	CutPointsNew  []string `json:"cutPointsNew"`
	// BridgesGone and BridgesNew are the bridges ("FROM–TO") that disappear
	// or appear.
	BridgesGone []string `json:"bridgesGone"`
	BridgesNew  []string `json:"bridgesNew"`
	// GapsClosed and GapsOpened are the gap findings ("rule: name") that
	// disappear or appear.
	GapsClosed []string `json:"gapsClosed"`
	GapsOpened []string `json:"gapsOpened"`
}

// AnalyzeFindings returns the bottleneck findings of the working part of n
// (see Current) and, when m is not nil, its gaps against m. It takes O(N + L)
// time plus the gap rules.
func AnalyzeFindings(n *network.Network, m *gap.Model) Findings {
	s := n.Current().Snapshot()
	f := Findings{
		CutPoints:     bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}),
		Bridges:       bottleneck.Bridges(s),
		Fragmentation: analysis.Float(bottleneck.Fragmentation(s)),
		Reachable:     gap.Reachable(s),
	}
	if m != nil {
		f.Gaps = gap.Gaps(n, m, gap.GapOptions{})
	}
	return f
}

// Compare analyses two networks, such as a network and a what-if change of
// it (see network.Network.Apply), and sets their findings side by side. m
// may be nil to skip the gap rules. All lists are sorted.
func Compare(before, after *network.Network, m *gap.Model) Comparison {
	c := Comparison{Before: AnalyzeFindings(before, m), After: AnalyzeFindings(after, m)}
	ids := func(cs []bottleneck.CutPoint) []string {
		var s []string
		for _, x := range cs {
			s = append(s, x.ID)
		}
		return s
	}
	bridges := func(bs []bottleneck.Bridge) []string {
		var s []string
		for _, b := range bs {
			s = append(s, b.From+"–"+b.To)
		}
		return s
	}
	gaps := func(fs []gap.Finding) []string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Rule+": "+f.Name)
		}
		return s
	}
	c.CutPointsGone, c.CutPointsNew = setDiff(ids(c.Before.CutPoints), ids(c.After.CutPoints))
	c.BridgesGone, c.BridgesNew = setDiff(bridges(c.Before.Bridges), bridges(c.After.Bridges))
	c.GapsClosed, c.GapsOpened = setDiff(gaps(c.Before.Gaps), gaps(c.After.Gaps))
	return c
}

// setDiff returns the sorted, distinct elements only in a and only in b.
func setDiff(a, b []string) (onlyA, onlyB []string) {
	only := func(x, y []string) []string {
		in := make(map[string]bool, len(y))
		for _, v := range y {
			in[v] = true
		}
		out := []string{}
		for _, v := range x {
			if !in[v] {
				in[v] = true // report each once
				out = append(out, v)
			}
		}
		slices.Sort(out)
		return out
	}
	return only(a, b), only(b, a)
}

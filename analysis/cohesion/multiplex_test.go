package cohesion

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

func cohMultiplex(t *testing.T) *network.Network {
	t.Helper()
	ls := []network.Link{
		{From: "a", To: "b", Kind: network.Partnership},
		{From: "b", To: "c", Kind: network.Partnership},
		{From: "a", To: "c", Kind: network.Partnership},
		{From: "a", To: "b", Kind: network.Funding},
		{From: "d", To: "a", Kind: network.Funding},
		{From: "c", To: "d", Kind: network.Cooperation},
	}
	n, err := network.Build("multiplex", cohActors("a", "b", "c", "d"), ls)
	require.NoError(t, err)
	return n
}

func TestByLayer(t *testing.T) {
	n := cohMultiplex(t)
	layers := ByLayer(n, func(s *network.Snapshot) analysis.Ranking { return CoreNumbers(s, CoreOptions{}) })
	want := []Layer{
		{Kind: network.Cooperation, Links: 1, Ranking: analysis.Ranking{{ID: "c", Value: 1}, {ID: "d", Value: 1}, {ID: "a", Value: 0}, {ID: "b", Value: 0}}},
		{Kind: network.Partnership, Links: 3, Ranking: analysis.Ranking{{ID: "a", Value: 2}, {ID: "b", Value: 2}, {ID: "c", Value: 2}, {ID: "d", Value: 0}}},
		{Kind: network.Funding, Links: 2, Ranking: analysis.Ranking{{ID: "a", Value: 1}, {ID: "b", Value: 1}, {ID: "d", Value: 1}, {ID: "c", Value: 0}}},
	}
	if diff := cmp.Diff(want, layers); diff != "" {
		t.Errorf("(-want +got):\n%s\nreason: one layer per kind present, in kind order, each over all actors", diff)
	}
	require.Empty(t, ByLayer(network.New("empty"), func(s *network.Snapshot) analysis.Ranking { return nil }), "no links: no layers")
}

func TestLayerOverlap(t *testing.T) {
	n := cohMultiplex(t)
	tests := []struct {
		a, b   network.LinkKind
		want   Overlap
		reason string
	}{
		{network.Partnership, network.Funding, Overlap{A: network.Partnership, B: network.Funding, Both: 1, Either: 4, OnlyA: 2, OnlyB: 1, Jaccard: 0.25},
			"a–b is in both; b–c, a–c only partnership; d–a only funding"},
		{network.Funding, network.Cooperation, Overlap{A: network.Funding, B: network.Cooperation, Either: 3, OnlyA: 2, OnlyB: 1, Jaccard: 0},
			"disjoint layers"},
		{network.Partnership, network.Partnership, Overlap{A: network.Partnership, B: network.Partnership, Both: 3, Either: 3, Jaccard: 1},
			"a layer against itself"},
		{network.Governance, network.Reporting, Overlap{A: network.Governance, B: network.Reporting, Jaccard: analysis.NaN()},
			"two empty layers: undefined"},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, LayerOverlap(n, tc.a, tc.b), cohApprox); diff != "" {
			t.Errorf("(-want +got):\n%s\nreason: %s", diff, tc.reason)
		}
	}
	b, err := json.Marshal(LayerOverlap(n, network.Governance, network.Reporting))
	require.NoError(t, err)
	require.Contains(t, string(b), `"jaccard":null`)
}

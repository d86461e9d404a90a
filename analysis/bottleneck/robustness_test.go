package bottleneck

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// robustNaive recomputes what remains without the actors in gone.
func robustNaive(s *network.Snapshot, gone []bool) (largest int, reach int64, frag float64) {
	_, sizes := cutComponents(s, gone, cutNoSkip)
	left := 0
	for _, z := range sizes {
		largest = max(largest, z)
		reach += int64(z) * int64(z-1) / 2
		left += z
	}
	return largest, reach, float64(robustFragmentation(left, reach))
}

func TestRemovalEffectsAgainstNetworkX(t *testing.T) {
	for _, name := range holeNetworks {
		t.Run(name, func(t *testing.T) {
			s := holeLoad(t, name)
			var ref cutRef
			testnet.ReadJSON(t, testnet.Path("holes", name+".json"), &ref)
			want := map[string]RemovalEffect{}
			for id, r := range ref.Cuts.Removal {
				f := math.NaN()
				if r.Fragmentation != nil {
					f = *r.Fragmentation
				}
				want[id] = RemovalEffect{ID: id, Largest: r.Largest, Reachable: r.Reachable, Fragmentation: analysis.Float(f)}
			}
			got := map[string]RemovalEffect{}
			for _, e := range effects(t, s) {
				e.Lost, e.Pieces = 0, 0 // not in the reference
				got[e.ID] = e
			}
			if diff := cmp.Diff(want, got, holeApprox); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			require.InDelta(t, *ref.Cuts.Fragmentation, Fragmentation(s), 1e-12)
		})
	}
}

// TestRemovalEffectsNaive checks the one-search effects against removing
// each actor and searching again, on many seeded random networks.
func TestRemovalEffectsNaive(t *testing.T) {
	for trial := range 400 {
		n := 1 + trial%40
		s := cutRandom(t, n, trial%(2*n+1), uint64(1000+trial))
		_, reach0, _ := robustNaive(s, make([]bool, n))
		effects := effects(t, s)
		require.Len(t, effects, n)
		for i, e := range effects {
			if i > 0 {
				p := effects[i-1]
				require.True(t, p.Lost > e.Lost || (p.Lost == e.Lost && p.ID < e.ID), "sorted by Lost, then ID")
			}
			v, _ := s.Index(e.ID)
			gone := make([]bool, n)
			gone[v] = true
			largest, reach, frag := robustNaive(s, gone)
			want := RemovalEffect{ID: e.ID, Largest: largest, Reachable: reach, Lost: reach0 - reach, Pieces: e.Pieces, Fragmentation: analysis.Float(frag)}
			if diff := cmp.Diff(want, e, holeApprox); diff != "" {
				t.Fatalf("trial %d (-want +got):\n%s", trial, diff)
			}
		}
		r := removalFrag(t, s)
		for _, e := range effects {
			got, _ := r.Value(e.ID)
			require.True(t, got == float64(e.Fragmentation) || (math.IsNaN(got) && e.Fragmentation.IsNaN()))
		}
	}
}

func TestRemovalCurveNaive(t *testing.T) {
	for trial := range 200 {
		n := 1 + trial%30
		s := cutRandom(t, n, trial%(2*n+1), uint64(5000+trial))
		order := robustDegreeRanking(s)
		k := trial % (n + 2)
		steps, err := RemovalCurve(context.Background(), s, order, k, RemovalOptions{})
		require.NoError(t, err)
		require.Len(t, steps, min(k, n)+1)
		gone := make([]bool, n)
		for i, st := range steps {
			id := ""
			if i > 0 {
				id = order[i-1].ID
				v, _ := s.Index(id)
				gone[v] = true
			}
			largest, reach, frag := robustNaive(s, gone)
			want := RemovalStep{Removed: i, ID: id, Largest: largest, Reachable: reach, Fragmentation: analysis.Float(frag)}
			if diff := cmp.Diff(want, st, holeApprox); diff != "" {
				t.Fatalf("trial %d step %d (-want +got):\n%s", trial, i, diff)
			}
		}
	}
}

// robustDegreeRanking ranks actors by number of ties: a stand-in for a
// centrality ranking, local to these tests.
func robustDegreeRanking(s *network.Snapshot) analysis.Ranking {
	vals := make([]float64, s.N())
	for i := range vals {
		vals[i] = float64(s.Degree(i))
	}
	return analysis.NewRanking(s, vals)
}

func TestRemovalCurveErrors(t *testing.T) {
	s := holeNet(t, []string{"a-b", "b-c"})
	tests := []struct {
		reason string
		order  analysis.Ranking
		k      int
		want   error
		text   string
	}{
		{"an actor the network lacks", analysis.Ranking{{ID: "a"}, {ID: "x"}}, 2, network.ErrUnknownActor, `position 1: actor "x"`},
		{"the same actor twice", analysis.Ranking{{ID: "a"}, {ID: "a"}}, 2, network.ErrDuplicateID, `position 1: actor "a"`},
		{"a negative number of removals", analysis.Ranking{{ID: "a"}}, -1, nil, "negative"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := RemovalCurve(context.Background(), s, tc.order, tc.k, RemovalOptions{})
			require.Error(t, err)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
			}
			require.True(t, strings.Contains(err.Error(), tc.text), "error %q should contain %q", err, tc.text)
		})
	}
}

func TestFragmentationSmall(t *testing.T) {
	tests := []struct {
		reason string
		specs  []string
		extra  []string
		want   float64
	}{
		{"a connected network is not fragmented", []string{"a-b", "b-c"}, nil, 0},
		{"two pairs: 4 of the 6 pairs are cut off", []string{"a-b", "c-d"}, nil, 1 - 2.0/6},
		{"actors without ties are fully fragmented", nil, []string{"a", "b", "c"}, 1},
		{"one actor: undefined", nil, []string{"a"}, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got := Fragmentation(holeNet(t, tc.specs, tc.extra...))
			if diff := cmp.Diff(tc.want, got, holeApprox); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRemovalJSONNull(t *testing.T) {
	s := holeNet(t, []string{"a-b"})
	steps, err := RemovalCurve(context.Background(), s, robustDegreeRanking(s), 2, RemovalOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(steps)
	require.NoError(t, err)
	require.Contains(t, string(b), `"fragmentation":null`)
	require.Equal(t, 1, strings.Count(string(b), `"id":"a"`))
	effects, err := json.Marshal(effects(t, s))
	require.NoError(t, err)
	require.Contains(t, string(effects), `"fragmentation":null`, "one actor left: F undefined")
}

// effects and removalFrag run the measures without cancellation, failing
// the test on error.
func effects(t testing.TB, s *network.Snapshot) []RemovalEffect {
	t.Helper()
	e, err := RemovalEffects(context.Background(), s, RemovalOptions{})
	require.NoError(t, err)
	return e
}

func removalFrag(t testing.TB, s *network.Snapshot) analysis.Ranking {
	t.Helper()
	r, err := RemovalFragmentation(context.Background(), s, RemovalOptions{})
	require.NoError(t, err)
	return r
}

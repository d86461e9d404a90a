package bottleneck

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// connReach returns the actors reachable from the members of from, avoiding
// the actors in gone (a bit set over at most 64 actors).
func connReach(s *network.Snapshot, from []bool, gone uint64) []bool {
	seen := make([]bool, s.N())
	var queue []int
	for v, in := range from {
		if in && gone&(1<<v) == 0 {
			seen[v] = true
			queue = append(queue, v)
		}
	}
	for q := 0; q < len(queue); q++ {
		for _, w := range s.Neighbors(queue[q]) {
			if !seen[w] && gone&(1<<w) == 0 {
				seen[w] = true
				queue = append(queue, int(w))
			}
		}
	}
	return seen
}

func connTouches(reach, group []bool) bool {
	for v := range reach {
		if reach[v] && group[v] {
			return true
		}
	}
	return false
}

// TestMinGroupCutBruteForce compares MinGroupCut with an exhaustive search
// over every set of non-members on seeded random networks of at most 12
// actors: the cut separates the groups, no smaller set does, and the cut
// closest to A (to B) leaves A (B) the smallest side of any minimum cut.
func TestMinGroupCutBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	separable := 0
	for trial := range 3000 {
		n := 2 + rng.IntN(11)
		s := cutRandom(t, n, rng.IntN(3*n), uint64(9000+trial))
		inA, inB := make([]bool, n), make([]bool, n)
		var idsA, idsB []string
		for v := range n {
			switch r := rng.IntN(6); {
			case r == 0:
				inA[v] = true
				idsA = append(idsA, s.ID(v))
			case r == 1:
				inB[v] = true
				idsB = append(idsB, s.ID(v))
			case r == 2 && trial%10 == 0: // sometimes a member of both
				inA[v], inB[v] = true, true
				idsA, idsB = append(idsA, s.ID(v)), append(idsB, s.ID(v))
			}
		}
		if len(idsA) == 0 || len(idsB) == 0 {
			continue
		}
		nearA, err := MinGroupCut(s, analysis.SelectIDs(idsA...), analysis.SelectIDs(idsB...), GroupCutOptions{})
		require.NoError(t, err)
		nearB, err := MinGroupCut(s, analysis.SelectIDs(idsA...), analysis.SelectIDs(idsB...), GroupCutOptions{NearB: true})
		require.NoError(t, err)

		wantSep := true
		for v := range n {
			if inA[v] && inB[v] {
				wantSep = false
			}
			for _, w := range s.Neighbors(v) {
				if inA[v] && inB[w] {
					wantSep = false
				}
			}
		}
		require.Equal(t, wantSep, nearA.Separable, "trial %d", trial)
		require.Equal(t, wantSep, nearB.Separable, "trial %d", trial)
		if !wantSep {
			require.Empty(t, nearA.Actors)
			continue
		}
		separable++
		connected := connTouches(connReach(s, inA, 0), inB)
		require.Equal(t, connected, nearA.Connected, "trial %d", trial)
		// Every minimum cut, by exhaustive search over sets of non-members.
		var free uint64
		for v := range n {
			if !inA[v] && !inB[v] {
				free |= 1 << v
			}
		}
		best := -1
		var minCuts []uint64
		for set := uint64(0); set < 1<<n; set++ {
			if set&^free != 0 {
				continue
			}
			k := bits.OnesCount64(set)
			if best >= 0 && k > best {
				continue
			}
			if connTouches(connReach(s, inA, set), inB) {
				continue
			}
			if best < 0 || k < best {
				best, minCuts = k, nil
			}
			minCuts = append(minCuts, set)
		}
		for _, res := range []GroupCut{nearA, nearB} {
			var set uint64
			for _, id := range res.Actors {
				v, ok := s.Index(id)
				require.True(t, ok)
				set |= 1 << v
			}
			require.True(t, slices.IsSorted(res.Actors), "trial %d: cut sorted", trial)
			require.Equal(t, best, len(res.Actors), "trial %d: minimum size", trial)
			require.Contains(t, minCuts, set, "trial %d: %v separates the groups", trial, res.Actors)
		}
		// Closest to A: what A still reaches is inside what it reaches
		// behind any other minimum cut; likewise for B.
		side := func(group []bool, cut []string) []bool {
			var set uint64
			for _, id := range cut {
				v, _ := s.Index(id)
				set |= 1 << v
			}
			return connReach(s, group, set)
		}
		ra, rb := side(inA, nearA.Actors), side(inB, nearB.Actors)
		for _, c := range minCuts {
			oa, ob := connReach(s, inA, c), connReach(s, inB, c)
			for v := range n {
				require.False(t, ra[v] && !oa[v], "trial %d: cut near A leaves A more than another minimum cut", trial)
				require.False(t, rb[v] && !ob[v], "trial %d: cut near B leaves B more than another minimum cut", trial)
			}
		}
	}
	require.Greater(t, separable, 500, "enough separable cases were drawn")
}

type connRef struct {
	Groups struct {
		A           []string            `json:"A"`
		B           []string            `json:"B"`
		Betweenness map[string]*float64 `json:"betweenness"`
		Separable   bool                `json:"separable"`
		Cuts        []struct {
			A            []string `json:"A"`
			B            []string `json:"B"`
			Connectivity int      `json:"connectivity"`
		} `json:"cuts"`
	} `json:"groups"`
}

func TestGroupsAgainstNetworkX(t *testing.T) {
	for _, name := range holeNetworks {
		t.Run(name, func(t *testing.T) {
			s := holeLoad(t, name)
			var ref connRef
			testnet.ReadJSON(t, testnet.Path("holes", name+".json"), &ref)
			g := ref.Groups
			gb, err := GroupBetweenness(s, analysis.SelectAttr("group", "a"), analysis.SelectAttr("group", "b"))
			require.NoError(t, err)
			if diff := cmp.Diff(holeNaN(g.Betweenness), gb.Map(), holeApprox); diff != "" {
				t.Errorf("group betweenness (-want +got):\n%s", diff)
			}
			// Swapping the groups changes nothing on the undirected view.
			gb2, err := GroupBetweenness(s, analysis.SelectIDs(g.B...), analysis.SelectIDs(g.A...))
			require.NoError(t, err)
			if diff := cmp.Diff(gb.Map(), gb2.Map(), holeApprox); diff != "" {
				t.Errorf("swapped groups (-want +got):\n%s", diff)
			}
			cut, err := MinGroupCut(s, analysis.SelectIDs(g.A...), analysis.SelectIDs(g.B...), GroupCutOptions{})
			require.NoError(t, err)
			require.Equal(t, g.Separable, cut.Separable)
			for _, c := range g.Cuts {
				for _, opt := range []GroupCutOptions{{}, {NearB: true}} {
					cut, err := MinGroupCut(s, analysis.SelectIDs(c.A...), analysis.SelectIDs(c.B...), opt)
					require.NoError(t, err)
					require.True(t, cut.Separable)
					require.Len(t, cut.Actors, c.Connectivity, "%v against %v", c.A, c.B)
				}
			}
		})
	}
}

func TestGroupBetweennessSmall(t *testing.T) {
	tests := []struct {
		reason string
		specs  []string
		a, b   []string
		want   map[string]float64
	}{{
		reason: "a single path: the middle carries all of it",
		specs:  []string{"a-x", "x-b"},
		a:      []string{"a"}, b: []string{"b"},
		want: map[string]float64{"a": 0, "b": 0, "x": 1},
	}, {
		reason: "two equal shortest paths share the pair",
		specs:  []string{"a-x", "x-b", "a-y", "y-b"},
		a:      []string{"a"}, b: []string{"b"},
		want: map[string]float64{"a": 0, "b": 0, "x": 0.5, "y": 0.5},
	}, {
		reason: "pairs that cannot connect do not count in the denominator; a member can broker for another",
		specs:  []string{"a1-a2", "a2-x", "x-b", "c-d"},
		a:      []string{"a1", "a2", "c"}, b: []string{"b"},
		want: map[string]float64{"a1": 0, "a2": 0.5, "x": 1, "b": 0, "c": 0, "d": 0},
	}, {
		reason: "no connected pair: undefined",
		specs:  []string{"a-x", "b-y"},
		a:      []string{"a"}, b: []string{"b"},
		want: map[string]float64{"a": math.NaN(), "b": math.NaN(), "x": math.NaN(), "y": math.NaN()},
	}}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got, err := GroupBetweenness(holeNet(t, tc.specs), analysis.SelectIDs(tc.a...), analysis.SelectIDs(tc.b...))
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got.Map(), holeApprox); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestGroupErrorsAndSelectors(t *testing.T) {
	s := holeNet(t, []string{"a-b"})
	_, err := MinGroupCut(s, analysis.SelectIDs("a"), analysis.SelectIDs("nobody"), GroupCutOptions{})
	require.ErrorIs(t, err, ErrEmptyGroup)
	require.Contains(t, err.Error(), "group B")
	_, err = GroupBetweenness(s, nil, analysis.SelectIDs("a"))
	require.ErrorIs(t, err, ErrEmptyGroup)
	require.Contains(t, err.Error(), "group A")

	as := []actor.Actor{{ID: "lo", Kind: actor.LabourOffice, Country: "CZ"}, {ID: "e", Kind: actor.Employer, Country: "SK"}}
	require.True(t, analysis.SelectKinds(actor.Employer, actor.School)(as[1]))
	require.False(t, analysis.SelectKinds(actor.Employer)(as[0]))
	require.True(t, analysis.SelectAttr("country", "CZ")(as[0]))
	require.False(t, analysis.SelectAttr("country", "CZ")(as[1]))
	require.False(t, analysis.SelectAttr("region", "")(as[0]), "an absent value matches nothing")
}

func TestMinGroupCutDisconnected(t *testing.T) {
	s := holeNet(t, []string{"a-x", "b-y"})
	cut, err := MinGroupCut(s, analysis.SelectIDs("a"), analysis.SelectIDs("b"), GroupCutOptions{})
	require.NoError(t, err)
	require.Equal(t, GroupCut{Separable: true, Connected: false, Actors: []string{}}, cut)
}

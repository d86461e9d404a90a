package bottleneck

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// cutRandom returns a seeded random network of n actors named a000, a001...
// (kinds drawn from four) with m cooperation links between random distinct
// pairs; parallel links may occur and merge into one tie.
func cutRandom(t testing.TB, n, m int, seed uint64) *network.Snapshot {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	kinds := []actor.Kind{actor.Municipality, actor.Employer, actor.School, actor.LabourOffice}
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("a%06d", i), Kind: kinds[rng.IntN(len(kinds))]}
	}
	ls := make([]network.Link, 0, m)
	for len(ls) < m && n > 1 {
		u, v := rng.IntN(n), rng.IntN(n)
		if u != v {
			ls = append(ls, network.Link{From: as[u].ID, To: as[v].ID})
		}
	}
	nw, err := network.Build("random", as, ls)
	require.NoError(t, err)
	return nw.Snapshot()
}

// cutComponents labels the components of the undirected view without the
// actors in gone and without the tie skip (if skip[0] >= 0), by breadth-first
// search: the naive recomputation the fast algorithms are checked against.
func cutComponents(s *network.Snapshot, gone []bool, skip [2]int) (label []int, sizes []int) {
	label = make([]int, s.N())
	for i := range label {
		label[i] = -1
	}
	for r := range s.N() {
		if label[r] >= 0 || (gone != nil && gone[r]) {
			continue
		}
		c := len(sizes)
		sizes = append(sizes, 0)
		label[r] = c
		queue := []int{r}
		for q := 0; q < len(queue); q++ {
			u := queue[q]
			sizes[c]++
			for _, w := range s.Neighbors(u) {
				v := int(w)
				if label[v] >= 0 || (gone != nil && gone[v]) {
					continue
				}
				if (u == skip[0] && v == skip[1]) || (u == skip[1] && v == skip[0]) {
					continue
				}
				label[v] = c
				queue = append(queue, v)
			}
		}
	}
	return label, sizes
}

var cutNoSkip = [2]int{-1, -1}

type cutRef struct {
	Cuts struct {
		Articulation  []string         `json:"articulation_points"`
		Bridges       [][2]string      `json:"bridges"`
		Blocks        [][]string       `json:"blocks"`
		Pieces        map[string][]int `json:"pieces"`
		Fragmentation *float64         `json:"fragmentation"`
		Removal       map[string]struct {
			Largest       int      `json:"largest"`
			Reachable     int64    `json:"reachable"`
			Fragmentation *float64 `json:"fragmentation"`
		} `json:"removal"`
	} `json:"cuts"`
}

func TestCutsAgainstNetworkX(t *testing.T) {
	for _, name := range holeNetworks {
		t.Run(name, func(t *testing.T) {
			s := holeLoad(t, name)
			var ref cutRef
			testnet.ReadJSON(t, testnet.Path("holes", name+".json"), &ref)
			aps := ArticulationPoints(s, CutOptions{})
			var ids []string
			pieces := map[string][]int{}
			for _, a := range aps {
				ids = append(ids, a.ID)
				for _, p := range a.Pieces {
					pieces[a.ID] = append(pieces[a.ID], p.Size)
				}
			}
			slices.Sort(ids)
			if diff := cmp.Diff(ref.Cuts.Articulation, ids, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("articulation points (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(ref.Cuts.Pieces, pieces, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("piece sizes (-want +got):\n%s", diff)
			}
			var br [][2]string
			for _, b := range Bridges(s) {
				br = append(br, [2]string{b.From, b.To})
			}
			slices.SortFunc(br, func(a, b [2]string) int { return slices.Compare(a[:], b[:]) })
			if diff := cmp.Diff(ref.Cuts.Bridges, br, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("bridges (-want +got):\n%s", diff)
			}
			var blocks [][]string
			for _, b := range BiconnectedComponents(s) {
				blocks = append(blocks, b.Actors)
			}
			if diff := cmp.Diff(ref.Cuts.Blocks, blocks, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestArticulationPointsSmall(t *testing.T) {
	tests := []struct {
		reason string
		specs  []string
		extra  []string
		want   []CutPoint
	}{{
		reason: "the middle of a path splits it in two; ends are no cut points",
		specs:  []string{"a-b", "b-c"},
		want: []CutPoint{{ID: "b", Component: 3, Separated: 1, Pieces: []Piece{
			{Size: 1, Contact: "a", Groups: map[string]int{"organisation": 1}},
			{Size: 1, Contact: "c", Groups: map[string]int{"organisation": 1}}}}},
	}, {
		reason: "a cycle has no cut point; an isolated actor is none either",
		specs:  []string{"a-b", "b-c", "c-a"},
		extra:  []string{"z"},
	}, {
		reason: "two triangles sharing c: c separates 2 from 2 (4 pairs); the pendant e hangs off d, which cuts it from the other 4",
		specs:  []string{"a-b", "b-c", "c-a", "c-d", "d-f", "f-c", "d-e"},
		want: []CutPoint{
			{ID: "c", Component: 6, Separated: 6, Pieces: []Piece{
				{Size: 3, Contact: "d", Groups: map[string]int{"organisation": 3}},
				{Size: 2, Contact: "a", Groups: map[string]int{"organisation": 2}}}},
			{ID: "d", Component: 6, Separated: 4, Pieces: []Piece{
				{Size: 4, Contact: "c", Groups: map[string]int{"organisation": 4}},
				{Size: 1, Contact: "e", Groups: map[string]int{"organisation": 1}}}},
		},
	}}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got := ArticulationPoints(holeNet(t, tc.specs, tc.extra...), CutOptions{})
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCutPropertiesRandom checks on many seeded random networks that removing
// a reported cut point increases the number of components and removing any
// other actor does not; that the reported pieces are the components left;
// that removing a reported bridge increases the number of components and
// removing any other tie does not; and that the blocks partition the ties.
func TestCutPropertiesRandom(t *testing.T) {
	for trial := range 1000 {
		n := 2 + trial%25
		m := trial % (2 * n)
		s := cutRandom(t, n, m, uint64(trial))
		_, base := cutComponents(s, nil, cutNoSkip)
		aps := map[string]CutPoint{}
		for _, a := range ArticulationPoints(s, CutOptions{}) {
			aps[a.ID] = a
		}
		gone := make([]bool, n)
		for v := range n {
			gone[v] = true
			label, sizes := cutComponents(s, gone, cutNoSkip)
			gone[v] = false
			a, isAP := aps[s.ID(v)]
			if (len(sizes) > len(base)) != isAP {
				t.Fatalf("trial %d: actor %s: components %d -> %d, reported cut point %v", trial, s.ID(v), len(base), len(sizes), isAP)
			}
			if !isAP {
				continue
			}
			// The pieces are the components holding v's neighbours.
			want := map[int]Piece{}
			for _, w := range s.Neighbors(v) {
				c := label[w]
				if _, ok := want[c]; !ok {
					want[c] = Piece{Size: sizes[c], Contact: s.ID(int(w)), Groups: map[string]int{}}
				}
			}
			for u := range n {
				if u != v {
					if p, ok := want[label[u]]; ok {
						p.Groups[s.Actor(u).Kind.String()]++
					}
				}
			}
			var wantPieces []Piece
			for _, p := range want {
				wantPieces = append(wantPieces, p)
			}
			slices.SortFunc(wantPieces, func(a, b Piece) int {
				if a.Size != b.Size {
					return b.Size - a.Size
				}
				return strings.Compare(a.Contact, b.Contact)
			})
			if diff := cmp.Diff(wantPieces, a.Pieces); diff != "" {
				t.Fatalf("trial %d: pieces of %s (-want +got):\n%s", trial, a.ID, diff)
			}
		}
		bridges := map[[2]string]Bridge{}
		for _, b := range Bridges(s) {
			bridges[[2]string{b.From, b.To}] = b
		}
		ties := 0
		for u := range n {
			for _, w := range s.Neighbors(u) {
				if int(w) < u {
					continue
				}
				ties++
				label, sizes := cutComponents(s, nil, [2]int{u, int(w)})
				b, isBridge := bridges[[2]string{s.ID(u), s.ID(int(w))}]
				if (len(sizes) > len(base)) != isBridge {
					t.Fatalf("trial %d: tie %s-%s: components %d -> %d, reported bridge %v", trial, s.ID(u), s.ID(int(w)), len(base), len(sizes), isBridge)
				}
				if isBridge && (b.FromSide != sizes[label[u]] || b.ToSide != sizes[label[w]]) {
					t.Fatalf("trial %d: bridge %+v, sides %d and %d", trial, b, sizes[label[u]], sizes[label[w]])
				}
			}
		}
		blockTies := 0
		for _, b := range BiconnectedComponents(s) {
			blockTies += b.Ties
			if len(b.Actors) > 2 {
				// A block of three or more has no cut point of its own.
				sub := cutInduced(t, s, b.Actors)
				require.Empty(t, ArticulationPoints(sub, CutOptions{}), "trial %d: block %v", trial, b.Actors)
				require.Equal(t, sub.NumEdges(), b.Ties, "trial %d: block %v", trial, b.Actors)
			}
		}
		require.Equal(t, ties, blockTies, "trial %d: every tie lies in exactly one block", trial)
	}
}

// cutInduced returns the subnetwork of s induced by ids.
func cutInduced(t testing.TB, s *network.Snapshot, ids []string) *network.Snapshot {
	t.Helper()
	in := map[string]bool{}
	var as []actor.Actor
	for _, id := range ids {
		in[id] = true
		i, _ := s.Index(id)
		as = append(as, s.Actor(i))
	}
	var ls []network.Link
	for _, id := range ids {
		u, _ := s.Index(id)
		for _, w := range s.Neighbors(u) {
			if int(w) > u && in[s.ID(int(w))] {
				ls = append(ls, network.Link{From: id, To: s.ID(int(w))})
			}
		}
	}
	nw, err := network.Build("induced", as, ls)
	require.NoError(t, err)
	return nw.Snapshot()
}

func TestCutsGroupBy(t *testing.T) {
	s := holeLoad(t, "florentine")
	for _, a := range ArticulationPoints(s, CutOptions{GroupBy: "group"}) {
		total := 0
		for _, p := range a.Pieces {
			sum := 0
			for g, c := range p.Groups {
				require.Contains(t, []string{"a", "b", "c"}, g)
				sum += c
			}
			require.Equal(t, p.Size, sum, "%s: groups of a piece add up to its size", a.ID)
			total += p.Size
		}
		require.Equal(t, a.Component-1, total, "%s: pieces add up to the component without the cut point", a.ID)
	}
}

// TestCutsDeepPath runs the searches on a path of 300,000 actors, which a
// recursive depth-first search would need 300,000 frames for.
func TestCutsDeepPath(t *testing.T) {
	if testing.Short() {
		t.Skip("large network")
	}
	const n = 300000
	as := make([]actor.Actor, n)
	ls := make([]network.Link, n-1)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("p%07d", i)}
		if i > 0 {
			ls[i-1] = network.Link{From: as[i-1].ID, To: as[i].ID}
		}
	}
	nw, err := network.Build("path", as, ls)
	require.NoError(t, err)
	s := nw.Snapshot()
	aps := ArticulationPoints(s, CutOptions{})
	require.Len(t, aps, n-2)
	mid := aps[0] // the middle splits the most pairs
	require.Equal(t, fmt.Sprintf("p%07d", n/2-1), mid.ID)
	require.Len(t, Bridges(s), n-1)
	require.Len(t, BiconnectedComponents(s), n-1)
}

// TestBottlenecksTinyNetworks runs every function on networks of zero, one
// and two actors: nothing panics and undefined values are NaN.
func TestBottlenecksTinyNetworks(t *testing.T) {
	empty, err := network.Build("empty", nil, nil)
	require.NoError(t, err)
	for _, s := range []*network.Snapshot{empty.Snapshot(), holeNet(t, nil, "a"), holeNet(t, []string{"a-b"})} {
		t.Run(fmt.Sprint(s.N()), func(t *testing.T) {
			require.Empty(t, ArticulationPoints(s, CutOptions{}))
			require.Len(t, Bridges(s), s.N()/2)
			require.Len(t, BiconnectedComponents(s), s.N()/2)
			require.Len(t, effects(t, s), s.N())
			require.Len(t, removalFrag(t, s), s.N())
			steps, err := RemovalCurve(context.Background(), s, robustDegreeRanking(s), s.N(), RemovalOptions{})
			require.NoError(t, err)
			require.Len(t, steps, s.N()+1)
			if s.N() < 2 {
				require.True(t, math.IsNaN(Fragmentation(s)))
			}
			for _, f := range []func(*network.Snapshot, HolesOptions) analysis.Ranking{EffectiveSize, Efficiency, Constraint, Hierarchy} {
				require.Len(t, f(s, HolesOptions{Directed: true}), s.N())
			}
			res := Brokerage(s, BrokerageOptions{})
			require.Len(t, res.Actors, s.N())
			_, err = json.Marshal(res)
			require.NoError(t, err)
			if s.N() > 0 {
				_, err := GroupBetweenness(s, analysis.SelectIDs("a"), analysis.SelectIDs("a"))
				require.NoError(t, err)
				cut, err := MinGroupCut(s, analysis.SelectIDs("a"), analysis.SelectIDs("a"), GroupCutOptions{})
				require.NoError(t, err)
				require.False(t, cut.Separable, "a group overlapping the other cannot be separated")
			}
		})
	}
}

// TestCutsAgreesWithSeparateCalls checks that Cuts gives exactly what
// ArticulationPoints, Bridges and Fragmentation give, on random networks
// with several components.
func TestCutsAgreesWithSeparateCalls(t *testing.T) {
	for seed := range uint64(10) {
		s := cutRandom(t, 40+int(seed)*7, 45+int(seed)*9, seed)
		cuts, br, frag := Cuts(s)
		require.NotEmpty(t, cuts, "seed %d", seed)
		require.NotEmpty(t, br, "seed %d", seed)
		require.Equal(t, ArticulationPoints(s, CutOptions{}), cuts, "seed %d", seed)
		require.Equal(t, Bridges(s), br, "seed %d", seed)
		require.Equal(t, Fragmentation(s), frag, "seed %d", seed)
	}
}

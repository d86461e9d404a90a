package bottleneck

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// holeLoad returns the snapshot of testdata/holes/graphs/NAME.json: actors of
// kind organisation with attribute "group", and links of kind information
// (directed) for a directed network, cooperation (undirected) otherwise.
func holeLoad(t testing.TB, name string) *network.Snapshot {
	t.Helper()
	var g testnet.Graph
	testnet.ReadJSON(t, testnet.Path("holes", "graphs", name+".json"), &g)
	n := testnet.Build(t, g)
	return n.Snapshot()
}

// holeNaN turns reference values (null for undefined) into floats.
func holeNaN(m map[string]*float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for k, v := range m {
		if v == nil {
			out[k] = math.NaN()
		} else {
			out[k] = *v
		}
	}
	return out
}

var holeApprox = testnet.Approx(1e-9)

// holeRef is the part of testdata/holes/NAME.json about structural holes.
type holeRef struct {
	NetworkX string                                    `json:"networkx"`
	Views    map[string]map[string]map[string]*float64 `json:"views"`
	Local    map[string][]struct {
		U     string  `json:"u"`
		V     string  `json:"v"`
		Value float64 `json:"value"`
	} `json:"local_constraint"`
}

var holeNetworks = []string{"kite", "florentine", "random_weighted", "random_directed"}

var holeViews = map[string]HolesOptions{
	"undirected":          {},
	"undirected_weighted": {Weighted: true},
	"directed":            {Directed: true},
	"directed_weighted":   {Directed: true, Weighted: true},
}

func TestStructuralHolesAgainstNetworkX(t *testing.T) {
	measures := map[string]func(*network.Snapshot, HolesOptions) analysis.Ranking{
		"effective_size": EffectiveSize,
		"efficiency":     Efficiency,
		"constraint":     Constraint,
		"hierarchy":      Hierarchy,
	}
	for _, name := range holeNetworks {
		s := holeLoad(t, name)
		var ref holeRef
		testnet.ReadJSON(t, testnet.Path("holes", name+".json"), &ref)
		for view, opt := range holeViews {
			for m, f := range measures {
				t.Run(fmt.Sprintf("%s/%s/%s", name, view, m), func(t *testing.T) {
					want := holeNaN(ref.Views[view][m])
					require.Len(t, want, s.N())
					if diff := cmp.Diff(want, f(s, opt).Map(), holeApprox); diff != "" {
						t.Errorf("NetworkX %s (-want +got):\n%s", ref.NetworkX, diff)
					}
				})
			}
			t.Run(fmt.Sprintf("%s/%s/local_constraint", name, view), func(t *testing.T) {
				for _, c := range ref.Local[view] {
					got, err := LocalConstraint(s, c.U, c.V, opt)
					require.NoError(t, err)
					if diff := cmp.Diff(c.Value, got, holeApprox); diff != "" {
						t.Errorf("ℓ(%s, %s) (-want +got):\n%s", c.U, c.V, diff)
					}
				}
			})
		}
	}
}

// holeNet builds a snapshot from "from>to" (directed, information) and
// "from-to" (undirected, cooperation) specs; actors are named by the specs
// or listed in extra.
func holeNet(t testing.TB, specs []string, extra ...string) *network.Snapshot {
	t.Helper()
	return holeNetGroups(t, specs, nil, extra...)
}

// holeNetGroups is holeNet with attribute "group" of each actor taken from
// groups.
func holeNetGroups(t testing.TB, specs []string, groups map[string]string, extra ...string) *network.Snapshot {
	t.Helper()
	seen := map[string]bool{}
	var as []actor.Actor
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			as = append(as, actor.Actor{ID: id, Kind: actor.Organisation, Attrs: map[string]string{"group": groups[id]}})
		}
	}
	var ls []network.Link
	for _, sp := range specs {
		var from, to string
		kind := network.Cooperation
		if f, tt, ok := cutSplit(sp, ">"); ok {
			from, to, kind = f, tt, network.Information
		} else if f, tt, ok := cutSplit(sp, "-"); ok {
			from, to = f, tt
		} else {
			t.Fatalf("bad spec %q", sp)
		}
		add(from)
		add(to)
		ls = append(ls, network.Link{From: from, To: to, Kind: kind})
	}
	for _, id := range extra {
		add(id)
	}
	n, err := network.Build("test", as, ls)
	require.NoError(t, err)
	return n.Snapshot()
}

func cutSplit(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return "", "", false
}

func TestStructuralHolesSmallCases(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		reason string
		specs  []string
		extra  []string
		opt    HolesOptions
		// want maps actor → {effective size, efficiency, constraint, hierarchy}
		want map[string][4]float64
	}{{
		reason: "a star's centre has n non-redundant contacts and constraint 1/n; a leaf is fully constrained by its single contact, hierarchy undefined",
		specs:  []string{"c-a", "c-b", "c-d"},
		want: map[string][4]float64{
			"c": {3, 1, 1.0 / 3, 0},
			"a": {1, 1, 1, nan}, "b": {1, 1, 1, nan}, "d": {1, 1, 1, nan},
		},
	}, {
		reason: "in a triangle each contact is redundant by half: e = 2 − 2·1/2 = 1, c = 2·(1/2 + 1/4)² = 9/8",
		specs:  []string{"a-b", "b-c", "a-c"},
		want: map[string][4]float64{
			"a": {1, 0.5, 1.125, 0}, "b": {1, 0.5, 1.125, 0}, "c": {1, 0.5, 1.125, 0},
		},
	}, {
		reason: "an isolated actor has no contacts: every measure is undefined",
		specs:  []string{"a-b"},
		extra:  []string{"z"},
		want: map[string][4]float64{
			"a": {1, 1, 1, nan}, "b": {1, 1, 1, nan}, "z": {nan, nan, nan, nan},
		},
	}, {
		reason: "directed view: an actor without outgoing arcs is undefined, as NetworkX tests only the successors",
		specs:  []string{"a>b", "c>b"},
		opt:    HolesOptions{Directed: true},
		want: map[string][4]float64{
			"a": {1, 1, 1, nan}, "c": {1, 1, 1, nan}, "b": {nan, nan, nan, nan},
		},
	}}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			s := holeNet(t, tc.specs, tc.extra...)
			e, ef, c, h := EffectiveSize(s, tc.opt).Map(), Efficiency(s, tc.opt).Map(), Constraint(s, tc.opt).Map(), Hierarchy(s, tc.opt).Map()
			got := map[string][4]float64{}
			for id := range e {
				got[id] = [4]float64{e[id], ef[id], c[id], h[id]}
			}
			if diff := cmp.Diff(tc.want, got, holeApprox); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestLocalConstraintUnknownActor(t *testing.T) {
	s := holeNet(t, []string{"a-b"})
	_, err := LocalConstraint(s, "a", "nobody", HolesOptions{})
	require.Error(t, err)
	require.True(t, errors.Is(err, network.ErrUnknownActor), "got %v", err)
	_, err = LocalConstraint(s, "nobody", "a", HolesOptions{})
	require.ErrorIs(t, err, network.ErrUnknownActor)
}

func TestHolesRankingSortedWithNaNLast(t *testing.T) {
	s := holeNet(t, []string{"c-a", "c-b", "a-b", "c-d"}, "z")
	r := Constraint(s, HolesOptions{})
	require.Equal(t, "z", r[len(r)-1].ID, "undefined values sort last")
	for i := 1; i < len(r)-1; i++ {
		require.GreaterOrEqual(t, r[i-1].Value, r[i].Value)
	}
}

func TestStructuralHolesAgreesWithMeasures(t *testing.T) {
	for _, name := range holeNetworks {
		s := holeLoad(t, name)
		for view, opt := range holeViews {
			all := StructuralHoles(s, opt)
			require.Len(t, all, s.N())
			e, ef, c, h := EffectiveSize(s, opt).Map(), Efficiency(s, opt).Map(), Constraint(s, opt).Map(), Hierarchy(s, opt).Map()
			for i, x := range all {
				want := HoleScores{ID: x.ID, EffectiveSize: analysis.Float(e[x.ID]), Efficiency: analysis.Float(ef[x.ID]), Constraint: analysis.Float(c[x.ID]), Hierarchy: analysis.Float(h[x.ID])}
				if diff := cmp.Diff(want, x, holeApprox); diff != "" {
					t.Errorf("%s/%s (-want +got):\n%s", name, view, diff)
				}
				if i > 0 {
					p := all[i-1]
					ok := x.Constraint.IsNaN() || p.Constraint < x.Constraint || (p.Constraint == x.Constraint && p.ID < x.ID)
					require.True(t, ok, "%s/%s: sorted by constraint, then ID, NaN last", name, view)
				}
			}
			_, err := json.Marshal(all)
			require.NoError(t, err)
		}
	}
}

// TestConstraintOfMatchesConstraint checks that the constraint of chosen
// actors, computed from their neighbourhoods only, is exactly Constraint's
// value (bit for bit, NaN included) on the reference networks in every
// view, for each actor alone and for every third actor together, and NaN
// for positions out of range.
func TestConstraintOfMatchesConstraint(t *testing.T) {
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for _, name := range holeNetworks {
		s := holeLoad(t, name)
		for view, opt := range holeViews {
			want := Constraint(s, opt).Map()
			var some []int
			for v := range s.N() {
				got := ConstraintOf(s, []int{v}, opt)
				require.Len(t, got, 1)
				require.True(t, same(want[s.ID(v)], got[0]), "%s/%s: %s: want %v, got %v", name, view, s.ID(v), want[s.ID(v)], got[0])
				if v%3 == 0 {
					some = append(some, v)
				}
			}
			got := ConstraintOf(s, append(some, -1, s.N()), opt)
			for i, v := range some {
				require.True(t, same(want[s.ID(v)], got[i]), "%s/%s: %s among others", name, view, s.ID(v))
			}
			require.True(t, math.IsNaN(got[len(some)]) && math.IsNaN(got[len(some)+1]), "%s/%s: out of range", name, view)
		}
	}
}

// TestHolesOfMatchesStructuralHoles checks that the measures of chosen
// actors, and the constraint of every actor (ConstraintOf with nil), are
// exactly those of the whole computation, on the reference networks in
// every view.
func TestHolesOfMatchesStructuralHoles(t *testing.T) {
	same := func(a, b analysis.Float) bool { return a == b || a.IsNaN() && b.IsNaN() }
	for _, name := range holeNetworks {
		s := holeLoad(t, name)
		for view, opt := range holeViews {
			want := map[string]HoleScores{}
			for _, h := range StructuralHoles(s, opt) {
				want[h.ID] = h
			}
			all := ConstraintOf(s, nil, opt)
			require.Len(t, all, s.N())
			pos := []int{s.N()}
			for v := range s.N() {
				require.True(t, same(want[s.ID(v)].Constraint, analysis.Float(all[v])), "%s/%s: constraint of %s", name, view, s.ID(v))
				pos = append(pos, s.N()-1-v)
			}
			got := HolesOf(s, pos, opt)
			require.Empty(t, got[0].ID)
			require.True(t, got[0].Constraint.IsNaN() && got[0].EffectiveSize.IsNaN(), "%s/%s: out of range", name, view)
			for i, v := range pos[1:] {
				w, g := want[s.ID(v)], got[i+1]
				require.Equal(t, w.ID, g.ID)
				for _, p := range [][2]analysis.Float{{w.EffectiveSize, g.EffectiveSize}, {w.Efficiency, g.Efficiency}, {w.Constraint, g.Constraint}, {w.Hierarchy, g.Hierarchy}} {
					require.True(t, same(p[0], p[1]), "%s/%s: %s: want %+v, got %+v", name, view, w.ID, w, g)
				}
			}
		}
	}
}

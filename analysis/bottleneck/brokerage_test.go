package bottleneck

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// brokNum reads a number written by make_brokerage.R: a JSON number, or the
// strings "NaN", "Inf", "-Inf".
type brokNum float64

func (b *brokNum) UnmarshalJSON(p []byte) error {
	var s string
	if json.Unmarshal(p, &s) == nil {
		f, err := strconv.ParseFloat(s, 64)
		*b = brokNum(f)
		return err
	}
	var f float64
	err := json.Unmarshal(p, &f)
	*b = brokNum(f)
	return err
}

type brokRoles map[string]brokNum

func (r brokRoles) roles() BrokerageRoles {
	return BrokerageRoles{
		Coordinator: analysis.Float(r["w_I"]), Itinerant: analysis.Float(r["w_O"]), Representative: analysis.Float(r["b_IO"]),
		Gatekeeper: analysis.Float(r["b_OI"]), Liaison: analysis.Float(r["b_O"]), Total: analysis.Float(r["t"]),
	}
}

type brokRef struct {
	SNA    string `json:"sna"`
	Actors []struct {
		ID    string    `json:"id"`
		Group string    `json:"group"`
		Raw   brokRoles `json:"raw"`
		Exp   brokRoles `json:"exp"`
		SD    brokRoles `json:"sd"`
		Z     brokRoles `json:"z"`
	} `json:"actors"`
	Graph struct {
		Raw brokRoles `json:"raw"`
		Exp brokRoles `json:"exp"`
		SD  brokRoles `json:"sd"`
		Z   brokRoles `json:"z"`
	} `json:"graph"`
}

func TestBrokerageAgainstSNA(t *testing.T) {
	tests := []struct {
		name, reason string
	}{
		{"brok_small", "hand-made directed network, three groups, every role present"},
		{"brok_random", "seeded random directed network, four groups"},
		{"brok_undirected", "undirected links count as an arc each way, as sna reads an undirected network"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := holeLoad(t, tc.name)
			var ref brokRef
			testnet.ReadJSON(t, testnet.Path("holes", "brokerage_"+tc.name+".json"), &ref)
			want := map[string]BrokerageActor{}
			for _, a := range ref.Actors {
				want[a.ID] = BrokerageActor{ID: a.ID, Group: a.Group, Raw: a.Raw.roles(),
					Expected: a.Exp.roles(), SD: a.SD.roles(), Z: a.Z.roles()}
			}
			res := Brokerage(s, BrokerageOptions{Attr: "group"})
			got := map[string]BrokerageActor{}
			for _, a := range res.Actors {
				got[a.ID] = a
			}
			if diff := cmp.Diff(want, got, holeApprox); diff != "" {
				t.Errorf("%s: actors against sna %s (-want +got):\n%s", tc.reason, ref.SNA, diff)
			}
			wantG := [4]BrokerageRoles{ref.Graph.Raw.roles(), ref.Graph.Exp.roles(), ref.Graph.SD.roles(), ref.Graph.Z.roles()}
			gotG := [4]BrokerageRoles{res.Raw, res.Expected, res.SD, res.Z}
			if diff := cmp.Diff(wantG, gotG, holeApprox); diff != "" {
				t.Errorf("%s: network level against sna %s (-want +got):\n%s", tc.reason, ref.SNA, diff)
			}
			for i := 1; i < len(res.Actors); i++ {
				a, b := res.Actors[i-1], res.Actors[i]
				require.True(t, a.Raw.Total > b.Raw.Total || (a.Raw.Total == b.Raw.Total && a.ID < b.ID), "sorted by total, then ID")
			}
		})
	}
}

func TestBrokerageRoles(t *testing.T) {
	tests := []struct {
		reason string
		specs  []string
		groups map[string]string
		broker string
		want   BrokerageRoles
	}{
		{"A → A → A is coordination", []string{"u>v", "v>w"}, map[string]string{"u": "A", "v": "A", "w": "A"}, "v", BrokerageRoles{Coordinator: 1, Total: 1}},
		{"A → B → A is itinerant brokerage", []string{"u>v", "v>w"}, map[string]string{"u": "A", "v": "B", "w": "A"}, "v", BrokerageRoles{Itinerant: 1, Total: 1}},
		{"A → A → B is representation", []string{"u>v", "v>w"}, map[string]string{"u": "A", "v": "A", "w": "B"}, "v", BrokerageRoles{Representative: 1, Total: 1}},
		{"A → B → B is gatekeeping", []string{"u>v", "v>w"}, map[string]string{"u": "A", "v": "B", "w": "B"}, "v", BrokerageRoles{Gatekeeper: 1, Total: 1}},
		{"A → B → C is liaison", []string{"u>v", "v>w"}, map[string]string{"u": "A", "v": "B", "w": "C"}, "v", BrokerageRoles{Liaison: 1, Total: 1}},
		{"a direct arc u → w means v brokers nothing", []string{"u>v", "v>w", "u>w"}, map[string]string{"u": "A", "v": "B", "w": "C"}, "v", BrokerageRoles{}},
		{"an undirected path brokers both ways: representative one way, gatekeeper the other", []string{"u-v", "v-w"}, map[string]string{"u": "A", "v": "A", "w": "B"}, "v", BrokerageRoles{Representative: 1, Gatekeeper: 1, Total: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			s := holeNetGroups(t, tc.specs, tc.groups)
			res := Brokerage(s, BrokerageOptions{Attr: "group"})
			for _, a := range res.Actors {
				if a.ID == tc.broker {
					if diff := cmp.Diff(tc.want, a.Raw); diff != "" {
						t.Errorf("(-want +got):\n%s", diff)
					}
				}
			}
		})
	}
}

// TestBrokerageTripleSum checks the closed form of sna's sum over distinct
// triples of groups against the triple loop sna runs.
func TestBrokerageTripleSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		G := 1 + rng.IntN(7)
		n := make([]float64, G)
		var N float64
		for i := range n {
			n[i] = float64(1 + rng.IntN(9))
			N += n[i]
		}
		d := rng.Float64()
		c3, c4, c5 := math.Pow(d, 3)*math.Pow(1-d, 3), math.Pow(d, 4)*math.Pow(1-d, 2), math.Pow(d, 5)*(1-d)
		var loop float64
		for i := range G {
			for j := range G {
				for k := range G {
					if i != j && j != k && i != k {
						loop += n[i] * n[j] * n[k] * ((4*(N-n[j])-2*(n[i]+n[k]+1))*c3 - (4*(N-n[k])-2*(n[i]+n[j]+1))*c4 + (N-(n[i]+n[k]+1))*c5)
					}
				}
			}
		}
		var p1, p2, p3, U float64
		for _, x := range n {
			p1, p2, p3 = p1+x, p2+x*x, p3+x*x*x
		}
		for _, x := range n {
			U += x * x * ((p1-x)*(p1-x) - (p2 - x*x))
		}
		A := (4*N-2)*c3 - (4*N-2)*c4 + (N-1)*c5
		B := (-2*c3 + 2*c4 - c5) + (-4*c3 + 2*c4) + (-2*c3 + 4*c4 - c5)
		closed := A*(p1*p1*p1-3*p1*p2+2*p3) + B*U
		require.InDelta(t, loop, closed, 1e-9*math.Max(1, math.Abs(loop)), "trial %d, sizes %v", trial, n)
	}
}

func TestBrokerageJSONNulls(t *testing.T) {
	s := holeNet(t, []string{"u>v"}) // density 1/2, no two-paths: z = 0/0 in places
	b, err := json.Marshal(Brokerage(s, BrokerageOptions{}))
	require.NoError(t, err)
	require.Contains(t, string(b), "null")
}

// brokNaive is sna's brokerage_R loop: every two-path i → j → k with k ≠ i
// and no arc i → k, classified by the groups of i, j and k.
func brokNaive(s *network.Snapshot, cl []int32) [][5]float64 {
	raw := make([][5]float64, s.N())
	for i := range s.N() {
		for _, j := range s.Out(i) {
			for _, k := range s.Out(int(j)) {
				if int(k) == i || slices.Contains(s.Out(i), k) {
					continue
				}
				switch ci, cj, ck := cl[i], cl[j], cl[k]; {
				case ci == cj && cj == ck:
					raw[j][0]++
				case ci == cj:
					raw[j][2]++
				case cj == ck:
					raw[j][3]++
				case ci == ck:
					raw[j][1]++
				default:
					raw[j][4]++
				}
			}
		}
	}
	return raw
}

// TestBrokerageCountsNaive checks the counting by groups against sna's
// enumeration of two-paths on seeded random networks with hubs, mixing
// directed and undirected links.
func TestBrokerageCountsNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		n := 2 + rng.IntN(30)
		var as []actor.Actor
		for i := range n {
			as = append(as, actor.Actor{ID: fmt.Sprintf("v%02d", i), Kind: actor.Organisation})
		}
		var ls []network.Link
		hub := rng.IntN(n)
		for range rng.IntN(4 * n) {
			u, v := rng.IntN(n), rng.IntN(n)
			if rng.IntN(3) == 0 {
				u = hub
			} else if rng.IntN(3) == 0 {
				v = hub
			}
			if u == v {
				continue
			}
			l := network.Link{From: as[u].ID, To: as[v].ID}
			if rng.IntN(4) > 0 {
				l.Kind = network.Information
			}
			ls = append(ls, l)
		}
		nw, err := network.Build("random", as, ls)
		require.NoError(t, err)
		s := nw.Snapshot()
		groups := 1 + rng.IntN(4)
		cl := make([]int32, n)
		for i := range cl {
			cl[i] = int32(rng.IntN(groups))
		}
		want := brokNaive(s, cl)
		if diff := cmp.Diff(want, brokCount(s, cl, groups, nil)); diff != "" {
			t.Fatalf("trial %d (-want +got):\n%s", trial, diff)
		}
		// Counting some actors only gives theirs.
		some := []int{rng.IntN(n), hub, rng.IntN(n)}
		got := brokCount(s, cl, groups, some)
		for _, j := range some {
			require.Equal(t, want[j], got[j], "trial %d: actor %d alone", trial, j)
		}

	}
}

// TestBrokeredTotalMatchesBrokerage checks that the total brokerage of
// chosen actors is Brokerage's Raw.Total for each, grouped by kind and by
// an attribute, and 0 for positions out of range.
func TestBrokeredTotalMatchesBrokerage(t *testing.T) {
	for _, name := range holeNetworks {
		s := holeLoad(t, name)
		for _, opt := range []BrokerageOptions{{}, {Attr: "group"}} {
			want := map[string]float64{}
			for _, a := range Brokerage(s, opt).Actors {
				want[a.ID] = float64(a.Raw.Total)
			}
			pos := []int{-1, s.N()}
			for v := range s.N() {
				pos = append(pos, v)
			}
			got := BrokeredTotal(s, pos, opt)
			require.Equal(t, []float64{0, 0}, got[:2], "%s: out of range", name)
			nonzero := 0
			for i, v := range pos[2:] {
				require.Equal(t, want[s.ID(v)], got[i+2], "%s/%q: %s", name, opt.Attr, s.ID(v))
				if got[i+2] != 0 {
					nonzero++
				}
			}
			require.Positive(t, nonzero, "%s: some actor brokers", name)
		}
	}
}

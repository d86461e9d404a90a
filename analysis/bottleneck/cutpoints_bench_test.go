package bottleneck

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// cutBenchSizes are the network sizes every bottleneck benchmark runs at.
var cutBenchSizes = []int{1000, 10000, 100000}

var (
	cutBenchMu    sync.Mutex
	cutBenchCache = map[int]*network.Snapshot{}
)

// cutBenchNet returns a seeded random network of n actors (kinds drawn from
// six) and 3n links between random distinct pairs, a third of them directed
// information links and the rest cooperation, with weights 1..5: mean
// degree about 6. Snapshots are cached between benchmarks.
func cutBenchNet(b *testing.B, n int) *network.Snapshot {
	b.Helper()
	cutBenchMu.Lock()
	defer cutBenchMu.Unlock()
	if s, ok := cutBenchCache[n]; ok {
		return s
	}
	rng := rand.New(rand.NewPCG(uint64(n), 2026))
	kinds := []actor.Kind{actor.Municipality, actor.Employer, actor.School, actor.LabourOffice, actor.NGO, actor.Fund}
	as := make([]actor.Actor, n)
	for i := range as {
		as[i] = actor.Actor{ID: fmt.Sprintf("a%07d", i), Kind: kinds[rng.IntN(len(kinds))]}
	}
	ls := make([]network.Link, 0, 3*n)
	for len(ls) < 3*n {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		l := network.Link{From: as[u].ID, To: as[v].ID, Weight: float64(1 + rng.IntN(5))}
		if rng.IntN(3) == 0 {
			l.Kind = network.Information
		}
		ls = append(ls, l)
	}
	nw, err := network.Build("bench", as, ls)
	if err != nil {
		b.Fatal(err)
	}
	s := nw.Snapshot()
	cutBenchCache[n] = s
	return s
}

// cutBenchHubNet is cutBenchNet plus a hub: actor a0000000 has a
// cooperation link to every other actor (a programme and its partners).
func cutBenchHubNet(b *testing.B, n int) *network.Snapshot {
	b.Helper()
	base := cutBenchNet(b, n)
	cutBenchMu.Lock()
	defer cutBenchMu.Unlock()
	if s, ok := cutBenchCache[-n]; ok {
		return s
	}
	as := make([]actor.Actor, base.N())
	for i := range as {
		as[i] = base.Actor(i)
	}
	var ls []network.Link
	for v := range base.N() {
		for _, w := range base.Out(v) {
			ls = append(ls, network.Link{From: base.ID(v), To: base.ID(int(w)), Kind: network.Information})
		}
		if v > 0 {
			ls = append(ls, network.Link{From: base.ID(0), To: base.ID(v)})
		}
	}
	nw, err := network.Build("bench-hub", as, ls)
	if err != nil {
		b.Fatal(err)
	}
	s := nw.Snapshot()
	cutBenchCache[-n] = s
	return s
}

// cutBench runs f at every size, skipping sizes above limit (0: none).
func cutBench(b *testing.B, limit int, f func(b *testing.B, s *network.Snapshot)) {
	cutBenchOn(b, cutBenchNet, limit, f)
}

// cutBenchOn is cutBench on the networks net makes.
func cutBenchOn(b *testing.B, net func(*testing.B, int) *network.Snapshot, limit int, f func(b *testing.B, s *network.Snapshot)) {
	for _, n := range cutBenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if limit > 0 && n > limit {
				b.Skipf("more than ~2 minutes per operation at %d actors", n)
			}
			s := net(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				f(b, s)
			}
		})
	}
}

func BenchmarkArticulationPoints(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { ArticulationPoints(s, CutOptions{}) })
}

func BenchmarkBridges(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Bridges(s) })
}

func BenchmarkBiconnectedComponents(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { BiconnectedComponents(s) })
}

// cutBenchHub returns the actor with the most ties (the lowest index among
// equals).
func cutBenchHub(s *network.Snapshot) int {
	hub := 0
	for v := range s.N() {
		if s.Degree(v) > s.Degree(hub) {
			hub = v
		}
	}
	return hub
}

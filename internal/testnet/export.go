package testnet

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// The networks and the heap sampler of the writers' tests and benchmarks
// (packages encoding/neo4j and encoding/parquet).

// Tricky returns a small network with every field set somewhere and the
// text that trips writers: quotes, commas, semicolons, line breaks,
// Czech and Cyrillic letters, lists, an empty attribute, money of 0.
func Tricky(t testing.TB) *network.Network {
	t.Helper()
	actors := []actor.Actor{
		{ID: "tul", Name: "Technická univerzita v Liberci", Kind: actor.University, Level: actor.Regional,
			Country: "CZ", Region: "CZ051", Sectors: []string{"education", "research"},
			TargetGroups: []string{"youth", "over-55"}, Skills: []string{"digital"}, Themes: []string{"education"},
			Attrs: map[string]string{"web": "https://tul.cz", "note": "said \"yes\",\nthen \"no\"", "empty": ""}},
		{ID: "kraj", Name: "Liberecký kraj, \"the region\"", Kind: actor.RegionalAuthority, Country: "CZ"},
		{ID: "munis", Name: "8 municipalities, not named", Kind: actor.Municipality, Aggregate: true, Count: 8,
			Attrs: map[string]string{"note": " leading space; and semicolon"}},
		{ID: "ngo-ž", Kind: actor.NGO, Region: "Vratsa — Враца"},
	}
	links := []network.Link{
		{ID: "l1", From: "kraj", To: "tul", Kind: network.Funding, Role: network.RoleBeneficiary,
			Label: "grant, \"first\"", Weight: 2.5, Money: &network.Money{Amount: 1234567.89, Currency: "CZK", Ceiling: true},
			Cadence: network.MustParseCadence("every 2 months"), Start: network.MustParseDate("2012"),
			End: network.MustParseDate("2014-09"), Status: network.Ended, TargetGroups: []string{"youth", "NEET"},
			Evidence: "minutes 2013,\npage 4", Attrs: map[string]string{"programme": "OP Zaměstnanost"}},
		{From: "tul", To: "munis", Kind: network.Partnership, Direction: network.Directed,
			Start: network.MustParseDate("2020-01-15"), Money: &network.Money{Amount: 0, Currency: "EUR"}},
		{From: "ngo-ž", To: "kraj", Kind: network.Cooperation, Cadence: network.MustParseCadence("as needed"),
			Weight: 1e-7, Status: network.Active},
	}
	n, err := network.Build("tricky", actors, links)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// RichNetwork returns a seeded network of n actors and 5n links between
// random actors, with the fields a programme export has: names, countries,
// kinds, target groups, an attribute, money on a fifth of the links.
func RichNetwork(b testing.TB, n int) *network.Network {
	b.Helper()
	rng := rand.New(rand.NewPCG(uint64(n), 2027))
	kinds := actor.Kinds()
	countries := []string{"CZ", "PL", "BG", "DE", "AT", "SK"}
	nw := network.New("bench")
	for i := range n {
		a := actor.Actor{ID: fmt.Sprintf("a%07d", i), Name: fmt.Sprintf("Organisation %d", i),
			Kind: kinds[rng.IntN(len(kinds))], Country: countries[rng.IntN(len(countries))],
			Attrs: map[string]string{"group": fmt.Sprintf("g%05d", i%2000)}}
		if rng.IntN(4) == 0 {
			a.TargetGroups = []string{"youth", "over-55"}
		}
		if err := nw.AddActor(a); err != nil {
			b.Fatal(err)
		}
	}
	kindsL := network.LinkKinds()
	for count := 0; count < 5*n; {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		l := network.Link{From: fmt.Sprintf("a%07d", u), To: fmt.Sprintf("a%07d", v),
			Kind: kindsL[rng.IntN(len(kindsL))], Weight: float64(1 + rng.IntN(5)), Start: network.Date{Year: 2014 + rng.IntN(10)}}
		if rng.IntN(5) == 0 {
			l.Money = &network.Money{Amount: float64(rng.IntN(1_000_000)), Currency: "EUR"}
		}
		if err := nw.AddLink(l); err != nil {
			b.Fatal(err)
		}
		count++
	}
	return nw
}

// PeakHeap samples HeapInuse every millisecond while f runs and returns the
// highest value above the value before f, in bytes.
func PeakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapInuse)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// BenchWrite runs write on RichNetwork(b, 10^5) (5·10^5 links) in the
// benchmark loop, and reports allocations and the peak heap in use above
// the network's own, in MiB: the benchmarks of the writers share it.
func BenchWrite(b *testing.B, write func(n *network.Network) error) {
	n := RichNetwork(b, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, PeakHeap(func() {
			if err := write(n); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

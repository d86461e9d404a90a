package cohesion

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// naiveCores computes core numbers by the definition: for k = 0, 1, …,
// remove actors of degree below k until none is left, and those still
// present have core number at least k. Degrees are distinct neighbours,
// or in+out arcs when directed. O(N²·max degree), for tests.
func naiveCores(s *network.Snapshot, directed bool) []float64 {
	n := s.N()
	core := make([]float64, n)
	for k := 1; ; k++ {
		alive := make([]bool, n)
		for v := range alive {
			alive[v] = true
		}
		for changed := true; changed; {
			changed = false
			for v := range n {
				if !alive[v] {
					continue
				}
				d := 0
				rows := [][]int32{s.Neighbors(v)}
				if directed {
					rows = [][]int32{s.Out(v), s.In(v)}
				}
				for _, row := range rows {
					for _, u := range row {
						if alive[u] {
							d++
						}
					}
				}
				if d < k {
					alive[v], changed = false, true
				}
			}
		}
		any := false
		for v, a := range alive {
			if a {
				core[v] = float64(k)
				any = true
			}
		}
		if !any {
			return core
		}
	}
}

// TestCoreNumbersRandom compares CoreNumbers with the definition on random
// networks of undirected and directed links, parallel links included, and
// its ranking with analysis.NewRanking, score for score: the counting sort
// must order as the comparison sort does (value down, then ID up).
func TestCoreNumbersRandom(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 11))
		n := 5 + rng.IntN(60)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("a%02d", (i*37)%n) // IDs not in creation order
		}
		var specs []string
		for range rng.IntN(4 * n) {
			u, v := rng.IntN(n), rng.IntN(n)
			if u == v {
				continue
			}
			sep := "-"
			if rng.IntN(3) == 0 {
				sep = ">"
			}
			specs = append(specs, ids[u]+sep+ids[v])
		}
		s := cohSnap(t, cohActors(ids...), cohLinks(specs...))
		for _, directed := range []bool{false, true} {
			want := naiveCores(s, directed)
			got := CoreNumbers(s, CoreOptions{Directed: directed})
			require.Equal(t, analysis.NewRanking(s, want), got, "seed %d, directed %v", seed, directed)
		}
	}
	empty := cohSnap(t, nil, nil)
	require.Empty(t, CoreNumbers(empty, CoreOptions{}))
}

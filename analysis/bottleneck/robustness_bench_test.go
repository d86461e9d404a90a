package bottleneck

import (
	"context"
	"testing"

	"github.com/labournet/labournet/network"
)

func BenchmarkFragmentation(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { Fragmentation(s) })
}

func BenchmarkRemovalEffects(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) { RemovalEffects(context.Background(), s, RemovalOptions{}) })
}

// BenchmarkRemovalEffectsNaive is the baseline RemovalEffects replaces: one
// breadth-first search per removed actor, O(N·(N + E)).
func BenchmarkRemovalEffectsNaive(b *testing.B) {
	cutBench(b, 10000, func(b *testing.B, s *network.Snapshot) {
		gone := make([]bool, s.N())
		for v := range s.N() {
			gone[v] = true
			robustNaive(s, gone)
			gone[v] = false
		}
	})
}

// BenchmarkRemovalCurve removes the tenth of the actors with most ties.
func BenchmarkRemovalCurve(b *testing.B) {
	cutBench(b, 0, func(b *testing.B, s *network.Snapshot) {
		b.StopTimer()
		order := robustDegreeRanking(s)
		b.StartTimer()
		if _, err := RemovalCurve(context.Background(), s, order, s.N()/10, RemovalOptions{}); err != nil {
			b.Fatal(err)
		}
	})
}

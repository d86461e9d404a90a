package csr

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBuildAgainstMaps checks Build against a plain map-based construction
// on seeded random arcs with many parallels.
func TestBuildAgainstMaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 1 + rng.IntN(30)
		m := rng.IntN(200)
		if trial%10 == 0 {
			n, m = 1+rng.IntN(3), rng.IntN(400) // long rows, sorted by the other way
		}
		wide := trial%10 == 5 // long rows of heads up to 70,000: a radix sort of three bytes
		if wide {
			n, m = 70_000, 300+rng.IntN(400)
		}
		src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
		type arc struct{ u, v int32 }
		sum := map[arc]float64{}
		count := map[arc]int32{}
		for i := range m {
			// Weights whose sum depends on the order of the terms: parallel
			// arcs are summed in the order given.
			src[i], dst[i], w[i] = int32(rng.IntN(n)), int32(rng.IntN(n)), rng.Float64()*math.Pow(10, float64(rng.IntN(20)-10))
			if wide {
				src[i] = int32(rng.IntN(3))
				if rng.IntN(4) == 0 {
					dst[i] = int32(rng.IntN(5)) // parallel arcs among the long rows
				}
			}
			sum[arc{src[i], dst[i]}] += w[i]
			count[arc{src[i], dst[i]}]++
		}
		g := Build(n, src, dst, w)
		require.Equal(t, n, g.N())
		seen := 0
		for u := range n {
			row := g.Row(u)
			require.True(t, slices.IsSorted(row), "trial %d: row %d sorted", trial, u)
			for k, v := range row {
				a := arc{int32(u), v}
				require.Equal(t, sum[a], g.Weights(u)[k])
				require.Equal(t, count[a], g.Count[g.Off[u]+int64(k)])
				require.Equal(t, g.Off[u]+int64(k), g.Find(u, int(v)))
				seen++
			}
			require.Equal(t, len(row), g.Degree(u))
		}
		require.Equal(t, len(sum), seen, "every distinct arc once")
		for range 20 {
			u, v := rng.IntN(n), rng.IntN(n)
			_, present := sum[arc{int32(u), int32(v)}]
			require.Equal(t, present, g.Find(u, v) >= 0)
		}
	}
}

// BenchmarkBuild builds the adjacency of 10^6 nodes and 10^7 random arcs,
// as a snapshot of 5·10^6 links does.
func BenchmarkBuild(b *testing.B) {
	const n, m = 1_000_000, 10_000_000
	rng := rand.New(rand.NewPCG(1, 2))
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for i := range m {
		src[i], dst[i], w[i] = int32(rng.IntN(n)), int32(rng.IntN(n)), 1
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(n, src, dst, w)
	}
}

// BenchmarkBuildSmall builds the adjacency of 2·10^4 nodes and 4·10^5 arcs
// with a few hubs, as a snapshot of 2·10^5 links of projects does.
func BenchmarkBuildSmall(b *testing.B) {
	const n, m = 20_000, 400_000
	rng := rand.New(rand.NewPCG(1, 2))
	src, dst, w := make([]int32, m), make([]int32, m), make([]float64, m)
	for i := 0; i < m; i += 2 {
		u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
		if i%10 == 0 {
			v = int32(rng.IntN(20)) // a hub
		}
		src[i], dst[i], src[i+1], dst[i+1] = u, v, v, u
		w[i], w[i+1] = 1, 1
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(n, src, dst, w)
	}
}

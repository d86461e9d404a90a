package centrality

import (
	"context"
	"testing"

	gonumnet "gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"

	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

// The centrality benchmarks run on testnet.BenchNetwork at 1,000, 10,000 and
// 100,000 actors (mean degree about 5), next to gonum's functions on the
// snapshot's gonum faces where gonum has one.

const allPairsWhy = "one search per actor (O(N·E)) takes minutes"

func BenchmarkDegree(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Degree(s, DegreeOptions{Normalized: true}) })
}

func BenchmarkBetweenness(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { Betweenness(context.Background(), s, BetweennessOptions{}) })
}

func BenchmarkBetweennessOneWorker(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { Betweenness(context.Background(), s, BetweennessOptions{Workers: 1}) })
}

func BenchmarkBetweennessWeighted(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { Betweenness(context.Background(), s, BetweennessOptions{Weighted: true}) })
}

func BenchmarkBetweennessGonum(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { gonumnet.Betweenness(s.Undirected()) })
}

func BenchmarkCloseness(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { Closeness(context.Background(), s, ClosenessOptions{}) })
}

func BenchmarkHarmonic(b *testing.B) {
	testnet.Bench(b, 10000, allPairsWhy, func(s *network.Snapshot) { Harmonic(context.Background(), s, ClosenessOptions{}) })
}

func BenchmarkClosenessGonum(b *testing.B) {
	// gonum needs the dense all-pairs table first (n² floats: 800 MB at 10^4).
	testnet.Bench(b, 1000, "path.DijkstraAllPaths stores an N×N table", func(s *network.Snapshot) {
		gonumnet.Closeness(s.Undirected(), path.DijkstraAllPaths(s.Undirected()))
	})
}

func BenchmarkPageRank(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) {
		if _, err := PageRank(s, PageRankOptions{Directed: true}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkPageRankGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { gonumnet.PageRankSparse(s.Directed(), 0.85, 1e-13) })
}

func BenchmarkEigenvector(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) {
		if _, err := Eigenvector(s, EigenOptions{Tol: 1e-10}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkKatz(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) {
		if _, err := Katz(s, EigenOptions{Alpha: 0.05}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkHITS(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) {
		if _, _, err := HITS(s, EigenOptions{Tol: 1e-10}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkHITSGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { gonumnet.HITS(s.Directed(), 1e-10) })
}

func BenchmarkApproxBetweenness1000(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { ApproxBetweenness(context.Background(), s, 1000, 1, BetweennessOptions{}) })
}

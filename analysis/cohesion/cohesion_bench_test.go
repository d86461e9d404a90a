package cohesion

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/testnet"
	"github.com/labournet/labournet/network"
)

func BenchmarkDensity(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Density(s, DensityOptions{Directed: true}) })
}

func BenchmarkReciprocity(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Reciprocity(s) })
}

func BenchmarkDegreeCentralization(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { DegreeCentralization(s, CentralizationOptions{Mode: CentralizeTotal}) })
}

func BenchmarkComponents(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Components(s) })
}

func BenchmarkComponentsGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { topo.ConnectedComponents(s.Undirected()) })
}

func BenchmarkStrongComponents(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { StrongComponents(s) })
}

func BenchmarkStrongComponentsGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { topo.TarjanSCC(s.Directed()) })
}

func BenchmarkCoreNumbers(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { CoreNumbers(s, CoreOptions{}) })
}

// BenchmarkCoreNumbersGonum runs topo.KCore, which computes the whole
// degeneracy ordering (all core numbers) before cutting one core. On these
// networks it finishes at 10^5 actors (about 5 s), unlike the 28.6 s that
// DESIGN.md measured on another graph.
func BenchmarkCoreNumbersGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { topo.KCore(3, s.Undirected()) })
}

func BenchmarkClustering(b *testing.B) {
	for _, tc := range []struct {
		name string
		opt  ClusteringOptions
	}{{"plain", ClusteringOptions{}}, {"weighted", ClusteringOptions{Weighted: true}}, {"directed", ClusteringOptions{Directed: true}}, {"directed_weighted", ClusteringOptions{Directed: true, Weighted: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			testnet.Bench(b, 0, "", func(s *network.Snapshot) { Clustering(s, tc.opt) })
		})
	}
}

func BenchmarkTransitivity(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Transitivity(s) })
}

func BenchmarkComponentPaths(b *testing.B) {
	b.Run("hops", func(b *testing.B) {
		testnet.Bench(b, 0, "", func(s *network.Snapshot) { ComponentPaths(context.Background(), s, ComponentPathsOptions{}) })
	})
	b.Run("weighted", func(b *testing.B) {
		testnet.Bench(b, 10000, "all-pairs Dijkstra would take more than ~2 minutes (about 20 min: 10 s at 10^4, O(n e log n))", func(s *network.Snapshot) {
			ComponentPaths(context.Background(), s, ComponentPathsOptions{Weighted: true})
		})
	})
}

func BenchmarkPartitionBy(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { PartitionBy(s, "group") })
}

func BenchmarkModularity(b *testing.B) {
	for _, n := range testnet.BenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := testnet.BenchNetwork(b, n).Snapshot()
			groups := PartitionBy(s, "group").Groups
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Modularity(s, groups, ModularityOptions{Weighted: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkModularityGonum(b *testing.B) {
	for _, n := range testnet.BenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := testnet.BenchNetwork(b, n).Snapshot()
			var comm [][]graph.Node
			for _, g := range PartitionBy(s, "group").Groups {
				var c []graph.Node
				for _, id := range g {
					i, _ := s.Index(id)
					c = append(c, network.Node(i))
				}
				comm = append(comm, c)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				community.Q(s.Undirected(), comm, 1)
			}
		})
	}
}

func BenchmarkLouvain(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { Louvain(s, LouvainOptions{Seed: 1, Weighted: true}) })
}

// BenchmarkLouvainGonum runs community.Modularize (Louvain) on the same
// networks; their planted groups let it finish at 10^5 actors (about 9 s).
func BenchmarkLouvainGonum(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) {
		community.Modularize(s.Undirected(), 1, rand.NewPCG(1, 1))
	})
}

func BenchmarkMixingMatrix(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { MixingMatrix(s, MixingOptions{Attr: "kind"}) })
}

func BenchmarkAttributeAssortativity(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { AttributeAssortativity(s, MixingOptions{Attr: "kind"}) })
}

func BenchmarkEIIndex(b *testing.B) {
	testnet.Bench(b, 0, "", func(s *network.Snapshot) { EIIndex(s, MixingOptions{Attr: "kind"}) })
}

func BenchmarkByLayer(b *testing.B) {
	for _, n := range testnet.BenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			nw := testnet.BenchNetwork(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				ByLayer(nw, func(s *network.Snapshot) analysis.Ranking { return CoreNumbers(s, CoreOptions{}) })
			}
		})
	}
}

func BenchmarkLayerOverlap(b *testing.B) {
	for _, n := range testnet.BenchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			nw := testnet.BenchNetwork(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				LayerOverlap(nw, network.Cooperation, network.Partnership)
			}
		})
	}
}

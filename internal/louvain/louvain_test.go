package louvain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// build returns the symmetric CSR graph of n nodes with unit-weight edges.
func build(n int, edges [][2]int32) *Graph {
	adj := make([][]int32, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
	}
	g := &Graph{Off: make([]int64, n+1)}
	for u := range n {
		for _, v := range adj[u] {
			g.Nbr = append(g.Nbr, v)
			g.W = append(g.W, 1)
		}
		g.Off[u+1] = int64(len(g.Nbr))
	}
	return g
}

// ringOfCliques returns r cliques of size c, clique i joined to clique i+1
// by one edge: the textbook case whose best partition is the cliques.
func ringOfCliques(r, c int) *Graph {
	var edges [][2]int32
	for i := range r {
		base := int32(i * c)
		for a := range int32(c) {
			for b := a + 1; b < int32(c); b++ {
				edges = append(edges, [2]int32{base + a, base + b})
			}
		}
		edges = append(edges, [2]int32{base, int32(((i + 1) % r) * c)})
	}
	return build(r*c, edges)
}

func TestRun(t *testing.T) {
	ring := make([]int32, 30)
	for i := range ring {
		ring[i] = int32(i / 5)
	}
	tests := []struct {
		name   string
		g      *Graph
		want   []int32
		k      int
		reason string
	}{
		{"ring of cliques", ringOfCliques(6, 5), ring, 6, "each 5-clique is a community, numbered by its smallest node"},
		{"no edges", build(3, nil), []int32{0, 1, 2}, 3, "without weight every node stays alone"},
		{"empty", build(0, nil), []int32{}, 0, "no nodes"},
		{"one edge", build(3, [][2]int32{{1, 2}}), []int32{0, 1, 1}, 2, "the linked pair merges; the isolate stays alone"},
	}
	for _, tc := range tests {
		for seed := range uint64(3) {
			got, k := Run(tc.g, Options{Resolution: 1, Seed: seed, Threshold: 1e-7})
			if diff := cmp.Diff(tc.want, got); diff != "" || k != tc.k {
				t.Errorf("%s seed %d: k = %d, want %d (-want +got):\n%s\nreason: %s", tc.name, seed, k, tc.k, diff, tc.reason)
			}
		}
	}
}

// TestRunResolution: at a very low resolution the whole ring merges into
// one community (the null model hardly penalises size).
func TestRunResolution(t *testing.T) {
	_, k := Run(ringOfCliques(6, 5), Options{Resolution: 0.01, Seed: 1, Threshold: 1e-7})
	if k != 1 {
		t.Errorf("k = %d at γ = 0.01, want 1 (reason: a tiny resolution rewards merging)", k)
	}
}

package leiden

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// build returns the symmetric CSR graph of n nodes with unit-weight edges
// (pairs given twice, or both ways, are kept as parallel arcs).
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

// sparse returns a seeded random graph of n nodes and m distinct edges.
func sparse(seed uint64, n, m int) *Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	seen := map[[2]int32]bool{}
	var edges [][2]int32
	for len(edges) < m {
		u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
		if u == v {
			continue
		}
		if u > v {
			u, v = v, u
		}
		if !seen[[2]int32{u, v}] {
			seen[[2]int32{u, v}] = true
			edges = append(edges, [2]int32{u, v})
		}
	}
	return build(n, edges)
}

func opts(seed uint64) Options { return Options{Resolution: 1, Seed: seed, Theta: 0.01} }

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
		{"single", build(1, nil), []int32{0}, 1, "one node, one community"},
		{"one edge", build(3, [][2]int32{{1, 2}}), []int32{0, 1, 1}, 2, "the linked pair merges; the isolate stays alone"},
	}
	for _, tc := range tests {
		for seed := range uint64(3) {
			got, k := Run(tc.g, opts(seed))
			if diff := cmp.Diff(tc.want, got); diff != "" || k != tc.k {
				t.Errorf("%s seed %d: k = %d, want %d (-want +got):\n%s\nreason: %s", tc.name, seed, k, tc.k, diff, tc.reason)
			}
		}
	}
}

// TestRunResolution: at a very low resolution the whole ring merges into
// one community, at a very high one every node stays alone.
func TestRunResolution(t *testing.T) {
	if _, k := Run(ringOfCliques(6, 5), Options{Resolution: 0.01, Seed: 1, Theta: 0.01}); k != 1 {
		t.Errorf("k = %d at γ = 0.01, want 1 (reason: a tiny resolution rewards merging)", k)
	}
	if _, k := Run(ringOfCliques(6, 5), Options{Resolution: 100, Seed: 1, Theta: 0.01}); k != 30 {
		t.Errorf("k = %d at γ = 100, want 30 (reason: a huge resolution forbids merging)", k)
	}
}

// modularity returns Q of the labels on g.
func modularity(g *Graph, label []int32, k int, gamma float64) float64 {
	in, tot := make([]float64, k), make([]float64, k)
	m2 := 0.0
	for u := range len(g.Off) - 1 {
		for p := g.Off[u]; p < g.Off[u+1]; p++ {
			m2 += g.W[p]
			tot[label[u]] += g.W[p]
			if label[g.Nbr[p]] == label[u] {
				in[label[u]] += g.W[p]
			}
		}
	}
	q := 0.0
	for c := range k {
		q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}

// connected reports whether every community of label is connected.
func connected(g *Graph, label []int32, k int) bool {
	_, kc := newLevel(g.Off, g.Nbr, g.W, make([]float64, len(g.Off)-1)).components(label)
	return kc == k
}

// TestRunRandom checks on sparse random graphs, whose many poor local
// optima are where Louvain leaves communities disconnected, that every
// community is connected, that the labels are numbered by smallest node,
// that a run is reproducible, and that more iterations never lower Q.
func TestRunRandom(t *testing.T) {
	for gs := range uint64(20) {
		g := sparse(gs, 300, 450)
		for seed := range uint64(3) {
			label, k := Run(g, opts(seed))
			if !connected(g, label, k) {
				t.Errorf("graph %d seed %d: a community is disconnected", gs, seed)
			}
			next := int32(0)
			for _, c := range label {
				if c > next {
					t.Fatalf("graph %d seed %d: labels not numbered by smallest node", gs, seed)
				}
				if c == next {
					next++
				}
			}
			again, _ := Run(g, opts(seed))
			if diff := cmp.Diff(label, again); diff != "" {
				t.Fatalf("graph %d seed %d: two runs differ:\n%s", gs, seed, diff)
			}
			o := opts(seed)
			o.MaxIterations = 1
			l1, k1 := Run(g, o)
			if q1, q := modularity(g, l1, k1, 1), modularity(g, label, k, 1); q < q1-1e-12 {
				t.Errorf("graph %d seed %d: Q %.6f until stable < %.6f after one iteration", gs, seed, q, q1)
			}
		}
	}
}

package bottleneck

import (
	"errors"
	"fmt"
	"math"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/network"
)

// ErrEmptyGroup is a group of actors that selects no actor of the network.
var ErrEmptyGroup = errors.New("group selects no actor")

// GroupCutOptions configures MinGroupCut. The zero value returns the
// minimum cut closest to group A.
type GroupCutOptions struct {
	// NearB returns the minimum cut closest to group B instead.
	NearB bool
}

// GroupCut is a smallest set of actors whose removal disconnects two groups.
type GroupCut struct {
	// Separable is false when no removal of non-members can separate the
	// groups: an actor belongs to both, or a member of A is linked to a
	// member of B. Actors is then empty.
	Separable bool `json:"separable"`
	// Connected reports whether some member of A could reach some member of
	// B before any removal; when false, Actors is empty.
	Connected bool `json:"connected"`
	// Actors are the IDs of the cut, ascending. Its size is the vertex
	// connectivity between the groups.
	Actors []string `json:"actors"`
}

// MinGroupCut returns a minimum set of actors whose removal from the
// undirected view of s leaves no path from any member of group a to any
// member of group b. Members of either group cannot be cut: only the other
// actors can, so if the groups overlap or a member of a is linked to a
// member of b the result is not Separable. Of the minimum cuts it returns
// the one closest to a (every cut actor as near a as any minimum cut
// allows), or closest to b with GroupCutOptions.NearB. An empty group is an
// error wrapping ErrEmptyGroup.
//
// Source: Menger's theorem; the group connectivity is a maximum flow
// (Ford & Fulkerson 1956, augmenting along shortest paths as Edmonds & Karp
// 1972) on the split graph: each non-member v becomes v_in → v_out of
// capacity 1, members of a are joined from a super source and members of b
// to a super sink, and every tie u–v becomes u_out → v_in and v_out → u_in
// of unbounded capacity:
//
//	κ(A, B) = max flow(source, sink) = |minimum vertex cut|
//
// The cut closest to A is the set of v with v_in reachable from the source
// in the final residual graph and v_out not; the cut closest to B is the set
// of v with v_out able to reach the sink and v_in not.
//
// It takes O(κ·(N + E)) time for κ ≤ min(|N(A)|, |N(B)|) and O(N + E)
// memory.
func MinGroupCut(s *network.Snapshot, a, b analysis.Select, opt GroupCutOptions) (GroupCut, error) {
	inA, inB, err := connGroups(s, a, b, "min group cut")
	if err != nil {
		return GroupCut{}, err
	}
	n := s.N()
	res := GroupCut{Actors: []string{}}
	for v := range n {
		if !inA[v] {
			continue
		}
		if inB[v] {
			return res, nil
		}
		for _, w := range s.Neighbors(v) {
			if inB[w] {
				return res, nil
			}
		}
	}
	res.Separable = true
	// Split graph: v_in = 2v, v_out = 2v+1, source 2n, sink 2n+1.
	const inf = math.MaxInt32
	f := connNewFlow(2*n+2, 2*s.NumEdges()+3*n)
	src, snk := int32(2*n), int32(2*n+1)
	for v := range n {
		vin, vout := int32(2*v), int32(2*v+1)
		c := int32(1)
		if inA[v] || inB[v] {
			c = inf
		}
		f.add(vin, vout, c)
		if inA[v] {
			f.add(src, vin, inf)
		}
		if inB[v] {
			f.add(vout, snk, inf)
		}
		for _, w := range s.Neighbors(v) {
			f.add(vout, 2*w, inf)
		}
	}
	flow := f.maxFlow(src, snk)
	res.Connected = flow > 0
	if flow == 0 {
		return res, nil
	}
	var seen []bool
	if opt.NearB {
		seen = f.reachesTo(snk)
	} else {
		seen = f.reachableFrom(src)
	}
	for v := range n {
		if inA[v] || inB[v] {
			continue
		}
		cut := seen[2*v] && !seen[2*v+1]
		if opt.NearB {
			cut = seen[2*v+1] && !seen[2*v]
		}
		if cut {
			res.Actors = append(res.Actors, s.ID(v))
		}
	}
	return res, nil
}

// connGroups evaluates the two selections; an empty one is an error.
func connGroups(s *network.Snapshot, a, b analysis.Select, op string) (inA, inB []bool, err error) {
	n := s.N()
	inA, inB = make([]bool, n), make([]bool, n)
	var na, nb int
	for v := range n {
		act := s.Actor(v)
		if a != nil && a(act) {
			inA[v] = true
			na++
		}
		if b != nil && b(act) {
			inB[v] = true
			nb++
		}
	}
	if na == 0 {
		return nil, nil, fmt.Errorf("analysis: %s: group A: %w", op, ErrEmptyGroup)
	}
	if nb == 0 {
		return nil, nil, fmt.Errorf("analysis: %s: group B: %w", op, ErrEmptyGroup)
	}
	return inA, inB, nil
}

// connFlow is a residual graph in linked-list form: arc e runs to[e] with
// residual capacity cap[e]; arc e^1 is its reverse.
type connFlow struct {
	head, next, to, cap []int32
}

func connNewFlow(nodes, arcs int) *connFlow {
	f := &connFlow{head: make([]int32, nodes)}
	for i := range f.head {
		f.head[i] = -1
	}
	f.next = make([]int32, 0, 2*arcs)
	f.to = make([]int32, 0, 2*arcs)
	f.cap = make([]int32, 0, 2*arcs)
	return f
}

func (f *connFlow) add(u, v, c int32) {
	f.to, f.cap, f.next = append(f.to, v), append(f.cap, c), append(f.next, f.head[u])
	f.head[u] = int32(len(f.to) - 1)
	f.to, f.cap, f.next = append(f.to, u), append(f.cap, 0), append(f.next, f.head[v])
	f.head[v] = int32(len(f.to) - 1)
}

// maxFlow augments along shortest residual paths until none is left.
func (f *connFlow) maxFlow(src, snk int32) int {
	via := make([]int32, len(f.head)) // arc by which each node was reached
	queue := make([]int32, 0, len(f.head))
	flow := 0
	for {
		for i := range via {
			via[i] = -1
		}
		queue = append(queue[:0], src)
		via[src] = -2
		for q := 0; q < len(queue) && via[snk] == -1; q++ {
			u := queue[q]
			for e := f.head[u]; e >= 0; e = f.next[e] {
				if w := f.to[e]; f.cap[e] > 0 && via[w] == -1 {
					via[w] = e
					queue = append(queue, w)
				}
			}
		}
		if via[snk] == -1 {
			return flow
		}
		bott := int32(math.MaxInt32)
		for x := snk; x != src; x = f.to[via[x]^1] {
			bott = min(bott, f.cap[via[x]])
		}
		for x := snk; x != src; x = f.to[via[x]^1] {
			f.cap[via[x]] -= bott
			f.cap[via[x]^1] += bott
		}
		flow += int(bott)
	}
}

// reachableFrom marks the nodes reachable from src in the residual graph.
func (f *connFlow) reachableFrom(src int32) []bool {
	seen := make([]bool, len(f.head))
	seen[src] = true
	queue := []int32{src}
	for q := 0; q < len(queue); q++ {
		for e := f.head[queue[q]]; e >= 0; e = f.next[e] {
			if w := f.to[e]; f.cap[e] > 0 && !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// reachesTo marks the nodes from which snk is reachable in the residual
// graph: x reaches y when the arc x→y (the reverse of y's arc e) has residual
// capacity.
func (f *connFlow) reachesTo(snk int32) []bool {
	seen := make([]bool, len(f.head))
	seen[snk] = true
	queue := []int32{snk}
	for q := 0; q < len(queue); q++ {
		for e := f.head[queue[q]]; e >= 0; e = f.next[e] {
			if w := f.to[e]; f.cap[e^1] > 0 && !seen[w] {
				seen[w] = true
				queue = append(queue, w)
			}
		}
	}
	return seen
}

// GroupBetweenness returns, for every actor v, the share of shortest paths
// between the two groups that pass through v, over the undirected,
// unweighted view of s:
//
//	GB(v) = (1/P) Σ_{a∈A, b∈B, a≠b, a~b} σ_ab(v) / σ_ab
//
// where σ_ab is the number of shortest a–b paths, σ_ab(v) the number
// passing through v (v ≠ a, b), and P the number of pairs (a, b) with a ≠ b
// that are connected; each pair counts once. Members of the groups can be
// intermediaries too. Values lie in [0, 1]; all are NaN when no pair is
// connected. An empty group is an error wrapping ErrEmptyGroup.
//
// Source: group-restricted betweenness (Everett & Borgatti 1999, "The
// centrality of groups and classes"), accumulated as in Brandes (2001) with
// dependencies counted only at members of the target group:
//
//	δ_a(v) = Σ_{w: v∈pred(w)} σ_av/σ_aw · (1[w∈B] + δ_a(w))
//
// It equals 2·nx.betweenness_centrality_subset(G, A, B, normalized=False)/P
// (NetworkX halves undirected subset betweenness). Searches start from the
// smaller group, so it takes O(min(|A|, |B|)·(N + E)) time and O(N + E)
// memory.
func GroupBetweenness(s *network.Snapshot, a, b analysis.Select) (analysis.Ranking, error) {
	inA, inB, err := connGroups(s, a, b, "group betweenness")
	if err != nil {
		return nil, err
	}
	n := s.N()
	var na, nb int
	for v := range n {
		if inA[v] {
			na++
		}
		if inB[v] {
			nb++
		}
	}
	if nb < na { // σ is symmetric on the undirected view
		inA, inB = inB, inA
	}
	score := make([]float64, n)
	dist := make([]int32, n)
	sigma := make([]float64, n)
	delta := make([]float64, n)
	order := make([]int32, 0, n)
	for i := range dist {
		dist[i] = -1
	}
	var pairs int64
	for src := range n {
		if !inA[src] {
			continue
		}
		order = append(order[:0], int32(src))
		dist[src], sigma[src] = 0, 1
		for q := 0; q < len(order); q++ {
			u := order[q]
			for _, w := range s.Neighbors(int(u)) {
				if dist[w] < 0 {
					dist[w] = dist[u] + 1
					order = append(order, w)
				}
				if dist[w] == dist[u]+1 {
					sigma[w] += sigma[u]
				}
			}
		}
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			coeff := delta[w]
			if inB[w] && int(w) != src {
				coeff++
				pairs++
			}
			coeff /= sigma[w]
			for _, v := range s.Neighbors(int(w)) {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] * coeff
				}
			}
			if int(w) != src {
				score[w] += delta[w]
			}
		}
		for _, w := range order {
			dist[w], sigma[w], delta[w] = -1, 0, 0
		}
	}
	for v := range score {
		score[v] /= float64(pairs) // NaN when pairs == 0
	}
	return analysis.NewRanking(s, score), nil
}

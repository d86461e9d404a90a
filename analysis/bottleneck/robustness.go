package bottleneck

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/labournet/labournet/analysis"
	"github.com/labournet/labournet/internal/search"
	"github.com/labournet/labournet/network"
)

// RemovalEffect is what removing one actor does to the undirected view of a
// network.
type RemovalEffect struct {
	// ID is the removed actor.
	ID string `json:"id"`
	// Largest is the size of the largest component without the actor.
	Largest int `json:"largest"`
	// Reachable is the number of unordered pairs of remaining actors that
	// can still reach each other.
	Reachable int64 `json:"reachable"`
	// Lost is the number of reachable pairs lost, counting the pairs the
	// actor itself was part of: Reachable before minus Reachable after.
	Lost int64 `json:"lost"`
	// Pieces is the number of parts the actor's component falls into (0 for
	// an isolated actor, 1 for one whose removal splits nothing).
	Pieces int `json:"pieces"`
	// Fragmentation is Borgatti's F of the network without the actor (see
	// Fragmentation), NaN when fewer than two actors remain.
	Fragmentation analysis.Float `json:"fragmentation"`
}

// RemovalStep is one point of a sequential removal curve.
type RemovalStep struct {
	// Removed is the number of actors removed so far, and ID the last one
	// ("" for step 0, the intact network).
	Removed int    `json:"removed"`
	ID      string `json:"id,omitempty"`
	// Largest is the size of the largest component of what remains.
	Largest int `json:"largest"`
	// Reachable is the number of unordered pairs of remaining actors that
	// can reach each other.
	Reachable int64 `json:"reachable"`
	// Fragmentation is Borgatti's F of what remains, NaN when fewer than
	// two actors remain.
	Fragmentation analysis.Float `json:"fragmentation"`
}

// RemovalOptions configures RemovalEffects, RemovalFragmentation and
// RemovalCurve. The zero value reports no progress.
type RemovalOptions struct {
	// Progress, when not nil, is told how many of the actors (RemovalEffects,
	// RemovalFragmentation) or removal steps (RemovalCurve) are done, every
	// 4,096 of them (see analysis.Progress).
	Progress analysis.Progress
}

// stride is how many actors the linear-time loops handle between two looks
// at the context and the progress.
const stride = 4096

// robustFragmentation returns F for n actors with sum = Σ_k s_k(s_k-1)/2.
func robustFragmentation(n int, pairs int64) analysis.Float {
	if n < 2 {
		return analysis.NaN()
	}
	return analysis.Float(1 - float64(pairs)/(float64(n)*float64(n-1)/2))
}

func robustPairs(size int64) int64 { return size * (size - 1) / 2 }

// Fragmentation returns Borgatti's fragmentation of the undirected view of
// s: the share of pairs of actors that cannot reach each other,
//
//	F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1))
//
// over the sizes s_k of the n actors' components. It is 0 for a connected
// network, 1 when no actor has a tie, and NaN below two actors.
//
// Source: Borgatti (2006), "Identifying sets of key players in a social
// network", Computational and Mathematical Organization Theory 12:21–34.
// It takes O(N + E) time.
func Fragmentation(s *network.Snapshot) float64 {
	return fragmentationOf(s, cutDFS(s))
}

func fragmentationOf(s undirected, t *cutTree) float64 {
	var pairs int64
	for v := range s.N() {
		if t.parent[v] < 0 {
			pairs += robustPairs(int64(t.size[v]))
		}
	}
	return float64(robustFragmentation(s.N(), pairs))
}

// RemovalEffects returns, for every actor, the effect of removing it alone
// from the undirected view of s: the largest component left, the pairs
// still reachable and Borgatti's fragmentation F of the N−1 actors left (see
// Fragmentation). They are sorted by Lost (descending), which orders them
// by F after removal too, then ID.
//
// Removing v splits only v's component, of size S, into the pieces that
// ArticulationPoints describes (one piece of S−1 actors if v is no cut
// point), so with R = Σ_k s_k(s_k−1)/2 over the components
//
//	R(v) = R − S(S−1)/2 + Σ_pieces p(p−1)/2
//
// and the largest component is the largest piece or the largest other
// component. The pieces come from one depth-first search with low points
// (the block–cut tree in implicit form), so all N effects take O(N + E)
// time instead of N searches. A cancelled ctx stops it with ctx.Err().
func RemovalEffects(ctx context.Context, s *network.Snapshot, opt RemovalOptions) ([]RemovalEffect, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := cutDFS(s)
	off, kids := t.childLists()
	n := s.N()
	var reach int64
	// The two largest components, by root.
	top1, top2 := int32(-1), int32(0)
	var top1Size int32
	for v := range n {
		if t.parent[v] >= 0 {
			continue
		}
		sz := t.size[v]
		reach += robustPairs(int64(sz))
		if top1 < 0 || sz > top1Size {
			top2 = top1Size
			top1, top1Size = int32(v), sz
		} else if sz > top2 {
			top2 = sz
		}
	}
	out := make([]RemovalEffect, n)
	tr := search.NewTracker(ctx, n, opt.Progress)
	for v := range n {
		if v%stride == 0 && !tr.Step(min(stride, n-v)) {
			return nil, tr.Err()
		}
		sep, rest := t.pieces(v, kids[off[v]:off[v+1]])
		r := t.root[v]
		comp := int64(t.size[r])
		after := reach - robustPairs(comp)
		largest := top1Size
		if r == top1 {
			largest = top2
		}
		pieces := len(sep)
		for _, c := range sep {
			after += robustPairs(int64(t.size[c]))
			largest = max(largest, t.size[c])
		}
		if rest > 0 {
			pieces++
			after += robustPairs(int64(rest))
			largest = max(largest, rest)
		}
		out[v] = RemovalEffect{ID: s.ID(v), Largest: int(largest), Reachable: after,
			Lost: reach - after, Pieces: pieces, Fragmentation: robustFragmentation(n-1, after)}
	}
	slices.SortFunc(out, func(a, b RemovalEffect) int {
		if a.Lost != b.Lost {
			return cmp.Compare(b.Lost, a.Lost)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, nil
}

// RemovalFragmentation ranks the actors by the fragmentation F of the
// undirected view of s once they alone are removed (Borgatti's key-player
// problem for sets of one; see RemovalEffects). It takes O(N + E) time.
func RemovalFragmentation(ctx context.Context, s *network.Snapshot, opt RemovalOptions) (analysis.Ranking, error) {
	effects, err := RemovalEffects(ctx, s, opt)
	if err != nil {
		return nil, err
	}
	idx := make(map[string]int, s.N())
	for i := range s.N() {
		idx[s.ID(i)] = i
	}
	vals := make([]float64, s.N())
	for _, e := range effects {
		vals[idx[e.ID]] = float64(e.Fragmentation)
	}
	return analysis.NewRanking(s, vals), nil
}

// RemovalCurve removes the first k actors of order (a Ranking, such as
// a centrality, highest first) one after another from the undirected view
// of s and returns the state after each removal: step 0 is the intact
// network, step i the network without the first i actors. A k beyond
// len(order) is cut to it; a negative k is an error, as is an ID of order
// that is not an actor of s (wrapping network.ErrUnknownActor) or a repeated
// one (wrapping network.ErrDuplicateID).
//
// The curve is computed backwards: starting from the network without all k
// actors, they are put back in reverse order with a union–find structure
// (union by size, path halving), so that the whole curve takes
// O((N + E)·α(N)) time rather than k searches. A cancelled ctx stops it
// with ctx.Err().
func RemovalCurve(ctx context.Context, s *network.Snapshot, order analysis.Ranking, k int, opt RemovalOptions) ([]RemovalStep, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if k < 0 {
		return nil, fmt.Errorf("analysis: removal curve: negative number of removals %d", k)
	}
	k = min(k, len(order))
	n := s.N()
	removed := make([]bool, n)
	seq := make([]int, k)
	for i, sc := range order[:k] {
		v, ok := s.Index(sc.ID)
		if !ok {
			return nil, fmt.Errorf("analysis: removal curve: position %d: actor %q: %w", i, sc.ID, network.ErrUnknownActor)
		}
		if removed[v] {
			return nil, fmt.Errorf("analysis: removal curve: position %d: actor %q: %w", i, sc.ID, network.ErrDuplicateID)
		}
		removed[v] = true
		seq[i] = v
	}
	parent := make([]int32, n)
	size := make([]int32, n)
	for i := range parent {
		parent[i], size[i] = int32(i), 1
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var pairs int64
	var largest int32
	union := func(a, b int32) {
		a, b = find(a), find(b)
		if a == b {
			return
		}
		if size[a] < size[b] {
			a, b = b, a
		}
		pairs += int64(size[a]) * int64(size[b])
		parent[b] = a
		size[a] += size[b]
		largest = max(largest, size[a])
	}
	present := n - k
	for v := range n {
		if removed[v] {
			continue
		}
		largest = max(largest, 1)
		for _, w := range s.Neighbors(v) {
			if int(w) < v && !removed[w] {
				union(int32(v), w)
			}
		}
	}
	steps := make([]RemovalStep, k+1)
	tr := search.NewTracker(ctx, k+1, opt.Progress)
	for i := k; ; i-- {
		if (k-i)%stride == 0 && !tr.Step(min(stride, i+1)) {
			return nil, tr.Err()
		}
		steps[i] = RemovalStep{Removed: i, Largest: int(largest), Reachable: pairs,
			Fragmentation: robustFragmentation(present, pairs)}
		if i > 0 {
			steps[i].ID = s.ID(seq[i-1])
		}
		if i == 0 {
			break
		}
		v := seq[i-1]
		removed[v] = false
		present++
		largest = max(largest, 1)
		for _, w := range s.Neighbors(v) {
			if !removed[w] {
				union(int32(v), w)
			}
		}
	}
	return steps, nil
}

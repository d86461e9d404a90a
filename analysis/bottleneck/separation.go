package bottleneck

import (
	"sort"

	"github.com/labournet/labournet/network"
)

// Separation answers what-if questions about one added tie without a new
// search: for the undirected view of a snapshot, which component each actor
// is in, which actors are cut points, and, for a cut point v and an actor x
// of its component, which of the pieces left by removing v holds x. An
// added tie between two components joins them; one inside a component
// merges, for every cut point that separates its two ends, the two pieces
// holding them (Hopcroft and Tarjan's block–cut structure, read from one
// depth-first search with low points).
//
// Building it takes O(N + E) time; Piece takes O(log d) for a cut point of
// d tree children. A Separation is safe for concurrent reads.
type Separation struct {
	t         *cutTree
	off, kids []int32
	// sep[v] are v's separated children (preorder), rest[v] the size of
	// the piece that holds v's ancestors (0 when none).
	sep  [][]int32
	rest []int32
	cuts []int // cut points, by index
	// byRoot lists the cut points of each component, by root index.
	byRoot map[int32][]int
}

// NewSeparation returns the separation structure of the undirected view of
// s.
func NewSeparation(s *network.Snapshot) *Separation {
	t := cutDFS(s)
	off, kids := t.childLists()
	p := &Separation{t: t, off: off, kids: kids, sep: make([][]int32, s.N()), rest: make([]int32, s.N()), byRoot: map[int32][]int{}}
	for v := range s.N() {
		sep, rest := t.pieces(v, kids[off[v]:off[v+1]])
		p.sep[v], p.rest[v] = sep, rest
		np := len(sep)
		if rest > 0 {
			np++
		}
		if np >= 2 {
			p.cuts = append(p.cuts, v)
			p.byRoot[t.root[v]] = append(p.byRoot[t.root[v]], v)
		}
	}
	return p
}

// Component returns the root of x's component (the same for all its
// actors) and the component's size.
func (p *Separation) Component(x int) (root int32, size int) {
	r := p.t.root[x]
	return r, int(p.t.size[r])
}

// CutPoints returns the cut points of the component whose root is root.
// Do not modify the slice.
func (p *Separation) CutPoints(root int32) []int { return p.byRoot[root] }

// NumPieces returns how many pieces removing v leaves of its component.
func (p *Separation) NumPieces(v int) int {
	n := len(p.sep[v])
	if p.rest[v] > 0 {
		n++
	}
	return n
}

// Piece returns the piece of its component that removing v leaves holding
// x (x ≠ v, both in one component): a key that is equal for two actors in
// the same piece, and the piece's size.
func (p *Separation) Piece(v, x int) (key int32, size int) {
	t := p.t
	sep := p.sep[v]
	px := t.pre[x]
	// The separated child whose subtree holds x, if any.
	i := sort.Search(len(sep), func(i int) bool { return t.pre[sep[i]] > px }) - 1
	if i >= 0 && px < t.pre[sep[i]]+t.size[sep[i]] && t.pre[v] < px {
		return sep[i], int(t.size[sep[i]])
	}
	return -1, int(p.rest[v])
}

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
	// up[x] is the nearest proper ancestor v of x whose tree child on the
	// way to x is separated (x then lies in that child's piece), -1 when
	// none.
	up []int32
	// outside[r] is, for the component of root r, the sum over its cut
	// points v of size − 1 − rest[v].
	outside map[int32]int64
}

// NewSeparation returns the separation structure of the undirected view of
// s.
func NewSeparation(s *network.Snapshot) *Separation { return newSeparation(s) }

func newSeparation(s undirected) *Separation {
	t := cutDFS(s)
	off, kids := t.childLists()
	p := &Separation{t: t, off: off, kids: kids, sep: make([][]int32, s.N()), rest: make([]int32, s.N()), byRoot: map[int32][]int{},
		up: make([]int32, s.N()), outside: map[int32]int64{}}
	for v := range s.N() {
		sep, rest := t.pieces(v, kids[off[v]:off[v+1]])
		p.sep[v], p.rest[v] = sep, rest
		np := len(sep)
		if rest > 0 {
			np++
		}
		if np >= 2 {
			p.cuts = append(p.cuts, v)
			r := t.root[v]
			p.byRoot[r] = append(p.byRoot[r], v)
			p.outside[r] += int64(t.size[r]) - 1 - int64(rest)
		}
	}
	for _, x := range t.order { // parents first
		switch par := t.parent[x]; {
		case par < 0:
			p.up[x] = -1
		case t.separates(int(x)):
			p.up[x] = par
		default:
			p.up[x] = p.up[par]
		}
	}
	return p
}

// Separating returns the actors v ≠ x for which Piece(v, x) is a piece
// below v, not the one holding v's ancestors, nearest first. Every cut
// point not among them leaves x in the piece of its ancestors, so the cut
// points that separate two actors x and y of one component (Piece(v, x) ≠
// Piece(v, y)) are among Separating(x) and Separating(y). The list holds
// one actor per level of the block–cut tree above x, often far fewer than
// the component's cut points; it may hold a component's root that is no
// cut point (one with a single tree child), for which Piece is the same
// for every other actor. Do not modify the slice; buf, when not nil, is
// reused for it. A position out of range has none.
func (p *Separation) Separating(x int, buf []int) []int {
	buf = buf[:0]
	if x < 0 || x >= len(p.up) {
		return buf
	}
	for v := p.up[x]; v >= 0; v = p.up[v] {
		buf = append(buf, int(v))
	}
	return buf
}

// Outside returns the sum, over the cut points v ≠ x of x's component, of
// the number of actors other than v outside the piece that holds x when v
// is removed: Σ (size − 1 − s) with s the size from Piece(v, x). It takes
// the time of Separating(x). It is 0 for a position out of range.
func (p *Separation) Outside(x int) int64 {
	if x < 0 || x >= len(p.up) {
		return 0
	}
	t := p.t
	r := t.root[x]
	size := int64(t.size[r])
	sum := p.outside[r]
	if p.NumPieces(x) >= 2 {
		sum -= size - 1 - int64(p.rest[x])
	}
	// Where x lies below v, its piece is not the rest.
	for v := p.up[x]; v >= 0; v = p.up[v] {
		if p.NumPieces(int(v)) < 2 {
			continue
		}
		_, s := p.Piece(int(v), x)
		sum += int64(p.rest[v]) - int64(s)
	}
	return sum
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

package bottleneck

import (
	"cmp"
	"slices"
	"sort"

	"github.com/labournet/labournet/network"
)

// CutOptions configures ArticulationPoints. The zero value counts the actors
// of each piece by kind.
type CutOptions struct {
	// GroupBy is the actor attribute (see actor.Actor.Attr) by which the
	// actors of each piece are counted; empty means "kind". Actors without a
	// value count under "".
	GroupBy string
}

// Piece is one of the parts a component falls into when a cut point is
// removed.
type Piece struct {
	// Size is the number of actors in the piece.
	Size int `json:"size"`
	// Contact is the lowest ID among the cut point's neighbours in the
	// piece: the actor through which the cut point reaches it.
	Contact string `json:"contact"`
	// Groups counts the piece's actors by the value of CutOptions.GroupBy
	// (by kind unless set).
	Groups map[string]int `json:"groups"`
}

// CutPoint is an articulation point: an actor whose removal splits its
// component.
type CutPoint struct {
	// ID is the actor's ID.
	ID string `json:"id"`
	// Component is the size of the actor's component, the actor included.
	Component int `json:"component"`
	// Pieces are the parts left of the component when the actor is
	// removed, largest first, ties by Contact. There are at least two.
	Pieces []Piece `json:"pieces"`
	// Separated is the number of unordered pairs of remaining actors of the
	// component that can no longer reach each other: Σ_{a<b} s_a·s_b over
	// the sizes of the pieces.
	Separated int64 `json:"separated"`
}

// Bridge is a pair of linked actors whose tie is the only path between two
// parts of their component.
type Bridge struct {
	// From and To are the two actors, From < To.
	From string `json:"from"`
	To   string `json:"to"`
	// Links is the number of links the tie stands for (parallel links are
	// merged into one tie, see network.Snapshot).
	Links int `json:"links"`
	// FromSide and ToSide are the sizes of the two parts the component
	// falls into without the tie: the part holding From and the one
	// holding To.
	FromSide int `json:"fromSide"`
	ToSide   int `json:"toSide"`
	// Separated is FromSide·ToSide, the number of pairs the tie alone joins.
	Separated int64 `json:"separated"`
}

// Block is a biconnected component: a maximal set of actors that stays
// connected whichever single actor is removed.
type Block struct {
	// Actors are the block's actor IDs, ascending.
	Actors []string `json:"actors"`
	// Ties is the number of (merged) ties among them.
	Ties int `json:"ties"`
}

// cutTree is a depth-first forest of the undirected view with Hopcroft and
// Tarjan's low points. Vertices are numbered in preorder, so the subtree of v
// is the preorder interval [pre[v], pre[v]+size[v]).
type cutTree struct {
	pre    []int32 // preorder number
	low    []int32 // lowest preorder number reachable by tree edges then one back edge
	parent []int32 // DFS parent, -1 for a root
	size   []int32 // subtree size
	order  []int32 // vertices in preorder
	root   []int32 // root of each vertex's tree (one tree per component)
}

// cutDFS builds the DFS forest iteratively (an explicit stack, so that long
// paths of 10^6 actors cannot overflow the goroutine stack), starting trees
// and scanning neighbours in index order. It takes O(N + E) time.
func cutDFS(s undirected) *cutTree {
	n := s.N()
	t := &cutTree{
		pre:    make([]int32, n),
		low:    make([]int32, n),
		parent: make([]int32, n),
		size:   make([]int32, n),
		order:  make([]int32, 0, n),
		root:   make([]int32, n),
	}
	for i := range t.pre {
		t.pre[i] = -1
	}
	next := make([]int32, n) // position of the next neighbour to scan
	stack := make([]int32, 0, 64)
	var clock int32
	for r := range n {
		if t.pre[r] >= 0 {
			continue
		}
		t.pre[r], t.low[r], t.parent[r], t.root[r], t.size[r] = clock, clock, -1, int32(r), 1
		clock++
		t.order = append(t.order, int32(r))
		stack = append(stack, int32(r))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			row := s.Neighbors(int(v))
			if int(next[v]) < len(row) {
				w := row[next[v]]
				next[v]++
				if t.pre[w] < 0 {
					t.pre[w], t.low[w], t.parent[w], t.root[w], t.size[w] = clock, clock, v, int32(r), 1
					clock++
					t.order = append(t.order, w)
					stack = append(stack, w)
				} else if w != t.parent[v] && t.pre[w] < t.low[v] {
					t.low[v] = t.pre[w]
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if p := t.parent[v]; p >= 0 {
				t.size[p] += t.size[v]
				if t.low[v] < t.low[p] {
					t.low[p] = t.low[v]
				}
			}
		}
	}
	return t
}

// separates reports whether tree child c is cut off from the rest of its
// component when its parent is removed: low[c] ≥ pre[parent].
func (t *cutTree) separates(c int) bool {
	p := t.parent[c]
	return p >= 0 && t.low[c] >= t.pre[p]
}

// pieces returns the sizes of the parts v's component falls into without
// v: the subtrees of its separated children, then the rest of the component
// (if any). The children are given in preorder.
func (t *cutTree) pieces(v int, children []int32) (child []int32, rest int32) {
	rest = t.size[t.root[v]] - 1
	for _, c := range children {
		if t.separates(int(c)) {
			child = append(child, c)
			rest -= t.size[c]
		}
	}
	return child, rest
}

// childLists returns, for every vertex, its DFS children in preorder, as
// offsets into one flat slice.
func (t *cutTree) childLists() (off []int32, kids []int32) {
	n := len(t.pre)
	off = make([]int32, n+1)
	for v := range n {
		if p := t.parent[v]; p >= 0 {
			off[p+1]++
		}
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	kids = make([]int32, off[n])
	fill := slices.Clone(off[:n])
	for _, v := range t.order {
		if p := t.parent[v]; p >= 0 {
			kids[fill[p]] = v
			fill[p]++
		}
	}
	return off, kids
}

// ArticulationPoints returns the cut points of the undirected view of s: the
// actors whose removal leaves their component in several pieces, with each
// piece's size, contact and make-up by CutOptions.GroupBy. They are sorted
// by Separated (descending), then ID.
//
// Source: Hopcroft & Tarjan (1973), "Algorithm 447: efficient algorithms
// for graph manipulation", CACM 16(6). In a depth-first forest with preorder
// numbers pre and low points
//
//	low(v) = min(pre(v), pre(w) for back edges v–w, low(c) for children c)
//
// a root is a cut point iff it has two or more children, and any other
// vertex v iff some child c has low(c) ≥ pre(v); the subtree of each such c
// is one piece, the rest of the component another. The DFS is iterative.
//
// It takes O(N + E + P·G·log N) time for N actors, E ties, P pieces and G
// distinct group values, and O(N) memory.
func ArticulationPoints(s *network.Snapshot, opt CutOptions) []CutPoint {
	return articulationPoints(s, cutDFS(s), opt)
}

// Cuts returns what ArticulationPoints (with the zero CutOptions), Bridges
// and Fragmentation return, from one depth-first search instead of three:
// O(N + E) time.
func Cuts(s *network.Snapshot) (cuts []CutPoint, ties []Bridge, fragmentation float64) {
	t := cutDFS(s)
	return articulationPoints(s, t, CutOptions{}), bridges(s, t), fragmentationOf(s, t)
}

func articulationPoints(s undirected, t *cutTree, opt CutOptions) []CutPoint {
	return cutPoints(s, t, opt, true)
}

// cutPoints is articulationPoints, leaving each cut point's Pieces out
// unless pieces is set (Separated is set all the same).
func cutPoints(s undirected, t *cutTree, opt CutOptions, pieces bool) []CutPoint {
	off, kids := t.childLists()
	if !pieces {
		var out []CutPoint
		for v := range s.N() {
			sep, rest := t.pieces(v, kids[off[v]:off[v+1]])
			if len(sep)+min(int(rest), 1) < 2 {
				continue
			}
			cp := CutPoint{ID: s.ID(v), Component: int(t.size[t.root[v]])}
			sum := int64(0)
			for _, c := range sep {
				cp.Separated += sum * int64(t.size[c])
				sum += int64(t.size[c])
			}
			cp.Separated += sum * int64(rest)
			out = append(out, cp)
		}
		slices.SortFunc(out, bySeparated)
		return out
	}
	// positions[g] lists the preorder numbers of the actors of group g.
	groupOf, names := groupLabels(s, opt.GroupBy)
	positions := make([][]int32, len(names))
	for _, v := range t.order {
		positions[groupOf[v]] = append(positions[groupOf[v]], t.pre[v])
	}
	countIn := func(lo, hi int32) map[string]int { // actors with preorder in [lo, hi)
		m := map[string]int{}
		for g, pos := range positions {
			a := sort.Search(len(pos), func(i int) bool { return pos[i] >= lo })
			b := sort.Search(len(pos), func(i int) bool { return pos[i] >= hi })
			if b > a {
				m[names[g]] = b - a
			}
		}
		return m
	}
	var out []CutPoint
	for v := range s.N() {
		children := kids[off[v]:off[v+1]]
		sep, rest := t.pieces(v, children)
		np := len(sep)
		if rest > 0 {
			np++
		}
		if np < 2 {
			continue
		}
		r := t.root[v]
		comp := t.size[r]
		cp := CutPoint{ID: s.ID(v), Component: int(comp)}
		restGroups := countIn(t.pre[r], t.pre[r]+comp)
		restGroups[names[groupOf[v]]]--
		for _, c := range sep {
			g := countIn(t.pre[c], t.pre[c]+t.size[c])
			for k, x := range g {
				restGroups[k] -= x
			}
			cp.Pieces = append(cp.Pieces, Piece{Size: int(t.size[c]), Groups: g})
		}
		if rest > 0 {
			for k, x := range restGroups {
				if x == 0 {
					delete(restGroups, k)
				}
			}
			cp.Pieces = append(cp.Pieces, Piece{Size: int(rest), Groups: restGroups})
		}
		// Each neighbour lies in exactly one piece; the first seen (lowest
		// ID) is the piece's contact.
		for _, w := range s.Neighbors(v) {
			k := len(sep) // the rest, unless w is in a separated subtree
			i := sort.Search(len(sep), func(i int) bool { return t.pre[sep[i]] > t.pre[w] }) - 1
			if i >= 0 && t.pre[w] < t.pre[sep[i]]+t.size[sep[i]] {
				k = i
			}
			if cp.Pieces[k].Contact == "" {
				cp.Pieces[k].Contact = s.ID(int(w))
			}
		}
		var sum int64
		for _, p := range cp.Pieces {
			cp.Separated += sum * int64(p.Size)
			sum += int64(p.Size)
		}
		slices.SortFunc(cp.Pieces, func(a, b Piece) int {
			if a.Size != b.Size {
				return cmp.Compare(b.Size, a.Size)
			}
			return cmp.Compare(a.Contact, b.Contact)
		})
		out = append(out, cp)
	}
	slices.SortFunc(out, bySeparated)
	return out
}

// bySeparated orders cut points by Separated, most first, then by ID.
func bySeparated(a, b CutPoint) int {
	return cmp.Or(cmp.Compare(b.Separated, a.Separated), cmp.Compare(a.ID, b.ID))
}

// Bridges returns the ties of the undirected view of s whose removal
// splits their component, sorted by Separated (descending), then From and
// To. A pair joined by several parallel links is one tie (Links says how
// many); removing one of the links does not split anything.
//
// Source: Tarjan (1974), "A note on finding the bridges of a graph", IPL
// 2(6). A tree edge p–c of a depth-first forest is a bridge iff
//
//	low(c) > pre(p)
//
// It takes O(N + E) time and O(N) memory.
func Bridges(s *network.Snapshot) []Bridge {
	return bridges(s, cutDFS(s))
}

func bridges(s undirected, t *cutTree) []Bridge {
	var out []Bridge
	for c := range s.N() {
		p := t.parent[c]
		if p < 0 || t.low[c] <= t.pre[p] {
			continue
		}
		comp := t.size[t.root[c]]
		b := Bridge{From: s.ID(int(p)), To: s.ID(c), Links: s.Multiplicity(int(p), c),
			FromSide: int(comp - t.size[c]), ToSide: int(t.size[c])}
		if b.From > b.To {
			b.From, b.To, b.FromSide, b.ToSide = b.To, b.From, b.ToSide, b.FromSide
		}
		b.Separated = int64(b.FromSide) * int64(b.ToSide)
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b Bridge) int {
		if a.Separated != b.Separated {
			return cmp.Compare(b.Separated, a.Separated)
		}
		if a.From != b.From {
			return cmp.Compare(a.From, b.From)
		}
		return cmp.Compare(a.To, b.To)
	})
	return out
}

// BiconnectedComponents returns the blocks of the undirected view of s:
// maximal sets of actors joined by ties that no single actor's removal
// disconnects. Every tie lies in exactly one block; a bridge is a block of
// two; cut points lie in several blocks; isolated actors are in none (as in
// NetworkX's biconnected_components). Blocks are sorted by size
// (descending), then by their actor IDs.
//
// Source: Hopcroft & Tarjan (1973). Each child c with low(c) ≥ pre(parent)
// heads a block made of its parent and the vertices of c's subtree not in
// the subtree of a deeper head; a tie u–v with pre(u) < pre(v) belongs to
// v's block. It takes O(N + E) time and memory, plus sorting the output.
func BiconnectedComponents(s *network.Snapshot) []Block {
	t := cutDFS(s)
	n := s.N()
	owner := make([]int32, n)
	var heads []int32
	for _, v := range t.order {
		switch {
		case t.parent[v] < 0:
			owner[v] = -1
		case t.separates(int(v)):
			owner[v] = int32(len(heads))
			heads = append(heads, v)
		default:
			owner[v] = owner[t.parent[v]]
		}
	}
	members := make([][]int32, len(heads))
	ties := make([]int, len(heads))
	for b, h := range heads {
		members[b] = append(members[b], t.parent[h])
	}
	for v := range n {
		if owner[v] >= 0 {
			members[owner[v]] = append(members[owner[v]], int32(v))
		}
		for _, w := range s.Neighbors(v) {
			if t.pre[v] < t.pre[w] {
				ties[owner[w]]++
			}
		}
	}
	out := make([]Block, len(heads))
	for b, m := range members {
		slices.Sort(m)
		ids := make([]string, len(m))
		for i, v := range m {
			ids[i] = s.ID(int(v))
		}
		out[b] = Block{Actors: ids, Ties: ties[b]}
	}
	slices.SortFunc(out, func(a, b Block) int {
		if len(a.Actors) != len(b.Actors) {
			return cmp.Compare(len(b.Actors), len(a.Actors))
		}
		return slices.Compare(a.Actors, b.Actors)
	})
	return out
}

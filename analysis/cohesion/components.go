package cohesion

import (
	"cmp"
	"slices"

	"github.com/labournet/labournet/network"
)

// Components returns the weakly connected components of s: the groups of
// actors joined by chains of links followed in either direction (the
// components of the snapshot's undirected adjacency), as NetworkX's
// connected_components on the undirected graph and weakly_connected_components
// on the directed one.
//
// Each component lists its actor IDs in ascending order; components come
// largest first, ties broken by the smallest actor ID. An isolated actor is a
// component of its own. It takes O(N + E) time (breadth-first search).
func Components(s *network.Snapshot) [][]string {
	label, k := cohWeakLabels(s)
	return cohGroups(s, label, k)
}

// StrongComponents returns the strongly connected components of the directed
// adjacency of s: the maximal groups of actors that reach each other along
// arcs (an undirected link is an arc each way), as NetworkX's
// strongly_connected_components. Order as Components.
//
// It uses Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
// algorithms", SIAM J. Comput. 1(2), 1972) with an explicit stack, so it does
// not recurse however long the paths; O(N + A) time for A arcs.
func StrongComponents(s *network.Snapshot) [][]string {
	label, k := cohStrongLabels(s)
	return cohGroups(s, label, k)
}

// cohWeakLabels labels each actor with its weak component, numbered
// 0..k-1 in order of each component's smallest actor index.
func cohWeakLabels(s *network.Snapshot) (label []int32, k int) {
	n := s.N()
	label = make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	queue := make([]int32, 0, n)
	for r := range n {
		if label[r] >= 0 {
			continue
		}
		c := int32(k)
		k++
		label[r] = c
		queue = append(queue[:0], int32(r))
		for h := 0; h < len(queue); h++ {
			for _, w := range s.Neighbors(int(queue[h])) {
				if label[w] < 0 {
					label[w] = c
					queue = append(queue, w)
				}
			}
		}
	}
	return label, k
}

// cohStrongLabels labels each actor with its strong component (Tarjan,
// iterative); the numbering is arbitrary.
func cohStrongLabels(s *network.Snapshot) (label []int32, k int) {
	n := s.N()
	index := make([]int32, n) // discovery order + 1; 0 = unvisited
	low := make([]int32, n)
	label = make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	var stack []int32 // Tarjan's stack of open nodes
	type frame struct {
		v   int32
		pos int
	}
	var call []frame // the depth-first path with each node's next arc
	next := int32(0)
	for r := range n {
		if index[r] != 0 {
			continue
		}
		next++
		index[r], low[r] = next, next
		stack = append(stack, int32(r))
		call = append(call, frame{int32(r), 0})
		for len(call) > 0 {
			f := &call[len(call)-1]
			out := s.Out(int(f.v))
			if f.pos < len(out) {
				w := out[f.pos]
				f.pos++
				switch {
				case index[w] == 0:
					next++
					index[w], low[w] = next, next
					stack = append(stack, w)
					call = append(call, frame{w, 0})
				case label[w] < 0: // on the stack
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				c := int32(k)
				k++
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					label[w] = c
					if w == v {
						break
					}
				}
			}
		}
	}
	return label, k
}

// cohGroups turns component labels into sorted lists of IDs, largest first,
// ties by smallest ID.
func cohGroups(s *network.Snapshot, label []int32, k int) [][]string {
	size := make([]int, k)
	for _, c := range label {
		size[c]++
	}
	groups := make([][]string, k)
	for c := range groups {
		groups[c] = make([]string, 0, size[c])
	}
	for i, c := range label { // indices ascend with IDs: lists come out sorted
		groups[c] = append(groups[c], s.ID(i))
	}
	slices.SortStableFunc(groups, func(a, b []string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	return groups
}

// cohLargest returns the actor indices of the largest weak (or, when
// strong, strong) component, ascending; ties go to the component holding the
// smallest actor ID.
func cohLargest(s *network.Snapshot, strong bool) []int32 {
	var label []int32
	var k int
	if strong {
		label, k = cohStrongLabels(s)
	} else {
		label, k = cohWeakLabels(s)
	}
	if k == 0 {
		return nil
	}
	size := make([]int, k)
	first := make([]int, k)
	for c := range first {
		first[c] = -1
	}
	for i, c := range label {
		size[c]++
		if first[c] < 0 {
			first[c] = i
		}
	}
	best := 0
	for c := range size {
		if size[c] > size[best] || size[c] == size[best] && first[c] < first[best] {
			best = c
		}
	}
	members := make([]int32, 0, size[best])
	for i, c := range label {
		if int(c) == best {
			members = append(members, int32(i))
		}
	}
	return members
}

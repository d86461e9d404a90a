package bottleneck

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSeparatingAndOutside checks Separating and Outside against every cut
// point of the component on random networks with several components and
// many cut points: a cut point that separates two actors has one of them
// in Separating, every other cut point leaves each actor in the piece of
// its ancestors, and Outside sums size − 1 − piece size over all cut points
// but the actor.
func TestSeparatingAndOutside(t *testing.T) {
	for seed := range uint64(8) {
		n := 30 + 10*int(seed)
		s := cutRandom(t, n, n+int(seed)*3, seed)
		p := NewSeparation(s)
		var buf []int
		for x := range s.N() {
			root, size := p.Component(x)
			buf = p.Separating(x, buf)
			var want int64
			for _, v := range p.CutPoints(root) {
				if v == x {
					continue
				}
				key, sz := p.Piece(v, x)
				want += int64(size - 1 - sz)
				require.Equal(t, key >= 0, slices.Contains(buf, v), "seed %d: %s below cut point %s", seed, s.ID(x), s.ID(v))
			}
			require.Equal(t, want, p.Outside(x), "seed %d: outside %s", seed, s.ID(x))
			for _, v := range buf {
				require.NotEqual(t, x, v)
				r, _ := p.Component(v)
				require.Equal(t, root, r, "seed %d: %s and %s in one component", seed, s.ID(x), s.ID(v))
			}
		}
		require.Empty(t, p.Separating(-1, nil))
		require.Empty(t, p.Separating(s.N(), nil))
		require.Zero(t, p.Outside(s.N()))
		cuts := 0
		for r := range s.N() {
			if rr, _ := p.Component(r); int(rr) == r {
				cuts += len(p.CutPoints(rr))
			}
		}
		require.Positive(t, cuts, "seed %d: the network has cut points to check", seed)
	}
}

package render

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/network"
)

// path returns a network of actors a0–a1–…–a(n-1) and, when extra > 0,
// as many isolated actors besides.
func pathNetwork(t *testing.T, n, extra int) *network.Network {
	t.Helper()
	var as []actor.Actor
	var ls []network.Link
	for i := range n + extra {
		as = append(as, actor.Actor{ID: string(rune('a'+i/26)) + string(rune('a'+i%26)), Kind: actor.Employer})
	}
	for i := 1; i < n; i++ {
		ls = append(ls, network.Link{From: as[i-1].ID, To: as[i].ID, Kind: network.Cooperation})
	}
	nw, err := network.Build("path", as, ls)
	require.NoError(t, err)
	return nw
}

func TestHopDistances(t *testing.T) {
	s := pathNetwork(t, 4, 1).Snapshot()
	d := hopDistances(s)
	n := s.N()
	require.Equal(t, 3.0, d[0*n+3], "ends of the path")
	require.Equal(t, 1.0, d[1*n+2])
	require.Equal(t, 4.0, d[0*n+4], "unreachable: the largest distance plus one")
	require.Equal(t, 0.0, d[2*n+2])
}

// TestStressLayoutPath: a path has a drawing of zero stress, a straight
// line, and majorisation from the classical-scaling start finds it.
func TestStressLayoutPath(t *testing.T) {
	s := pathNetwork(t, 8, 0).Snapshot()
	pos := stressLayout(s, 1, nil)
	require.Less(t, stress(hopDistances(s), s.N(), pos), 1e-3)
	for i := 1; i < len(pos); i++ {
		require.InDelta(t, 1, math.Hypot(pos[i].x-pos[i-1].x, pos[i].y-pos[i-1].y), 0.02, "neighbours one hop apart")
	}
	// Rotated to the horizontal.
	require.Less(t, math.Abs(pos[7].y-pos[0].y), 0.05)
}

// TestStressBeatsForce: on random networks the stress of the stress
// layout is below that of the force layout, scaled at its best.
func TestStressBeatsForce(t *testing.T) {
	for _, size := range []int{30, 80} {
		s := randomNetwork(t, size, uint64(size)).Snapshot()
		d := hopDistances(s)
		sl := stress(d, s.N(), stressLayout(s, 1, nil))
		fl := forceLayout(s, 1)
		best := math.Inf(1)
		for k := 1.0; k < 40; k *= 1.1 {
			scaled := make([]point, len(fl))
			for i, p := range fl {
				scaled[i] = point{p.x * k, p.y * k}
			}
			best = math.Min(best, stress(d, s.N(), scaled))
		}
		require.Less(t, sl, best, "size %d", size)
	}
}

func TestLayoutDisconnectedAndTiny(t *testing.T) {
	for _, c := range []struct {
		n, extra int
		reason   string
	}{
		{0, 0, "empty"}, {1, 0, "one actor"}, {2, 0, "one link"}, {5, 3, "isolated actors beside a path"},
	} {
		nw := pathNetwork(t, c.n, c.extra)
		pos := layout(nw.Snapshot(), 3)
		require.Len(t, pos, c.n+c.extra, c.reason)
		for _, p := range pos {
			require.False(t, math.IsNaN(p.x) || math.IsNaN(p.y), c.reason)
			require.True(t, p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1, "%s: %v", c.reason, p)
		}
		require.Equal(t, pos, layout(nw.Snapshot(), 3), c.reason)
	}
}

func TestConvexHull(t *testing.T) {
	h := convexHull([]point{{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 0}})
	require.ElementsMatch(t, []point{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, h)
	require.Len(t, convexHull([]point{{1, 1}, {1, 1}}), 1)
}

func BenchmarkStressLayout(b *testing.B) {
	for _, size := range []int{100, 300, 1000} {
		s := randomNetwork(b, size, 1).Snapshot()
		b.Run(fmt.Sprint(size), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				stressLayout(s, 1, nil)
			}
		})
	}
}

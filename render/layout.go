package render

import (
	"math"
	"math/rand/v2"

	"github.com/labournet/labournet/network"
)

// point is a position on the canvas.
type point struct{ x, y float64 }

// layout places the snapshot's actors with the force-directed method of
// Fruchterman and Reingold ("Graph drawing by force-directed placement",
// Software: Practice and Experience 21(11), 1991): linked actors attract
// with d²/k, all pairs repel with k²/d, and the step is bounded by a
// temperature that cools linearly; a weak pull to the centre keeps separate
// pieces on the canvas. The start is random from seed, so a seed gives one
// picture. Positions are in the unit square. It takes O(I·(N² + E)) time for
// I iterations (300 up to 500 actors, fewer above).
func layout(s *network.Snapshot, seed uint64) []point {
	n := s.N()
	pos := make([]point, n)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for i := range pos {
		pos[i] = point{rng.Float64(), rng.Float64()}
	}
	if n < 2 {
		if n == 1 {
			pos[0] = point{0.5, 0.5}
		}
		return pos
	}
	k := math.Sqrt(1 / float64(n))
	iters := 300
	if n > 500 {
		iters = max(30, 300*500/n)
	}
	disp := make([]point, n)
	for it := range iters {
		temp := 0.1 * (1 - float64(it)/float64(iters))
		for i := range disp {
			disp[i] = point{}
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
				d2 := dx*dx + dy*dy
				if d2 < 1e-12 {
					dx, dy, d2 = 1e-3*float64(i-j), 1e-3, 1e-6
				}
				f := k * k / d2 // (k²/d) / d
				disp[i].x += dx * f
				disp[i].y += dy * f
				disp[j].x -= dx * f
				disp[j].y -= dy * f
			}
		}
		for i := range n {
			for _, j := range s.Neighbors(i) {
				if int(j) <= i {
					continue
				}
				dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
				d := math.Sqrt(dx*dx + dy*dy)
				f := d / k // (d²/k) / d
				disp[i].x -= dx * f
				disp[i].y -= dy * f
				disp[j].x += dx * f
				disp[j].y += dy * f
			}
			// Gravity towards the centre.
			disp[i].x -= (pos[i].x - 0.5) * 2 * k
			disp[i].y -= (pos[i].y - 0.5) * 2 * k
		}
		for i := range n {
			d := math.Hypot(disp[i].x, disp[i].y)
			if d > 0 {
				step := math.Min(d, temp)
				pos[i].x += disp[i].x / d * step
				pos[i].y += disp[i].y / d * step
			}
		}
	}
	// Scale to the unit square.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.x), math.Max(maxX, p.x)
		minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
	}
	w, h := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	for i := range pos {
		pos[i] = point{(pos[i].x - minX) / w, (pos[i].y - minY) / h}
	}
	return pos
}

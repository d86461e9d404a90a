package render

import (
	"math"
	"math/rand/v2"

	"github.com/labournet/labournet/network"
)

// point is a position on the canvas.
type point struct{ x, y float64 }

// stressMaxN is the largest network laid out by stress majorisation; above
// it the O(N²)-memory distance table is too big and forceLayout is used.
const stressMaxN = 1000

// layout places the snapshot's actors in the unit square, keeping the
// drawing's proportions (the longer side spans [0, 1], the shorter is
// centred): by stress majorisation (see stressLayout) up to stressMaxN
// actors, by the force-directed forceLayout above. The same seed gives the
// same positions.
func layout(s *network.Snapshot, seed uint64) []point {
	var pos []point
	if s.N() <= stressMaxN {
		pos = stressLayout(s, seed, nil)
	} else {
		pos = forceLayout(s, seed)
	}
	return unitSquare(pos)
}

// unitSquare scales and shifts pos into [0, 1]², keeping its aspect ratio.
func unitSquare(pos []point) []point {
	if len(pos) == 0 {
		return pos
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.x), math.Max(maxX, p.x)
		minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
	}
	side := math.Max(math.Max(maxX-minX, maxY-minY), 1e-9)
	offX, offY := (1-(maxX-minX)/side)/2, (1-(maxY-minY)/side)/2
	out := make([]point, len(pos))
	for i, p := range pos {
		out[i] = point{offX + (p.x-minX)/side, offY + (p.y-minY)/side}
	}
	return out
}

// Stress majorisation parameters.
const (
	stressTol     = 1e-5 // stop when stress falls by less than this fraction
	stressMaxIter = 400
)

// stressLayout places the actors by stress majorisation (E. R. Gansner,
// Y. Koren and S. North, "Graph drawing by stress majorization", Graph
// Drawing 2004, LNCS 3383, pp. 239–250). The ideal distance d_ij of two
// actors is their number of hops in the undirected snapshot (BFS), and the
// drawing minimises the stress
//
//	stress(X) = Σ_{i<j} w_ij (‖X_i − X_j‖ − d_ij)²,  w_ij = d_ij⁻²
//
// by the paper's localised majorisation step, each actor in turn moving to
//
//	X_i ← Σ_{j≠i} w_ij (X_j + d_ij (X_i − X_j)/‖X_i − X_j‖) / Σ_{j≠i} w_ij
//
// until the stress falls by less than stressTol of itself or after
// stressMaxIter sweeps. Actors in different components are given the
// distance (largest finite distance + 1), the paper's treatment of
// disconnected graphs, which keeps the pieces near one another. When group
// is not nil, actors of the same group want to be 0.8 times as far apart
// and actors of different groups 1.2 times, so that groups gather.
//
// The start is classical multidimensional scaling (Torgerson; the paper's
// recommended initialisation), its two eigenvectors found by power
// iteration from vectors drawn from seed, plus a small jitter drawn from
// the same seed; the result is rotated so that its longer principal axis
// is horizontal. Positions are in hops (an edge is about 1 long).
//
// It takes O(N·(N + E)) time for the distances, O(N²) memory and O(N²)
// time per sweep.
func stressLayout(s *network.Snapshot, seed uint64, group []int) []point {
	n := s.N()
	pos := make([]point, n)
	if n <= 1 {
		return pos
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	d := hopDistances(s)
	if group != nil {
		for i := range n {
			for j := range n {
				if i != j {
					if group[i] == group[j] {
						d[i*n+j] *= 0.8
					} else {
						d[i*n+j] *= 1.2
					}
				}
			}
		}
	}
	classicalMDS(d, n, rng, pos)
	for i := range pos {
		pos[i].x += 0.05 * (rng.Float64() - 0.5)
		pos[i].y += 0.05 * (rng.Float64() - 0.5)
	}
	prev := stress(d, n, pos)
	// The iterations are bounded by a budget of about 1.2·10⁸ pair visits, so
	// that 1,000 actors take a second, not ten; below 550 actors the bound
	// is stressMaxIter. The stress is checked every fifth iteration.
	iters := min(stressMaxIter, max(60, 120_000_000/(n*n)))
	for it := range iters {
		for i := range n {
			var sx, sy, sw float64
			for j := range n {
				if j == i {
					continue
				}
				dij := d[i*n+j]
				w := 1 / (dij * dij)
				dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
				dist := math.Sqrt(dx*dx + dy*dy)
				if dist < 1e-9 {
					// Coincident: push apart along a direction fixed by the
					// indices, so that the result stays deterministic.
					a := float64(i*7+j*13) * 0.61803398875 * 2 * math.Pi
					dx, dy, dist = math.Cos(a), math.Sin(a), 1
				}
				sx += w * (pos[j].x + dij*dx/dist)
				sy += w * (pos[j].y + dij*dy/dist)
				sw += w
			}
			pos[i] = point{sx / sw, sy / sw}
		}
		if it%5 != 4 {
			continue
		}
		cur := stress(d, n, pos)
		if prev-cur <= stressTol*prev {
			break
		}
		prev = cur
	}
	principalAxes(pos)
	return pos
}

// hopDistances returns the N×N table of hop distances of the undirected
// snapshot, row-major, by one breadth-first search per actor; unreachable
// pairs get the largest finite distance plus one. O(N·(N + E)) time.
func hopDistances(s *network.Snapshot) []float64 {
	n := s.N()
	d := make([]float64, n*n)
	queue := make([]int32, 0, n)
	maxD := 0.0
	for src := range n {
		row := d[src*n : (src+1)*n]
		for j := range row {
			row[j] = -1
		}
		row[src] = 0
		queue = append(queue[:0], int32(src))
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			for _, v := range s.Neighbors(int(u)) {
				if row[v] < 0 {
					row[v] = row[u] + 1
					maxD = math.Max(maxD, row[v])
					queue = append(queue, v)
				}
			}
		}
	}
	for i := range d {
		if d[i] < 0 {
			d[i] = maxD + 1
		}
	}
	return d
}

// stress returns Σ_{i<j} d_ij⁻² (‖X_i − X_j‖ − d_ij)². O(N²).
func stress(d []float64, n int, pos []point) float64 {
	var st float64
	for i := range n {
		for j := i + 1; j < n; j++ {
			dij := d[i*n+j]
			dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
			e := math.Sqrt(dx*dx+dy*dy) - dij
			st += e * e / (dij * dij)
		}
	}
	return st
}

// classicalMDS writes into pos the classical scaling of the distances d
// (W. S. Torgerson, "Multidimensional scaling: I. Theory and method",
// Psychometrika 17, 1952): the top two eigenvectors of the double-centred
// matrix B = −½ J D⁽²⁾ J, scaled by the square roots of their eigenvalues,
// found by power iteration with deflation (at most 100 products, O(N²)
// each) from random vectors drawn from rng.
func classicalMDS(d []float64, n int, rng *rand.Rand, pos []point) {
	b := make([]float64, n*n)
	rowMean := make([]float64, n)
	var all float64
	for i := range n {
		for j := range n {
			v := d[i*n+j] * d[i*n+j]
			b[i*n+j] = v
			rowMean[i] += v
		}
		all += rowMean[i]
		rowMean[i] /= float64(n)
	}
	all /= float64(n * n)
	for i := range n {
		for j := range n {
			b[i*n+j] = -0.5 * (b[i*n+j] - rowMean[i] - rowMean[j] + all)
		}
	}
	var vecs [2][]float64
	var vals [2]float64
	tmp := make([]float64, n)
	for k := range 2 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rng.Float64() - 0.5
		}
		lambda := 0.0
		for range 100 {
			// Deflate: keep v orthogonal to the vectors already found.
			for p := range k {
				dot := 0.0
				for i := range v {
					dot += v[i] * vecs[p][i]
				}
				for i := range v {
					v[i] -= dot * vecs[p][i]
				}
			}
			norm := 0.0
			for i := range v {
				norm += v[i] * v[i]
			}
			norm = math.Sqrt(norm)
			if norm < 1e-12 {
				break
			}
			for i := range v {
				v[i] /= norm
			}
			for i := range n {
				sum := 0.0
				row := b[i*n : (i+1)*n]
				for j, x := range v {
					sum += row[j] * x
				}
				tmp[i] = sum
			}
			next := 0.0
			for i := range v {
				next += tmp[i] * v[i]
			}
			copy(v, tmp)
			if math.Abs(next-lambda) <= 1e-9*math.Abs(next) {
				lambda = next
				break
			}
			lambda = next
		}
		norm := 0.0
		for i := range v {
			norm += v[i] * v[i]
		}
		norm = math.Sqrt(norm)
		if norm > 0 {
			for i := range v {
				v[i] /= norm
			}
		}
		vecs[k], vals[k] = v, math.Max(lambda, 1e-9)
	}
	for i := range pos {
		pos[i] = point{vecs[0][i] * math.Sqrt(vals[0]), vecs[1][i] * math.Sqrt(vals[1])}
	}
}

// principalAxes centres pos and rotates it so that its direction of
// largest spread is horizontal, then flips it so that the result does not
// depend on the sign conventions of the eigenvectors. O(N).
func principalAxes(pos []point) {
	var cx, cy float64
	for _, p := range pos {
		cx += p.x
		cy += p.y
	}
	cx /= float64(len(pos))
	cy /= float64(len(pos))
	var sxx, syy, sxy float64
	for i, p := range pos {
		p = point{p.x - cx, p.y - cy}
		pos[i] = p
		sxx += p.x * p.x
		syy += p.y * p.y
		sxy += p.x * p.y
	}
	a := 0.5 * math.Atan2(2*sxy, sxx-syy)
	c, s := math.Cos(a), math.Sin(a)
	var m3x, m3y float64
	for i, p := range pos {
		q := point{c*p.x + s*p.y, -s*p.x + c*p.y}
		pos[i] = q
		m3x += q.x * q.x * q.x
		m3y += q.y * q.y * q.y
	}
	// The heavier tail goes right and down.
	fx, fy := 1.0, 1.0
	if m3x < 0 {
		fx = -1
	}
	if m3y < 0 {
		fy = -1
	}
	for i := range pos {
		pos[i].x *= fx
		pos[i].y *= fy
	}
}

// forceLayout places the snapshot's actors with the force-directed method
// of Fruchterman and Reingold ("Graph drawing by force-directed placement",
// Software: Practice and Experience 21(11), 1991): linked actors attract
// with d²/k, all pairs repel with k²/d, and the step is bounded by a
// temperature that cools linearly; a weak pull to the centre keeps
// separate pieces on the canvas. The start is random from seed, so a seed
// gives one picture. Positions are in the unit square. It takes
// O(I·(N² + E)) time for I iterations (300 up to 500 actors, fewer above);
// it is the layout of networks too large for stressLayout.
func forceLayout(s *network.Snapshot, seed uint64) []point {
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
	return unitSquare(pos)
}

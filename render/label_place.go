package render

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/network"
)

// The geometry of the SVG diagram, in pixels.
const (
	svgFont       = 11.0 // actor labels
	svgLineH      = 13.0 // line height of actor labels
	svgPadX       = 3.0  // label box padding, left and right
	svgEdgeFont   = 9.0  // link labels
	svgTitleFont  = 18.0
	svgTitleLineH = 24.0
	svgMargin     = 16.0 // around everything
	svgHullPad    = 12.0 // a group's hull reaches this far beyond its nodes
	svgNodeGap    = 2.0  // free space kept around a node's shape
	svgLabelGap   = 1.0  // free space kept between two labels
	svgBaseScale  = 80.0 // pixels per hop at the first attempt
	svgGrow       = 1.12 // scale factor between attempts
	svgAttempts   = 16
	// For the first svgPoorAttempts attempts, a label whose best place
	// costs svgPoorCost or more (it crosses a link, or another node is as
	// near) also makes the drawing spread.
	svgPoorAttempts = 6
	svgPoorCost     = 30.0
	// svgLabelReach is the farthest a label's box may be from its node's
	// shape; labels sit beside their node, never at the end of a leader line.
	svgLabelReach = 18.0
)

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

// overlaps says whether a and b share more than a boundary.
func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// grow returns a widened by d on every side.
func (a box) grow(d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

// union returns the smallest box holding a and b.
func (a box) union(b box) box {
	return box{math.Min(a.x0, b.x0), math.Min(a.y0, b.y0), math.Max(a.x1, b.x1), math.Max(a.y1, b.y1)}
}

func (a box) shift(dx, dy float64) box { return box{a.x0 + dx, a.y0 + dy, a.x1 + dx, a.y1 + dy} }

// distance returns the gap between a and b, 0 when they touch or overlap.
func (a box) distance(b box) float64 {
	dx := math.Max(0, math.Max(a.x0-b.x1, b.x0-a.x1))
	dy := math.Max(0, math.Max(a.y0-b.y1, b.y0-a.y1))
	return math.Hypot(dx, dy)
}

// crossesSegment says whether the segment p–q passes through the inside of
// a (Liang–Barsky clipping). O(1).
func (a box) crossesSegment(p, q point) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.x-p.x, q.y-p.y
	for _, c := range [4][2]float64{{-dx, p.x - a.x0}, {dx, a.x1 - p.x}, {-dy, p.y - a.y0}, {dy, a.y1 - p.y}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq <= 0 {
				return false
			}
			continue
		}
		t := qq / pp
		if pp < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// nodeGeom is one drawn actor: its centre and the half-size of its shape.
type nodeGeom struct {
	c point
	r float64
}

// obstacle returns the box a node keeps free of labels: its shape, the
// dashed ring of an aggregate and a small gap.
func (g nodeGeom) obstacle(aggregate bool) box {
	r := g.r + svgNodeGap
	if aggregate {
		r += 3
	}
	return box{g.c.x - r, g.c.y - r, g.c.x + r, g.c.y + r}
}

// labelGeom is a placed actor label: its lines and box (text starts
// svgPadX inside the box).
type labelGeom struct {
	lines []string
	box   box
}

// edgeLabelGeom is a placed link label.
type edgeLabelGeom struct {
	link int // index in diagram.links
	text string
	box  box
}

// hullGeom is a group drawn as a soft hull around its nodes.
type hullGeom struct {
	name  string
	color string
	pts   []point // convex hull of the members' shapes, clockwise
}

// diagram is the placed geometry of an SVG picture, computed before any
// byte is written, so that tests can check it directly.
type diagram struct {
	s          *network.Snapshot
	links      []network.Link
	ends       [][2]int // snapshot indices of each link's ends
	nodes      []nodeGeom
	labels     []labelGeom // by actor index; no lines when not labelled
	edgeLabels []edgeLabelGeom
	hulls      []hullGeom
	scale      float64 // pixels per hop of the layout
	attempts   int     // placements tried (the scale grew after each failure)
	title      []string
	titleY     float64 // baseline of the first title line
	plot       box     // everything drawn of the network, margins excluded
	legend     legend
	width      float64
	height     float64
}

// hullColors are the fills of group hulls: Paul Tol's light scheme.
var hullColors = []string{"#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"}

// plan lays out n and places everything the SVG draws.
//
// Labels are placed greedily (the heuristic family of J. Christensen,
// J. Marks and S. Shieber, "An empirical study of algorithms for
// point-feature label placement", ACM Trans. Graphics 14(3), 1995), most
// important actor first: each label, wrapped to labelWrap or a narrower
// measure, tries positions around its node (right, left, below, above, the
// diagonals and positions slid along each side) at gaps up to
// svgLabelReach, and takes the cheapest that overlaps no node and no label
// placed before, the cost counting the links the box crosses (heavily),
// the gap, a preference for the right side, and whether another node is
// as near to the box as its own (which would leave the reader guessing). When some label finds no
// free position, the whole drawing is spread by svgGrow and placement
// starts again (at most svgAttempts times), rather than dropping the label
// or moving it far away; for the first few attempts, so does a label that
// can only cross a link or stand as near another node as its own. Each attempt takes O(L·C·(N + L + E)) time for L
// labels of C candidates.
func plan(n *network.Network, opt Options) *diagram {
	s := n.Snapshot()
	N := s.N()
	d := &diagram{s: s, links: n.Links()}
	for _, l := range d.links {
		i, _ := s.Index(l.From)
		j, _ := s.Index(l.To)
		d.ends = append(d.ends, [2]int{i, j})
	}
	// Groups: they pull their members together in the layout.
	groups := groupsOf(sortedActors(n), d.links, opt.Cluster, s, opt.Seed)
	var groupOf []int
	if len(groups) > 0 {
		groupOf = make([]int, N)
		for i := range groupOf {
			groupOf[i] = -1 - i // ungrouped actors are each alone
		}
		for k, g := range groups {
			for _, id := range g.ids {
				if i, ok := s.Index(id); ok {
					groupOf[i] = k
				}
			}
		}
	}
	var pos []point
	if N <= stressMaxN {
		pos = stressLayout(s, opt.Seed, groupOf)
	} else {
		pos = forceLayout(s, opt.Seed)
		k := math.Sqrt(float64(N))
		for i := range pos {
			pos[i] = point{pos[i].x * k, pos[i].y * k}
		}
	}
	radius := nodeRadii(s, opt)
	aggregate := make([]bool, N)
	for i := range N {
		aggregate[i] = s.Actor(i).IsAggregate()
	}

	// The labelled actors, most important first, and their wrappings.
	order := importance(s, opt.Highlight)
	maxLabels := opt.MaxLabels
	if maxLabels == 0 {
		maxLabels = defaultMaxLabels
	}
	if len(order) > maxLabels {
		order = order[:maxLabels]
	}
	wraps := make([][][]string, N)
	for _, i := range order {
		text := label(s.Actor(i))
		wraps[i] = [][]string{wrapText(text, labelWrap, labelMaxLines)}
		if alt := wrapText(text, 16, labelMaxLines+1); len(alt) != len(wraps[i][0]) {
			wraps[i] = append(wraps[i], alt)
		}
	}

	scale := svgBaseScale
	for attempt := 1; ; attempt++ {
		d.scale, d.attempts = scale, attempt
		d.nodes = make([]nodeGeom, N)
		for i := range N {
			d.nodes[i] = nodeGeom{point{pos[i].x * scale, pos[i].y * scale}, radius[i]}
		}
		separateNodes(d.nodes, aggregate)
		last := attempt == svgAttempts
		labels, ok := placeLabels(d, order, wraps, aggregate, last, attempt > svgPoorAttempts)
		d.labels = labels
		if ok {
			ok = placeEdgeLabels(d, opt.EdgeLabels, aggregate, last)
		}
		if ok || last {
			break
		}
		scale *= svgGrow
	}

	// Hulls.
	for k, g := range groups {
		var pts []point
		for _, id := range g.ids {
			i, _ := s.Index(id)
			ob := d.nodes[i].obstacle(aggregate[i])
			pts = append(pts, point{ob.x0, ob.y0}, point{ob.x1, ob.y0}, point{ob.x1, ob.y1}, point{ob.x0, ob.y1})
		}
		d.hulls = append(d.hulls, hullGeom{name: g.name, color: hullColors[k%len(hullColors)], pts: convexHull(pts)})
	}

	// The extent of the drawing.
	ext := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for i, g := range d.nodes {
		ext = ext.union(g.obstacle(aggregate[i]))
	}
	for _, l := range d.labels {
		if l.lines != nil {
			ext = ext.union(l.box)
		}
	}
	for _, l := range d.edgeLabels {
		ext = ext.union(l.box)
	}
	for _, h := range d.hulls {
		for _, p := range h.pts {
			ext = ext.union(box{p.x - svgHullPad, p.y - svgHullPad, p.x + svgHullPad, p.y + svgHullPad})
		}
	}
	if N == 0 {
		ext = box{0, 0, 200, 100}
	}
	d.layoutPage(n, opt, ext)
	return d
}

// nodeRadii returns the half-size of each actor's shape: by opt.Size
// (degree by default), small above 150 actors, enlarged by
// Highlight.Central in proportion to the largest score.
func nodeRadii(s *network.Snapshot, opt Options) []float64 {
	N := s.N()
	base, k := 6.0, 1.6
	if N > 150 {
		base, k = 3, 1
	}
	var btw []float64
	if opt.Size == SizeBetweenness && N > 0 {
		r, _ := centrality.Betweenness(context.Background(), s, centrality.BetweennessOptions{})
		btw = make([]float64, N)
		top := 0.0
		for _, sc := range r {
			if v := float64(sc.Value); !math.IsNaN(v) {
				top = math.Max(top, v)
			}
		}
		for _, sc := range r {
			if i, ok := s.Index(sc.ID); ok && top > 0 && !math.IsNaN(float64(sc.Value)) {
				btw[i] = float64(sc.Value) / top
			}
		}
	}
	maxScore := 0.0
	for _, v := range opt.Highlight.Central {
		maxScore = max(maxScore, v)
	}
	radius := make([]float64, N)
	for i := range N {
		switch opt.Size {
		case SizeNone:
			radius[i] = base + k
		case SizeBetweenness:
			radius[i] = base + 12*k*math.Sqrt(btw[i])
		default:
			radius[i] = base + k*math.Sqrt(float64(s.Degree(i)))
		}
		if v, ok := opt.Highlight.Central[s.ID(i)]; ok && maxScore > 0 {
			radius[i] += 10 * v / maxScore
		}
	}
	return radius
}

// importance returns the actor indices by Highlight.Central score, then
// degree, then ID.
func importance(s *network.Snapshot, hl Highlight) []int {
	order := make([]int, s.N())
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		va, vb := hl.Central[s.ID(a)], hl.Central[s.ID(b)]
		return cmp.Or(cmp.Compare(vb, va), cmp.Compare(s.Degree(b), s.Degree(a)), cmp.Compare(s.ID(a), s.ID(b)))
	})
	return order
}

// labelBox returns the size of a label box holding lines.
func labelSize(lines []string) (w, h float64) {
	for _, l := range lines {
		w = math.Max(w, textWidth(l, svgFont))
	}
	return w + 2*svgPadX, float64(len(lines))*svgLineH + 4
}

// candidate is one position tried for a label.
type candidate struct {
	x0, y0 float64 // top-left corner of the box
	cost   float64
}

// candidates returns the positions tried for a w×h label beside node g, with
// the cost of their side and gap.
func candidates(g nodeGeom, aggregate bool, w, h float64) []candidate {
	r := g.r + svgNodeGap
	if aggregate {
		r += 3
	}
	c := g.c
	var cs []candidate
	for _, gap := range []float64{1, 4, 8, 12, svgLabelReach - 1} {
		e := r + gap
		add := func(x0, y0, pref float64) {
			cs = append(cs, candidate{x0, y0, pref + 0.8*gap})
		}
		add(c.x+e, c.y-h/2, 0)            // right
		add(c.x-e-w, c.y-h/2, 1)          // left
		add(c.x-w/2, c.y+e, 1.5)          // below
		add(c.x-w/2, c.y-e-h, 1.5)        // above
		add(c.x+e, c.y-h+svgLineH/2, 1)   // right, raised
		add(c.x+e, c.y-svgLineH/2, 1)     // right, lowered
		add(c.x-e-w, c.y-h+svgLineH/2, 2) // left, raised
		add(c.x-e-w, c.y-svgLineH/2, 2)   // left, lowered
		add(c.x+e*0.8, c.y-e*0.8-h, 2.5)  // above right
		add(c.x+e*0.8, c.y+e*0.8, 2.5)    // below right
		add(c.x-e*0.8-w, c.y-e*0.8-h, 3)  // above left
		add(c.x-e*0.8-w, c.y+e*0.8, 3)    // below left
		add(c.x-r, c.y+e, 2)              // below, from the left edge
		add(c.x+r-w, c.y+e, 2)            // below, to the right edge
		add(c.x-r, c.y-e-h, 2)            // above, from the left edge
		add(c.x+r-w, c.y-e-h, 2)          // above, to the right edge
	}
	return cs
}

// placeLabels places the labels of order at the current scale; it reports
// whether every one found a free position. With force, a label that finds
// none takes the position overlapping least.
//
// Unless tolerant, a label whose best place crosses a link or sits as near
// another node as its own also counts as a failure.
func placeLabels(d *diagram, order []int, wraps [][][]string, aggregate []bool, force, tolerant bool) ([]labelGeom, bool) {
	N := len(d.nodes)
	labels := make([]labelGeom, N)
	obstacles := make([]box, N)
	for i, g := range d.nodes {
		obstacles[i] = g.obstacle(aggregate[i])
	}
	var segs [][2]point
	seen := map[[2]int]bool{}
	for _, e := range d.ends {
		k := [2]int{min(e[0], e[1]), max(e[0], e[1])}
		if !seen[k] && e[0] != e[1] {
			seen[k] = true
			segs = append(segs, [2]point{d.nodes[e[0]].c, d.nodes[e[1]].c})
		}
	}
	var placed []box
	ok := true
	for _, i := range order {
		best, bestCost := labelGeom{}, math.Inf(1)
		fallback, least := labelGeom{}, math.Inf(1)
		for alt, lines := range wraps[i] {
			w, h := labelSize(lines)
			for _, c := range candidates(d.nodes[i], aggregate[i], w, h) {
				bx := box{c.x0, c.y0, c.x0 + w, c.y0 + h}
				cost := c.cost + 1.5*float64(alt)
				if cost >= bestCost {
					continue
				}
				overlap, own := 0.0, bx.distance(obstacles[i])
				ambiguous := false
				for j, o := range obstacles {
					if bx.overlaps(o) {
						overlap += area(bx, o)
					} else if j != i && !ambiguous && bx.distance(o) < own+4 {
						ambiguous = true // another node is as near: whose label is it?
					}
				}
				if ambiguous {
					cost += 20
				}
				for _, p := range placed {
					if bx.overlaps(p.grow(svgLabelGap)) {
						overlap += area(bx, p.grow(svgLabelGap))
					}
				}
				if overlap > 0 {
					if overlap < least {
						least, fallback = overlap, labelGeom{lines, bx}
					}
					continue
				}
				for _, sg := range segs {
					if bx.crossesSegment(sg[0], sg[1]) {
						cost += 30
					}
				}
				if cost < bestCost {
					bestCost, best = cost, labelGeom{lines, bx}
				}
			}
		}
		switch {
		case best.lines != nil && bestCost >= svgPoorCost && !tolerant:
			return labels, false
		case best.lines != nil:
			labels[i] = best
		case force:
			labels[i] = fallback
			ok = false
		default:
			return labels, false
		}
		placed = append(placed, labels[i].box)
	}
	return labels, ok
}

// area returns the area a and b share.
func area(a, b box) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// placeEdgeLabels places the links' texts (opt.EdgeLabels) along their
// lines, at the middle or slid towards either end, on or beside the line,
// and reports whether all found a place free of nodes and labels. With
// force, a text that finds none is left out (the link's tooltip still
// holds it). O(E·C·(N + L)).
func placeEdgeLabels(d *diagram, e EdgeLabel, aggregate []bool, force bool) bool {
	d.edgeLabels = nil
	var taken []box
	for i, g := range d.nodes {
		taken = append(taken, g.obstacle(aggregate[i]))
	}
	for _, l := range d.labels {
		if l.lines != nil {
			taken = append(taken, l.box.grow(svgLabelGap))
		}
	}
	for k, l := range d.links {
		text := edgeText(l, e, false)
		if text == "" {
			continue
		}
		p, q := d.nodes[d.ends[k][0]].c, d.nodes[d.ends[k][1]].c
		w, h := textWidth(text, svgEdgeFont)+2, svgEdgeFont+3
		nx, ny := -(q.y - p.y), q.x-p.x
		if nl := math.Hypot(nx, ny); nl > 0 {
			nx, ny = nx/nl, ny/nl
		}
		found := false
	search:
		for _, t := range []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8} {
			for _, off := range []float64{h/2 + 2, -(h/2 + 2), 0, h + 3, -(h + 3)} {
				cx, cy := p.x+(q.x-p.x)*t+nx*off, p.y+(q.y-p.y)*t+ny*off
				bx := box{cx - w/2, cy - h/2, cx + w/2, cy + h/2}
				for _, o := range taken {
					if bx.overlaps(o) {
						continue search
					}
				}
				d.edgeLabels = append(d.edgeLabels, edgeLabelGeom{k, text, bx})
				taken = append(taken, bx.grow(svgLabelGap))
				found = true
				break search
			}
		}
		if !found && !force {
			return false
		}
	}
	return true
}

// separateNodes pushes apart nodes whose shapes (with their gaps) overlap,
// each pair moved apart along the line joining them, half each way,
// for up to 50 sweeps. It is a local clean-up after scaling the layout:
// O(N²) per sweep.
func separateNodes(nodes []nodeGeom, aggregate []bool) {
	reach := func(i int) float64 {
		r := nodes[i].r + svgNodeGap + 1
		if aggregate[i] {
			r += 3
		}
		return r
	}
	for range 50 {
		moved := false
		for i := range nodes {
			for j := i + 1; j < len(nodes); j++ {
				dx, dy := nodes[j].c.x-nodes[i].c.x, nodes[j].c.y-nodes[i].c.y
				need := reach(i) + reach(j) // the shapes are kept as squares
				m := math.Max(math.Abs(dx), math.Abs(dy))
				if m >= need {
					continue
				}
				if m < 1e-9 {
					a := float64(i*7+j*13) * 0.61803398875 * 2 * math.Pi
					dx, dy = math.Cos(a), math.Sin(a)
					m = math.Max(math.Abs(dx), math.Abs(dy))
				}
				push := (need/m - 1) / 2
				nodes[i].c.x -= dx * push
				nodes[i].c.y -= dy * push
				nodes[j].c.x += dx * push
				nodes[j].c.y += dy * push
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// convexHull returns the convex hull of pts by Andrew's monotone chain
// (A. M. Andrew, "Another efficient algorithm for convex hulls in two
// dimensions", Information Processing Letters 9(5), 1979). O(n log n).
func convexHull(pts []point) []point {
	pts = slices.Clone(pts)
	slices.SortFunc(pts, func(a, b point) int { return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.y, b.y)) })
	pts = slices.Compact(pts)
	if len(pts) < 3 {
		return pts
	}
	crossZ := func(o, a, b point) float64 { return (a.x-o.x)*(b.y-o.y) - (a.y-o.y)*(b.x-o.x) }
	var h []point
	for pass := range 2 {
		start := len(h)
		for _, p := range pts {
			for len(h) >= start+2 && crossZ(h[len(h)-2], h[len(h)-1], p) <= 0 {
				h = h[:len(h)-1]
			}
			h = append(h, p)
		}
		h = h[:len(h)-1]
		if pass == 0 {
			slices.Reverse(pts)
		}
	}
	return h
}

// kindsDrawn returns the actor kinds of the snapshot, in declaration order.
func kindsDrawn(s *network.Snapshot) []actor.Kind {
	as := make([]actor.Actor, s.N())
	for i := range as {
		as[i] = s.Actor(i)
	}
	return usedKinds(as)
}

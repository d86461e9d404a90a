package render

import (
	"math"
	"slices"

	"github.com/labournet/labournet/network"
)

// The legend's geometry.
const (
	legendRowH   = 18.0
	legendPad    = 8.0
	legendGap    = 16.0 // between the drawing and the legend
	legendSwatch = 30.0 // room for the symbol before the text
)

// legendItem is one row of the legend: a section header, or a symbol and
// its text. key names what the row stands for ("actor:employer",
// "link:funding", "planned", "ended", "bridge", "cutpoint", "aggregate",
// "size", "group:NAME"), so that tests can compare it with what is drawn.
type legendItem struct {
	header bool
	key    string
	text   string
	// What the symbol is: an actor shape, a line or a hull swatch.
	shape, fill, stroke string
	strokeW             float64
	line                *LinkStyle
	linkKind            network.LinkKind
	ring                bool // the dashed ring of an aggregate
}

// legend is the placed legend: its items flowed into columns.
type legend struct {
	items []legendItem
	pos   []point // top-left corner of each item's row
	box   box
	colW  float64
}

// legendItems lists what d draws, and only that: the actor kinds present,
// aggregates, node size, cut points, the link kinds present (with arrows
// when some link of the kind is directed), planned and ended links,
// bridges, and the groups.
func legendItems(d *diagram, opt Options) []legendItem {
	var items []legendItem
	s := d.s
	items = append(items, legendItem{header: true, key: "header:actors", text: "Actors"})
	for _, k := range kindsDrawn(s) {
		st := Style(k)
		items = append(items, legendItem{key: "actor:" + k.String(), text: k.String(), shape: st.Shape, fill: st.Fill, stroke: "#333333", strokeW: 1})
	}
	hasAggregate, hasCut := false, false
	for i := range s.N() {
		a := s.Actor(i)
		hasAggregate = hasAggregate || a.IsAggregate()
		hasCut = hasCut || slices.Contains(opt.Highlight.CutPoints, a.ID)
	}
	if hasAggregate {
		items = append(items, legendItem{key: "aggregate", text: "group of organisations", shape: "circle", fill: "#FFFFFF", stroke: "#333333", strokeW: 1, ring: true})
	}
	if s.N() > 0 {
		var text string
		switch {
		case len(opt.Highlight.Central) > 0:
			text = "larger: more central"
		case opt.Size == SizeDegree:
			text = "larger: more links"
		case opt.Size == SizeBetweenness:
			text = "larger: higher betweenness"
		}
		if text != "" {
			items = append(items, legendItem{key: "size", text: text, shape: "size", fill: "#FFFFFF", stroke: "#333333", strokeW: 1})
		}
	}
	if hasCut {
		items = append(items, legendItem{key: "cutpoint", text: "articulation point", shape: "circle", fill: "#FFFFFF", stroke: "#D00000", strokeW: 3})
	}
	if len(d.links) > 0 {
		items = append(items, legendItem{header: true, key: "header:links", text: "Links"})
	}
	directed := map[network.LinkKind]bool{}
	planned, ended, bridge := false, false, false
	for _, l := range d.links {
		directed[l.Kind] = directed[l.Kind] || l.IsDirected()
		planned = planned || l.Status == network.Planned
		ended = ended || l.Status == network.Ended
		bridge = bridge || opt.Highlight.isBridge(l.From, l.To)
	}
	for _, k := range usedLinkKinds(d.links) {
		st := StyleOf(network.Link{Kind: k})
		st.Arrow = directed[k]
		items = append(items, legendItem{key: "link:" + k.String(), text: k.String(), line: &st, linkKind: k})
	}
	if planned {
		items = append(items, legendItem{key: "planned", text: "planned", line: &LinkStyle{Color: "#555555", Dashed: true, Width: 1.5}})
	}
	if ended {
		items = append(items, legendItem{key: "ended", text: "ended", line: &LinkStyle{Color: "#AAAAAA", Dotted: true, Width: 1.5}})
	}
	if bridge {
		items = append(items, legendItem{key: "bridge", text: "bridge (single tie)", line: &LinkStyle{Color: "#D00000", Width: 3}})
	}
	if len(d.hulls) > 0 {
		items = append(items, legendItem{header: true, key: "header:groups", text: "Groups"})
		for _, h := range d.hulls {
			text := h.name
			if r := []rune(text); len(r) > 40 {
				text = string(r[:39]) + "…"
			}
			items = append(items, legendItem{key: "group:" + h.name, text: text, shape: "hull", fill: h.color})
		}
	}
	return items
}

// layoutPage fits the canvas to what is drawn: the drawing's extent ext,
// the title above it, and the legend beside it or below it, whichever
// gives proportions nearer an A4 page (√2 : 1 either way). It then moves
// the geometry onto the canvas.
func (d *diagram) layoutPage(n *network.Network, opt Options, ext box) {
	lg := legend{items: legendItems(d, opt)}
	for _, it := range lg.items {
		w := textWidth(it.text, svgFont)
		if it.header {
			w *= 1.1
		} else {
			w += legendSwatch
		}
		lg.colW = math.Max(lg.colW, w+legendPad)
	}
	plotW, plotH := ext.x1-ext.x0, ext.y1-ext.y0
	rows := len(lg.items)
	besideW := svgMargin + plotW + legendGap + lg.colW + 2*legendPad + svgMargin
	besideH := math.Max(plotH, float64(rows)*legendRowH+2*legendPad)
	cols := max(1, int((plotW+2*legendPad)/(lg.colW+legendPad)))
	cols = min(cols, rows)
	belowRows := (rows + cols - 1) / cols
	for len(flowLegend(lg.items, belowRows)) > cols {
		belowRows++
	}
	flow := flowLegend(lg.items, belowRows)
	cols = len(flow)
	belowW := svgMargin + math.Max(plotW, float64(cols)*(lg.colW+legendPad)+legendPad) + svgMargin
	belowH := plotH + legendGap + float64(belowRows)*legendRowH + 2*legendPad
	misfit := func(w, h float64) float64 {
		a := math.Log(w / h)
		return math.Min(math.Abs(a-math.Log(math.Sqrt2)), math.Abs(a+math.Log(math.Sqrt2)))
	}
	beside := misfit(besideW, besideH+svgTitleLineH) <= misfit(belowW, belowH+svgTitleLineH)
	width := belowW
	if beside {
		width = besideW
	}
	// The title, wrapped to the canvas (bold text is about 5 % wider).
	t := title(n, opt)
	chars := max(20, int(float64(len([]rune(t)))*(width-2*svgMargin)/(textWidth(t, svgTitleFont)*1.05+1)))
	d.title = wrapText(t, chars, 3)
	if len(d.title) == 0 {
		d.title = nil
	}
	titleH := float64(len(d.title))*svgTitleLineH + 8
	top := svgMargin + titleH
	d.titleY = svgMargin + svgTitleFont
	var dx, dy float64
	if beside {
		dx, dy = svgMargin-ext.x0, top-ext.y0+math.Max(0, (besideH-plotH)/2)
		lx, ly := svgMargin+plotW+legendGap, top
		lh := float64(rows)*legendRowH + 2*legendPad
		lg.box = box{lx, ly, lx + lg.colW + 2*legendPad, ly + lh}
		for k := range lg.items {
			lg.pos = append(lg.pos, point{lx + legendPad, ly + legendPad + float64(k)*legendRowH})
		}
		d.width, d.height = besideW, top+besideH+svgMargin
	} else {
		dx, dy = svgMargin-ext.x0+math.Max(0, (belowW-2*svgMargin-plotW)/2), top-ext.y0
		lx, ly := svgMargin, top+plotH+legendGap
		lw := float64(cols)*(lg.colW+legendPad) + legendPad
		lg.box = box{lx, ly, lx + lw, ly + float64(belowRows)*legendRowH + 2*legendPad}
		lg.pos = make([]point, len(lg.items))
		for c, col := range flow {
			for r, k := range col {
				lg.pos[k] = point{lx + legendPad + float64(c)*(lg.colW+legendPad), ly + legendPad + float64(r)*legendRowH}
			}
		}
		d.width, d.height = belowW, belowH+top+svgMargin
	}
	d.legend = lg
	d.plot = ext.shift(dx, dy)
	for i := range d.nodes {
		d.nodes[i].c = point{d.nodes[i].c.x + dx, d.nodes[i].c.y + dy}
	}
	for i := range d.labels {
		d.labels[i].box = d.labels[i].box.shift(dx, dy)
	}
	for i := range d.edgeLabels {
		d.edgeLabels[i].box = d.edgeLabels[i].box.shift(dx, dy)
	}
	for _, h := range d.hulls {
		for i := range h.pts {
			h.pts[i] = point{h.pts[i].x + dx, h.pts[i].y + dy}
		}
	}
	d.width, d.height = math.Ceil(d.width), math.Ceil(d.height)
}

// flowLegend deals the legend's items into columns of at most rows rows,
// in order, starting a new column rather than leaving a header at the foot
// of one. It returns the item indices of each column.
func flowLegend(items []legendItem, rows int) [][]int {
	var cols [][]int
	var cur []int
	for k, it := range items {
		if len(cur) == rows || (it.header && len(cur) == rows-1 && len(cur) > 0) {
			cols = append(cols, cur)
			cur = nil
		}
		cur = append(cur, k)
	}
	if len(cur) > 0 {
		cols = append(cols, cur)
	}
	return cols
}

package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// The SVG canvas: the drawing area and, to its right, the legend.
const (
	svgPlotW   = 1000.0
	svgPlotH   = 760.0
	svgMargin  = 70.0
	svgLegendW = 230.0
	svgTitleH  = 40.0
	svgFont    = 11.0
	svgCharW   = 6.1 // average advance of a character at svgFont, for label boxes
	svgMaxChar = 42  // longer labels are shortened with an ellipsis
)

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

// overlapArea returns the area a and b share.
func (a box) overlapArea(b box) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= svgMaxChar {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:svgMaxChar-1])) + "…"
}

// SVG writes a self-contained SVG picture of n: a force-directed layout
// (seeded by opt.Seed), nodes shaped and coloured by kind, links styled by
// kind and status with arrows for directed kinds, labels on white boxes
// placed so that they do not overlap (a label that finds no free place
// around its node is left out), a legend and a title. Every actor's full
// name is in a <title> element, shown when pointing at it. Above
// opt.MaxLabels actors only the most central (opt.Highlight.Central, else
// by degree) are labelled.
func SVG(w io.Writer, n *network.Network, opt Options) error {
	s := n.Snapshot()
	N := s.N()
	pos := layout(s, opt.Seed)
	hl := opt.Highlight
	maxLabels := opt.MaxLabels
	if maxLabels == 0 {
		maxLabels = 80
	}
	maxScore := 0.0
	for _, v := range hl.Central {
		maxScore = max(maxScore, v)
	}
	// Canvas positions and node sizes.
	xy := make([]point, N)
	radius := make([]float64, N)
	for i := range N {
		xy[i] = point{svgMargin + pos[i].x*(svgPlotW-2*svgMargin), svgTitleH + svgMargin + pos[i].y*(svgPlotH-2*svgMargin)}
		radius[i] = 6 + 1.6*math.Sqrt(float64(s.Degree(i)))
		if N > 150 {
			radius[i] = 3 + math.Sqrt(float64(s.Degree(i)))
		}
		if v, ok := hl.Central[s.ID(i)]; ok && maxScore > 0 {
			radius[i] += 10 * v / maxScore
		}
	}
	// Labels in order of importance: central score, then degree, then ID.
	order := make([]int, N)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		va, vb := hl.Central[s.ID(a)], hl.Central[s.ID(b)]
		return cmp.Or(cmp.Compare(vb, va), cmp.Compare(s.Degree(b), s.Degree(a)), cmp.Compare(s.ID(a), s.ID(b)))
	})
	var taken []box
	for i := range N {
		r := radius[i]
		taken = append(taken, box{xy[i].x - r, xy[i].y - r, xy[i].x + r, xy[i].y + r})
	}
	type placedLabel struct {
		text string
		x, y float64
		bx   box
	}
	labels := make([]*placedLabel, N)
	for rank, i := range order {
		if rank >= maxLabels {
			break
		}
		text := shorten(label(s.Actor(i)))
		tw := float64(utf8.RuneCountInString(text))*svgCharW + 6
		th := svgFont + 5
		r := radius[i]
		var cands []point
		for _, d := range []float64{0, 6, 14, 26, 40} {
			cands = append(cands,
				point{xy[i].x + r + 3 + d, xy[i].y - th/2},      // right
				point{xy[i].x - r - 3 - tw - d, xy[i].y - th/2}, // left
				point{xy[i].x - tw/2, xy[i].y + r + 2 + d},      // below
				point{xy[i].x - tw/2, xy[i].y - r - 2 - th - d}, // above
				point{xy[i].x + r + 3 + d, xy[i].y + 2 + d},     // lower right
				point{xy[i].x - r - 3 - tw - d, xy[i].y - th - 2 - d},
				point{xy[i].x + r + 3 + d, xy[i].y - th - 2 - d},
				point{xy[i].x - r - 3 - tw - d, xy[i].y + 2 + d},
			)
		}
		// The first free place wins; when none is free, the place that
		// overlaps least, so that no actor goes without its label.
		var fallback *box
		least := math.Inf(1)
		for _, c := range cands {
			bx := box{c.x, c.y, c.x + tw, c.y + th}
			if bx.x0 < 2 || bx.x1 > svgPlotW-2 || bx.y0 < svgTitleH || bx.y1 > svgPlotH+svgTitleH-2 {
				continue
			}
			overlap := 0.0
			for _, t := range taken {
				overlap += bx.overlapArea(t)
			}
			if overlap == 0 {
				fallback = &bx
				break
			}
			if overlap < least {
				least, fallback = overlap, &bx
			}
		}
		if fallback != nil {
			bx := *fallback
			labels[i] = &placedLabel{text: text, x: bx.x0 + 3, y: bx.y1 - 4, bx: bx}
			taken = append(taken, bx)
		}
	}

	b := bufio.NewWriter(w)
	width, height := svgPlotW+svgLegendW, svgPlotH+svgTitleH
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, sans-serif" font-size="%.0f">`+"\n", width, height, width, height, svgFont)
	b.WriteString("<defs>\n")
	for _, k := range usedLinkKinds(n.Links()) {
		c := StyleOf(network.Link{Kind: k}).Color
		fmt.Fprintf(b, `<marker id="arrow-%s" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`+"\n", k, c)
	}
	b.WriteString(`<marker id="arrow-red" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#D00000"/></marker>` + "\n")
	b.WriteString("</defs>\n")
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="#FFFFFF"/>`+"\n")
	fmt.Fprintf(b, `<text x="%.0f" y="26" font-size="18" font-weight="bold">%s</text>`+"\n", svgMargin/2, xmlText(title(n, opt)))

	// Links.
	b.WriteString(`<g id="links" fill="none">` + "\n")
	for _, l := range n.Links() {
		i, _ := s.Index(l.From)
		j, _ := s.Index(l.To)
		st := StyleOf(l)
		p, q := xy[i], xy[j]
		d := math.Hypot(q.x-p.x, q.y-p.y)
		if d < 1e-9 {
			continue
		}
		// Stop at the node borders so arrowheads show.
		ux, uy := (q.x-p.x)/d, (q.y-p.y)/d
		x1, y1 := p.x+ux*radius[i], p.y+uy*radius[i]
		x2, y2 := q.x-ux*(radius[j]+1), q.y-uy*(radius[j]+1)
		color, width, marker := st.Color, st.Width, ""
		if st.Arrow {
			marker = fmt.Sprintf(` marker-end="url(#arrow-%s)"`, l.Kind)
		}
		if hl.isBridge(l.From, l.To) {
			color, width = "#D00000", 3
			if st.Arrow {
				marker = ` marker-end="url(#arrow-red)"`
			}
		}
		dash := ""
		switch {
		case st.Dashed:
			dash = ` stroke-dasharray="6 4"`
		case st.Dotted:
			dash = ` stroke-dasharray="2 3"`
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s%s><title>%s</title></line>`+"\n",
			x1, y1, x2, y2, color, width, dash, marker, xmlText(fmt.Sprintf("%s – %s: %s", label(s.Actor(i)), label(s.Actor(j)), l.Kind)))
		if l.Money != nil && N <= 150 {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="9" fill="#7A5C00" text-anchor="middle">%s</text>`+"\n", (x1+x2)/2, (y1+y2)/2-3, xmlText(l.Money.String()))
		}
	}
	b.WriteString("</g>\n")

	// Nodes.
	b.WriteString(`<g id="actors">` + "\n")
	for i := range N {
		a := s.Actor(i)
		st := Style(a.Kind)
		stroke, sw := "#333333", 1.0
		if slices.Contains(hl.CutPoints, a.ID) {
			stroke, sw = "#D00000", 3
		}
		fmt.Fprintf(b, `<g class="actor" data-id="%s"><title>%s (%s)</title>`, xmlText(a.ID), xmlText(label(a)), a.Kind)
		writeShape(b, st.Shape, xy[i], radius[i], st.Fill, stroke, sw, a.IsAggregate())
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n")

	// Labels.
	b.WriteString(`<g id="labels">` + "\n")
	for i := range N {
		lb := labels[i]
		if lb == nil {
			continue
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="3" fill="#FFFFFF" fill-opacity="0.85"/>`, lb.bx.x0, lb.bx.y0, lb.bx.x1-lb.bx.x0, lb.bx.y1-lb.bx.y0)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f">%s</text>`+"\n", lb.x, lb.y, xmlText(lb.text))
	}
	b.WriteString("</g>\n")

	writeLegend(b, n)
	b.WriteString("</svg>\n")
	return b.Flush()
}

// writeShape draws one node.
func writeShape(b *bufio.Writer, shape string, c point, r float64, fill, stroke string, sw float64, aggregate bool) {
	style := fmt.Sprintf(` fill="%s" stroke="%s" stroke-width="%.1f"`, fill, stroke, sw)
	poly := func(pts []point) {
		var ps []string
		for _, p := range pts {
			ps = append(ps, fmt.Sprintf("%.1f,%.1f", p.x, p.y))
		}
		fmt.Fprintf(b, `<polygon points="%s"%s/>`, strings.Join(ps, " "), style)
	}
	switch shape {
	case "box":
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="2"%s/>`, c.x-r, c.y-r*0.75, 2*r, 1.5*r, style)
	case "diamond":
		poly([]point{{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}})
	case "hexagon":
		var pts []point
		for k := range 6 {
			a := math.Pi / 3 * float64(k)
			pts = append(pts, point{c.x + r*math.Cos(a), c.y + r*math.Sin(a)})
		}
		poly(pts)
	case "triangle":
		poly([]point{{c.x, c.y - r}, {c.x + r, c.y + r*0.8}, {c.x - r, c.y + r*0.8}})
	default:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f"%s/>`, c.x, c.y, r, style)
	}
	if aggregate { // a second outline marks a group of organisations
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="%s" stroke-width="1" stroke-dasharray="2 2"/>`, c.x, c.y, r+3, stroke)
	}
}

// writeLegend draws the kinds of actor and link used.
func writeLegend(b *bufio.Writer, n *network.Network) {
	x := svgPlotW + 10
	y := svgTitleH + 10.0
	fmt.Fprintf(b, `<g id="legend"><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="#F7F7F7" stroke="#CCCCCC"/>`+"\n", x-5, y-5, svgLegendW-15, svgPlotH-20)
	fmt.Fprintf(b, `<text x="%.0f" y="%.0f" font-weight="bold">Actors</text>`+"\n", x, y+12)
	y += 28
	for _, k := range usedKinds(n.Actors()) {
		st := Style(k)
		writeShape(b, st.Shape, point{x + 10, y}, 7, st.Fill, "#333333", 1, false)
		fmt.Fprintf(b, `<text x="%.0f" y="%.0f">%s</text>`+"\n", x+26, y+4, k)
		y += 20
	}
	b.WriteString(fmt.Sprintf(`<circle cx="%.0f" cy="%.0f" r="7" fill="#FFFFFF" stroke="#333333"/><circle cx="%.0f" cy="%.0f" r="10" fill="none" stroke="#333333" stroke-dasharray="2 2"/><text x="%.0f" y="%.0f">group of organisations</text>`+"\n", x+10, y, x+10, y, x+26, y+4))
	y += 30
	fmt.Fprintf(b, `<text x="%.0f" y="%.0f" font-weight="bold">Links</text>`+"\n", x, y)
	y += 18
	for _, k := range usedLinkKinds(n.Links()) {
		st := StyleOf(network.Link{Kind: k})
		marker := ""
		if st.Arrow {
			marker = fmt.Sprintf(` marker-end="url(#arrow-%s)"`, k)
		}
		fmt.Fprintf(b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="%s" stroke-width="1.5"%s/><text x="%.0f" y="%.0f">%s</text>`+"\n", x, y, x+22, y, st.Color, marker, x+30, y+4, k)
		y += 18
	}
	fmt.Fprintf(b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#555555" stroke-width="1.5" stroke-dasharray="6 4"/><text x="%.0f" y="%.0f">planned</text>`+"\n", x, y, x+22, y, x+30, y+4)
	y += 18
	fmt.Fprintf(b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#AAAAAA" stroke-width="1.5" stroke-dasharray="2 3"/><text x="%.0f" y="%.0f">ended</text>`+"\n", x, y, x+22, y, x+30, y+4)
	y += 18
	fmt.Fprintf(b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#D00000" stroke-width="3"/><text x="%.0f" y="%.0f">bridge (single tie)</text>`+"\n", x, y, x+22, y, x+30, y+4)
	y += 18
	fmt.Fprintf(b, `<circle cx="%.0f" cy="%.0f" r="7" fill="#FFFFFF" stroke="#D00000" stroke-width="3"/><text x="%.0f" y="%.0f">articulation point</text>`+"\n", x+10, y, x+26, y+4)
	b.WriteString("</g>\n")
}

// xmlText escapes text for SVG: line breaks become spaces.
func xmlText(s string) string { return xmltext.Escape(s, false) }

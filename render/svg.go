package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// SVG writes a self-contained SVG picture of n, sized to what it draws
// (about the proportions of an A4 page): a stress-majorisation layout
// (seeded by opt.Seed; see stressLayout), nodes shaped and coloured by kind
// and sized by opt.Size, links styled by kind and status with arrows for
// directed kinds, optional link texts (opt.EdgeLabels) and group hulls
// (opt.Cluster), a title, and a legend of what is drawn and nothing else.
//
// Every actor up to opt.MaxLabels (150 by default; the most central by
// opt.Highlight.Central, else by degree, first) is labelled with its whole
// name, wrapped over up to four lines, on a white box beside its node; no
// label overlaps another label or a node, and labels avoid crossing links.
// When labels do not fit, the drawing is spread out rather than labels
// dropped (see plan). Every actor's full name is also in a <title> element,
// shown when pointing at it.
func SVG(w io.Writer, n *network.Network, opt Options) error {
	d := plan(n, opt)
	s := d.s
	hl := opt.Highlight
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, 'Liberation Sans', sans-serif" font-size="%.0f">`+"\n", d.width, d.height, d.width, d.height, svgFont)
	b.WriteString("<defs>\n")
	for _, k := range usedLinkKinds(d.links) {
		c := StyleOf(network.Link{Kind: k}).Color
		fmt.Fprintf(b, `<marker id="arrow-%s" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`+"\n", k, c)
	}
	b.WriteString(`<marker id="arrow-ended" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#AAAAAA"/></marker>` + "\n")
	b.WriteString(`<marker id="arrow-red" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#D00000"/></marker>` + "\n")
	b.WriteString("</defs>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#FFFFFF"/>` + "\n")
	for k, line := range d.title {
		fmt.Fprintf(b, `<text x="%.0f" y="%.0f" font-size="%.0f" font-weight="bold">%s</text>`+"\n", svgMargin, d.titleY+float64(k)*svgTitleLineH, svgTitleFont, xmlText(line))
	}

	// Group hulls: the convex hull of the members' shapes, rounded and
	// padded by a wide stroke with round joins.
	if len(d.hulls) > 0 {
		b.WriteString(`<g id="groups" stroke-linejoin="round" opacity="0.22">` + "\n")
		for _, h := range d.hulls {
			var ps []string
			for _, p := range h.pts {
				ps = append(ps, fmt.Sprintf("%.1f,%.1f", p.x, p.y))
			}
			fmt.Fprintf(b, `<polygon points="%s" fill="%s" stroke="%s" stroke-width="%.0f"><title>%s</title></polygon>`+"\n", strings.Join(ps, " "), h.color, h.color, 2*svgHullPad, xmlText(h.name))
		}
		b.WriteString("</g>\n")
	}

	// Links.
	b.WriteString(`<g id="links" fill="none">` + "\n")
	for k, l := range d.links {
		i, j := d.ends[k][0], d.ends[k][1]
		st := StyleOf(l)
		p, q := d.nodes[i].c, d.nodes[j].c
		dist := math.Hypot(q.x-p.x, q.y-p.y)
		if dist < 1e-9 {
			continue
		}
		// Stop at the node borders so arrowheads show.
		ux, uy := (q.x-p.x)/dist, (q.y-p.y)/dist
		ri, rj := d.nodes[i].r, d.nodes[j].r
		x1, y1 := p.x+ux*ri, p.y+uy*ri
		x2, y2 := q.x-ux*(rj+1), q.y-uy*(rj+1)
		color, width, marker := st.Color, st.Width, ""
		if st.Arrow {
			marker = fmt.Sprintf(` marker-end="url(#arrow-%s)"`, l.Kind)
			if st.Dotted {
				marker = ` marker-end="url(#arrow-ended)"`
			}
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
		tip := fmt.Sprintf("%s – %s: %s", label(s.Actor(i)), label(s.Actor(j)), l.Kind)
		if t := linkLabel(l); t != "" {
			tip += ", " + t
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s%s><title>%s</title></line>`+"\n",
			x1, y1, x2, y2, color, width, dash, marker, xmlText(tip))
	}
	b.WriteString("</g>\n")

	// Link texts.
	if len(d.edgeLabels) > 0 {
		b.WriteString(`<g id="link-labels" font-size="9" text-anchor="middle">` + "\n")
		for _, el := range d.edgeLabels {
			fill := "#444444"
			if d.links[el.link].Money != nil && (opt.EdgeLabels == EdgeAuto || opt.EdgeLabels == EdgeMoney) {
				fill = "#7A5C00"
			}
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#FFFFFF" fill-opacity="0.8"/><text x="%.1f" y="%.1f" fill="%s">%s</text>`+"\n",
				el.box.x0, el.box.y0, el.box.x1-el.box.x0, el.box.y1-el.box.y0, (el.box.x0+el.box.x1)/2, el.box.y1-3.5, fill, xmlText(el.text))
		}
		b.WriteString("</g>\n")
	}

	// Nodes.
	b.WriteString(`<g id="actors">` + "\n")
	for i, g := range d.nodes {
		a := s.Actor(i)
		st := Style(a.Kind)
		stroke, sw := "#333333", 1.0
		if slices.Contains(hl.CutPoints, a.ID) {
			stroke, sw = "#D00000", 3
		}
		fmt.Fprintf(b, `<g class="actor" data-id="%s"><title>%s (%s)</title>`, xmlText(a.ID), xmlText(label(a)), a.Kind)
		writeShape(b, st.Shape, g.c, g.r, st.Fill, stroke, sw, a.IsAggregate())
		b.WriteString("</g>\n")
	}
	b.WriteString("</g>\n")

	// Labels.
	b.WriteString(`<g id="labels">` + "\n")
	for i, lb := range d.labels {
		if lb.lines == nil {
			continue
		}
		bx := lb.box
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="3" fill="#FFFFFF" fill-opacity="0.88"/>`, bx.x0, bx.y0, bx.x1-bx.x0, bx.y1-bx.y0)
		fmt.Fprintf(b, `<text data-id="%s">`, xmlText(s.ID(i)))
		for k, line := range lb.lines {
			fmt.Fprintf(b, `<tspan x="%.1f" y="%.1f">%s</tspan>`, bx.x0+svgPadX, bx.y0+2+svgLineH*float64(k)+svgFont-1, xmlText(line))
		}
		b.WriteString("</text>\n")
	}
	b.WriteString("</g>\n")

	writeLegend(b, d.legend)
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

// writeLegend draws the legend's items at their places.
func writeLegend(b *bufio.Writer, lg legend) {
	fmt.Fprintf(b, `<g id="legend"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#F7F7F7" stroke="#CCCCCC"/>`+"\n", lg.box.x0, lg.box.y0, lg.box.x1-lg.box.x0, lg.box.y1-lg.box.y0)
	for k, it := range lg.items {
		p := lg.pos[k]
		mid := p.y + legendRowH/2
		if it.header {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-weight="bold" data-key="%s">%s</text>`+"\n", p.x, mid+4, xmlText(it.key), xmlText(it.text))
			continue
		}
		switch {
		case it.line != nil:
			st := it.line
			extra := ""
			switch {
			case st.Dashed:
				extra = ` stroke-dasharray="6 4"`
			case st.Dotted:
				extra = ` stroke-dasharray="2 3"`
			}
			if st.Arrow {
				extra += fmt.Sprintf(` marker-end="url(#arrow-%s)"`, it.linkKind)
			}
			fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`, p.x, mid, p.x+22, mid, st.Color, math.Max(st.Width, 1.5), extra)
		case it.shape == "hull":
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="20" height="12" rx="5" fill="%s" fill-opacity="0.35"/>`, p.x+1, mid-6, it.fill)
		case it.shape == "size":
			fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="#FFFFFF" stroke="#333333"/><circle cx="%.1f" cy="%.1f" r="7" fill="#FFFFFF" stroke="#333333"/>`, p.x+4, mid+3, p.x+16, mid)
		default:
			writeShape(b, it.shape, point{p.x + 10, mid}, 6.5, it.fill, it.stroke, it.strokeW, it.ring)
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" data-key="%s">%s</text>`+"\n", p.x+legendSwatch, mid+4, xmlText(it.key), xmlText(it.text))
	}
	b.WriteString("</g>\n")
}

// xmlText escapes text for SVG: line breaks become spaces.
func xmlText(s string) string { return xmltext.Escape(s, false) }

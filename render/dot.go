package render

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
	"github.com/labournet/labournet/internal/xmltext"
	"github.com/labournet/labournet/network"
)

// dotQuote returns s as a quoted DOT string: backslashes, quotes and line
// breaks escaped; any other character, Cyrillic included, kept as UTF-8.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return `"` + r.Replace(s) + `"`
}

// DOT writes n as a Graphviz digraph: one node per actor, shaped and
// coloured by kind, one edge per link, styled by kind and status
// (undirected kinds drawn without arrowheads), with a legend of what is
// drawn. Names are wrapped over up to four lines; boxes hold their name,
// while the other shapes are drawn at a fixed size (by opt.Size, as in SVG)
// with the name beside them (xlabel), so that long names do not swell them.
// The legend is a single node holding an HTML-like table, so that every
// engine (dot, neato, fdp, sfdp) keeps it in one piece. opt.Cluster groups
// actors into clusters by level, around their bodies (an actor in several
// bodies goes with the first by ID), by region or by community (dot and
// fdp draw clusters; neato and sfdp ignore them); opt.Highlight enlarges
// central actors and marks articulation points and bridges in red;
// opt.EdgeLabels chooses the text on links (by default the amount, else
// the link's Label).
func DOT(w io.Writer, n *network.Network, opt Options) error {
	b := bufio.NewWriter(w)
	as := sortedActors(n)
	links := n.Links()
	s := n.Snapshot()
	hl := opt.Highlight
	radius := nodeRadii(s, opt)
	maxScore := 0.0
	for _, v := range hl.Central {
		maxScore = max(maxScore, v)
	}
	fmt.Fprintf(b, "digraph %s {\n", dotQuote(n.Name))
	fmt.Fprintf(b, "  graph [label=%s, labelloc=t, fontname=\"Helvetica\", fontsize=16, overlap=false, splines=true, rankdir=LR, forcelabels=true, outputorder=edgesfirst];\n", dotQuote(title(n, opt)))
	b.WriteString("  node [style=filled, fontname=\"Helvetica\", fontsize=10, color=\"#333333\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=8];\n")
	node := func(indent string, a actor.Actor) {
		st := Style(a.Kind)
		name := strings.Join(wrapText(label(a), labelWrap, labelMaxLines), "\n")
		attrs := []string{"shape=" + st.Shape, "fillcolor=" + dotQuote(st.Fill)}
		if st.Shape == "box" {
			attrs = append([]string{"label=" + dotQuote(name)}, attrs...)
		} else {
			i, _ := s.Index(a.ID)
			size := 2 * radius[i] / 72 * 1.4 // inches, a little larger than the SVG's
			attrs = append([]string{`label=""`, "xlabel=" + dotQuote(name)}, attrs...)
			attrs = append(attrs, "fixedsize=true", fmt.Sprintf("width=%.2f, height=%.2f", size, size))
		}
		if a.IsAggregate() {
			attrs = append(attrs, "peripheries=2")
		}
		central := false
		if v, ok := hl.Central[a.ID]; ok && maxScore > 0 {
			attrs = append(attrs, fmt.Sprintf("fontsize=%.1f", 10+8*v/maxScore))
			central = true
		}
		switch {
		case slices.Contains(hl.CutPoints, a.ID):
			attrs = append(attrs, `color="#D00000"`, "penwidth=3")
		case central:
			attrs = append(attrs, "penwidth=2")
		}
		fmt.Fprintf(b, "%s%s [%s];\n", indent, dotQuote(a.ID), strings.Join(attrs, ", "))
	}
	byID := map[string]actor.Actor{}
	for _, a := range as {
		byID[a.ID] = a
	}
	placed := map[string]bool{}
	for k, g := range groupsOf(as, links, opt.Cluster, s, opt.Seed) {
		id := fmt.Sprintf("cluster_%d", k)
		switch opt.Cluster {
		case ByLevel:
			id = "cluster_level_" + g.name
		case ByBody:
			id = "cluster_body_" + g.ids[0]
		}
		fmt.Fprintf(b, "  subgraph %s {\n    label=%s; style=rounded; color=\"#999999\";\n", dotQuote(id), dotQuote(g.name))
		for _, id := range g.ids {
			node("    ", byID[id])
			placed[id] = true
		}
		b.WriteString("  }\n")
	}
	for _, a := range as {
		if !placed[a.ID] {
			node("  ", a)
		}
	}
	for _, l := range links {
		st := StyleOf(l)
		color, width := st.Color, ""
		if hl.isBridge(l.From, l.To) {
			color, width = "#D00000", "penwidth=3"
		}
		attrs := []string{"color=" + dotQuote(color)}
		if width != "" {
			attrs = append(attrs, width)
		}
		if !st.Arrow {
			attrs = append(attrs, "dir=none")
		}
		switch {
		case st.Dashed:
			attrs = append(attrs, "style=dashed")
		case st.Dotted:
			attrs = append(attrs, "style=dotted")
		}
		if t := edgeText(l, opt.EdgeLabels, true); t != "" {
			attrs = append(attrs, "label="+dotQuote(strings.Join(wrapText(t, labelWrap, 2), "\n")))
		}
		fmt.Fprintf(b, "  %s -> %s [%s];\n", dotQuote(l.From), dotQuote(l.To), strings.Join(attrs, ", "))
	}
	writeDOTLegend(b, as, links, opt)
	b.WriteString("}\n")
	return b.Flush()
}

// dotGlyphs are the characters that stand for the node shapes in the DOT
// legend's table.
var dotGlyphs = map[string]string{"box": "■", "circle": "●", "ellipse": "●", "diamond": "◆", "hexagon": "⬢", "triangle": "▲"}

// dotOutlines are the outlined forms of dotGlyphs, for pale fills.
var dotOutlines = map[string]string{"■": "□", "●": "○", "◆": "◇", "⬢": "⬡", "▲": "△"}

// light says whether the colour #rrggbb is pale (relative luminance, ITU-R
// BT.709 weights, above 0.85; the yellows stay in colour).
func light(c string) bool {
	var r, g, b int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return false
	}
	return (0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b))/255 > 0.85
}

// writeDOTLegend writes the legend as one plaintext node whose label is an
// HTML-like table: one row per actor kind present (a coloured glyph of its
// shape), per mark used, and per link style present.
func writeDOTLegend(b *bufio.Writer, as []actor.Actor, links []network.Link, opt Options) {
	esc := func(s string) string { return xmltext.Escape(s, false) }
	var rows []string
	row := func(symbol, text string) {
		rows = append(rows, fmt.Sprintf(`<TR><TD ALIGN="CENTER">%s</TD><TD ALIGN="LEFT">%s</TD></TR>`, symbol, esc(text)))
	}
	header := func(text string) {
		rows = append(rows, fmt.Sprintf(`<TR><TD COLSPAN="2" ALIGN="LEFT"><B>%s</B></TD></TR>`, esc(text)))
	}
	header("Actors")
	aggregate, cut := false, false
	for _, a := range as {
		aggregate = aggregate || a.IsAggregate()
		cut = cut || slices.Contains(opt.Highlight.CutPoints, a.ID)
	}
	for _, k := range usedKinds(as) {
		st := Style(k)
		g, color := dotGlyphs[st.Shape], st.Fill
		if g == "" {
			g = "●"
		}
		if light(st.Fill) { // a pale fill would vanish: draw the outline
			g, color = dotOutlines[g], "#333333"
		}
		row(fmt.Sprintf(`<FONT COLOR="%s" POINT-SIZE="14">%s</FONT>`, color, g), k.String())
	}
	if aggregate {
		row(`<FONT POINT-SIZE="14">◎</FONT>`, "group of organisations (double outline)")
	}
	if cut {
		row(`<FONT COLOR="#D00000" POINT-SIZE="14">○</FONT>`, "articulation point (red outline)")
	}
	if len(links) > 0 {
		header("Links")
	}
	directed := map[network.LinkKind]bool{}
	planned, ended, bridge := false, false, false
	for _, l := range links {
		directed[l.Kind] = directed[l.Kind] || l.IsDirected()
		planned = planned || l.Status == network.Planned
		ended = ended || l.Status == network.Ended
		bridge = bridge || opt.Highlight.isBridge(l.From, l.To)
	}
	for _, k := range usedLinkKinds(links) {
		line := "───"
		if directed[k] {
			line = "──▶"
		}
		row(fmt.Sprintf(`<FONT COLOR="%s">%s</FONT>`, StyleOf(network.Link{Kind: k}).Color, line), k.String())
	}
	if planned {
		row(`<FONT COLOR="#555555">- - -</FONT>`, "planned")
	}
	if ended {
		row(`<FONT COLOR="#AAAAAA">· · · ·</FONT>`, "ended")
	}
	if bridge {
		row(`<FONT COLOR="#D00000"><B>━━━</B></FONT>`, "bridge (single tie)")
	}
	fmt.Fprintf(b, "  \"legend\" [shape=plaintext, style=\"\", fontsize=9, label=<<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" BGCOLOR=\"#F7F7F7\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">%s</TABLE>>];\n", strings.Join(rows, ""))
}

package render

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/labournet/labournet/actor"
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
// (undirected kinds drawn without arrowheads), with a legend of the kinds
// used. opt.Cluster groups actors by level or around their bodies (an actor
// in several bodies goes with the first by ID); opt.Highlight enlarges
// central actors and marks articulation points and bridges in red.
func DOT(w io.Writer, n *network.Network, opt Options) error {
	b := bufio.NewWriter(w)
	as := sortedActors(n)
	links := n.Links()
	hl := opt.Highlight
	maxScore := 0.0
	for _, v := range hl.Central {
		maxScore = max(maxScore, v)
	}
	fmt.Fprintf(b, "digraph %s {\n", dotQuote(n.Name))
	fmt.Fprintf(b, "  graph [label=%s, labelloc=t, fontname=\"Helvetica\", fontsize=16, overlap=false, splines=true, rankdir=LR];\n", dotQuote(title(n, opt)))
	b.WriteString("  node [style=filled, fontname=\"Helvetica\", fontsize=10, color=\"#333333\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\", fontsize=8];\n")
	node := func(indent string, a actor.Actor) {
		st := Style(a.Kind)
		attrs := []string{"label=" + dotQuote(label(a)), "shape=" + st.Shape, "fillcolor=" + dotQuote(st.Fill)}
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
	placed := map[string]bool{}
	switch opt.Cluster {
	case ByLevel:
		for _, lv := range append([]actor.Level{actor.LevelUnknown}, actor.Levels()...) {
			var members []actor.Actor
			for _, a := range as {
				if a.Level == lv {
					members = append(members, a)
				}
			}
			if len(members) == 0 {
				continue
			}
			name := lv.String()
			if name == "" {
				name = "level not given"
			}
			fmt.Fprintf(b, "  subgraph %s {\n    label=%s; style=rounded; color=\"#999999\";\n", dotQuote("cluster_level_"+name), dotQuote(name))
			for _, a := range members {
				node("    ", a)
				placed[a.ID] = true
			}
			b.WriteString("  }\n")
		}
	case ByBody:
		byID := map[string]actor.Actor{}
		for _, a := range as {
			byID[a.ID] = a
		}
		for _, body := range as {
			if body.Kind != actor.Body || placed[body.ID] {
				continue
			}
			var members []string
			for _, l := range links {
				if l.Kind == network.Membership && l.To == body.ID && !placed[l.From] && byID[l.From].Kind != actor.Body {
					members = append(members, l.From)
				}
			}
			slices.Sort(members)
			members = slices.Compact(members)
			fmt.Fprintf(b, "  subgraph %s {\n    label=%s; style=rounded; color=\"#999999\";\n", dotQuote("cluster_body_"+body.ID), dotQuote(label(body)))
			node("    ", body)
			placed[body.ID] = true
			for _, id := range members {
				node("    ", byID[id])
				placed[id] = true
			}
			b.WriteString("  }\n")
		}
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
		if t := linkLabel(l); t != "" {
			attrs = append(attrs, "label="+dotQuote(t))
		}
		fmt.Fprintf(b, "  %s -> %s [%s];\n", dotQuote(l.From), dotQuote(l.To), strings.Join(attrs, ", "))
	}
	// Legend.
	b.WriteString("  subgraph \"cluster_legend\" {\n    label=\"Legend\"; style=rounded; color=\"#BBBBBB\"; fontsize=10;\n")
	for _, k := range usedKinds(as) {
		st := Style(k)
		fmt.Fprintf(b, "    %s [label=%s, shape=%s, fillcolor=%s, fontsize=8];\n", dotQuote("legend:"+k.String()), dotQuote(k.String()), st.Shape, dotQuote(st.Fill))
	}
	for _, k := range usedLinkKinds(links) {
		st := StyleOf(network.Link{Kind: k})
		from, to := dotQuote("legend:"+k.String()+":from"), dotQuote("legend:"+k.String()+":to")
		fmt.Fprintf(b, "    %s [label=\"\", shape=point, width=0.05];\n    %s [label=\"\", shape=point, width=0.05];\n", from, to)
		dir := ""
		if !st.Arrow {
			dir = ", dir=none"
		}
		fmt.Fprintf(b, "    %s -> %s [label=%s, color=%s, fontsize=8%s];\n", from, to, dotQuote(k.String()), dotQuote(st.Color), dir)
	}
	b.WriteString("    \"legend:planned\" [label=\"\", shape=point, width=0.05];\n    \"legend:planned:to\" [label=\"\", shape=point, width=0.05];\n")
	b.WriteString("    \"legend:planned\" -> \"legend:planned:to\" [label=\"planned\", style=dashed, dir=none, fontsize=8];\n")
	b.WriteString("  }\n}\n")
	return b.Flush()
}

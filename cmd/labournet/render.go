package main

import (
	"context"
	"io"
	"maps"
	"slices"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

var renderFormats = []string{"dot", "svg", "html", "mermaid", "graphml", "gexf"}

// renderExts maps the extensions of -o to the formats of render.
var renderExts = map[string]string{
	".dot": "dot", ".gv": "dot", ".svg": "svg", ".html": "html", ".htm": "html", ".mmd": "mermaid", ".mermaid": "mermaid",
	".graphml": "graphml", ".gexf": "gexf",
}

func (a *app) renderCmd() *cobra.Command {
	var format, highlight, cluster, size, edgeLabels, out, inputFormat string
	var seed uint64
	var maxLabels int
	cmd := &cobra.Command{
		Use:   "render FILE|DIR|-",
		Short: "Draw the network (SVG, an interactive HTML map, DOT, Mermaid) or export it (GraphML, GEXF)",
		Long: `Draws the network as a link diagram: a self-contained SVG drawn without
Graphviz, fit for a report (every actor labelled, labels wrapped and never
over one another or a node, the canvas fitted to the drawing, a legend of
what is drawn); an interactive HTML map that works offline in any browser
(pan and zoom, search by name, filters by actor and link kind, a date slider
showing the links in force on a day, each actor's details and measures on a
click); Graphviz DOT; or a Mermaid flowchart for Markdown pages. Or exports
it for other tools: GraphML (Gephi, yEd, Cytoscape, NetworkX) or GEXF (Gephi).

The format is --format, or else the extension of -o: .svg, .html or .htm,
.dot or .gv, .mmd or .mermaid, .graphml, .gexf. One of the two is required.

--cluster groups actors (SVG: shaded areas; DOT: clusters; HTML: ignored) by
level, body, region (the actor's region) or community (Louvain, seeded by
--layout-seed). --size sets node size by degree, betweenness or none.
--edge-labels writes money, role, cadence or the link's own label on links
(default auto: funding amounts).`,
		Example: `  labournet render examples/liberec/liberec.json -o liberec.svg
  labournet render examples/liberec/liberec.json -o liberec.html
  labournet render examples/vratsa/vratsa.json -o vratsa.svg --size betweenness --cluster region --edge-labels role
  labournet render examples/liberec/liberec.json --format dot -o liberec.dot
  labournet render examples/jobtown2/jobtown2.json --format mermaid --highlight bottlenecks
  labournet render examples/liberec/liberec.json --format dot --cluster level -o - | dot -Tpng -o liberec.png`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	f := cmd.Flags()
	addFormatFlag(cmd, &format, "", renderFormats, "output `FORMAT`: svg, html, dot, mermaid, graphml or gexf (default: from the extension of -o)")
	addOutputFlag(cmd, &out)
	f.StringVar(&highlight, "highlight", "", "`WHAT` to highlight: central (the most central actors, by betweenness, drawn larger) or bottlenecks (articulation points and bridges in red)")
	f.Uint64Var(&seed, "layout-seed", 1, "`SEED` of the SVG layout")
	f.StringVar(&cluster, "cluster", "none", "group actors `BY` none, level, body, region or community (SVG and DOT)")
	f.StringVar(&size, "size", "degree", "node size `BY` degree, betweenness or none (SVG)")
	f.StringVar(&edgeLabels, "edge-labels", "auto", "`TEXT` on links: auto (funding amounts), none, money, role, cadence or text (the link's label)")
	f.IntVar(&maxLabels, "max-labels", 150, "label at most `N` actors in SVG, the most central first")
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RegisterFlagCompletionFunc("highlight", cobra.FixedCompletions([]string{"central", "bottlenecks"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("cluster", cobra.FixedCompletions(mapKeys(clusters), cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("size", cobra.FixedCompletions(mapKeys(sizes), cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("edge-labels", cobra.FixedCompletions(mapKeys(edgeTexts), cobra.ShellCompDirectiveNoFileComp))
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := pickFormat(cmd, format, out, renderExts, "", renderFormats)
		if err != nil {
			return err
		}
		draw := map[string]func(io.Writer, *network.Network, render.Options) error{
			"dot": render.DOT, "svg": render.SVG, "html": render.HTML, "mermaid": render.Mermaid,
			"graphml": func(w io.Writer, n *network.Network, _ render.Options) error { return graphml.Write(w, n) },
			"gexf":    func(w io.Writer, n *network.Network, _ render.Options) error { return gexf.Write(w, n) },
		}[format]
		opt := render.Options{Seed: seed, MaxLabels: maxLabels}
		var ok bool
		if opt.Cluster, ok = clusters[cluster]; !ok {
			return usagef("--cluster %s: want none, level, body, region or community", quote(cluster))
		}
		if opt.Size, ok = sizes[size]; !ok {
			return usagef("--size %s: want degree, betweenness or none", quote(size))
		}
		if opt.EdgeLabels, ok = edgeTexts[edgeLabels]; !ok {
			return usagef("--edge-labels %s: want auto, none, money, role, cadence or text", quote(edgeLabels))
		}
		if maxLabels < 0 {
			return usagef("--max-labels %d: want 0 or more", maxLabels)
		}
		if highlight != "" && highlight != "central" && highlight != "bottlenecks" {
			return usagef("--highlight %s: want central or bottlenecks", quote(highlight))
		}
		o, n, err := a.openAndLoad(out, args[0], inputFormat)
		if err != nil {
			return err
		}
		defer o.abort()
		if opt.Highlight, err = highlightOf(cmd.Context(), a.act, n, highlight); err != nil {
			return err
		}
		a.act.set("drawing the " + format)
		return o.finish(cmd.Context(), draw(o, n, opt))
	})
	return cmd
}

// The values of --cluster, --size and --edge-labels.
var (
	clusters = map[string]render.Cluster{"none": render.NoCluster, "level": render.ByLevel, "body": render.ByBody,
		"region": render.ByRegion, "community": render.ByCommunity}
	sizes     = map[string]render.SizeBy{"degree": render.SizeDegree, "betweenness": render.SizeBetweenness, "none": render.SizeNone}
	edgeTexts = map[string]render.EdgeLabel{"auto": render.EdgeAuto, "none": render.EdgeNone, "money": render.EdgeMoney,
		"role": render.EdgeRole, "cadence": render.EdgeCadence, "text": render.EdgeText}
)

// mapKeys returns the keys of m, sorted.
func mapKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// highlightOf computes what --highlight asks for on the working network.
func highlightOf(ctx context.Context, act *activity, n *network.Network, what string) (render.Highlight, error) {
	var h render.Highlight
	if what == "" {
		return h, nil
	}
	act.set("preparing the network")
	s := n.InForce(network.Date{}).Snapshot()
	switch what {
	case "central":
		h.Central = map[string]float64{}
		btw, err := centrality.Betweenness(ctx, s, centrality.BetweennessOptions{Progress: act.progress("computing betweenness", "searches")})
		if err != nil {
			return h, err
		}
		for _, sc := range btw.Top(10) {
			if sc.Value > 0 {
				h.Central[sc.ID] = float64(sc.Value)
			}
		}
	case "bottlenecks":
		act.set("finding articulation points and bridges")
		for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
			h.CutPoints = append(h.CutPoints, c.ID)
		}
		for _, b := range bottleneck.Bridges(s) {
			h.Bridges = append(h.Bridges, [2]string{b.From, b.To})
		}
	}
	return h, nil
}

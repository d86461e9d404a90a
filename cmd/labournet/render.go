package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"
	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

var renderFormats = []string{"dot", "svg", "mermaid", "graphml", "gexf"}

// renderExts maps the extensions of -o to the formats of render.
var renderExts = map[string]string{
	".dot": "dot", ".gv": "dot", ".svg": "svg", ".mmd": "mermaid", ".mermaid": "mermaid",
	".graphml": "graphml", ".gexf": "gexf",
}

func (a *app) renderCmd() *cobra.Command {
	var format, highlight, cluster, out, inputFormat string
	var seed uint64
	cmd := &cobra.Command{
		Use:   "render FILE|DIR|-",
		Short: "Draw the network (DOT, SVG, Mermaid) or export it (GraphML, GEXF)",
		Long: `Draws the network as a link diagram: Graphviz DOT, a self-contained SVG
drawn without Graphviz, or a Mermaid flowchart for Markdown pages; or exports
it for other tools: GraphML (Gephi, yEd, Cytoscape, NetworkX) or GEXF (Gephi).

The format is --format, or else the extension of -o: .dot or .gv, .svg,
.mmd or .mermaid, .graphml, .gexf. One of the two is required.`,
		Example: `  labournet render examples/liberec/liberec.json -o liberec.svg
  labournet render examples/liberec/liberec.json --format dot -o liberec.dot
  labournet render examples/jobtown2/jobtown2.json --format mermaid --highlight bottlenecks
  labournet render examples/liberec/liberec.json --format dot --cluster level -o - | dot -Tpng -o liberec.png`,
	}
	networkArgs(cmd, "one FILE, DIR or -")
	f := cmd.Flags()
	addFormatFlag(cmd, &format, "", renderFormats, "output `FORMAT`: dot, svg, mermaid, graphml or gexf (default: from the extension of -o)")
	addOutputFlag(cmd, &out)
	f.StringVar(&highlight, "highlight", "", "`WHAT` to highlight: central (the most central actors, by betweenness, drawn larger) or bottlenecks (articulation points and bridges in red)")
	f.Uint64Var(&seed, "layout-seed", 1, "`SEED` of the SVG layout")
	f.StringVar(&cluster, "cluster", "none", "group actors in DOT output `BY` none, level or body")
	addInputFormatFlag(cmd, &inputFormat)
	cmd.RegisterFlagCompletionFunc("highlight", cobra.FixedCompletions([]string{"central", "bottlenecks"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("cluster", cobra.FixedCompletions([]string{"none", "level", "body"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RunE = a.command(func(cmd *cobra.Command, args []string) error {
		format, err := pickFormat(cmd, format, out, renderExts, "", renderFormats)
		if err != nil {
			return err
		}
		draw := map[string]func(io.Writer, *network.Network, render.Options) error{
			"dot": render.DOT, "svg": render.SVG, "mermaid": render.Mermaid,
			"graphml": func(w io.Writer, n *network.Network, _ render.Options) error { return graphml.Write(w, n) },
			"gexf":    func(w io.Writer, n *network.Network, _ render.Options) error { return gexf.Write(w, n) },
		}[format]
		opt := render.Options{Seed: seed}
		switch cluster {
		case "none":
		case "level":
			opt.Cluster = render.ByLevel
		case "body":
			opt.Cluster = render.ByBody
		default:
			return usagef("--cluster %s: want none, level or body", quote(cluster))
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

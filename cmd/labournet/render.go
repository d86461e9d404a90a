package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/labournet/labournet/analysis/bottleneck"
	"github.com/labournet/labournet/analysis/centrality"

	"github.com/labournet/labournet/encoding/gexf"
	"github.com/labournet/labournet/encoding/graphml"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
)

const renderUsage = `usage: labournet render --format dot|svg|mermaid|graphml|gexf [flags] FILE|DIR

Draws the network as a link diagram: Graphviz DOT, a self-contained SVG
drawn without Graphviz, or a Mermaid flowchart for Markdown pages; or exports
it for other tools: GraphML (Gephi, yEd, Cytoscape, NetworkX) or GEXF (Gephi).

Flags:
  --format F              dot, svg, mermaid, graphml or gexf (required)
  --highlight central|bottlenecks
                          central: the most central actors (betweenness) drawn
                          larger; bottlenecks: articulation points and bridges
                          in red
  --layout-seed N         seed of the SVG layout (default 1)
  --cluster none|level|body   group actors in DOT output
  -o OUT                  write to OUT (through a temporary file) instead of
                          standard output`

func init() {
	register(command{"render", "draw the network (DOT, SVG, Mermaid) or export it (GraphML, GEXF)", renderUsage, cmdRender})
}

func cmdRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "", "")
	highlight := fs.String("highlight", "", "")
	seed := fs.String("layout-seed", "1", "")
	cluster := fs.String("cluster", "none", "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "render", renderUsage, "%v", err)
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "render", renderUsage, "want one FILE or DIR, got %d arguments", fs.NArg())
	}
	draw := map[string]func(io.Writer, *network.Network, render.Options) error{
		"dot": render.DOT, "svg": render.SVG, "mermaid": render.Mermaid,
		"graphml": func(w io.Writer, n *network.Network, _ render.Options) error { return graphml.Write(w, n) },
		"gexf":    func(w io.Writer, n *network.Network, _ render.Options) error { return gexf.Write(w, n) },
	}[*format]
	if draw == nil {
		return usageError(stderr, "render", renderUsage, "--format %q: want dot, svg, mermaid, graphml or gexf", *format)
	}
	s, err := strconv.ParseUint(*seed, 10, 64)
	if err != nil {
		return usageError(stderr, "render", renderUsage, "--layout-seed %q: want a whole number", *seed)
	}
	opt := render.Options{Seed: s}
	switch *cluster {
	case "none":
	case "level":
		opt.Cluster = render.ByLevel
	case "body":
		opt.Cluster = render.ByBody
	default:
		return usageError(stderr, "render", renderUsage, "--cluster %q: want none, level or body", *cluster)
	}
	if *highlight != "" && *highlight != "central" && *highlight != "bottlenecks" {
		return usageError(stderr, "render", renderUsage, "--highlight %q: want central or bottlenecks", *highlight)
	}
	n, code := loadNetwork(fs.Arg(0), stderr)
	if code != 0 {
		return code
	}
	opt.Highlight = highlightOf(n, *highlight)
	if *out == "" {
		err = draw(stdout, n, opt)
	} else {
		err = atomicfile.Write(*out, func(w io.Writer) error { return draw(w, n, opt) })
	}
	if err != nil {
		fmt.Fprintf(stderr, "labournet render: %v\n", err)
		return 1
	}
	return 0
}

// highlightOf computes what --highlight asks for on the working network.
func highlightOf(n *network.Network, what string) render.Highlight {
	var h render.Highlight
	s := n.Current().Snapshot()
	switch what {
	case "central":
		h.Central = map[string]float64{}
		btw, _ := centrality.Betweenness(context.Background(), s, centrality.BetweennessOptions{}) // cannot fail without cancellation
		for _, sc := range btw.Top(10) {
			if sc.Value > 0 {
				h.Central[sc.ID] = float64(sc.Value)
			}
		}
	case "bottlenecks":
		for _, c := range bottleneck.ArticulationPoints(s, bottleneck.CutOptions{}) {
			h.CutPoints = append(h.CutPoints, c.ID)
		}
		for _, b := range bottleneck.Bridges(s) {
			h.Bridges = append(h.Bridges, [2]string{b.From, b.To})
		}
	}
	return h
}

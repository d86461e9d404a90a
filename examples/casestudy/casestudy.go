// Package casestudy runs the example programs of the four reference cases:
// it reads an embedded dataset, analyses it, prints the report and writes
// the link diagram as SVG and DOT and the interactive map as HTML.
package casestudy

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/labournet/labournet/encoding"
	"github.com/labournet/labournet/internal/atomicfile"
	"github.com/labournet/labournet/network"
	"github.com/labournet/labournet/render"
	"github.com/labournet/labournet/report"
)

// Case is one reference case.
type Case struct {
	// Name is the base name of the files written ("liberec").
	Name string
	// Data is the dataset in the labournet/1 JSON format.
	Data []byte
	// Extra prints case-specific findings after the report; it may be nil.
	Extra func(w io.Writer, n *network.Network, r *report.Report)
}

// Load reads the case's dataset.
func (c Case) Load() (*network.Network, error) {
	return encoding.ReadJSON(bytes.NewReader(c.Data), c.Name+".json")
}

// Run is the main program of an example: flags -o DIR (where the diagrams
// go, created if needed; default the current folder) and -format md|json (the report on
// standard output). It returns the exit status.
func Run(c Case, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("o", ".", "write the diagrams `DIR`/"+c.Name+".svg, .dot and .html (the interactive map)")
	format := fs.String("format", "md", "report format: md or json")
	seed := fs.Uint64("seed", 1, "layout seed of the SVG diagram")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *format != "md" && *format != "json" {
		fmt.Fprintf(stderr, "%s: -format %q: want md or json\n", c.Name, *format)
		return 2
	}
	n, err := c.Load()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	r, err := report.New(context.Background(), n, report.Options{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *format == "json" {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteMarkdown(stdout)
		if err == nil && c.Extra != nil {
			c.Extra(stdout, n, r)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	opt := render.Options{Seed: *seed, Title: n.Name, Highlight: Highlight(r)}
	for _, out := range []struct {
		ext  string
		draw func(io.Writer, *network.Network, render.Options) error
	}{{".svg", render.SVG}, {".dot", render.DOT}, {".html", render.HTML}} {
		path := filepath.Join(*dir, c.Name+out.ext)
		if err := atomicfile.Write(path, func(w io.Writer) error { return out.draw(w, n, opt) }); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintf(stderr, "wrote %s\n", path)
	}
	return 0
}

// Highlight marks a report's central actors, articulation points and
// bridges on a diagram.
func Highlight(r *report.Report) render.Highlight {
	h := render.Highlight{Central: map[string]float64{}}
	for _, c := range r.Central {
		h.Central[c.ID] = float64(c.Betweenness)
	}
	for _, c := range r.CutPoints {
		h.CutPoints = append(h.CutPoints, c.ID)
	}
	for _, b := range r.Bridges {
		h.Bridges = append(h.Bridges, [2]string{b.From, b.To})
	}
	return h
}
